// What the prose of api/openapi.yaml promises beyond status codes, checked against the mock
// backend through the real client: request validation by the contract's schemas, list order and
// filters, review deadlines, consent history by destination, Twilio's classification.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HttpOptOutClient, type OptOutApiError } from '../../../src/client/index.js';
import { NODE_API_BASE } from '../../../mocks/node.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';
import { signTwilioRequest } from '../../../mocks/twilio.js';
import { etagOf, rejectsWith, useContractBackend, type ContractHarness } from './harness.js';

const AVA = '+14162030001';
const NO_KEYWORDS = { optOut: [], optOutAll: [], optIn: [], help: [] };
const fields = (error: OptOutApiError) => error.fieldErrors.map((e) => e.field);

async function saveSettings(t: ContractHarness, customKeywords: unknown) {
  const { etag } = await t.client.getMessagingSettings({});
  return t.client.updateMessagingSettings({ optOutScope: 'channel-type', phrasePolicy: 'review', customKeywords: customKeywords as typeof NO_KEYWORDS }, etag, {});
}

describe('contract: what the API description promises', () => {
  const t = useContractBackend({ contacts: 80 });

  describe('requests are checked against the contract’s schemas', () => {
    test('a misspelt field is refused, naming it, instead of being ignored and widening the action', async () => {
      const error = await rejectsWith(t.client.unsubscribeContact(WELL_KNOWN.subscribed, { channelID: ['ch-downtown-sms'] } as never, {}), 400, 'validation');
      assert.deepEqual(fields(error), ['channelID']);
      const detail = await t.client.getContact(WELL_KNOWN.subscribed, {});
      assert.ok(detail.eligibility.every((e) => e.canMessage), 'nothing was unsubscribed');
    });

    test('every bad field of a body is named, with its path', async () => {
      const error = await rejectsWith(saveSettings(t, { optOut: ['', 'x'.repeat(51)], optIn: [] }), 400, 'validation');
      assert.deepEqual(new Set(fields(error)), new Set(['customKeywords.optOut[0]', 'customKeywords.optOut[1]', 'customKeywords.optOutAll', 'customKeywords.help']));
    });

    test('a keyword of up to 50 characters is accepted, and kept trimmed', async () => {
      const saved = await saveSettings(t, { ...NO_KEYWORDS, optOut: [` ${'x'.repeat(45)} `] });
      assert.deepEqual(saved.settings.customKeywords.optOut, ['x'.repeat(45)]);
    });

    test('a bulk filter with an unknown status is refused, not read as another audience', async () => {
      const error = await rejectsWith(t.client.createBulkUnsubscribePreview({ target: { kind: 'filter', filter: { status: ['unsubscribd' as 'blocked'] }, excludedIds: [] } }, {}), 400, 'validation');
      assert.deepEqual(fields(error), ['target.filter.status[0]']);
    });

    test('a contact listed twice in a bulk target is named', async () => {
      const error = await rejectsWith(t.client.createBulkUnsubscribePreview({ target: { kind: 'ids', ids: [WELL_KNOWN.subscribed, WELL_KNOWN.blocked, WELL_KNOWN.subscribed] } }, {}), 400, 'validation');
      assert.deepEqual(fields(error), ['target.ids[2]']);
    });

    test('unknown ids of a bulk target are named one by one', async () => {
      const error = await rejectsWith(t.client.createBulkUnsubscribePreview({ target: { kind: 'ids', ids: [WELL_KNOWN.subscribed, 'c-nope', 'c-gone'] } }, {}), 400, 'validation');
      assert.deepEqual(fields(error), ['target.ids[1]', 'target.ids[2]']);
    });

    test('a misspelt query parameter is refused, not ignored into a wider list', async () => {
      const response = await fetch(`${NODE_API_BASE}/contacts?statu=blocked`);
      assert.equal(response.status, 400);
      const problem = (await response.json()) as { errors: { field: string; message: string }[] };
      assert.deepEqual(problem.errors, [{ field: 'statu', message: 'is not a parameter of this request', code: 'unknown-field' }]);
    });

    test('query parameters are checked too: a search over 200 characters, an unknown review status', async () => {
      assert.deepEqual(fields(await rejectsWith(t.client.listContacts({ query: 'a'.repeat(201) }, {}), 400, 'validation')), ['query']);
      assert.deepEqual(fields(await rejectsWith(t.client.listReviews({ status: 'bogus' as 'pending' }, {}), 400, 'validation')), ['status']);
    });
  });

  describe('lists', () => {
    test('search is case- and accent-insensitive', async () => {
      const ids = async (query: string) => (await t.client.listContacts({ query }, {})).items.map((c) => c.id);
      // The email is felix.lavoie@…, so "felix lavoie" can only match the accented name.
      assert.ok((await ids('felix lavoie')).includes(WELL_KNOWN.frenchStop));
      assert.ok((await ids('NOAH CÔTÉ')).includes(WELL_KNOWN.noPhone));
    });

    test('a cursor only pages the query that produced it', async () => {
      const vip = await t.client.listContacts({ tag: 'vip', limit: 1 }, {});
      assert.ok(vip.nextCursor);
      const next = await t.client.listContacts({ tag: 'vip', limit: 1, cursor: vip.nextCursor }, {});
      assert.equal(next.total, vip.total);
      const error = await rejectsWith(t.client.listContacts({ status: ['blocked'], limit: 1, cursor: vip.nextCursor }, {}), 400, 'validation');
      assert.deepEqual(fields(error), ['cursor']);
    });

    test('with a channel, the status filter is computed on that channel alone', async () => {
      const ids = async (status: 'subscribed' | 'unsubscribed' | 'unreachable') =>
        (await t.client.listContacts({ channelId: 'ch-downtown-sms', status: [status], limit: 200 }, {})).items.map((c) => c.id);
      // Emma's only phone is invalid: no SMS reaches her, though her email is fine.
      assert.ok((await ids('unreachable')).includes(WELL_KNOWN.invalidPhone));
      assert.ok(!(await ids('subscribed')).includes(WELL_KNOWN.invalidPhone));
      // Liam replied STOP to Downtown SMS only: unsubscribed on it, though subscribed elsewhere.
      assert.ok((await ids('unsubscribed')).includes(WELL_KNOWN.partlyUnsubscribed));
      const onAirport = (await t.client.listContacts({ channelId: 'ch-airport-sms', status: ['subscribed'], limit: 200 }, {})).items.map((c) => c.id);
      assert.ok(onAirport.includes(WELL_KNOWN.partlyUnsubscribed));
    });

    test('the unsubscribed filter leaves out blocked contacts: blocked comes first', async () => {
      const unsubscribed = async () => (await t.client.listContacts({ status: ['unsubscribed'], limit: 200 }, {})).items.map((c) => c.id);
      assert.ok((await unsubscribed()).includes(WELL_KNOWN.partlyUnsubscribed));
      await t.client.blockContact(WELL_KNOWN.partlyUnsubscribed, {}, {});
      assert.ok(!(await unsubscribed()).includes(WELL_KNOWN.partlyUnsubscribed));
      const blocked = (await t.client.listContacts({ status: ['blocked'], limit: 200 }, {})).items.map((c) => c.id);
      assert.ok(blocked.includes(WELL_KNOWN.partlyUnsubscribed));
    });

    test('a preview samples in list order, and a contact with no valid destination on the channels is unreachable', async () => {
      const preview = await t.client.createBulkUnsubscribePreview(
        { target: { kind: 'ids', ids: [WELL_KNOWN.invalidPhone, WELL_KNOWN.subscribed, WELL_KNOWN.blocked] }, channelIds: ['ch-downtown-sms'] },
        {},
      );
      const wanted = new Set<string>([WELL_KNOWN.invalidPhone, WELL_KNOWN.subscribed, WELL_KNOWN.blocked]);
      const listOrder = (await t.client.listContacts({ limit: 200 }, {})).items.map((c) => c.id).filter((id) => wanted.has(id));
      assert.notDeepEqual(listOrder, [WELL_KNOWN.invalidPhone, WELL_KNOWN.subscribed, WELL_KNOWN.blocked], 'the request order differs from the list order');
      assert.deepEqual(
        preview.sample.map((c) => c.id),
        listOrder,
      );
      assert.equal(preview.unreachable, 1, 'Emma’s only phone is invalid');
      const job = await t.client.startBulkUnsubscribeJob(preview.id, {});
      assert.equal((await t.backend.jobs.settled(job.id)).changed, preview.willChange, 'the job changes exactly what the preview counted');
    });
  });

  describe('reviews', () => {
    const queue = async (from: string, body: string, receivedAt: string) => {
      const { reviewId } = await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from, body, receivedAt }, {});
      assert.ok(reviewId);
      return reviewId;
    };

    test('a request left pending past its deadline is applied by the system before anyone can dismiss it', async () => {
      t.backend.store.now = () => Date.parse('2026-11-25T12:00:00Z');
      const reviewId = await queue(AVA, 'please stop texting me', '2026-10-01T14:00:00Z');
      await rejectsWith(t.client.dismissReview(reviewId, 'Not a request to stop.', {}), 409, 'conflict');
      const [item] = (await t.client.listContactReviews(WELL_KNOWN.subscribed, {}, {})).items;
      assert.equal(item?.status, 'applied');
      assert.deepEqual(item?.decidedBy, { type: 'system' });
    });

    test('pending items come soonest deadline first, then decided ones newest first; a contact’s list filters by status', async () => {
      // A Wednesday noon, so received-at days apart give deadlines days apart.
      const now = Date.parse('2026-11-25T12:00:00Z');
      t.backend.store.now = () => now;
      const later = await queue(AVA, 'please stop texting me', new Date(now - 60_000).toISOString());
      const sooner = await queue(AVA, 'stop messaging me', new Date(now - 2 * 86_400_000).toISOString());
      const decidedFirst = await queue(AVA, 'take me off your list', new Date(now).toISOString());
      const decidedLast = await queue(AVA, 'no more texts please', new Date(now).toISOString());
      await t.client.dismissReview(decidedFirst, 'About an order.', {});
      t.backend.store.now = () => now + 1000;
      await t.client.applyReview(decidedLast, 'Clear request.', {});
      const all = (await t.client.listContactReviews(WELL_KNOWN.subscribed, {}, {})).items.map((r) => r.id);
      assert.deepEqual(all, [sooner, later, decidedLast, decidedFirst]);
      const pending = (await t.client.listContactReviews(WELL_KNOWN.subscribed, { status: 'pending' }, {})).items.map((r) => r.id);
      assert.deepEqual(pending, [sooner, later]);
    });

    test('an applied decision keeps its note on the item, and both decisions name the review in the audit log', async () => {
      const applied = await t.client.applyReview(await queue(AVA, 'please stop texting me', new Date().toISOString()), 'Clear request.', {});
      assert.equal(applied.decisionNote, 'Clear request.');
      const event = (await t.client.listAuditEvents({}, {})).items.find((e) => e.action === 'review-applied');
      assert.equal(event?.details['reviewId'], applied.id);
    });
  });

  test('a bearer token names the caller of one request: the integration reports while an agent is signed in', async () => {
    t.as('agent');
    const result = await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'STOP' }, {});
    assert.equal(result.action, 'opted-out');
    assert.equal((await t.client.getMe({})).role, 'agent', 'the session is untouched');
    assert.equal((await t.integration.getMe({})).role, 'integration');
    const together = await Promise.all([t.integration.getMe({}), t.client.getMe({}), t.integration.getMe({}), t.client.getMe({})]);
    assert.deepEqual(together.map((me) => me.role), ['integration', 'agent', 'integration', 'agent'], 'concurrent requests never see each other’s caller');
    const nobody = new HttpOptOutClient({ baseUrl: NODE_API_BASE, token: 'mock:u-nobody', retry: { attempts: 0 } });
    await rejectsWith(nobody.getMe({}), 401, 'unauthenticated');
  });

  test('consent history includes a STOP from one of the contact’s numbers recorded before the contact existed', async () => {
    t.backend.store.audit({ action: 'unsubscribed', actor: { type: 'contact' }, contactId: null, destination: AVA, channelIds: ['ch-airport-sms'], source: 'stop-reply', keyword: 'STOP' });
    const history = await t.client.listConsentHistory(WELL_KNOWN.subscribed, {}, {});
    assert.ok(history.items.some((e) => e.contactId === null && e.destination === AVA && e.keyword === 'STOP'));
  });

  test('a merge appends one merged event naming the source, and the source’s history lives on', async () => {
    await t.client.mergeContact(WELL_KNOWN.subscribed, WELL_KNOWN.partlyUnsubscribed, { ifMatch: await etagOf(t.client, WELL_KNOWN.subscribed) });
    const merged = (await t.client.listConsentHistory(WELL_KNOWN.subscribed, {}, {})).items.filter((e) => e.action === 'merged');
    assert.equal(merged.length, 1);
    assert.equal(merged[0]?.details['sourceContactId'], WELL_KNOWN.partlyUnsubscribed);
    const viaSource = await t.client.listConsentHistory(WELL_KNOWN.partlyUnsubscribed, {}, {});
    assert.ok(viaSource.items.some((e) => e.action === 'unsubscribed' && e.contactId === WELL_KNOWN.partlyUnsubscribed));
  });

  test('Twilio’s OptOutType sets the intent, but our keywords still decide the reach: STOP ALL stays organization-wide', async () => {
    const url = `${NODE_API_BASE}/webhooks/twilio/inbound`;
    const body = new URLSearchParams({ From: AVA, To: '+14165550101', Body: 'STOP ALL', OptOutType: 'STOP', MessageSid: 'SM-stop-all' });
    const response = await fetch(url, { method: 'POST', headers: await signTwilioRequest(url, body), body });
    const result = (await response.json()) as { classification: { intent: string }; scope: string; changedChannelIds: string[] };
    assert.equal(result.classification.intent, 'opt-out-all');
    assert.equal(result.scope, 'organization');
    assert.equal(result.changedChannelIds.length, 9);
  });

  test('a Twilio delivery whose body or URL differs from what was signed is refused', async () => {
    const url = `${NODE_API_BASE}/webhooks/twilio/inbound`;
    const signed = new URLSearchParams({ From: AVA, To: '+14165550101', Body: 'HELP', MessageSid: 'SM-signed' });
    const headers = await signTwilioRequest(url, signed);
    const tampered = new URLSearchParams({ From: AVA, To: '+14165550101', Body: 'START', MessageSid: 'SM-signed' });
    assert.equal((await fetch(url, { method: 'POST', headers, body: tampered })).status, 403);
    assert.equal((await fetch(`${url}?x=1`, { method: 'POST', headers, body: signed })).status, 403);
    assert.equal((await fetch(url, { method: 'POST', headers, body: signed })).status, 200);
  });

  test('an undo answers 202 with the job’s Location, like a start', async () => {
    const preview = await t.client.createBulkUnsubscribePreview({ target: { kind: 'ids', ids: [WELL_KNOWN.subscribed] } }, {});
    const job = await t.client.startBulkUnsubscribeJob(preview.id, {});
    await t.backend.jobs.settled(job.id);
    const response = await fetch(`${NODE_API_BASE}/bulk-unsubscribe/jobs/${job.id}/undo`, { method: 'POST' });
    assert.equal(response.status, 202);
    assert.equal(response.headers.get('Location'), `${NODE_API_BASE}/bulk-unsubscribe/jobs/${job.id}`);
  });
});
