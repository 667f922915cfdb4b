// Contract v1 for the host's own systems: the pre-send eligibility check, the consent-events
// feed and consent by destination; and reading back what was created: a review, the bulk jobs,
// a preview, and the Location of every 201.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { waitForBulkJob, type AuditEvent } from '../../../src/client/index.js';
import { NODE_API_BASE } from '../../../mocks/node.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';
import { rejectsWith, useContractBackend } from './harness.js';

const AVA = '+14162030001';
const LIAM = '+14162030002';
const OLIVIA = '+14162030003';
const CHARLOTTE = '+14162030007';
const UNKNOWN = '+14165550199';

describe('contract: the pre-send eligibility check', () => {
  const t = useContractBackend({ contacts: 60 });

  test('a destination answers its consent on each channel, with the facts of the opt-out', async () => {
    const { items } = await t.integration.checkEligibility(
      [
        { channelId: 'ch-downtown-sms', destination: LIAM },
        { channelId: 'ch-airport-sms', destination: LIAM },
      ],
      {},
    );
    assert.equal(items.length, 2, 'one answer per item, in order');
    const [stopped, other] = items;
    assert.equal(stopped?.canSend, false);
    assert.deepEqual(stopped?.reasons.map((r) => r.code), ['unsubscribed']);
    assert.equal(stopped?.reasons[0]?.code === 'unsubscribed' && stopped.reasons[0].source, 'stop-reply');
    assert.deepEqual(stopped?.contactIds, [WELL_KNOWN.partlyUnsubscribed]);
    assert.deepEqual(stopped?.usableDestinations, []);
    assert.equal(other?.canSend, true, 'the STOP was under the channel scope: Airport SMS may still send');
    assert.deepEqual(other?.usableDestinations, [LIAM]);
  });

  test('a number no contact has is decided by its own consent: subscribed by default, then its STOP', async () => {
    const before = await t.integration.checkEligibility([{ channelId: 'ch-downtown-sms', destination: UNKNOWN }], {});
    assert.deepEqual(before.items[0], { channelId: 'ch-downtown-sms', destination: UNKNOWN, contactId: null, canSend: true, reasons: [], usableDestinations: [UNKNOWN], contactIds: [] });
    await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: UNKNOWN, body: 'STOP', providerMessageId: 'SM-unknown' }, {});
    const after = await t.integration.checkEligibility([{ channelId: 'ch-downtown-sms', destination: UNKNOWN }], {});
    assert.equal(after.items[0]?.canSend, false);
    assert.deepEqual(after.items[0]?.reasons.map((r) => r.code), ['unsubscribed']);
  });

  test('a destination whose contact is blocked or excluded the channel type cannot be sent to', async () => {
    const { items } = await t.integration.checkEligibility(
      [
        { channelId: 'ch-downtown-sms', destination: OLIVIA },
        { channelId: 'ch-downtown-whatsapp', destination: CHARLOTTE },
        { channelId: 'ch-downtown-sms', destination: CHARLOTTE },
      ],
      {},
    );
    assert.equal(items[0]?.canSend, false);
    assert.deepEqual(items[0]?.reasons.map((r) => r.code), ['blocked']);
    assert.equal(items[1]?.canSend, false);
    assert.deepEqual(items[1]?.reasons, [{ code: 'excluded-by-preference', channelType: 'whatsapp' }]);
    assert.equal(items[2]?.canSend, true, 'only WhatsApp is excluded');
  });

  test('a destination that is not valid for the channel, or not valid at all, cannot be sent to', async () => {
    const { items } = await t.integration.checkEligibility(
      [
        { channelId: 'ch-downtown-sms', destination: 'ava.tremblay@example.com' },
        { channelId: 'ch-downtown-sms', destination: '+1416203' },
      ],
      {},
    );
    assert.deepEqual(items.map((i) => [i.canSend, i.reasons.map((r) => r.code)]), [
      [false, ['invalid-destination']],
      [false, ['invalid-destination']],
    ]);
    assert.deepEqual(items[1]?.contactIds, [WELL_KNOWN.invalidPhone]);
  });

  test('a contact answers the engine’s eligibility, the same as the contact’s own detail', async () => {
    const ids = [WELL_KNOWN.subscribed, WELL_KNOWN.blocked, WELL_KNOWN.noPhone, WELL_KNOWN.unsubscribedEverywhere, WELL_KNOWN.whatsappExcluded];
    const channels = ['ch-downtown-sms', 'ch-downtown-whatsapp', 'ch-uptown-email'];
    const pairs = ids.flatMap((contactId) => channels.map((channelId) => ({ channelId, contactId })));
    const { items } = await t.integration.checkEligibility(pairs, {});
    for (const [i, { contactId, channelId }] of pairs.entries()) {
      const expected = (await t.client.getContact(contactId, {})).eligibility.find((e) => e.channelId === channelId);
      assert.ok(expected);
      const answer = items[i];
      assert.equal(answer?.contactId, contactId);
      assert.equal(answer?.canSend, expected.canMessage, `${contactId} on ${channelId}`);
      assert.deepEqual(answer?.reasons, expected.reasons, `${contactId} on ${channelId}`);
      assert.deepEqual(answer?.usableDestinations, expected.canMessage ? expected.usableDestinations : [], 'nothing is usable when the contact cannot be messaged');
    }
    assert.equal(items[0]?.canSend, true);
    assert.deepEqual(items[0]?.usableDestinations, [AVA]);
  });

  test('it is a read: no Idempotency-Key is sent, and a key sent anyway never replays an answer made stale by a STOP', async () => {
    await t.integration.checkEligibility([{ channelId: 'ch-downtown-sms', destination: AVA }], {});
    assert.deepEqual(t.requests.filter((r) => r.path === '/eligibility-checks').map((r) => r.idempotencyKey), [null]);
    const ask = async () => {
      const response = await fetch(`${NODE_API_BASE}/eligibility-checks`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer mock:u-integration', 'Idempotency-Key': 'same-key' },
        body: JSON.stringify({ items: [{ channelId: 'ch-downtown-sms', destination: AVA }] }),
      });
      return ((await response.json()) as { items: { canSend: boolean }[] }).items[0]?.canSend;
    };
    assert.equal(await ask(), true);
    await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'STOP', providerMessageId: 'SM-ava' }, {});
    assert.equal(await ask(), false, 'the STOP is seen, not the remembered answer');
  });

  test('an unknown contact or channel is refused naming each item, so a typo never reads as “may send”', async () => {
    const error = await rejectsWith(
      t.integration.checkEligibility(
        [
          { channelId: 'ch-downtown-sms', destination: AVA },
          { channelId: 'ch-downtown-sms', contactId: 'c-nope' },
          { channelId: 'ch-nope', destination: AVA },
        ],
        {},
      ),
      400,
      'validation',
    );
    assert.deepEqual(error.fieldErrors.map((e) => e.field), ['items[1].contactId', 'items[2].channelId']);
  });

  test('the integration, admins and managers may check; agents may not', async () => {
    for (const role of ['admin', 'manager'] as const) {
      t.as(role);
      assert.equal((await t.client.checkEligibility([{ channelId: 'ch-downtown-sms', destination: AVA }], {})).items.length, 1, role);
    }
    t.as('agent');
    await rejectsWith(t.client.checkEligibility([{ channelId: 'ch-downtown-sms', destination: AVA }], {}), 403, 'forbidden');
  });
});

describe('contract: the consent-events feed', () => {
  const t = useContractBackend({ contacts: 60 });

  /** Every event from `since` to now, following the feed page by page. */
  async function follow(since?: string, limit = 3): Promise<{ events: AuditEvent[]; cursor: string }> {
    const events: AuditEvent[] = [];
    let cursor = since;
    for (;;) {
      const page = await t.integration.listConsentEvents({ ...(cursor === undefined ? {} : { since: cursor }), limit }, {});
      events.push(...page.items);
      cursor = page.nextCursor;
      if (!page.hasMore) return { events, cursor };
    }
  }

  test('from the start, oldest first, the seed’s consent and block changes and nothing else', async () => {
    const { events } = await follow();
    const log = t.backend.store.auditEvents();
    const expected = log.filter((e) => ['unsubscribed', 'resubscribed', 'blocked', 'unblocked', 'channel-exclusions-changed', 'merged'].includes(e.action));
    assert.ok(expected.length > 0);
    assert.deepEqual(events.map((e) => e.id), expected.map((e) => e.id), 'the same events, in log order');
  });

  test('a stored cursor resumes with exactly what happened since, however many events were appended', async () => {
    const { cursor } = await follow();
    const upToDate = await t.integration.listConsentEvents({ since: cursor }, {});
    assert.deepEqual([upToDate.items, upToDate.hasMore, upToDate.nextCursor], [[], false, cursor], 'up to date: nothing new, same cursor');

    await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'STOP', providerMessageId: 'SM-1' }, {});
    await t.client.addContactToSequence(WELL_KNOWN.frenchStop, 'seq-welcome', {});
    await t.client.blockContact(WELL_KNOWN.subscribed, { reason: 'Abusive' }, {});
    await t.client.setChannelExclusions(WELL_KNOWN.noPhone, { excludedChannelTypes: ['voice'] }, { ifMatch: (await t.client.getContact(WELL_KNOWN.noPhone, {})).etag });
    await t.client.unblockContact(WELL_KNOWN.subscribed, {});

    const { events, cursor: next } = await follow(cursor, 2);
    assert.deepEqual(
      events.map((e) => [e.action, e.contactId]),
      [
        ['unsubscribed', WELL_KNOWN.subscribed],
        ['blocked', WELL_KNOWN.subscribed],
        ['channel-exclusions-changed', WELL_KNOWN.noPhone],
        ['unblocked', WELL_KNOWN.subscribed],
      ],
      'the enrollment is not a consent change',
    );
    assert.equal(events[0]?.destination, AVA);
    assert.deepEqual((await t.integration.listConsentEvents({ since: next }, {})).items, []);
  });

  test('a bulk job and its undo are in the feed, so a host’s suppression list follows both', async () => {
    const { cursor } = await follow();
    const preview = await t.client.createBulkUnsubscribePreview({ target: { kind: 'ids', ids: [WELL_KNOWN.subscribed] }, channelIds: ['ch-downtown-sms'] }, {});
    const job = await t.client.startBulkUnsubscribeJob(preview.id, {});
    await waitForBulkJob(t.client, job.id, { intervalMs: 5 });
    await t.client.undoBulkUnsubscribeJob(job.id, {});
    await waitForBulkJob(t.client, job.id, { intervalMs: 5 });
    const { events } = await follow(cursor);
    assert.deepEqual(events.map((e) => [e.action, e.destination, e.channelIds, e.jobId]), [
      ['unsubscribed', AVA, ['ch-downtown-sms'], job.id],
      ['resubscribed', AVA, ['ch-downtown-sms'], job.id],
    ]);
  });

  test('admins and managers may follow it, agents may not (nor read the rest of the log as the integration)', async () => {
    t.as('manager');
    assert.ok((await t.client.listConsentEvents({}, {})).items.length > 0);
    t.as('agent');
    await rejectsWith(t.client.listConsentEvents({}, {}), 403, 'forbidden');
    await rejectsWith(t.integration.listAuditEvents({}, {}), 403, 'forbidden');
  });
});

describe('contract: consent by destination', () => {
  const t = useContractBackend({ contacts: 60 });

  test('a contact’s number answers its records and the contact', async () => {
    const consent = await t.client.getDestinationConsent(LIAM, {});
    assert.equal(consent.destination, LIAM);
    assert.equal(consent.kind, 'phone');
    assert.equal(consent.valid, true);
    assert.deepEqual(consent.records.map((r) => [r.channelId, r.status, r.source]), [['ch-downtown-sms', 'unsubscribed', 'stop-reply']]);
    assert.deepEqual(consent.contacts.map((c) => c.id), [WELL_KNOWN.partlyUnsubscribed]);
  });

  test('a STOP from a number no contact has is readable, with no contact', async () => {
    const before = await t.client.getDestinationConsent(UNKNOWN, {});
    assert.deepEqual([before.records, before.contacts], [[], []], 'never recorded: subscribed everywhere');
    await t.integration.receiveInboundMessage({ channelId: 'ch-uptown-sms', from: UNKNOWN, body: 'STOP', providerMessageId: 'SM-2' }, {});
    const after = await t.client.getDestinationConsent(UNKNOWN, {});
    assert.ok(after.records.length > 0);
    assert.ok(after.records.every((r) => r.status === 'unsubscribed' && r.destination === UNKNOWN));
    assert.deepEqual(after.contacts, []);
  });

  test('the destination travels URL-encoded (+ and @), and an email answers as one', async () => {
    const response = await fetch(`${NODE_API_BASE}/destinations/${encodeURIComponent(LIAM)}/consent`);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { destination: string }).destination, LIAM);
    const email = await t.client.getDestinationConsent('william.gauthier@example.com', {});
    assert.equal(email.kind, 'email');
    assert.ok(email.records.length > 0 && email.records.every((r) => r.status === 'unsubscribed'), 'STOP ALL reached his email too');
    assert.deepEqual(email.contacts.map((c) => c.id), [WELL_KNOWN.unsubscribedEverywhere]);
  });
});

describe('contract: reading back a review, the bulk jobs and a preview', () => {
  const t = useContractBackend({ contacts: 60 });

  test('a review reads back pending, then as decided', async () => {
    const { reviewId } = await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'please stop texting me' }, {});
    assert.ok(reviewId);
    assert.equal((await t.client.getReview(reviewId, {})).status, 'pending');
    const applied = await t.client.applyReview(reviewId, undefined, {});
    assert.deepEqual(await t.client.getReview(reviewId, {}), applied);
  });

  test('bulk jobs list most recent first, and a job started while paging does not shift the pages', async () => {
    const ids: string[] = [];
    for (const contactId of [WELL_KNOWN.subscribed, WELL_KNOWN.noPhone, WELL_KNOWN.whatsappExcluded]) {
      const preview = await t.client.createBulkUnsubscribePreview({ target: { kind: 'ids', ids: [contactId] } }, {});
      const job = await t.client.startBulkUnsubscribeJob(preview.id, {});
      await waitForBulkJob(t.client, job.id, { intervalMs: 5 });
      ids.push(job.id);
    }
    const first = await t.client.listBulkUnsubscribeJobs({ limit: 2 }, {});
    assert.deepEqual(first.items.map((j) => j.id), [ids[2], ids[1]]);
    assert.equal(first.total, 3);
    assert.ok(first.nextCursor);
    const preview = await t.client.createBulkUnsubscribePreview({ target: { kind: 'ids', ids: [WELL_KNOWN.frenchStop] } }, {});
    const newest = await t.client.startBulkUnsubscribeJob(preview.id, {});
    const second = await t.client.listBulkUnsubscribeJobs({ limit: 2, cursor: first.nextCursor }, {});
    assert.deepEqual(second.items.map((j) => j.id), [ids[0]]);
    assert.equal(second.nextCursor, null);
    assert.equal((await t.client.listBulkUnsubscribeJobs({}, {})).items[0]?.id, newest.id, 'a fresh first page shows it');
  });

  test('a preview reads back exactly as created, at its 201’s Location, even after its job changed the audience', async () => {
    const response = await fetch(`${NODE_API_BASE}/bulk-unsubscribe/previews`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ target: { kind: 'ids', ids: [WELL_KNOWN.subscribed, WELL_KNOWN.partlyUnsubscribed] } }),
    });
    assert.equal(response.status, 201);
    const created = (await response.json()) as { id: string; willChange: number };
    const location = response.headers.get('Location');
    assert.equal(location, `${NODE_API_BASE}/bulk-unsubscribe/previews/${created.id}`);
    assert.deepEqual(await (await fetch(location)).json(), created);
    const job = await t.client.startBulkUnsubscribeJob(created.id, {});
    await waitForBulkJob(t.client, job.id, { intervalMs: 5 });
    assert.deepEqual(await t.client.getBulkUnsubscribePreview(created.id, {}), created, 'the counts the user reviewed, not a recount');
    assert.equal(created.willChange, 2);
  });

  test('a sequence enrollment’s 201 names it in Location', async () => {
    const response = await fetch(`${NODE_API_BASE}/contacts/${WELL_KNOWN.subscribed}/sequence-enrollments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sequenceId: 'seq-welcome' }),
    });
    assert.equal(response.status, 201);
    const { id: enrollmentId } = (await response.json()) as { id: string };
    assert.equal(response.headers.get('Location'), `${NODE_API_BASE}/contacts/${WELL_KNOWN.subscribed}/sequence-enrollments/${enrollmentId}`);
  });
});
