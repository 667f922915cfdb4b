import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HttpOptOutClient } from '../../../src/client/index.js';
import { NODE_API_BASE } from '../../../mocks/node.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';
import { rejectsWith, useContractBackend } from './harness.js';

describe('contract: idempotency and retries with injected faults', () => {
  const t = useContractBackend({ contacts: 50 });
  const unsubscribeEvents = () => t.backend.store.db.audit.filter((e) => e.action === 'unsubscribed' && e.contactId === WELL_KNOWN.subscribed).length;

  test('a repeat with the same Idempotency-Key returns the first answer and changes nothing', async () => {
    const first = await t.client.unsubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-downtown-sms'] }, { idempotencyKey: 'key-1' });
    const events = unsubscribeEvents();
    const replay = await t.client.unsubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-downtown-sms'] }, { idempotencyKey: 'key-1' });
    assert.deepEqual(replay, first);
    assert.equal(unsubscribeEvents(), events);
    await rejectsWith(t.client.unsubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-airport-sms'] }, { idempotencyKey: 'key-1' }), 422, 'idempotency-key-reused');
  });

  test('a key is remembered for 24 hours, then forgotten', async () => {
    const start = Date.now();
    const first = await t.client.blockContact(WELL_KNOWN.subscribed, { reason: 'first' }, { idempotencyKey: 'day-old' });
    t.backend.store.now = () => start + 23 * 60 * 60_000;
    assert.deepEqual(await t.client.blockContact(WELL_KNOWN.subscribed, { reason: 'first' }, { idempotencyKey: 'day-old' }), first, 'replayed within the day');
    await rejectsWith(t.client.blockContact(WELL_KNOWN.subscribed, { reason: 'other' }, { idempotencyKey: 'day-old' }), 422, 'idempotency-key-reused');
    t.backend.store.now = () => start + 25 * 60 * 60_000;
    const later = await t.client.blockContact(WELL_KNOWN.invalidPhone, { reason: 'a day later' }, { idempotencyKey: 'day-old' });
    assert.equal(later.contact.id, WELL_KNOWN.invalidPhone, 'after the retention the key is free again');
    assert.equal(t.backend.store.db.idempotency.filter(([key]) => key.endsWith('day-old')).length, 1, 'the expired entry is dropped');
  });

  test('idempotency keys are remembered per user: the same key from two users is two requests', async () => {
    await t.client.blockContact(WELL_KNOWN.subscribed, { reason: 'first user' }, { idempotencyKey: 'shared' });
    t.as('manager');
    const second = await t.client.blockContact(WELL_KNOWN.invalidPhone, { reason: 'second user' }, { idempotencyKey: 'shared' });
    assert.equal(second.contact.blocked?.blockedBy.id, 'u-manager', 'not refused as a reuse, and not answered with the first user’s response');
  });

  test('failed requests are retried with the same key and the change is applied once', async () => {
    t.backend.faults.set({ failNext: 2 });
    const detail = await t.client.unsubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-airport-sms'] }, {});
    assert.equal(detail.eligibility.find((e) => e.channelId === 'ch-airport-sms')?.canMessage, false);
    const posts = t.requests.filter((r) => r.method === 'POST');
    assert.equal(posts.length, 3);
    assert.equal(new Set(posts.map((r) => r.idempotencyKey)).size, 1);
    assert.ok(posts[0]?.idempotencyKey);
    assert.equal(unsubscribeEvents(), 1);
    assert.equal(t.sleeps.length, 2, 'two backoffs');
  });

  test('offline: the client retries a bounded number of times, then reports a network error', async () => {
    t.backend.faults.set({ offline: true });
    try {
      await t.client.getMe({});
      assert.fail('expected a network error');
    } catch (error) {
      assert.equal((error as { type?: string }).type, 'urn:optout:problem:network');
    }
    assert.equal(t.requests.length, 4, 'the first try and 3 retries');
    t.backend.faults.set({ offline: false });
    assert.equal((await t.client.getMe({})).role, 'admin');
  });

  test('rate limited: the client waits the Retry-After the backend sends, then succeeds', async () => {
    let clock = Date.now();
    t.backend.faults.now = () => clock;
    const sleeps: number[] = [];
    const patient = new HttpOptOutClient({
      baseUrl: NODE_API_BASE,
      retry: { maxRetryAfterMs: 120_000 },
      random: () => 0,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    });
    t.backend.faults.set({ rateLimit: 1 });
    await patient.getMe({});
    clock += 15_000;
    assert.equal((await patient.getMe({})).role, 'admin');
    assert.deepEqual(sleeps, [45_000], 'waited until the first request left the one-minute window');
    assert.deepEqual(t.requests.map((r) => r.path), ['/me', '/me', '/me']);
  });

  test('every answer under a rate limit says the policy and what is left of the window; without a limit, none does', async () => {
    const clock = Date.now();
    t.backend.faults.now = () => clock;
    const unlimited = await fetch(`${NODE_API_BASE}/me`);
    assert.equal(unlimited.status, 200);
    assert.equal(unlimited.headers.get('RateLimit'), null);
    assert.equal(unlimited.headers.get('RateLimit-Policy'), null);
    t.backend.faults.set({ rateLimit: 3 });
    const first = await fetch(`${NODE_API_BASE}/me`);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('RateLimit-Policy'), '"minute";q=3;w=60');
    assert.equal(first.headers.get('RateLimit'), '"minute";r=2;t=60');
    const second = await fetch(`${NODE_API_BASE}/contacts/c-000001`);
    assert.equal(second.status, 200);
    assert.equal(second.headers.get('RateLimit'), '"minute";r=1;t=60');
    // A mutation's answer (and its idempotent replay) carries them too.
    const key = crypto.randomUUID();
    const blocked = await fetch(`${NODE_API_BASE}/contacts/c-000001/block`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: '{}' });
    assert.equal(blocked.headers.get('RateLimit'), '"minute";r=0;t=60', `status ${blocked.status}`);
  });

  test('rate limited for longer than the client waits: the error surfaces at once with Retry-After', async () => {
    const clock = Date.now();
    t.backend.faults.now = () => clock;
    t.backend.faults.set({ rateLimit: 1 });
    await t.client.getMe({});
    const error = await rejectsWith(t.client.getMe({}), 429, 'rate-limited');
    assert.equal(error.retryAfterMs, 60_000);
    assert.deepEqual(t.sleeps, [], 'no waiting the UI cannot show');
    const refused = await fetch(`${NODE_API_BASE}/me`);
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('RateLimit-Policy'), '"minute";q=1;w=60', 'the policy a host can slow down to');
    assert.equal(refused.headers.get('RateLimit'), '"minute";r=0;t=60');
  });

  test('a retry that finds its first request still in flight waits and gets the first answer', async () => {
    const release = t.backend.faults.hold();
    const sleeps: number[] = [];
    const retrying = new HttpOptOutClient({
      baseUrl: NODE_API_BASE,
      random: () => 0,
      sleep: async (ms) => {
        sleeps.push(ms);
        // While the client waits, the first request finishes.
        release();
        await first;
      },
    });
    const first = t.client.blockContact(WELL_KNOWN.subscribed, { reason: 'in flight' }, { idempotencyKey: 'retried' });
    await t.backend.faults.whenHeld(1);
    const second = await retrying.blockContact(WELL_KNOWN.subscribed, { reason: 'in flight' }, { idempotencyKey: 'retried' });
    assert.deepEqual(second, await first, 'the first answer, replayed');
    assert.deepEqual(sleeps, [1000], 'it waited the Retry-After of the 409');
    assert.equal(t.backend.store.db.audit.filter((e) => e.action === 'blocked' && e.contactId === WELL_KNOWN.subscribed).length, 1);
  });

  test('a duplicate delivery of the same inbound STOP is applied and confirmed once', async () => {
    const body = { channelId: 'ch-downtown-sms', from: '+14162030001', body: 'STOP' };
    const first = await t.integration.receiveInboundMessage(body, { idempotencyKey: 'SM123' });
    const second = await t.integration.receiveInboundMessage(body, { idempotencyKey: 'SM123' });
    assert.deepEqual(second, first);
    assert.equal(t.backend.store.db.messages.filter((m) => m.to === '+14162030001').length, 1);
  });
});
