import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startDemo, type Demo } from './support/demo.js';

/** Calls the mock API from inside the page, as the elements do. */
function api(page: Page, method: string, path: string, body?: unknown, ifMatch?: string) {
  return page.evaluate(
    async ({ method, path, body, ifMatch }) => {
      const response = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), ...(ifMatch ? { 'If-Match': ifMatch } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: response.status === 204 ? null : ((await response.json()) as Record<string, unknown>) };
    },
    { method, path, body, ifMatch },
  );
}

async function backendReady(page: Page) {
  await page.getByRole('status').filter({ hasText: /Mock backend: [\d,]+ contacts/ }).waitFor();
}

describe('demo: persistent mock backend', () => {
  let demo: Demo;
  before(async () => {
    demo = await startDemo();
  });
  after(async () => {
    await demo?.close();
  });

  test('a change survives a reload, and reset restores the seed', async () => {
    const page = await demo.open('/?reset=1');
    await backendReady(page);
    await page.getByText('Mock backend: 2,000 contacts · signed in as Alex Admin (admin)').waitFor();

    const before = await api(page, 'GET', '/api/contacts/c-000001');
    assert.equal((before.body?.['contact'] as { blocked: unknown }).blocked, null);
    const blocked = await api(page, 'POST', '/api/contacts/c-000001/block', { reason: 'QA' });
    assert.equal(blocked.status, 200);
    const noah = await api(page, 'GET', '/api/contacts/c-000004');
    const deleted = await api(page, 'DELETE', '/api/contacts/c-000004', undefined, String(noah.body?.['etag']));
    assert.equal(deleted.status, 204);

    await page.goto(`${demo.url}/`);
    await backendReady(page);
    await page.getByText('Mock backend: 1,999 contacts').waitFor();
    const after = await api(page, 'GET', '/api/contacts/c-000001');
    assert.equal((after.body?.['contact'] as { blocked: { reason: string } }).blocked.reason, 'QA');

    const reset = await api(page, 'POST', '/__mock/reset');
    assert.equal(reset.status, 200);
    await page.goto(`${demo.url}/`);
    await backendReady(page);
    await page.getByText('Mock backend: 2,000 contacts').waitFor();
    const restored = await api(page, 'GET', '/api/contacts/c-000001');
    assert.equal((restored.body?.['contact'] as { blocked: unknown }).blocked, null);
    await page.context().close();
  });

  test('the role and faults come from URL parameters, and the backend enforces the role', async () => {
    const page = await demo.open('/?reset=1&as=agent');
    await page.getByText('signed in as Riley Agent (agent)').waitFor();
    const merge = await api(page, 'POST', '/api/contacts/c-000001/merge', { sourceContactId: 'c-000002' });
    assert.equal(merge.status, 403);
    assert.equal(merge.body?.['type'], 'urn:optout:problem:forbidden');

    // errorRate, not failNext: the demo's own elements make requests as soon as the page loads.
    await page.goto(`${demo.url}/?errorRate=1&as=admin`);
    await backendReady(page);
    const failed = await api(page, 'GET', '/api/me');
    assert.equal(failed.status, 503);
    await api(page, 'PUT', '/__mock/faults', { errorRate: 0 });
    const ok = await api(page, 'GET', '/api/me');
    assert.equal(ok.status, 200);
    await page.context().close();
  });
  test('when saving to IndexedDB fails the demo says so, and says when it saves again', async () => {
    const page = await demo.open('/?reset=1');
    await backendReady(page);
    // What a full disk or a private window does to every write.
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      (window as unknown as { restorePut: () => void }).restorePut = () => (IDBObjectStore.prototype.put = put);
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The disk is full.', 'QuotaExceededError');
      };
    });
    const failed = await api(page, 'POST', '/api/contacts/c-000001/block', { reason: 'QA' });
    // Answered as not saved (503), though applied in the page, which the alert says.
    assert.equal(failed.status, 503);
    const alert = page.getByRole('alert').filter({ hasText: 'Changes are not being saved' });
    await alert.waitFor();
    assert.match(await alert.textContent() ?? '', /QuotaExceededError: The disk is full\..*a reload would lose them/);
    await page.evaluate(() => (window as unknown as { restorePut: () => void }).restorePut());
    await api(page, 'POST', '/api/contacts/c-000002/block', { reason: 'QA' });
    await page.getByRole('alert').filter({ hasText: 'Saving works again: every change is saved.' }).waitFor();
    // Both blocks were saved once saving worked again (not a reload: the page's URL resets).
    await page.goto(`${demo.url}/`);
    await backendReady(page);
    for (const id of ['c-000001', 'c-000002']) {
      const after = await api(page, 'GET', `/api/contacts/${id}`);
      assert.equal((after.body?.['contact'] as { blocked: { reason: string } | null }).blocked?.reason, 'QA', id);
    }
    await page.context().close();
  });
});
