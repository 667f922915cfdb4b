import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startDemo, type Demo } from './support/demo.js';

// The playground is a QA page of the demo, at /playground (linked from the QA controls).
describe('demo: inbound reply playground', () => {
  let demo: Demo;
  before(async () => {
    demo = await startDemo();
  });
  after(async () => {
    await demo?.close();
  });

  test('opens at /playground', async () => {
    const page = await demo.open('/playground');
    await page.getByRole('heading', { name: 'Inbound reply playground', exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Unsubscribes the contact from 1 channel' }).waitFor();
    await page.context().close();
  });

  test('a STOP reply under the channel-type scope unsubscribes every SMS channel', async () => {
    const page = await demo.open('/playground');
    await page.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'Airport SMS (SMS, +14165550201)' });
    await page.getByRole('textbox', { name: 'Reply' }).fill('  stop!! ');
    await page.getByRole('radio', { name: 'All channels of the same type' }).check();
    await page.getByRole('status').filter({ hasText: 'Unsubscribes the contact from 3 channel' }).waitFor();
    // The page also shows contact-preferences; the affected channels are the playground's list.
    const items = await page.locator('inbound-reply-playground').getByRole('list').getByRole('listitem').allTextContents();
    assert.deepEqual(items.map((s) => s.trim()), ['Airport SMS', 'Downtown SMS', 'Uptown SMS']);
    await page.getByText('If a contact replies STOP to Airport SMS, they are unsubscribed from every SMS channel (3)').waitFor();
    await page.context().close();
  });

  test('a plain-language request is queued for review, an ordinary message is left alone', async () => {
    const page = await demo.open('/playground');
    const reply = page.getByRole('textbox', { name: 'Reply' });
    await reply.fill('please stop texting me');
    await page.getByRole('status').filter({ hasText: 'Queued for review' }).waitFor();
    await reply.fill('the bus stop is closed');
    await page.getByRole('status').filter({ hasText: 'reaches the inbox as usual' }).waitFor();
    await page.context().close();
  });

  test('switches to Canadian French from the language picker', async () => {
    const page = await demo.open('/playground');
    await page.getByRole('heading', { name: 'Inbound reply playground', exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr-CA');
    await page.getByRole('combobox', { name: 'Canal' }).waitFor();
    await page.context().close();
  });
});
