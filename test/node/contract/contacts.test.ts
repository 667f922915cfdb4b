import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';
import { etagOf, rejectsWith, useContractBackend } from './harness.js';

const ALL_CHANNELS = 9;

describe('contract: session, organization and contacts', () => {
  const t = useContractBackend();

  test('GET /me answers the user, role and permissions; switching the QA user changes it', async () => {
    const me = await t.client.getMe({});
    assert.equal(me.role, 'admin');
    assert.ok(me.permissions.includes('settings:write'));
    t.as('agent');
    const agent = await t.client.getMe({});
    assert.equal(agent.role, 'agent');
    assert.ok(!agent.permissions.includes('contact:merge'));
  });

  test('GET /organization lists 3 locations, channels of every type and sequences', async () => {
    const org = await t.client.getOrganization({});
    assert.equal(org.locations.length, 3);
    assert.deepEqual([...new Set(org.channels.map((c) => c.type))].sort(), ['email', 'sms', 'voice', 'whatsapp']);
    assert.ok(org.sequences.length >= 1);
  });

  test('GET /contacts pages with a cursor and a total, and filters by query, status, location and tag', async () => {
    const first = await t.client.listContacts({ limit: 100 }, {});
    assert.equal(first.total, 300);
    assert.equal(first.items.length, 100);
    assert.ok(first.nextCursor);
    const seen = new Set(first.items.map((c) => c.id));
    let cursor: string | null = first.nextCursor;
    while (cursor) {
      const page = await t.client.listContacts({ limit: 100, cursor }, {});
      page.items.forEach((c) => seen.add(c.id));
      cursor = page.nextCursor;
    }
    assert.equal(seen.size, 300);

    const byName = await t.client.listContacts({ query: 'liam gagnon' }, {});
    assert.ok(byName.items.some((c) => c.id === WELL_KNOWN.partlyUnsubscribed));
    const byPhone = await t.client.listContacts({ query: '(416) 203-0002' }, {});
    assert.deepEqual(byPhone.items.map((c) => c.id), [WELL_KNOWN.partlyUnsubscribed]);
    const byEmail = await t.client.listContacts({ query: 'AVA.TREMBLAY@' }, {});
    assert.deepEqual(byEmail.items.map((c) => c.id), [WELL_KNOWN.subscribed]);

    const blocked = await t.client.listContacts({ status: ['blocked'], limit: 200 }, {});
    assert.ok(blocked.total > 0 && blocked.items.every((c) => c.blocked && c.status === 'blocked'));
    const unsubscribed = await t.client.listContacts({ status: ['unsubscribed'], limit: 200 }, {});
    assert.ok(unsubscribed.items.every((c) => c.unsubscribedChannelCount > 0));
    const onChannel = await t.client.listContacts({ status: ['unsubscribed'], channelId: 'ch-downtown-sms', limit: 200 }, {});
    assert.ok(onChannel.items.some((c) => c.id === WELL_KNOWN.partlyUnsubscribed));
    const downtown = await t.client.listContacts({ locationId: ['loc-downtown'], tag: 'vip', limit: 200 }, {});
    assert.ok(downtown.items.every((c) => c.locationIds.includes('loc-downtown') && c.tags.includes('vip')));
    await rejectsWith(t.client.listContacts({ status: ['gone' as 'blocked'] }, {}), 400, 'validation');
    await rejectsWith(t.client.listContacts({ cursor: 'not-a-cursor' }, {}), 400, 'validation');
  });

  test('GET /contacts/{id} carries per-channel eligibility computed by the engine', async () => {
    const detail = await t.client.getContact(WELL_KNOWN.partlyUnsubscribed, {});
    assert.equal(detail.eligibility.length, ALL_CHANNELS);
    const sms = detail.eligibility.find((e) => e.channelId === 'ch-downtown-sms');
    assert.equal(sms?.canMessage, false);
    const reason = sms?.reasons[0];
    assert.equal(reason?.code, 'unsubscribed');
    if (reason?.code === 'unsubscribed') {
      assert.equal(reason.keyword, 'STOP');
      assert.equal(reason.scope, 'channel');
      assert.equal(reason.source, 'stop-reply');
    }
    assert.equal(detail.eligibility.find((e) => e.channelId === 'ch-airport-sms')?.canMessage, true);
    await rejectsWith(t.client.getContact('c-nope', {}), 404, 'not-found');
  });

  test('unsubscribe: chosen channels or every channel; an unknown channel is a 400 naming the field', async () => {
    const chosen = await t.client.unsubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-uptown-email'] }, {});
    assert.deepEqual(chosen.eligibility.filter((e) => !e.canMessage).map((e) => e.channelId), ['ch-uptown-email']);
    const all = await t.client.unsubscribeContact(WELL_KNOWN.subscribed, {}, {});
    assert.ok(all.eligibility.every((e) => !e.canMessage));
    const error = await rejectsWith(t.client.unsubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-nope'] }, {}), 400, 'validation');
    assert.equal(error.fieldErrors[0]?.field, 'channelIds');
  });

  test('resubscribe needs a written consent note (422), then restores only the named channels', async () => {
    await rejectsWith(t.client.resubscribeContact(WELL_KNOWN.partlyUnsubscribed, { channelIds: ['ch-downtown-sms'], note: '   ' }, { ifMatch: await etagOf(t.client, WELL_KNOWN.partlyUnsubscribed) }), 422, 'note-required');
    const detail = await t.client.resubscribeContact(WELL_KNOWN.partlyUnsubscribed, { channelIds: ['ch-downtown-sms'], note: 'Asked in store on Nov 3, signed form' }, { ifMatch: await etagOf(t.client, WELL_KNOWN.partlyUnsubscribed) });
    assert.equal(detail.eligibility.find((e) => e.channelId === 'ch-downtown-sms')?.canMessage, true);
    const history = await t.client.listConsentHistory(WELL_KNOWN.partlyUnsubscribed, {}, {});
    assert.equal(history.items[0]?.action, 'resubscribed');
    assert.equal(history.items[0]?.note, 'Asked in store on Nov 3, signed form');
  });

  test('block and unblock: block makes every channel ineligible; unblock restores nothing else', async () => {
    const blocked = await t.client.blockContact(WELL_KNOWN.partlyUnsubscribed, { reason: 'Abuse' }, {});
    assert.ok(blocked.eligibility.every((e) => !e.canMessage && e.reasons[0]?.code === 'blocked'));
    const unblocked = await t.client.unblockContact(WELL_KNOWN.partlyUnsubscribed, {});
    assert.equal(unblocked.contact.blocked, null);
    assert.equal(unblocked.eligibility.find((e) => e.channelId === 'ch-downtown-sms')?.canMessage, false);
  });

  test('merge keeps every opt-out and the block of either side; merging into itself is a 409', async () => {
    await rejectsWith(t.client.mergeContact(WELL_KNOWN.subscribed, WELL_KNOWN.subscribed, { ifMatch: await etagOf(t.client, WELL_KNOWN.subscribed) }), 409, 'conflict');
    const merged = await t.client.mergeContact(WELL_KNOWN.subscribed, WELL_KNOWN.partlyUnsubscribed, { ifMatch: await etagOf(t.client, WELL_KNOWN.subscribed) });
    assert.ok(merged.contact.destinations.some((d) => d.value === '+14162030002'));
    assert.ok(merged.consent.some((r) => r.destination === '+14162030002' && r.status === 'unsubscribed' && r.channelId === 'ch-downtown-sms'));
    await rejectsWith(t.client.getContact(WELL_KNOWN.partlyUnsubscribed, {}), 404, 'not-found');
    const withBlocked = await t.client.mergeContact(WELL_KNOWN.subscribed, WELL_KNOWN.blocked, { ifMatch: await etagOf(t.client, WELL_KNOWN.subscribed) });
    assert.ok(withBlocked.contact.blocked);
    const history = await t.client.listConsentHistory(WELL_KNOWN.subscribed, { limit: 200 }, {});
    assert.ok(history.items.some((e) => e.action === 'unsubscribed' && e.destination === '+14162030002'), 'the merged contact history is concatenated');
  });

  test('delete removes the contact but keeps destination consent', async () => {
    await t.client.deleteContact(WELL_KNOWN.frenchStop, { ifMatch: await etagOf(t.client, WELL_KNOWN.frenchStop) });
    await rejectsWith(t.client.getContact(WELL_KNOWN.frenchStop, {}), 404, 'not-found');
    assert.equal(t.backend.store.currentConsent('+14162030008', 'ch-uptown-sms')?.status, 'unsubscribed');
    // The number texting again is still suppressed: the STOP survived the deletion.
    const result = await t.integration.receiveInboundMessage({ channelId: 'ch-uptown-sms', from: '+14162030008', body: 'hello?' }, {});
    assert.equal(result.contactId, null);
    assert.equal(t.backend.store.currentConsent('+14162030008', 'ch-downtown-sms')?.status, 'unsubscribed');
  });

  test('add to sequence answers per-step eligibility warnings; enrolling twice is a 409', async () => {
    const enrollment = await t.client.addContactToSequence(WELL_KNOWN.partlyUnsubscribed, 'seq-welcome', {});
    assert.deepEqual(enrollment.warnings.map((w) => [w.stepIndex, w.channelId, w.reasons[0]?.code]), [[0, 'ch-downtown-sms', 'unsubscribed']]);
    await rejectsWith(t.client.addContactToSequence(WELL_KNOWN.partlyUnsubscribed, 'seq-welcome', {}), 409, 'conflict');
    await rejectsWith(t.client.addContactToSequence(WELL_KNOWN.partlyUnsubscribed, 'seq-nope', {}), 400, 'validation');
  });

  test('consent history and the audit log page, newest first', async () => {
    await t.client.blockContact(WELL_KNOWN.subscribed, {}, {});
    await t.client.unblockContact(WELL_KNOWN.subscribed, {});
    const history = await t.client.listConsentHistory(WELL_KNOWN.subscribed, { limit: 1 }, {});
    assert.equal(history.total, 2);
    assert.equal(history.items[0]?.action, 'unblocked');
    assert.ok(history.nextCursor);
    const audit = await t.client.listAuditEvents({ limit: 5 }, {});
    assert.equal(audit.items[0]?.action, 'unblocked');
  });

  test('roles are enforced by the backend whatever the UI shows (403)', async () => {
    t.as('agent');
    await t.client.unsubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-downtown-sms'] }, {});
    await t.client.blockContact(WELL_KNOWN.subscribed, {}, {});
    await rejectsWith(t.client.unblockContact(WELL_KNOWN.subscribed, {}), 403, 'forbidden');
    await rejectsWith(t.client.mergeContact(WELL_KNOWN.subscribed, WELL_KNOWN.noPhone, { ifMatch: '"any"' }), 403, 'forbidden');
    await rejectsWith(t.client.deleteContact(WELL_KNOWN.subscribed, { ifMatch: '"any"' }), 403, 'forbidden');
    await rejectsWith(t.client.addContactToSequence(WELL_KNOWN.subscribed, 'seq-welcome', {}), 403, 'forbidden');
    await rejectsWith(t.client.resubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-downtown-sms'], note: 'x' }, { ifMatch: '"any"' }), 403, 'forbidden');
    await rejectsWith(t.client.createBulkUnsubscribePreview({ target: { kind: 'ids', ids: [WELL_KNOWN.subscribed] } }, {}), 403, 'forbidden');
  });
  test('GET /contacts filters by channel type, its status computed on that type alone, and a bulk filter means the same', async () => {
    const noPhone = await t.client.listContacts({ channelType: 'sms', query: 'noah côté' }, {});
    assert.equal(noPhone.total, 0, 'a contact with no phone has no SMS destination');
    const email = await t.client.listContacts({ channelType: 'email', query: 'noah côté' }, {});
    assert.deepEqual(email.items.map((c) => c.id), [WELL_KNOWN.noPhone]);
    // Liam opted out of Downtown SMS only: unsubscribed on SMS, subscribed on email.
    const smsOut = await t.client.listContacts({ channelType: 'sms', status: ['unsubscribed'], limit: 200 }, {});
    assert.ok(smsOut.items.some((c) => c.id === WELL_KNOWN.partlyUnsubscribed));
    const emailOut = await t.client.listContacts({ channelType: 'email', status: ['unsubscribed'], limit: 200 }, {});
    assert.ok(!emailOut.items.some((c) => c.id === WELL_KNOWN.partlyUnsubscribed));
    const emailIn = await t.client.listContacts({ channelType: 'email', status: ['subscribed'], limit: 200, query: 'liam gagnon' }, {});
    assert.deepEqual(emailIn.items.map((c) => c.id), [WELL_KNOWN.partlyUnsubscribed]);
    const preview = await t.client.createBulkUnsubscribePreview({ target: { kind: 'filter', filter: { channelType: 'sms', status: ['unsubscribed'] }, excludedIds: [] } }, {});
    assert.equal(preview.total, smsOut.total, 'the bulk filter counts the contacts the list shows');
    await rejectsWith(t.client.listContacts({ channelType: 'fax' as 'sms' }, {}), 400, 'validation');
    const page = await t.client.listContacts({ channelType: 'sms', limit: 1 }, {});
    await rejectsWith(t.client.listContacts({ channelType: 'email', limit: 1, cursor: page.nextCursor ?? '' }, {}), 400, 'validation');
  });

  test('a list row carries every destination with its validity and when its consent last changed', async () => {
    const [emma] = (await t.client.listContacts({ query: 'emma bouchard' }, {})).items;
    assert.deepEqual(emma?.destinations?.map((d) => [d.kind, d.valid]), [['phone', false], ['email', true]]);
    const [ava] = (await t.client.listContacts({ query: 'ava tremblay' }, {})).items;
    assert.equal(ava?.lastActivityAt, null, 'no consent record yet');
    await t.client.unsubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-uptown-email'] }, {});
    const [after] = (await t.client.listContacts({ query: 'ava tremblay' }, {})).items;
    assert.ok(after?.lastActivityAt && Date.parse(after.lastActivityAt) > 0);
  });
});
