// Contract v1: a contact's sequence enrollments (what `Location` of an enrollment names), and the
// filters of the audit log and of a contact's consent history, with `total` only where asked for.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';
import { rejectsWith, useContractBackend } from './harness.js';

describe('contract: sequence enrollments', () => {
  const t = useContractBackend({ contacts: 50 });

  test("the enrollment's Location answers it, and the list has it, newest first", async () => {
    const response = await fetch(`${t.backend.baseUrl}/contacts/${WELL_KNOWN.subscribed}/sequence-enrollments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'enroll-1' },
      body: JSON.stringify({ sequenceId: 'seq-welcome' }),
    });
    assert.equal(response.status, 201);
    const created = (await response.json()) as { enrollmentId: string; enrolledAt: string };
    const location = response.headers.get('Location');
    assert.ok(location);
    const fetched = await fetch(location);
    assert.equal(fetched.status, 200);
    assert.deepEqual(await fetched.json(), created);
    const second = await t.client.addContactToSequence(WELL_KNOWN.subscribed, 'seq-reminder', {});
    const list = await t.client.listSequenceEnrollments(WELL_KNOWN.subscribed, {}, {});
    assert.deepEqual(
      list.items.map((e) => e.sequenceId),
      ['seq-reminder', 'seq-welcome'],
    );
    assert.equal(list.total, 2);
    assert.equal(list.items[0]?.id, second.id);
  });

  test("an enrollment's warnings are its steps' eligibility now: a STOP after enrolling shows on the SMS step", async () => {
    const enrolled = await t.client.addContactToSequence(WELL_KNOWN.subscribed, 'seq-welcome', {});
    assert.deepEqual(enrolled.warnings, []);
    const detail = await t.client.getContact(WELL_KNOWN.subscribed, {});
    const phone = detail.contact.destinations.find((d) => d.kind === 'phone');
    assert.ok(phone);
    await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: phone.value, body: 'STOP' }, {});
    const now = await t.client.getSequenceEnrollment(WELL_KNOWN.subscribed, enrolled.id, {});
    assert.deepEqual(
      now.warnings.map((w) => [w.stepIndex, w.channelId, w.reasons.map((r) => r.code)]),
      [[0, 'ch-downtown-sms', ['unsubscribed']]],
    );
    assert.equal(now.enrolledAt, enrolled.enrolledAt);
  });

  test("another contact's enrollment is 404 under this contact; a merged contact's enrollments move to the survivor", async () => {
    const theirs = await t.client.addContactToSequence(WELL_KNOWN.noPhone, 'seq-winback', {});
    await rejectsWith(t.client.getSequenceEnrollment(WELL_KNOWN.subscribed, theirs.id, {}), 404, 'not-found');
    const etag = (await t.client.getContact(WELL_KNOWN.subscribed, {})).etag;
    await t.client.mergeContact(WELL_KNOWN.subscribed, WELL_KNOWN.noPhone, { ifMatch: etag });
    const survivor = await t.client.listSequenceEnrollments(WELL_KNOWN.subscribed, {}, {});
    assert.deepEqual(
      survivor.items.map((e) => [e.id, e.contactId]),
      [[theirs.id, WELL_KNOWN.subscribed]],
    );
    await rejectsWith(t.client.addContactToSequence(WELL_KNOWN.subscribed, 'seq-winback', {}), 409, 'conflict');
  });
});

describe('contract: audit and consent history filters', () => {
  const t = useContractBackend({ contacts: 50 });

  test('the audit log filters by action (repeated), actor, channel and date range, all combined', async () => {
    await t.client.blockContact(WELL_KNOWN.subscribed, { reason: 'Abusive messages' }, {});
    await t.client.unblockContact(WELL_KNOWN.subscribed, {});
    const all = await t.client.listAuditEvents({ limit: 200, includeTotal: true }, {});
    assert.ok(all.total !== undefined && all.total >= 3);

    const blockEvents = await t.client.listAuditEvents({ action: ['blocked', 'unblocked'], limit: 200 }, {});
    assert.ok(blockEvents.items.length >= 2);
    assert.ok(blockEvents.items.every((e) => e.action === 'blocked' || e.action === 'unblocked'));
    assert.deepEqual(
      blockEvents.items.slice(0, 2).map((e) => [e.action, e.contactId]),
      [
        ['unblocked', WELL_KNOWN.subscribed],
        ['blocked', WELL_KNOWN.subscribed],
      ],
    );

    const actor = blockEvents.items[0]!.actor;
    assert.equal(actor.type, 'user');
    const byActor = await t.client.listAuditEvents({ actor: actor.id ?? actor.type, limit: 200 }, {});
    assert.ok(byActor.items.length > 0 && byActor.items.every((e) => e.actor.type === 'user' && e.actor.id === actor.id));
    const byContacts = await t.client.listAuditEvents({ actor: 'contact', limit: 200 }, {});
    assert.ok(byContacts.items.length > 0 && byContacts.items.every((e) => e.actor.type === 'contact' && !('id' in e.actor)), 'the contact’s own replies, by type');

    const onChannel = await t.client.listAuditEvents({ channelId: 'ch-airport-sms', limit: 200 }, {});
    assert.ok(onChannel.items.length > 0 && onChannel.items.every((e) => e.channelIds.includes('ch-airport-sms')));
    assert.ok(onChannel.items.length < all.items.length);

    // A range is [from, to): the newest event's own instant as `to` leaves it out.
    const newest = all.items[0]!;
    const before = await t.client.listAuditEvents({ to: newest.occurredAt, limit: 200, includeTotal: true }, {});
    assert.ok(before.items.every((e) => Date.parse(e.occurredAt) < Date.parse(newest.occurredAt)));
    assert.ok(!before.items.some((e) => e.id === newest.id));
    const since = await t.client.listAuditEvents({ from: newest.occurredAt, limit: 200 }, {});
    assert.ok(since.items.some((e) => e.id === newest.id));
    assert.ok(since.items.every((e) => Date.parse(e.occurredAt) >= Date.parse(newest.occurredAt)));
  });

  test('the audit log omits total unless asked for; a consent history always has it', async () => {
    assert.equal((await t.client.listAuditEvents({ limit: 5 }, {})).total, undefined);
    assert.equal(typeof (await t.client.listAuditEvents({ limit: 5, includeTotal: true }, {})).total, 'number');
    assert.equal(typeof (await t.client.listConsentHistory(WELL_KNOWN.partlyUnsubscribed, {}, {})).total, 'number');
  });

  test("a contact's consent history takes the same filters", async () => {
    await t.client.blockContact(WELL_KNOWN.partlyUnsubscribed, {}, {});
    const everything = await t.client.listConsentHistory(WELL_KNOWN.partlyUnsubscribed, { limit: 200 }, {});
    assert.ok(everything.items.some((e) => e.action === 'unsubscribed'));
    const blocks = await t.client.listConsentHistory(WELL_KNOWN.partlyUnsubscribed, { action: ['blocked'] }, {});
    assert.deepEqual(
      blocks.items.map((e) => e.action),
      ['blocked'],
    );
    assert.equal(blocks.total, 1);
  });

  test('a cursor belongs to its filters: the next page with other filters is 400', async () => {
    for (let i = 0; i < 3; i++) {
      await t.client.blockContact(WELL_KNOWN.subscribed, {}, {});
      await t.client.unblockContact(WELL_KNOWN.subscribed, {});
    }
    const first = await t.client.listAuditEvents({ action: ['blocked'], limit: 1 }, {});
    assert.ok(first.nextCursor);
    const next = await t.client.listAuditEvents({ action: ['blocked'], limit: 1, cursor: first.nextCursor }, {});
    assert.equal(next.items[0]?.action, 'blocked');
    assert.notEqual(next.items[0]?.id, first.items[0]?.id);
    await rejectsWith(t.client.listAuditEvents({ action: ['unblocked'], limit: 1, cursor: first.nextCursor }, {}), 400, 'validation');
  });
});
