// The seed's procedures (../shared/seed.md), each step as a person does it in the demo CRM: the
// sidebar, the app's pages and the elements' controls, found by role and by the seed's own words.
// What each step changed is then read from the mock backend, through the API the elements use.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startDemo, type Demo } from './support/demo.js';

interface Eligibility {
  channelId: string;
  canMessage: boolean;
  reasons: { code: string }[];
}

/** Calls the mock API from inside the page, as the elements do. */
async function api<T = Record<string, unknown>>(page: Page, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T; etag: string | null }> {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const response = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: response.status === 204 ? null : await response.json(), etag: response.headers.get('ETag') };
    },
    { method, path, body, headers },
  ) as Promise<{ status: number; body: T; etag: string | null }>;
}

const eligibilityOf = async (page: Page, id: string) => (await api<{ eligibility: Eligibility[] }>(page, 'GET', `/api/contacts/${id}`)).body.eligibility;
const contactOf = async (page: Page, id: string) => (await api<{ contact: { blocked: unknown } }>(page, 'GET', `/api/contacts/${id}`)).body.contact;

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Main' });

async function openQa(page: Page) {
  const toggle = page.getByRole('button', { name: 'QA controls' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** Contacts › All contacts › search › the contact's page, as the seed's first steps say. */
async function openContact(page: Page, demo: Demo, name: string, id: string) {
  await sidebar(page).getByRole('link', { name: 'All contacts' }).click();
  await page.waitForURL(`${demo.url}/crm/contacts`);
  // By email: names repeat among 2,000 contacts, an address does not.
  const email = `${name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(' ', '.')}@example.com`;
  await page.getByRole('searchbox', { name: /^Search/ }).fill(email);
  const grid = page.getByRole('grid');
  await grid.getByRole('link').filter({ hasNotText: name }).first().waitFor({ state: 'detached' });
  await grid.getByRole('link', { name, exact: true }).click();
  await page.waitForURL(`${demo.url}/crm/contacts/${id}`);
  await page.getByRole('heading', { name: 'Communication preferences' }).waitFor();
}

/** Contact actions › `action`, then the dialog's button of the same name. */
async function contactAction(page: Page, action: string, fill?: { label: string; value: string }) {
  await page.getByRole('button', { name: 'Contact actions' }).click();
  await page.getByRole('menuitem', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.waitFor();
  if (fill) await dialog.getByRole('textbox', { name: fill.label }).fill(fill.value);
  return dialog;
}

/** Settings › Messaging › Opt-out preferences: chooses `scope` and saves it. */
async function saveScope(page: Page, demo: Demo, scope: string) {
  await sidebar(page).getByRole('link', { name: 'Messaging' }).click();
  await page.waitForURL(`${demo.url}/crm/settings/messaging`);
  await page.getByRole('heading', { name: 'Opt-out preferences' }).waitFor();
  await page.getByRole('radio', { name: scope, exact: true }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: 'Opt-out preferences saved.' }).waitFor({ state: 'attached' });
  await page.getByText('You have unsaved changes.').waitFor({ state: 'detached' });
}

describe('the seed, end to end in the demo CRM', () => {
  let demo: Demo;
  before(async () => {
    demo = await startDemo();
  });
  after(async () => {
    await demo?.close();
  });

  test('Review contact opt-out status: find the contact, read the preferences, unsubscribe, block, unblock; then choose the scope and share it', async () => {
    const page = await demo.open('/?reset=1');
    await page.waitForURL(`${demo.url}/crm/contacts`);
    // Open Contacts from the main sidebar; search for and open the contact.
    await openContact(page, demo, 'Ava Tremblay', 'c-000001');
    // Review the contact's communication preferences.
    await page.getByText('Can be messaged on 9 of 9 channels').waitFor();

    // Unsubscribe contact: everywhere.
    let dialog = await contactAction(page, 'Unsubscribe contact');
    await dialog.getByRole('radio', { name: 'All channels' }).check();
    await dialog.getByRole('button', { name: 'Unsubscribe contact' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Cannot be messaged on any channel').first().waitFor();
    const unsubscribed = await eligibilityOf(page, 'c-000001');
    assert.equal(unsubscribed.length, 9);
    assert.ok(unsubscribed.every((e) => !e.canMessage && e.reasons.some((r) => r.code === 'unsubscribed')), JSON.stringify(unsubscribed));

    // Block contact, with the reason kept.
    dialog = await contactAction(page, 'Block contact', { label: 'Reason', value: 'Abusive replies' });
    await dialog.getByRole('button', { name: 'Block contact' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('note', { name: 'Blocked' }).waitFor();
    assert.notEqual((await contactOf(page, 'c-000001')).blocked, null);

    // Unblock contact: the block goes, the opt-outs stay.
    dialog = await contactAction(page, 'Unblock contact');
    await dialog.getByRole('button', { name: 'Unblock contact' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('note', { name: 'Blocked' }).waitFor({ state: 'detached' });
    assert.equal((await contactOf(page, 'c-000001')).blocked, null);
    assert.ok((await eligibilityOf(page, 'c-000001')).every((e) => !e.canMessage), 'unblocking restored no opt-out');

    // Settings › Messaging › Opt-out preferences: choose how widely STOP unsubscribes, save.
    await saveScope(page, demo, 'Every channel in the organization');
    const settings = await api<{ optOutScope: string }>(page, 'GET', '/api/settings/messaging');
    assert.equal(settings.body.optOutScope, 'organization');
    // Communicate the behaviour: the guidance to share, with Copy.
    const guidance = page.getByRole('region', { name: 'Guidance for your teams' }).or(page.getByRole('group', { name: 'Guidance for your teams' }));
    await guidance.getByText(/they are unsubscribed from every channel/).first().waitFor();
    await guidance.getByRole('button', { name: 'Copy' }).waitFor();
    await page.context().close();
  });

  test('Bulk unsubscribe contacts: All contacts, search, select, Bulk actions › Unsubscribe, review the audience, confirm; only those contacts change', async () => {
    const page = await demo.open('/?reset=1');
    await page.waitForURL(`${demo.url}/crm/contacts`);
    await sidebar(page).getByRole('link', { name: 'All contacts' }).click();
    const grid = page.getByRole('grid');
    await page.getByText('2,000 contacts', { exact: true }).waitFor();
    await page.getByRole('searchbox', { name: /^Search/ }).fill('Aisha');
    // Wait until the search is applied (the rows of all 2,000 happen to start with Aisha too).
    await page.getByText('2,000 contacts', { exact: true }).waitFor({ state: 'detached' });
    const links = grid.getByRole('link');
    await links.filter({ hasNotText: /^Aisha / }).first().waitFor({ state: 'detached' });
    // Select the first three contacts in the table.
    const chosen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const link = links.nth(i);
      const name = (await link.textContent())!.trim();
      assert.match(name, /^Aisha /);
      chosen.push(/\/crm\/contacts\/(c-\d+)$/.exec((await link.getAttribute('href'))!)![1]!);
    }
    const boxes = grid.getByRole('checkbox', { name: /^Select Aisha / });
    for (let i = 0; i < 3; i++) {
      await boxes.nth(i).click();
      await page.getByRole('status').filter({ hasText: `${i + 1} contact${i === 0 ? '' : 's'} selected.` }).waitFor({ state: 'attached' });
    }
    await page.getByRole('button', { name: 'Bulk actions' }).click();
    await page.getByRole('menuitem', { name: 'Unsubscribe' }).click();
    const review = page.getByRole('dialog', { name: 'Review the selected audience' });
    await review.waitFor();
    // The review names the audience: the three selected, counted by the server.
    await review.getByText(/\b3 contacts\b/).first().waitFor();
    const before = new Map<string, boolean[]>();
    const others = (await api<{ items: { id: string }[] }>(page, 'GET', '/api/contacts?query=Aisha&limit=50')).body.items.map((c) => c.id).filter((id) => !chosen.includes(id));
    assert.ok(others.length > 0, 'other contacts match the search too');
    for (const id of others) before.set(id, (await eligibilityOf(page, id)).map((e) => e.canMessage));
    await review.getByRole('button', { name: /^Unsubscribe 3 contacts$/ }).click();
    await page.getByText('Bulk unsubscribe finished').first().waitFor({ timeout: 20_000 });

    for (const id of chosen) {
      const eligibility = await eligibilityOf(page, id);
      assert.ok(
        eligibility.every((e) => !e.canMessage),
        `${id} unsubscribed everywhere it had a destination: ${JSON.stringify(eligibility)}`,
      );
    }
    for (const id of others) assert.deepEqual((await eligibilityOf(page, id)).map((e) => e.canMessage), before.get(id), `${id} was not selected and did not change`);
    await page.context().close();
  });

  test('Troubleshooting: why a contact did not receive a message, a STOP under the organization scope, and the rule an agent sees', async () => {
    const page = await demo.open('/?reset=1');
    await page.waitForURL(`${demo.url}/crm/contacts`);
    // One contact for each cause the seed lists, read on the contact's page.
    const causes: [string, string, string][] = [
      ['William Gauthier', 'c-000006', 'Unsubscribed'],
      ['Olivia Roy', 'c-000003', 'Blocked'],
      ['Noah Côté', 'c-000004', 'No phone number'],
      ['Emma Bouchard', 'c-000005', 'Invalid phone number'],
      ['Charlotte Morin', 'c-000007', "Contact's preference"],
    ];
    for (const [name, id, reason] of causes) {
      await openContact(page, demo, name, id);
      await page.getByRole('table').getByText(reason, { exact: true }).first().waitFor();
    }

    // A STOP under the organization scope unsubscribes every channel and names the rule.
    await saveScope(page, demo, 'Every channel in the organization');
    await openQa(page);
    const qa = page.getByRole('region', { name: 'QA controls' });
    await qa.getByRole('searchbox', { name: 'Find a contact' }).fill('Liam Gagnon');
    await qa.getByRole('combobox', { name: 'Contact' }).selectOption({ label: 'Liam Gagnon (c-000002)' });
    await qa.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'Airport SMS' });
    await qa.getByRole('textbox', { name: 'Reply' }).fill('STOP');
    await qa.getByRole('button', { name: 'Send reply' }).click();
    await qa.getByRole('list', { name: 'Channels changed' }).waitFor();
    await openContact(page, demo, 'Liam Gagnon', 'c-000002');
    await page.getByText('Cannot be messaged on any channel').first().waitFor();
    assert.ok((await eligibilityOf(page, 'c-000002')).every((e) => !e.canMessage));
    await page.getByText('rule: every channel').first().waitFor();

    // The current rule is visible to an agent, who cannot change it.
    await qa.getByRole('combobox', { name: 'User' }).selectOption({ label: 'Riley Agent · Agent' });
    await qa.getByRole('button', { name: 'Switch user' }).click();
    await page.getByRole('banner').getByText('Signed in as Riley Agent · Agent').waitFor();
    await openContact(page, demo, 'Ava Tremblay', 'c-000001');
    const rule = page.getByRole('note', { name: 'Rule in force:' });
    await rule.getByText(/every channel/).first().waitFor();
    assert.equal(await rule.getByRole('link', { name: 'Opt-out preferences' }).count(), 0);
    await sidebar(page).getByRole('link', { name: 'Messaging' }).click();
    await page.getByText('Only admins can change this.').waitFor();
    await page.context().close();
  });
});
