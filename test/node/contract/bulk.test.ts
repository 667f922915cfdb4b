import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { waitForBulkJob } from '../../../src/client/index.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';
import { rejectsWith, useContractBackend } from './harness.js';

describe('contract: bulk unsubscribe', () => {
  const t = useContractBackend({ contacts: 300 });

  test('the preview counts the audience and breaks it down; the job changes exactly that audience', async () => {
    const filter = { locationId: ['loc-downtown'] };
    const matching = await t.client.listContacts({ ...filter, limit: 1 }, {});
    const preview = await t.client.createBulkUnsubscribePreview({ target: { kind: 'filter', filter, excludedIds: [WELL_KNOWN.subscribed] }, channelIds: ['ch-downtown-sms'] }, {});
    assert.equal(preview.total, matching.total - 1);
    assert.equal(preview.total, preview.willChange + preview.alreadyUnsubscribed + preview.unreachable);
    assert.ok(preview.alreadyUnsubscribed >= 1, 'Liam already replied STOP to Downtown SMS');
    assert.ok(preview.sample.length > 0 && preview.sample.length <= 20);
    assert.deepEqual(preview.breakdown.byChannelType.map((b) => b.channelType), ['sms']);

    const job = await t.client.startBulkUnsubscribeJob(preview.id, {});
    assert.equal(job.status === 'queued' || job.status === 'running', true);
    const done = await waitForBulkJob(t.client, job.id, { intervalMs: 1 });
    assert.equal(done.status, 'completed');
    assert.equal(done.changed, preview.willChange);
    assert.equal(done.processed, preview.total);
    assert.equal(t.backend.store.currentConsent('+14162030001', 'ch-downtown-sms'), undefined, 'the excluded contact is untouched');
    await rejectsWith(t.client.startBulkUnsubscribeJob(preview.id, {}), 409, 'conflict');
  });

  test('the audience is frozen at preview time: a contact matching later is not changed', async () => {
    const preview = await t.client.createBulkUnsubscribePreview({ target: { kind: 'filter', filter: { tag: 'late' }, excludedIds: [] } }, {});
    assert.equal(preview.total, 0);
    t.backend.store.contact(WELL_KNOWN.subscribed).tags.push('late');
    const job = await t.client.startBulkUnsubscribeJob(preview.id, {});
    const done = await waitForBulkJob(t.client, job.id, { intervalMs: 1 });
    assert.equal(done.changed, 0);
    const detail = await t.client.getContact(WELL_KNOWN.subscribed, {});
    assert.ok(detail.eligibility.every((e) => e.canMessage));
  });

  test('a bulk unsubscribe reaches every channel when none is named, and only the named ones otherwise', async () => {
    const closedChannels = async () =>
      (await t.client.getContact(WELL_KNOWN.subscribed, {})).eligibility.filter((e) => !e.canMessage).map((e) => e.channelId).sort();
    const run = async (channelIds?: string[]) => {
      const preview = await t.client.createBulkUnsubscribePreview({ target: { kind: 'ids', ids: [WELL_KNOWN.subscribed] }, ...(channelIds ? { channelIds } : {}) }, {});
      return waitForBulkJob(t.client, (await t.client.startBulkUnsubscribeJob(preview.id, {})).id, { intervalMs: 1 });
    };
    assert.deepEqual(await closedChannels(), []);

    const named = await run(['ch-uptown-email', 'ch-airport-sms']);
    assert.deepEqual(named.channelIds, ['ch-uptown-email', 'ch-airport-sms']);
    assert.deepEqual(await closedChannels(), ['ch-airport-sms', 'ch-uptown-email']);

    const everywhere = await run();
    const every = ['ch-downtown-sms', 'ch-downtown-whatsapp', 'ch-downtown-voice', 'ch-downtown-email', 'ch-airport-sms', 'ch-airport-whatsapp', 'ch-airport-email', 'ch-uptown-sms', 'ch-uptown-email'];
    assert.deepEqual(everywhere.channelIds, every);
    assert.deepEqual(await closedChannels(), [...every].sort());
  });

  const AVA = '+14162030001';
  const avaOnDowntownSms = () => t.backend.store.currentConsent(AVA, 'ch-downtown-sms')?.status;
  async function bulkJob(ids: string[]) {
    const preview = await t.client.createBulkUnsubscribePreview({ target: { kind: 'ids', ids }, channelIds: ['ch-downtown-sms'] }, {});
    const job = await t.client.startBulkUnsubscribeJob(preview.id, {});
    return { preview, job: await waitForBulkJob(t.client, job.id, { intervalMs: 1 }) };
  }
  async function undo(jobId: string) {
    await t.client.undoBulkUnsubscribeJob(jobId, {});
    assert.equal((await waitForBulkJob(t.client, jobId, { intervalMs: 1 })).status, 'undone');
  }

  test('an agent’s opt-out made after a bulk job survives the job’s undo', async () => {
    const { job } = await bulkJob([WELL_KNOWN.subscribed]);
    await t.client.unsubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-downtown-sms'], note: 'Asked on the phone.' }, {});
    assert.equal(t.backend.store.currentConsent(AVA, 'ch-downtown-sms')?.source, 'agent', 'the agent’s request is recorded, not folded into the job');
    await undo(job.id);
    assert.equal(avaOnDowntownSms(), 'unsubscribed');
  });

  test('during and after an undo, processed counts the contacts actually restored', async () => {
    const { job } = await bulkJob([WELL_KNOWN.subscribed, WELL_KNOWN.whatsappExcluded]);
    assert.equal(job.changed, 2);
    // Ava's own STOP since: her pair stays, so only Charlotte is restored.
    await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'STOP' }, {});
    await undo(job.id);
    assert.equal((await t.client.getBulkUnsubscribeJob(job.id, {})).processed, 1);
    assert.equal(avaOnDowntownSms(), 'unsubscribed');
  });

  test('two jobs over the same contact: undoing either leaves the other’s opt-out; undoing both restores the start', async () => {
    const first = await bulkJob([WELL_KNOWN.subscribed]);
    const second = await bulkJob([WELL_KNOWN.subscribed, WELL_KNOWN.whatsappExcluded]);
    assert.equal(second.preview.alreadyUnsubscribed, 1);
    assert.equal(second.job.changed, second.preview.willChange, 'counts still match the preview');
    await undo(first.job.id);
    assert.equal(avaOnDowntownSms(), 'unsubscribed', 'the second job still stands');
    await undo(second.job.id);
    assert.equal(avaOnDowntownSms(), undefined, 'both undone: back to no record at all');
  });

  test('an expired preview cannot start (410): the user must review again', async () => {
    const preview = await t.client.createBulkUnsubscribePreview({ target: { kind: 'ids', ids: [WELL_KNOWN.subscribed] } }, {});
    const now = Date.now();
    t.backend.store.now = () => now + 16 * 60_000;
    await rejectsWith(t.client.startBulkUnsubscribeJob(preview.id, {}), 410, 'preview-expired');
    await rejectsWith(t.client.createBulkUnsubscribePreview({ target: { kind: 'ids', ids: ['c-nope'] } }, {}), 400, 'validation');
  });

  test('undo restores exactly what the job changed, never a STOP the contact sent since', async () => {
    const preview = await t.client.createBulkUnsubscribePreview({ target: { kind: 'ids', ids: [WELL_KNOWN.subscribed, WELL_KNOWN.partlyUnsubscribed, WELL_KNOWN.whatsappExcluded] } }, {});
    const job = await waitForBulkJob(t.client, (await t.client.startBulkUnsubscribeJob(preview.id, {})).id, { intervalMs: 1 });
    assert.equal(job.changed, 3);
    // Charlotte replies STOP after the job: that opt-out is hers, and undo must keep it.
    await t.integration.receiveInboundMessage({ channelId: 'ch-airport-sms', from: '+14162030007', body: 'STOP' }, {});
    const charlotteAfterStop = t.backend.store.currentConsent('+14162030007', 'ch-airport-sms');
    await t.client.undoBulkUnsubscribeJob(job.id, {});
    const undone = await waitForBulkJob(t.client, job.id, { intervalMs: 1 });
    assert.equal(undone.status, 'undone');
    assert.ok((await t.client.getContact(WELL_KNOWN.subscribed, {})).eligibility.every((e) => e.canMessage), 'Ava is back exactly as before');
    const liam = await t.client.getContact(WELL_KNOWN.partlyUnsubscribed, {});
    assert.equal(liam.eligibility.find((e) => e.channelId === 'ch-downtown-sms')?.canMessage, false, "Liam's own earlier STOP stays");
    assert.equal(liam.eligibility.filter((e) => !e.canMessage).length, 1);
    assert.equal(t.backend.store.currentConsent('+14162030007', 'ch-airport-sms'), charlotteAfterStop, "Charlotte's later STOP stays");
    await rejectsWith(t.client.undoBulkUnsubscribeJob(job.id, {}), 409, 'conflict');
  });

  test('cancel stops a running job; a finished job cannot be cancelled; the undo window closes', async () => {
    const preview = await t.client.createBulkUnsubscribePreview({ target: { kind: 'filter', filter: { all: true }, excludedIds: [] } }, {});
    const job = await t.client.startBulkUnsubscribeJob(preview.id, {});
    const cancelled = await t.client.cancelBulkUnsubscribeJob(job.id, {});
    assert.equal(cancelled.status, 'cancelled');
    await rejectsWith(t.client.cancelBulkUnsubscribeJob(job.id, {}), 409, 'conflict');
    const now = Date.now();
    t.backend.store.now = () => now + 2 * 60 * 60_000;
    await rejectsWith(t.client.undoBulkUnsubscribeJob(job.id, {}), 409, 'undo-window-closed');
  });
});

describe('contract: bulk unsubscribe at 100,000 contacts', () => {
  const t = useContractBackend({ contacts: 100_000 });

  test('a job by filter finishes with exact counts and its undo restores exactly the changed ones', async () => {
    const filter = { status: ['subscribed' as const] };
    const preview = await t.client.createBulkUnsubscribePreview({ target: { kind: 'filter', filter, excludedIds: [] }, channelIds: ['ch-uptown-sms'] }, {});
    assert.ok(preview.total > 50_000, `a large audience (${preview.total})`);
    const before = new Map<string, string | undefined>();
    const sampleIds = t.backend.store.matching(filter).slice(0, 200);
    const store = t.backend.store;
    const phoneOf = (id: string) => store.contact(id).destinations.find((d) => d.kind === 'phone')?.value;
    for (const id of sampleIds) before.set(id, store.currentConsent(phoneOf(id) ?? '', 'ch-uptown-sms')?.status);
    const beforeJob = await t.client.listContacts({ status: ['unsubscribed'], channelId: 'ch-uptown-sms', limit: 1 }, {});
    const started = await t.client.startBulkUnsubscribeJob(preview.id, {});
    const done = await waitForBulkJob(t.client, started.id, { intervalMs: 5 });
    assert.equal(done.status, 'completed');
    assert.equal(done.processed, preview.total);
    assert.equal(done.changed, preview.willChange);
    assert.equal(done.skipped, preview.alreadyUnsubscribed + preview.unreachable);
    const after = await t.client.listContacts({ status: ['unsubscribed'], channelId: 'ch-uptown-sms', limit: 1 }, {});
    assert.ok(after.total > beforeJob.total + preview.willChange / 2, 'the job shows in the list');

    await t.client.undoBulkUnsubscribeJob(started.id, {});
    const progress: number[] = [];
    const undone = await waitForBulkJob(t.client, started.id, { intervalMs: 5, onProgress: (job) => progress.push(job.processed) });
    assert.equal(undone.status, 'undone');
    // During an undo, `processed` counts contacts restored: it only grows, up to the contacts changed.
    assert.deepEqual(progress, [...progress].sort((a, b) => a - b));
    assert.ok(progress.every((n) => n <= done.changed));
    assert.ok(undone.processed > 0 && undone.processed <= done.changed, String(undone.processed));
    for (const id of sampleIds) assert.equal(store.currentConsent(phoneOf(id) ?? '', 'ch-uptown-sms')?.status, before.get(id), id);
    const restored = await t.client.listContacts({ status: ['unsubscribed'], channelId: 'ch-uptown-sms', limit: 1 }, {});
    assert.equal(restored.total, beforeJob.total, 'exactly the contacts unsubscribed before the job');
  });
});
