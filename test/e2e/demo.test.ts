// The demo a newcomer gets from `npm start`: the CRM host around the opt-out app, and the QA
// controls over the mock backend. Everything is found by role and name, as a person would.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { collectText, runAxe, type PageText } from '../stories/story-page.js';
import { leftInEnglish } from '../stories/identical-in-french.js';
import { expectNetworkErrors, startDemo, type Demo } from './support/demo.js';

/** Calls the mock API from inside the page, as the elements do. */
function api(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: response.status === 204 ? null : ((await response.json()) as Record<string, unknown>) };
    },
    { method, path, body },
  );
}

function qaStatus(page: Page, text: string | RegExp) {
  return page.getByRole('region', { name: 'QA controls' }).getByRole('status').filter({ hasText: text });
}

async function openQa(page: Page) {
  const toggle = page.getByRole('button', { name: 'QA controls' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

describe('demo: the CRM host and its QA controls', () => {
  let demo: Demo;
  before(async () => {
    demo = await startDemo();
  });
  after(async () => {
    await demo?.close();
  });

  test('opens at / on Contacts, says what the page is, and takes the one-shot parameters out of the URL', async () => {
    const page = await demo.open('/?reset=1');
    await page.waitForURL(`${demo.url}/crm/contacts`);
    await page.getByRole('heading', { name: 'All contacts' }).first().waitFor();
    await qaStatus(page, 'Mock backend: 2,000 contacts · signed in as Alex Admin (admin)').waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.getByRole('link', { name: 'All contacts' }).getAttribute('aria-current'), 'page');
    await page.getByRole('banner').getByText('Signed in as Alex Admin · Admin').waitFor();
    await nav.getByRole('link', { name: 'Opt-out requests' }).waitFor();

    // The first-visit hint, until dismissed, and not after a reload.
    const hint = page.getByText('A demo CRM: Contacts and Settings › Messaging are the opt-out microfrontend');
    await hint.waitFor();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await hint.waitFor({ state: 'hidden' });
    await page.reload();
    await page.getByRole('heading', { name: 'All contacts' }).first().waitFor();
    assert.equal(await hint.isVisible(), false);
    // The reload did not reset again: ?reset=1 was taken out of the address bar.
    assert.equal(page.url(), `${demo.url}/crm/contacts`);
    await page.context().close();
  });

  test('the sidebar opens Settings > Messaging and Opt-out requests in the app, and back leads to All contacts', async () => {
    const page = await demo.open('/');
    await page.getByRole('heading', { name: 'All contacts' }).first().waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Messaging' }).click();
    await page.waitForURL(`${demo.url}/crm/settings/messaging`);
    await page.getByRole('heading', { name: 'Messaging', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Opt-out preferences' }).waitFor();
    assert.equal(await page.title(), 'Messaging · Demo CRM');
    assert.equal(await nav.getByRole('link', { name: 'Messaging' }).getAttribute('aria-current'), 'page');
    assert.equal(await nav.getByRole('link', { name: 'All contacts' }).getAttribute('aria-current'), null);
    await nav.getByRole('link', { name: 'Opt-out requests' }).click();
    await page.waitForURL(`${demo.url}/crm/requests`);
    await page.getByRole('heading', { name: 'Opt-out requests', level: 1 }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Opt-out requests' }).getAttribute('aria-current'), 'page');
    await page.goBack();
    await page.waitForURL(`${demo.url}/crm/settings/messaging`);
    await page.goBack();
    await page.waitForURL(`${demo.url}/crm/contacts`);
    assert.equal(await nav.getByRole('link', { name: 'All contacts' }).getAttribute('aria-current'), 'page');
    await page.context().close();
  });

  test('a fresh demo has three opt-out requests waiting, the soonest deadline first', async () => {
    const page = await demo.open('/crm/requests?reset=1');
    await page.getByRole('heading', { name: 'Opt-out requests', level: 1 }).waitFor();
    const requests = page.getByRole('list', { name: 'Opt-out requests' }).getByRole('listitem');
    await requests.first().waitFor();
    assert.equal(await requests.count(), 3);
    const texts = await requests.allInnerTexts();
    assert.match(texts[0] ?? '', /Please stop texting me, I moved to Calgary/);
    assert.match(texts[2] ?? '', /take me off your list/);
    // The seed itself has none: they came through the backend's inbound path, as a reply would.
    const queue = await api(page, 'GET', '/api/reviews');
    assert.equal((queue.body?.['items'] as unknown[]).length, 3);
    await page.context().close();
  });

  test('the app’s own links move the sidebar’s current page and the title: a contact is under All contacts', async () => {
    const page = await demo.open('/?reset=1');
    await page.getByRole('heading', { name: 'All contacts' }).first().waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('liam.gagnon@example.com');
    await page.getByRole('link', { name: 'Liam Gagnon' }).click();
    await page.waitForURL(`${demo.url}/crm/contacts/c-000002`);
    await page.getByRole('heading', { name: 'Liam Gagnon', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.getByRole('link', { name: 'All contacts' }).getAttribute('aria-current'), 'true');
    await page.waitForFunction(() => document.title === 'Liam Gagnon · Demo CRM');
    await page.context().close();
  });

  test('switching the user to agent signs in as Riley Agent, for the header and the backend', async () => {
    const page = await demo.open('/?reset=1');
    await page.getByRole('banner').getByText('Signed in as Alex Admin · Admin').waitFor();
    await openQa(page);
    await page.getByRole('combobox', { name: 'User' }).selectOption({ label: 'Riley Agent · Agent' });
    await page.getByRole('button', { name: 'Switch user' }).click();
    await page.getByRole('banner').getByText('Signed in as Riley Agent · Agent').waitFor();
    await qaStatus(page, 'signed in as Riley Agent (agent)').waitFor();
    // Agents do not decide opt-out requests: the sidebar does not offer the queue.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'All contacts' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'Opt-out requests' }).count(), 0);
    const me = await api(page, 'GET', '/api/me');
    assert.equal((me.body?.['user'] as { id: string }).id, 'u-agent');
    // The backend enforces it: an agent may not merge.
    const merge = await api(page, 'POST', '/api/contacts/c-000001/merge', { sourceContactId: 'c-000002' });
    assert.equal(merge.status, 403);
    await page.context().close();
  });

  test('offline makes the next request fail where the user sees it, and clearing the fault recovers', async () => {
    const page = await demo.open('/?reset=1');
    await page.getByRole('heading', { name: 'All contacts' }).first().waitFor();
    await page.getByText('2,000 contacts', { exact: true }).waitFor();
    await openQa(page);
    expectNetworkErrors(page);
    await page.getByRole('checkbox', { name: 'Offline' }).check();
    await page.getByRole('button', { name: 'Apply faults' }).click();
    await page.getByText('Faults on: offline').waitFor();

    await page.getByRole('searchbox', { name: 'Search' }).fill('ava.tremblay@example.com');
    const failed = page.getByRole('alert').filter({ hasText: 'Contacts could not be loaded: the server could not be reached.' });
    await failed.waitFor();

    await page.getByRole('button', { name: 'Clear faults' }).click();
    await page.getByText('No faults').waitFor();
    await failed.getByRole('button', { name: 'Try again' }).click();
    await page.getByText('1 contact', { exact: true }).waitFor();
    await failed.waitFor({ state: 'detached' });
    await page.context().close();
  });

  test('faults stay on across a reload in the tab, and the URL parameters still set them', async () => {
    const page = await demo.open('/?latency=50&rateLimit=1000');
    const line = 'Faults on: 50 ms latency, at most 1,000 requests a minute';
    await page.getByText(line).waitFor();
    await page.reload();
    await page.getByText(line).waitFor();
    await openQa(page);
    assert.equal(await page.getByRole('spinbutton', { name: 'Latency (ms)' }).inputValue(), '50');
    await page.getByRole('button', { name: 'Clear faults' }).click();
    await page.getByText('No faults').waitFor();
    const faults = await api(page, 'GET', '/__mock/faults');
    assert.deepEqual(faults.body, { latencyMs: 0, errorRate: 0, offline: false, failNext: 0, rateLimit: 0, jobStepMs: 0 });
    await page.reload();
    await page.getByText('No faults').waitFor();
    await page.context().close();
  });

  test('reset re-seeds: a blocked contact and a deleted one come back as the seed has them', async () => {
    const page = await demo.open('/?reset=1');
    await qaStatus(page, 'Mock backend: 2,000 contacts').waitFor();
    assert.equal((await api(page, 'POST', '/api/contacts/c-000001/block', { reason: 'QA' })).status, 200);
    const noah = await api(page, 'GET', '/api/contacts/c-000004');
    const deleted = await page.evaluate(
      (etag) => fetch('/api/contacts/c-000004', { method: 'DELETE', headers: { 'If-Match': etag, 'Idempotency-Key': crypto.randomUUID() } }).then((r) => r.status),
      String(noah.body?.['etag']),
    );
    assert.equal(deleted, 204);
    await qaStatus(page, 'Mock backend: 1,999 contacts').waitFor();

    await openQa(page);
    await page.getByRole('button', { name: 'Reset the data' }).click();
    await qaStatus(page, 'Mock backend: 2,000 contacts').waitFor();
    await page.getByText('2,000 contacts', { exact: true }).waitFor();
    const ava = await api(page, 'GET', '/api/contacts/c-000001');
    assert.equal((ava.body?.['contact'] as { blocked: unknown }).blocked, null);
    await page.context().close();
  });

  test('the number of contacts re-seeds at that size, and the size is kept across reloads', async () => {
    const page = await demo.open('/?reset=1');
    await qaStatus(page, 'Mock backend: 2,000 contacts').waitFor();
    await openQa(page);
    await page.getByRole('group', { name: 'Number of contacts' }).getByRole('radio', { name: '200', exact: true }).check();
    await page.getByRole('button', { name: 'Re-seed with this many contacts' }).click();
    await qaStatus(page, 'Mock backend: 200 contacts').waitFor();
    await page.getByText('200 contacts', { exact: true }).waitFor();
    const listed = await api(page, 'GET', '/api/contacts?limit=1');
    assert.equal(listed.body?.['total'], 200);
    await page.reload();
    await qaStatus(page, 'Mock backend: 200 contacts').waitFor();
    // The seed's well-known contacts are there at every size.
    const ava = await api(page, 'GET', '/api/contacts/c-000001');
    assert.equal((ava.body?.['contact'] as { name: string }).name, 'Ava Tremblay');
    await page.context().close();
  });

  test('an inbound reply from a contact found by search goes through the backend, and the contact’s page shows it', async () => {
    const page = await demo.open('/crm/contacts/c-000002?reset=1');
    await page.getByText('Can be messaged on 8 of 9 channels').waitFor();
    await qaStatus(page, 'Mock backend: 2,000 contacts').waitFor();
    await openQa(page);
    const qa = page.getByRole('region', { name: 'QA controls' });
    // Without a search, the well-known contacts; a search replaces them with what it found.
    await qa.getByRole('option', { name: 'Ava Tremblay (c-000001)' }).waitFor({ state: 'attached' });
    await qa.getByRole('searchbox', { name: 'Find a contact' }).fill('Liam Gagnon');
    await qa.getByRole('option', { name: 'Ava Tremblay (c-000001)' }).waitFor({ state: 'detached' });
    await qa.getByRole('combobox', { name: 'Contact' }).selectOption({ label: 'Liam Gagnon (c-000002)' });
    await qa.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'Airport SMS' });
    await qa.getByRole('textbox', { name: 'From (phone number)' }).waitFor();
    assert.equal(await qa.getByRole('textbox', { name: 'From (phone number)' }).inputValue(), '+14162030002');
    await qa.getByRole('textbox', { name: 'Reply' }).fill('STOP');
    await qa.getByRole('button', { name: 'Send reply' }).click();
    const changed = qa.getByRole('list', { name: 'Channels changed' });
    await changed.waitFor();
    // The seed's scope is the channel type: every SMS channel but the one Liam had already left.
    assert.deepEqual((await changed.getByRole('listitem').allTextContents()).map((s) => s.trim()).sort(), ['Airport SMS', 'Uptown SMS']);
    const liam = await api(page, 'GET', '/api/contacts?query=Liam%20Gagnon');
    const row = (liam.body?.['items'] as { id: string; unsubscribedChannelCount: number }[]).find((c) => c.id === 'c-000002');
    assert.equal(row?.unsubscribedChannelCount, 3);
    // The app's page for Liam, under the QA controls, fetched him again.
    await page.getByText('Can be messaged on 6 of 9 channels').waitFor();

    // Signed out, the product answers 401; the QA controls still send replies.
    await qa.getByRole('combobox', { name: 'User' }).selectOption({ label: 'Signed out (every API call answers 401)' });
    await qa.getByRole('button', { name: 'Switch user' }).click();
    await page.getByRole('banner').getByText('Signed out').waitFor();
    await qa.getByRole('combobox', { name: 'Contact' }).selectOption({ label: 'Liam Gagnon (c-000002)' });
    await qa.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'Downtown SMS' });
    await qa.getByRole('textbox', { name: 'Reply' }).fill('START');
    await qa.getByRole('button', { name: 'Send reply' }).click();
    await qa.getByRole('status').filter({ hasText: /^Re-subscribed to / }).waitFor();

    // Any contact by its id, beyond the list.
    await qa.getByRole('searchbox', { name: 'Find a contact' }).fill('c-000042');
    await qa.getByRole('status').filter({ hasText: '1 contact in the simulator’s Contact list.' }).waitFor();
    await page.context().close();
  });

  test('the playground stays reachable from the QA controls, and the sidebar leads back to the app', async () => {
    const page = await demo.open('/');
    await page.getByRole('heading', { name: 'All contacts' }).first().waitFor();
    await openQa(page);
    await page.getByRole('link', { name: 'Inbound reply playground' }).click();
    await page.waitForURL(`${demo.url}/playground`);
    await page.getByRole('heading', { name: 'Inbound reply playground', exact: true }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'All contacts' }).click();
    await page.waitForURL(`${demo.url}/crm/contacts`);
    await page.getByRole('heading', { name: 'All contacts' }).first().waitFor();
    assert.equal(await page.locator('optout-app').count(), 1, 'one app mounted after coming back');
    await page.context().close();
  });

  test('in French, the host, the QA controls and the app switch together, and stay French after a reload', async () => {
    const page = await demo.open('/');
    await page.getByRole('heading', { name: 'All contacts' }).first().waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr-CA');
    await page.getByRole('heading', { name: 'Tous les contacts' }).first().waitFor();
    await page.getByRole('button', { name: 'Contrôles QA' }).waitFor();
    await page.getByRole('navigation', { name: 'Principale' }).getByRole('link', { name: 'Messagerie' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr-CA');
    await page.reload();
    await page.getByRole('heading', { name: 'Tous les contacts' }).first().waitFor();
    await page.getByRole('combobox', { name: 'Langue' }).waitFor();
    await page.context().close();
  });

  test('with the QA controls open, at 1280 and 320 px, in English and French: no axe violation, nothing left in English', async () => {
    const texts = new Map<string, PageText>();
    for (const locale of ['en', 'fr-CA']) {
      // axe is injected as a script: the page's own policy (checked in csp.test.ts) is set aside.
      const context = await demo.browser.newContext({ bypassCSP: true });
      await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
      const page = await context.newPage();
      await page.goto(`${demo.url}/?reset=1&locale=${locale}`);
      await page.getByRole('heading', { name: locale === 'en' ? 'All contacts' : 'Tous les contacts' }).first().waitFor();
      await page.getByRole('button', { name: locale === 'en' ? 'QA controls' : 'Contrôles QA' }).click();
      await page.getByRole('button', { name: locale === 'en' ? 'Send reply' : 'Envoyer la réponse' }).waitFor();
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 900 });
        assert.deepEqual(await runAxe(page), [], `${locale} at ${width} px`);
      }
      texts.set(locale, await collectText(page));
      await context.close();
    }
    // French writes these two the same: the agent role, and the sidebar's section.
    const sameInFrench = new Set(['Agent', 'Contacts']);
    assert.deepEqual(leftInEnglish(texts.get('en')!, texts.get('fr-CA')!).filter((text) => !sameInFrench.has(text)), []);
  });

  test('at 320 px the sidebar is a bar above the content, and the page does not scroll sideways', async () => {
    const page = await demo.open('/');
    await page.setViewportSize({ width: 320, height: 700 });
    await page.getByRole('heading', { name: 'All contacts' }).first().waitFor();
    const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
    const main = await page.getByRole('main').boundingBox();
    assert.ok(nav && main);
    assert.ok(nav.y + nav.height <= main.y, 'the navigation is above the content');
    assert.ok(nav.width >= 300, `the navigation spans the width (${nav.width} px)`);
    await openQa(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `the page is ${width} px wide`);
    await page.context().close();
  });
});
