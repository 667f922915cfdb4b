import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startDemo, type Demo } from './support/demo.js';

describe('demo: Settings > Messaging, then a STOP through the Try-it panel', () => {
  let demo: Demo;
  before(async () => {
    demo = await startDemo();
  });
  after(async () => {
    await demo?.close();
  });

  test('contact-preferences shows exactly the channels the preview promised', async () => {
    // The demo's QA page with the three side by side, in one provider (linked from the QA controls).
    const page = await demo.open('/playground/try-it');
    const settings = page.locator('optout-settings');
    await settings.getByRole('heading', { name: 'Opt-out preferences' }).waitFor();
    await settings.getByRole('radio', { name: 'Only the channel messaged', exact: true }).check();
    await settings.getByRole('combobox', { name: 'A contact replies STOP to' }).selectOption({ label: 'Airport SMS' });
    const promised = (await settings.getByRole('list', { name: 'Channels a STOP to Airport SMS unsubscribes' }).getByRole('listitem').allTextContents()).map((s) =>
      s.replace('(new)', '').trim(),
    );
    assert.deepEqual(promised, ['Airport SMS']);
    await settings.getByText('2 fewer channels than today: Downtown SMS and Uptown SMS would stay subscribed.').waitFor();
    const save = settings.getByRole('button', { name: 'Save' });
    await save.click();
    await settings.getByText('You have unsaved changes.').waitFor({ state: 'detached' });

    const simulator = page.locator('inbound-reply-simulator');
    await simulator.getByRole('combobox', { name: 'Contact' }).selectOption({ label: 'Ava Tremblay' });
    await simulator.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'Airport SMS' });
    await simulator.getByRole('textbox', { name: 'Reply' }).fill('STOP');
    await simulator.getByRole('button', { name: 'Send reply' }).click();
    const changedList = simulator.getByRole('list', { name: 'Channels changed' });
    await changedList.waitFor();
    const changed = await changedList.getByRole('listitem').allTextContents();
    assert.deepEqual(changed.map((s) => s.trim()), promised);

    // The contact shown below is Ava; the simulator told the provider's cache she changed.
    const preferences = page.locator('contact-preferences');
    await preferences.getByText('Can be messaged on 8 of 9 channels').waitFor();
    const unsubscribed = await preferences.evaluate((el) => {
      const root = el.shadowRoot!;
      const types = [...root.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
      const names: string[] = [];
      for (const row of root.querySelectorAll('tbody tr')) {
        const location = row.querySelector('th')!.textContent!.trim();
        [...row.querySelectorAll('td')].forEach((cell, i) => {
          if (cell.querySelector('[data-can="no"]')) names.push(`${location} ${types[i]}`);
        });
      }
      return names;
    });
    assert.deepEqual(unsubscribed, promised);
    await page.context().close();
  });
});
