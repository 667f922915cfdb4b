// The mock store's incremental saves: what `takeChanges()` hands out, saved one entry at a time
// and applied to the saved base by `replay()`, is exactly the store's state, for every kind of
// change; and one mutation saves only what it changed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HttpOptOutClient, waitForBulkJob } from '../../../src/client/index.js';
import { NODE_API_BASE, startMockServer } from '../../../mocks/node.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';
import { replay, type DatabaseChanges } from '../../../mocks/store/changes.js';
import type { MockBackend } from '../../../mocks/backend.js';
import type { MockDatabase } from '../../../mocks/store/types.js';

/** The state with consent in a fixed order: the order records are kept in is not part of it. */
function normalized(db: MockDatabase) {
  const consent = [...db.consent].sort((a, b) => (`${a.destination} ${a.channelId}` < `${b.destination} ${b.channelId}` ? -1 : 1));
  return structuredClone({ ...db, consent });
}

describe('mock store: incremental saves', () => {
  let backend: MockBackend;
  let close: () => void;
  let base: MockDatabase;
  const journal: DatabaseChanges[] = [];
  /** Saves like the browser's persistence does, after every change (a bulk job's chunks included). */
  const save = () => {
    const changes = backend.store.takeChanges();
    if (changes) journal.push(structuredClone(changes));
  };
  const client = new HttpOptOutClient({ baseUrl: NODE_API_BASE });
  const integration = new HttpOptOutClient({ baseUrl: NODE_API_BASE, token: 'mock:u-integration' });

  before(() => {
    // Enough contacts for a bulk job to run in several chunks (2,000 contacts each).
    ({ backend, close } = startMockServer({ contacts: 4500, trackChanges: true, onChange: () => save() }));
    base = structuredClone(backend.store.snapshot());
  });
  after(() => close());

  const assertReplayed = (what: string) => {
    save();
    const replayed = replay(structuredClone(base), structuredClone(journal));
    assert.deepEqual(normalized(replayed), normalized(backend.store.snapshot()), what);
  };

  test('one block saves that contact and its audit event, not the database', async () => {
    const before = journal.length;
    await client.blockContact(WELL_KNOWN.subscribed, { reason: 'Spam' }, {});
    save();
    const entries = journal.slice(before);
    assert.deepEqual(entries.flatMap((e) => e.contacts?.put.map((c) => c.id) ?? []), [WELL_KNOWN.subscribed]);
    assert.deepEqual(entries.flatMap((e) => e.audit?.events.map((a) => a.action) ?? []), ['blocked']);
    assert.equal(entries.some((e) => e.consent), false, 'no consent changed');
    const saved = entries.reduce((sum, e) => sum + JSON.stringify(e).length, 0);
    assert.ok(saved < 20_000, `${saved} characters saved for one block`);
    assert.ok(JSON.stringify(base).length > 100 * saved);
    assertReplayed('after a block');
  });

  test('every kind of change replays to the same state', async () => {
    const { etag } = await client.getMessagingSettings({});
    await client.updateMessagingSettings({ optOutScope: 'organization', phrasePolicy: 'review', customKeywords: { optOut: ['BASTA'], optOutAll: [], optIn: [], help: [] } }, etag, {});
    assertReplayed('settings');
    await client.unblockContact(WELL_KNOWN.subscribed, {});
    await client.unsubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-airport-sms'], note: 'Asked on the phone' }, {});
    await client.resubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-airport-sms'], note: 'Said yes again' }, { ifMatch: (await client.getContact(WELL_KNOWN.subscribed, {})).etag });
    assertReplayed('unblock, unsubscribe, resubscribe');
    await integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: '+14162030007', body: 'STOP' }, {});
    await integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: '+14162030007', body: 'START' }, {});
    const queued = await integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: '+14162030001', body: 'please stop texting me' }, {});
    assert.ok(queued.reviewId);
    await client.applyReview(queued.reviewId, 'Clear', {});
    const dismissed = await integration.receiveInboundMessage({ channelId: 'ch-airport-sms', from: '+14162030001', body: 'take me off your list' }, {});
    assert.ok(dismissed.reviewId);
    await client.dismissReview(dismissed.reviewId, 'Another business', {});
    assertReplayed('inbound replies, reviews, confirmation messages');
    await client.addContactToSequence(WELL_KNOWN.whatsappExcluded, 'seq-welcome', {});
    await client.mergeContact(WELL_KNOWN.subscribed, WELL_KNOWN.noPhone, { ifMatch: (await client.getContact(WELL_KNOWN.subscribed, {})).etag });
    await client.deleteContact(WELL_KNOWN.invalidPhone, { ifMatch: (await client.getContact(WELL_KNOWN.invalidPhone, {})).etag });
    backend.store.switchUser('u-manager');
    assertReplayed('enrollment, merge, delete, session');

    const preview = await client.createBulkUnsubscribePreview({ target: { kind: 'filter', filter: { status: ['subscribed'] }, excludedIds: [] } }, {});
    assert.ok(preview.total > 2000, 'a job of several chunks');
    const job = await client.startBulkUnsubscribeJob(preview.id, {});
    assert.equal((await waitForBulkJob(client, job.id, { intervalMs: 1 })).status, 'completed');
    assertReplayed('a bulk job');
    await client.undoBulkUnsubscribeJob(job.id, {});
    assert.equal((await waitForBulkJob(client, job.id, { intervalMs: 1 })).status, 'undone');
    assertReplayed('its undo');
    assert.ok(backend.store.db.idempotency.length > 10, 'idempotency keys are part of what is saved');
  });

  test('a store made from the replayed save answers as the one that made the changes', async () => {
    save();
    const { backend: reloaded, close: closeReloaded } = startMockServer({ baseUrl: 'http://reloaded.test/api', database: replay(structuredClone(base), structuredClone(journal)) });
    try {
      for (const filter of [{}, { status: ['unsubscribed' as const] }, { status: ['blocked' as const] }, { query: 'tremblay' }, { channelId: 'ch-downtown-sms', status: ['subscribed' as const] }]) {
        assert.deepEqual(reloaded.store.listContacts(filter, null, 200), backend.store.listContacts(filter, null, 200), JSON.stringify(filter));
      }
      assert.deepEqual(reloaded.store.detail(WELL_KNOWN.subscribed), backend.store.detail(WELL_KNOWN.subscribed));
      assert.deepEqual(reloaded.store.consentHistory(WELL_KNOWN.noPhone, {}, null, 200), backend.store.consentHistory(WELL_KNOWN.noPhone, {}, null, 200), 'history under the merged-away id');
    } finally {
      closeReloaded();
    }
  });
});
