// Contract v1: contact versions (ETag / If-Match), bulk filters that can never silently widen, repeatable list filters.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NODE_API_BASE } from '../../../mocks/node.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';
import { HttpOptOutClient, type ContactDetail } from '../../../src/client/index.js';
import { rejectsWith, useContractBackend } from './harness.js';

const LIAM_PHONE = '+14162030002';

describe('contract: contact versions', () => {
  const t = useContractBackend();

  test('a contact answers with an ETag, the same as its body’s etag, stable until the contact changes', async () => {
    const response = await fetch(`${NODE_API_BASE}/contacts/${WELL_KNOWN.subscribed}`);
    const body = (await response.json()) as ContactDetail;
    assert.match(response.headers.get('ETag') ?? '', /^"c-.+"$/);
    assert.equal(response.headers.get('ETag'), body.etag);
    assert.equal((await t.client.getContact(WELL_KNOWN.subscribed, {})).etag, body.etag, 'unchanged: same version');
    const blocked = await t.client.blockContact(WELL_KNOWN.subscribed, { reason: 'Abusive messages' }, { ifMatch: body.etag });
    assert.notEqual(blocked.etag, body.etag, 'a change makes a new version');
    assert.equal((await t.client.getContact(WELL_KNOWN.subscribed, {})).etag, blocked.etag, 'the action’s answer carries the new version');
  });

  test('a STOP that arrives while the re-subscribe dialog is open wins: the stale re-subscribe is 412 with the contact as it is now', async () => {
    const seen = await t.client.getContact(WELL_KNOWN.partlyUnsubscribed, {});
    // While the agent types the consent note, Liam replies STOP on Airport SMS.
    await t.integration.receiveInboundMessage({ channelId: 'ch-airport-sms', from: LIAM_PHONE, body: 'STOP', providerMessageId: 'SM-while-open' }, {});
    const error = await rejectsWith(
      t.client.resubscribeContact(WELL_KNOWN.partlyUnsubscribed, { channelIds: ['ch-downtown-sms', 'ch-airport-sms'], note: 'Asked at the desk' }, { ifMatch: seen.etag }),
      412,
      'precondition-failed',
    );
    const current = (error.problem as { current?: ContactDetail } | undefined)?.current;
    assert.ok(current, 'the problem carries the current contact');
    assert.equal(current.etag, (await t.client.getContact(WELL_KNOWN.partlyUnsubscribed, {})).etag);
    assert.equal(t.backend.store.currentConsent(LIAM_PHONE, 'ch-airport-sms')?.source, 'stop-reply', 'the STOP stands');
  });

  test('re-subscribe, merge and delete require If-Match; the other contact changes accept it', async () => {
    for (const [path, init] of [
      [`/contacts/${WELL_KNOWN.partlyUnsubscribed}/resubscribe`, { method: 'POST', body: JSON.stringify({ channelIds: ['ch-downtown-sms'], note: 'Consent at the desk' }) }],
      [`/contacts/${WELL_KNOWN.subscribed}/merge`, { method: 'POST', body: JSON.stringify({ sourceContactId: WELL_KNOWN.noPhone }) }],
      [`/contacts/${WELL_KNOWN.subscribed}`, { method: 'DELETE' }],
    ] as const) {
      const response = await fetch(`${NODE_API_BASE}${path}`, { ...init, headers: { 'Content-Type': 'application/json' } });
      assert.equal(response.status, 428, path);
    }
    const unsubscribed = await t.client.unsubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-downtown-sms'] }, {});
    assert.equal(unsubscribed.eligibility.find((e) => e.channelId === 'ch-downtown-sms')?.canMessage, false, 'without If-Match, an unsubscribe still applies');
  });
});

describe('contract: a bulk filter never silently widens', () => {
  const t = useContractBackend();
  const preview = (filter: unknown) => t.client.createBulkUnsubscribePreview({ target: { kind: 'filter', filter: filter as { all: true }, excludedIds: [] } }, {});

  test('a misspelt filter key is refused, naming it', async () => {
    const error = await rejectsWith(preview({ location_id: 'loc-uptown' }), 400, 'validation');
    assert.ok(error.fieldErrors.some((e) => e.field === 'target.filter.location_id'), JSON.stringify(error.fieldErrors));
    const tags = await rejectsWith(preview({ tags: 'vip' }), 400, 'validation');
    assert.ok(tags.fieldErrors.some((e) => e.field === 'target.filter.tags'), JSON.stringify(tags.fieldErrors));
  });

  test('an empty filter is refused; every contact is said with {"all": true}, alone', async () => {
    await rejectsWith(preview({}), 400, 'validation');
    await rejectsWith(preview({ all: true, tag: 'vip' }), 400, 'validation');
    await rejectsWith(preview({ all: false }), 400, 'validation');
    const everyone = await preview({ all: true });
    assert.equal(everyone.total, t.backend.store.contactCount());
    const uptown = await preview({ locationId: ['loc-uptown'] });
    assert.ok(uptown.total > 0 && uptown.total < everyone.total);
  });

  test('a repeatable filter is an array, never empty; a lone string is refused rather than guessed', async () => {
    for (const locationId of ['loc-uptown', [], ['']]) {
      const error = await rejectsWith(preview({ locationId }), 400, 'validation');
      assert.ok(error.fieldErrors.some((e) => e.field.startsWith('target.filter.locationId')), JSON.stringify(error.fieldErrors));
    }
    const status = await rejectsWith(preview({ status: [] }), 400, 'validation');
    assert.ok(status.fieldErrors.some((e) => e.field === 'target.filter.status'), JSON.stringify(status.fieldErrors));
  });

  test('a preview of several locations freezes exactly the contacts the list shows for them', async () => {
    const filter = { locationId: ['loc-uptown', 'loc-airport'], status: ['subscribed' as const] };
    const listed = await t.client.listContacts({ ...filter, limit: 1 }, {});
    const frozen = await preview(filter);
    assert.equal(frozen.total, listed.total);
    assert.deepEqual(frozen.sample.slice(0, 1).map((c) => c.id), listed.items.map((c) => c.id));
    const uptown = await preview({ locationId: ['loc-uptown'], status: ['subscribed'] });
    assert.ok(frozen.total > uptown.total, 'two locations reach more than one');
  });
});

describe('contract: repeatable filter values on the contacts list', () => {
  const t = useContractBackend({ contacts: 300 });
  type Query = Parameters<typeof t.client.listContacts>[0];
  /** Every matching id, in list order, page after page. */
  const ids = async (query: Query): Promise<string[]> => {
    const out: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.client.listContacts({ ...query, limit: 200, ...(cursor ? { cursor } : {}) }, {});
      out.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  };
  const union = async (...queries: Query[]) => {
    const seen = new Set((await Promise.all(queries.map(ids))).flat());
    return (await ids({})).filter((id) => seen.has(id));
  };

  test('several locations list the contacts of any of them, in list order, each once', async () => {
    const both = await ids({ locationId: ['loc-uptown', 'loc-airport'] });
    assert.deepEqual(both, await union({ locationId: ['loc-uptown'] }, { locationId: ['loc-airport'] }));
    assert.ok(both.length > (await ids({ locationId: ['loc-uptown'] })).length);
    assert.ok(both.length < (await ids({})).length, 'the third location is left out');
    const response = await fetch(`${NODE_API_BASE}/contacts?locationId=loc-uptown&locationId=loc-airport&limit=1`);
    assert.equal(((await response.json()) as { total: number }).total, both.length, 'the parameter repeated on the wire');
  });

  test('several statuses list the contacts in any of them; different filters must all match', async () => {
    const out = await ids({ status: ['unsubscribed', 'blocked'] });
    assert.deepEqual(out, await union({ status: ['unsubscribed'] }, { status: ['blocked'] }));
    assert.ok(out.includes(WELL_KNOWN.blocked) && out.includes(WELL_KNOWN.unsubscribedEverywhere) && out.includes(WELL_KNOWN.partlyUnsubscribed));
    assert.ok(!out.includes(WELL_KNOWN.subscribed));
    const uptown = new Set(await ids({ locationId: ['loc-uptown'] }));
    assert.deepEqual(await ids({ status: ['unsubscribed', 'blocked'], locationId: ['loc-uptown'] }), out.filter((id) => uptown.has(id)));
  });

  test('an empty or repeated value is refused, naming the parameter, instead of meaning every contact', async () => {
    for (const query of ['locationId=', 'status=blocked&status=blocked', 'locationId=loc-uptown&locationId=loc-uptown', 'status=']) {
      const response = await fetch(`${NODE_API_BASE}/contacts?${query}`);
      assert.equal(response.status, 400, query);
      const problem = (await response.json()) as { errors: { field: string }[] };
      assert.ok(problem.errors.some((e) => /^(locationId|status)/.test(e.field)), `${query}: ${JSON.stringify(problem.errors)}`);
    }
  });

  test('a cursor pages several values without repeats or gaps', async () => {
    const query: Query = { locationId: ['loc-downtown', 'loc-uptown'], status: ['subscribed', 'unsubscribed'] };
    const first = await t.client.listContacts({ ...query, limit: 7 }, {});
    const rest = await ids({ ...query });
    const paged = [...first.items.map((c) => c.id)];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await t.client.listContacts({ ...query, limit: 7, cursor }, {});
      paged.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    }
    assert.deepEqual(paged, rest);
    assert.equal(first.total, rest.length);
  });
});

describe('contract: channel exclusions', () => {
  const t = useContractBackend();
  const whatsapp = (detail: ContactDetail) => detail.eligibility.filter((e) => e.channelId.endsWith('-whatsapp')).map((e) => e.canMessage);

  test('an agent records that a contact does not want WhatsApp: every WhatsApp channel stops, with the reason and an audit event', async () => {
    t.as('agent');
    const before = await t.client.getContact(WELL_KNOWN.subscribed, {});
    const after = await t.client.setChannelExclusions(WELL_KNOWN.subscribed, { excludedChannelTypes: ['whatsapp'], note: 'Said so on the phone' }, { ifMatch: before.etag });
    assert.deepEqual(after.contact.excludedChannelTypes, ['whatsapp']);
    assert.deepEqual(whatsapp(after), [false, false]);
    assert.ok(after.eligibility.find((e) => e.channelId === 'ch-downtown-whatsapp')?.reasons.some((r) => r.code === 'excluded-by-preference'));
    const history = await t.client.listConsentHistory(WELL_KNOWN.subscribed, {}, {});
    const event = history.items.find((e) => e.action === 'channel-exclusions-changed');
    assert.deepEqual(event?.actor, { type: 'user', id: 'u-agent' });
    assert.deepEqual(event?.details, { added: ['whatsapp'], removed: [] });
  });

  test('removing an exclusion widens messaging: not for an agent, and only with a note', async () => {
    t.as('agent');
    const seen = await t.client.getContact(WELL_KNOWN.whatsappExcluded, {});
    await rejectsWith(t.client.setChannelExclusions(WELL_KNOWN.whatsappExcluded, { excludedChannelTypes: [], note: 'She changed her mind' }, { ifMatch: seen.etag }), 403, 'forbidden');
    t.as('manager');
    await rejectsWith(t.client.setChannelExclusions(WELL_KNOWN.whatsappExcluded, { excludedChannelTypes: [], note: '  ' }, { ifMatch: seen.etag }), 422, 'note-required');
    assert.deepEqual(whatsapp(await t.client.getContact(WELL_KNOWN.whatsappExcluded, {})), [false, false], 'nothing changed');
    const after = await t.client.setChannelExclusions(WELL_KNOWN.whatsappExcluded, { excludedChannelTypes: [], note: 'Asked for WhatsApp again at the desk, 2 Dec' }, { ifMatch: seen.etag });
    assert.deepEqual(after.contact.excludedChannelTypes, []);
    assert.deepEqual(whatsapp(after), [true, true]);
  });
});

describe('contract: field errors carry a machine-readable code', () => {
  useContractBackend();
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${NODE_API_BASE}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return ((await response.json()) as { errors: { field: string; code: string; params?: Record<string, number> }[] }).errors;
  };

  test('required, unknown-field, enum, type, too-few and too-long, with the limit in params', async () => {
    const preview = await post('/bulk-unsubscribe/previews', { target: { kind: 'ids', ids: [] }, channelIds: [], extra: 1 });
    assert.ok(preview.some((e) => e.field === 'extra' && e.code === 'unknown-field'), JSON.stringify(preview));
    assert.ok(preview.some((e) => e.code === 'too-few' && e.params?.['minItems'] === 1), JSON.stringify(preview));
    const unsubscribe = await post(`/contacts/${WELL_KNOWN.subscribed}/unsubscribe`, { channelIds: 'ch-downtown-sms', note: 'x'.repeat(2001) });
    assert.ok(unsubscribe.some((e) => e.field === 'channelIds' && e.code === 'type'), JSON.stringify(unsubscribe));
    const block = await post(`/contacts/${WELL_KNOWN.subscribed}/block`, { reason: 'y'.repeat(2001) });
    assert.deepEqual(block.map((e) => [e.field, e.code, e.params]), [['reason', 'too-long', { maxLength: 2000 }]]);
    const merge = await post(`/contacts/${WELL_KNOWN.subscribed}/merge`, {});
    assert.ok(merge.some((e) => e.field === 'sourceContactId' && e.code === 'required'), JSON.stringify(merge));
  });
});

describe('contract: the contacts list is sortable and pages stably', () => {
  const t = useContractBackend();
  const ORDER = ['subscribed', 'partially-unsubscribed', 'unsubscribed', 'blocked', 'unreachable'];

  async function everyPage(sort: 'name' | '-name' | 'status' | '-status') {
    const ids: string[] = [];
    const statuses: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.client.listContacts({ sort, limit: 37, ...(cursor ? { cursor } : {}) }, {});
      ids.push(...page.items.map((c) => c.id));
      statuses.push(...page.items.map((c) => c.status));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { ids, statuses };
  }

  test('by status, then by name; descending reverses the status order; every contact once across pages', async () => {
    const total = t.backend.store.contactCount();
    const byStatus = await everyPage('status');
    assert.equal(new Set(byStatus.ids).size, total, 'no contact repeated or skipped');
    const ranks = byStatus.statuses.map((s) => ORDER.indexOf(s));
    assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
    assert.ok(new Set(byStatus.statuses).size >= 3, 'the seed has several statuses');
    const descending = (await everyPage('-status')).statuses.map((s) => ORDER.indexOf(s));
    assert.deepEqual(descending, [...descending].sort((a, b) => b - a));
  });

  test('-name is the name order reversed, and a cursor belongs to its sort', async () => {
    const byName = await everyPage('name');
    assert.deepEqual((await everyPage('-name')).ids, [...byName.ids].reverse());
    const first = await t.client.listContacts({ sort: 'name', limit: 10 }, {});
    await rejectsWith(t.client.listContacts({ sort: 'status', cursor: first.nextCursor ?? '' }, {}), 400, 'validation');
  });
});

describe('contract: who did it, by name', () => {
  const t = useContractBackend({ contacts: 50 });

  test("the organization lists its members by name, so a block's `blockedBy` and a history entry's actor can be named", async () => {
    const organization = await t.client.getOrganization({});
    const detail = await t.client.getContact(WELL_KNOWN.blocked, {});
    const by = detail.contact.blocked?.blockedBy.id;
    assert.equal(by, 'u-manager');
    assert.equal(organization.members?.find((m) => m.id === by)?.name, 'Morgan Manager');
    // Names only: a member's email address is not everyone's to read.
    assert.deepEqual(Object.keys(organization.members?.[0] ?? {}).sort(), ['id', 'name']);
    const history = await t.client.listConsentHistory(WELL_KNOWN.blocked, { action: ['blocked'] }, {});
    assert.ok(history.items.length > 0, "Olivia's block is in her history");
    assert.ok(history.items.every((e) => organization.members?.some((m) => m.id === e.actor.id)), 'every actor of a block is a member');
  });
});

describe('contract: contacts sorted by last activity', () => {
  const t = useContractBackend({ contacts: 120 });

  const times = (items: { lastActivityAt?: string | null }[]) => items.map((c) => (c.lastActivityAt ? Date.parse(c.lastActivityAt) : null));

  for (const sort of ['lastActivity', '-lastActivity'] as const) {
    test(`sort=${sort}: ${sort === 'lastActivity' ? 'oldest' : 'most recent'} first, contacts without activity last, stable across pages`, async () => {
      const all = await t.client.listContacts({ sort, limit: 200 }, {});
      assert.equal(all.items.length, all.total);
      const at = times(all.items);
      const firstNull = at.indexOf(null);
      const dated = (firstNull === -1 ? at : at.slice(0, firstNull)) as number[];
      assert.ok(dated.length > 10, 'the seed has contacts with consent changes');
      if (firstNull !== -1) assert.ok(at.slice(firstNull).every((v) => v === null), 'every contact without activity comes last');
      for (let i = 1; i < dated.length; i++) {
        assert.ok(sort === 'lastActivity' ? dated[i - 1]! <= dated[i]! : dated[i - 1]! >= dated[i]!, `order at ${i}`);
      }
      // Paging with the cursor walks exactly the same order.
      const first = await t.client.listContacts({ sort, limit: 50 }, {});
      const second = await t.client.listContacts({ sort, limit: 50, cursor: first.nextCursor! }, {});
      assert.deepEqual(
        [...first.items, ...second.items].map((c) => c.id),
        all.items.slice(0, 100).map((c) => c.id),
      );
    });
  }

  test('a STOP moves the contact to the front of -lastActivity', async () => {
    const detail = await t.client.getContact(WELL_KNOWN.subscribed, {});
    const phone = detail.contact.destinations.find((d) => d.kind === 'phone')!.value;
    await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: phone, body: 'STOP' }, {});
    const page = await t.client.listContacts({ sort: '-lastActivity', limit: 1 }, {});
    assert.equal(page.items[0]?.id, WELL_KNOWN.subscribed);
  });
});

describe('contract: one shape per concept', () => {
  const t = useContractBackend({ contacts: 300 });

  test('a list row carries the same block as the contact (who, when, why), and null when not blocked', async () => {
    const detail = await t.client.getContact(WELL_KNOWN.blocked, {});
    assert.ok(detail.contact.blocked, 'the seed blocks Olivia');
    const rows = (await t.client.listContacts({ status: ['blocked'], limit: 200 }, {})).items;
    assert.deepEqual(rows.find((c) => c.id === WELL_KNOWN.blocked)?.blocked, detail.contact.blocked);
    const ava = (await t.client.listContacts({ query: 'Ava Tremblay', limit: 200 }, {})).items.find((c) => c.id === WELL_KNOWN.subscribed);
    assert.equal(ava?.blocked, null);
  });

  test('a preview counts blocked contacts in blockedCount, and its sample rows carry their block', async () => {
    const preview = await t.client.createBulkUnsubscribePreview({ target: { kind: 'ids', ids: [WELL_KNOWN.blocked, WELL_KNOWN.subscribed] } }, {});
    assert.equal(preview.blockedCount, 1);
    assert.equal(preview.sample.find((c) => c.id === WELL_KNOWN.blocked)?.blocked?.blockedBy.id, (await t.client.getContact(WELL_KNOWN.blocked, {})).contact.blocked?.blockedBy.id);
    assert.equal(preview.sample.find((c) => c.id === WELL_KNOWN.subscribed)?.blocked, null);
  });

  test('a preview and an enrollment are named id; every instant ends in At', async () => {
    const preview = await t.client.createBulkUnsubscribePreview({ target: { kind: 'ids', ids: [WELL_KNOWN.subscribed] } }, {});
    assert.equal((await t.client.getBulkUnsubscribePreview(preview.id, {})).id, preview.id);
    const enrollment = await t.client.addContactToSequence(WELL_KNOWN.subscribed, 'seq-welcome', {});
    assert.equal((await t.client.getSequenceEnrollment(WELL_KNOWN.subscribed, enrollment.id, {})).id, enrollment.id);
    const blocked = (await t.client.getContact(WELL_KNOWN.blocked, {})).contact.blocked;
    assert.ok(blocked && !Number.isNaN(Date.parse(blocked.blockedAt)));
    const events = await t.client.listAuditEvents({ limit: 5 }, {});
    assert.ok(events.items.length > 0 && events.items.every((e) => !Number.isNaN(Date.parse(e.occurredAt)) && !('at' in e)));
  });
});

describe('contract: an unset field is null, never left out', () => {
  const t = useContractBackend({ contacts: 50 });
  const KEYS = {
    consent: ['recordedAt', 'destination', 'channelId', 'status', 'changedAt', 'source', 'actor', 'keyword', 'viaChannelId', 'scope', 'note', 'jobId'],
    unsubscribed: ['code', 'destination', 'channelId', 'changedAt', 'source', 'actor', 'keyword', 'viaChannelId', 'scope', 'note'],
  };

  test('a consent record and its eligibility reason carry every fact, null where it does not apply', async () => {
    const detail = await t.client.getContact(WELL_KNOWN.partlyUnsubscribed, {});
    const record = detail.consent.find((r) => r.status === 'unsubscribed');
    assert.ok(record, 'Liam has an opt-out');
    for (const key of KEYS.consent) assert.ok(key in record, `consent.${key}`);
    assert.equal(record.note, null, 'a STOP carries no note: null, not missing');
    assert.equal(record.jobId, null);
    const reason = detail.eligibility.flatMap((e) => e.reasons).find((r) => r.code === 'unsubscribed');
    assert.ok(reason);
    for (const key of KEYS.unsubscribed) assert.ok(key in reason, `reason.${key}`);
  });

  test('a block without a reason says reason: null, on the contact and in its eligibility', async () => {
    const etag = (await t.client.getContact(WELL_KNOWN.subscribed, {})).etag;
    const blocked = await t.client.blockContact(WELL_KNOWN.subscribed, {}, { ifMatch: etag });
    assert.equal(blocked.contact.blocked?.reason, null);
    assert.ok(blocked.eligibility.every((e) => e.reasons.some((r) => r.code === 'blocked' && r.reason === null)));
  });

  test('a pending review has not been decided: decidedBy, decidedAt and decisionNote are null', async () => {
    const integration = new HttpOptOutClient({ baseUrl: NODE_API_BASE, token: 'mock:u-integration' });
    const result = await integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: '+14162030001', body: 'please stop texting me' }, {});
    assert.equal(result.action, 'queued-for-review');
    assert.equal(result.classification.keyword, null, 'a phrase has no keyword: null');
    const review = await t.client.getReview(result.reviewId ?? '', {});
    assert.deepEqual([review.decidedBy, review.decidedAt, review.decisionNote], [null, null, null]);
    const dismissed = await t.client.dismissReview(review.id, 'Not a request to stop', {});
    assert.deepEqual(dismissed.decidedBy, { type: 'user', id: 'u-admin' });
  });
});

describe('contract: consent by destination', () => {
  const t = useContractBackend();
  const AVA_PHONE = '+14162030001';
  const AVA_EMAIL = 'ava.tremblay@example.com';

  test('an unsubscribe of some destinations changes only those; a re-subscribe of some restores only those', async () => {
    // Ava asked, by email, to stop receiving email; her phone stays as it is.
    const seen = await t.client.getContact(WELL_KNOWN.subscribed, {});
    const after = await t.client.unsubscribeContact(WELL_KNOWN.subscribed, { destinations: ['Ava.Tremblay@Example.com'], note: 'Asked by email' }, { ifMatch: seen.etag });
    const emailChannels = t.backend.store.channels.filter((c) => c.type === 'email').map((c) => c.id);
    const phoneChannels = t.backend.store.channels.filter((c) => c.type !== 'email').map((c) => c.id);
    for (const id of emailChannels) assert.equal(t.backend.store.currentConsent(AVA_EMAIL, id)?.status, 'unsubscribed', `${id} unsubscribed`);
    for (const id of phoneChannels) assert.equal(t.backend.store.currentConsent(AVA_PHONE, id), undefined, `${id} untouched`);
    assert.deepEqual(
      after.eligibility.filter((e) => !e.canMessage).map((e) => e.channelId).sort(),
      [...emailChannels].sort(),
    );

    // Then she agrees again; re-subscribing her phone only changes nothing (it was never unsubscribed), her email only restores it.
    await t.client.resubscribeContact(WELL_KNOWN.subscribed, { channelIds: emailChannels, destinations: [AVA_PHONE], note: 'Agreed on the phone' }, { ifMatch: after.etag });
    for (const id of emailChannels) assert.equal(t.backend.store.currentConsent(AVA_EMAIL, id)?.status, 'unsubscribed', 'the email stays unsubscribed');
    const again = await t.client.getContact(WELL_KNOWN.subscribed, {});
    await t.client.resubscribeContact(WELL_KNOWN.subscribed, { channelIds: emailChannels, destinations: [AVA_EMAIL], note: 'Agreed on the phone' }, { ifMatch: again.etag });
    for (const id of emailChannels) assert.equal(t.backend.store.currentConsent(AVA_EMAIL, id)?.status, 'subscribed');
  });

  test("a destination that is not the contact's is 422 naming it, and nothing changes", async () => {
    const seen = await t.client.getContact(WELL_KNOWN.subscribed, {});
    const error = await rejectsWith(
      t.client.unsubscribeContact(WELL_KNOWN.subscribed, { destinations: [AVA_PHONE, '+14162030002'] }, { ifMatch: seen.etag }),
      422,
      'validation',
    );
    assert.deepEqual(
      (error.problem?.errors ?? []).map((e) => [e.field, e.code]),
      [['destinations[1]', 'not-found']],
    );
    for (const channel of t.backend.store.channels) assert.equal(t.backend.store.currentConsent(AVA_PHONE, channel.id), undefined, 'not even the valid one');
    const empty = await fetch(`${NODE_API_BASE}/contacts/${WELL_KNOWN.subscribed}/unsubscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ destinations: [] }),
    });
    assert.equal(empty.status, 400, 'an empty list never means every destination');
  });
});
