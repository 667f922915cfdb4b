// Every error response api/openapi.yaml documents, for every operation, provoked against the mock
// backend through the real client. The first test reads the contract and fails if an operation's
// documented error has no case here, or if a case tests an error the contract does not document.
// Every refused request must also leave the backend unchanged.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, test } from 'node:test';
import { parse } from 'yaml';
import { HttpOptOutClient, OptOutApiError, waitForBulkJob, type RequestOptions } from '../../../src/client/index.js';
import { NODE_API_BASE } from '../../../mocks/node.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';
import { signTwilioRequest } from '../../../mocks/twilio.js';
import { etagOf, useContractBackend, type ContractHarness } from './harness.js';

// ---- what the contract documents ----

interface SpecOperation {
  operationId: string;
  responses: Record<string, unknown>;
  parameters?: { $ref?: string }[];
}

const spec = parse(readFileSync(new URL('../../../api/openapi.yaml', import.meta.url), 'utf8')) as { paths: Record<string, Record<string, SpecOperation | unknown[]>> };
const specOperations = Object.values(spec.paths).flatMap((item) =>
  Object.entries(item)
    .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
    .map(([, op]) => op as SpecOperation),
);
const documented = specOperations.flatMap((op) =>
  Object.keys(op.responses)
    .filter((status) => Number(status) >= 400)
    .map((status) => `${op.operationId} ${status}`),
);
/** Each operation's HTTP method, lower-case as the contract writes it. */
const methodOf = new Map(
  Object.values(spec.paths).flatMap((item) =>
    Object.entries(item).flatMap(([method, op]) => (['get', 'put', 'post', 'delete', 'patch'].includes(method) ? [[(op as SpecOperation).operationId, method] as const] : [])),
  ),
);
/** Operations that take an `Idempotency-Key`. */
const idempotent = new Set(specOperations.filter((op) => op.parameters?.some((p) => p.$ref?.endsWith('/IdempotencyKey'))).map((op) => op.operationId));

// ---- one successful call per operation ----

const AVA = '+14162030001';
const client = new HttpOptOutClient({ baseUrl: NODE_API_BASE, retry: { attempts: 0 } });
/** The host's messaging integration, calling with its own credential whoever is signed in. */
const integration = new HttpOptOutClient({ baseUrl: NODE_API_BASE, token: 'mock:u-integration', retry: { attempts: 0 } });

/** The client refuses a bad key itself; these send one anyway, to show the backend refuses it too. */
const overlongKey: typeof fetch = async (input) => {
  const request = input as Request;
  const headers = new Headers(request.headers);
  if (headers.has('Idempotency-Key')) headers.set('Idempotency-Key', 'k'.repeat(256));
  return fetch(new Request(request, { headers }));
};
const badKeyClients = new Map<HttpOptOutClient, HttpOptOutClient>([
  [client, new HttpOptOutClient({ baseUrl: NODE_API_BASE, retry: { attempts: 0 }, fetch: overlongKey })],
  [integration, new HttpOptOutClient({ baseUrl: NODE_API_BASE, token: 'mock:u-integration', retry: { attempts: 0 }, fetch: overlongKey })],
]);

// What a call needs, made as admin before the condition under test (role, faults) is set up.
const fixtures = {
  /** A pending plain-language review (the seed's phrase policy queues them). */
  async reviewId(): Promise<string> {
    const { reviewId } = await integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'please stop texting me' }, {});
    assert.ok(reviewId, 'the phrase was queued for review');
    return reviewId;
  },
  async previewId(ids: string[] = [WELL_KNOWN.subscribed]): Promise<string> {
    return (await client.createBulkUnsubscribePreview({ target: { kind: 'ids', ids } }, {})).id;
  },
  /** A finished, still undoable bulk job. */
  async finishedJobId(): Promise<string> {
    const job = await client.startBulkUnsubscribeJob(await fixtures.previewId([WELL_KNOWN.whatsappExcluded]), {});
    assert.equal((await waitForBulkJob(client, job.id, { intervalMs: 5 })).status, 'completed');
    return job.id;
  },
  /** A job that has not finished: the backend pauses a minute before each chunk. */
  async runningJobId(): Promise<string> {
    harness.backend.faults.set({ jobStepMs: 60_000 });
    const job = await client.startBulkUnsubscribeJob(await fixtures.previewId(), {});
    assert.ok(job.status === 'queued' || job.status === 'running', job.status);
    return job.id;
  },
  async etag(): Promise<string> {
    return (await client.getMessagingSettings({})).etag;
  },
  /** An enrollment of the well-known subscribed contact. */
  async enrollmentId(): Promise<string> {
    return (await client.addContactToSequence(WELL_KNOWN.subscribed, 'seq-welcome', {})).id;
  },
};

/** Makes what the call needs (as admin); its result is the call's first argument. */
type Prepare = () => Promise<string>;
type Call = (client: HttpOptOutClient, prepared: string, options: RequestOptions) => Promise<unknown>;

interface Operation {
  /** Who makes the call: the session's user (admin unless switched), or the integration's token. */
  caller?: HttpOptOutClient;
  prepare?: Prepare;
  /** Succeeds as admin on the fresh seed, given what `prepare` made. */
  call: Call;
  /** The same call on a resource that does not exist (operations that document a 404). */
  missing?: (options: RequestOptions) => Promise<unknown>;
  /** Who is refused with 403: a role lacking the permission, or an unsigned webhook delivery. */
  forbiddenAs?: Role | 'unsigned';
}

type Role = 'admin' | 'manager' | 'agent' | 'integration';

const twilioUrl = `${NODE_API_BASE}/webhooks/twilio/inbound`;

/** Posts Twilio's webhook; rejects with an OptOutApiError like the client, so cases read the same. */
async function postTwilio(fields: Record<string, string>, { idempotencyKey, signed = true }: { idempotencyKey?: string; signed?: boolean } = {}): Promise<unknown> {
  const body = new URLSearchParams(fields);
  const headers: Record<string, string> = signed ? await signTwilioRequest(twilioUrl, body) : { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (idempotencyKey !== undefined) headers['Idempotency-Key'] = idempotencyKey;
  const response = await fetch(twilioUrl, { method: 'POST', headers, body });
  const json = (await response.json()) as { type?: OptOutApiError['type']; title?: string; detail?: string };
  if (!response.ok) throw new OptOutApiError({ status: response.status, type: json.type ?? 'urn:optout:problem:network', title: json.title ?? '', detail: json.detail ?? '', retryAfterMs: retryAfterMs(response) });
  return json;
}

function retryAfterMs(response: Response): number | undefined {
  const value = response.headers.get('Retry-After');
  return value === null ? undefined : Number(value) * 1000;
}

const keyOf = (options: RequestOptions) => (options.idempotencyKey === undefined ? {} : { idempotencyKey: options.idempotencyKey });
const EMPTY_KEYWORDS = { optOut: [], optOutAll: [], optIn: [], help: [] };

const OPERATIONS: Record<string, Operation> = {
  getMe: { call: (c, _, o) => c.getMe(o) },
  getOrganization: { call: (c, _, o) => c.getOrganization(o), forbiddenAs: 'integration' },
  listContacts: { call: (c, _, o) => c.listContacts({ query: 'Ava' }, o), forbiddenAs: 'integration' },
  getContact: { call: (c, _, o) => c.getContact(WELL_KNOWN.subscribed, o), missing: (o) => client.getContact('c-nope', o), forbiddenAs: 'integration' },
  deleteContact: { prepare: () => etagOf(client, WELL_KNOWN.subscribed), call: (c, etag, o) => c.deleteContact(WELL_KNOWN.subscribed, { ...o, ifMatch: etag }), missing: (o) => client.deleteContact('c-nope', { ...o, ifMatch: '"any"' }), forbiddenAs: 'agent' },
  unsubscribeContact: {
    call: (c, _, o) => c.unsubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-downtown-sms'] }, o),
    missing: (o) => client.unsubscribeContact('c-nope', { channelIds: ['ch-downtown-sms'] }, o),
    forbiddenAs: 'integration',
  },
  resubscribeContact: {
    prepare: () => etagOf(client, WELL_KNOWN.partlyUnsubscribed),
    call: (c, etag, o) => c.resubscribeContact(WELL_KNOWN.partlyUnsubscribed, { channelIds: ['ch-downtown-sms'], note: 'Asked at the front desk on 2026-11-02 to get texts again.' }, { ...o, ifMatch: etag }),
    missing: (o) => client.resubscribeContact('c-nope', { channelIds: ['ch-downtown-sms'], note: 'Consent at the desk.' }, { ...o, ifMatch: '"any"' }),
    forbiddenAs: 'agent',
  },
  setChannelExclusions: {
    prepare: () => etagOf(client, WELL_KNOWN.subscribed),
    call: (c, etag, o) => c.setChannelExclusions(WELL_KNOWN.subscribed, { excludedChannelTypes: ['whatsapp'] }, { ...o, ifMatch: etag }),
    missing: (o) => client.setChannelExclusions('c-nope', { excludedChannelTypes: ['whatsapp'] }, { ...o, ifMatch: '"any"' }),
    forbiddenAs: 'integration',
  },
  blockContact: { call: (c, _, o) => c.blockContact(WELL_KNOWN.subscribed, { reason: 'Spam' }, o), missing: (o) => client.blockContact('c-nope', {}, o), forbiddenAs: 'integration' },
  unblockContact: { call: (c, _, o) => c.unblockContact(WELL_KNOWN.blocked, o), missing: (o) => client.unblockContact('c-nope', o), forbiddenAs: 'agent' },
  mergeContact: {
    prepare: () => etagOf(client, WELL_KNOWN.subscribed),
    call: (c, etag, o) => c.mergeContact(WELL_KNOWN.subscribed, WELL_KNOWN.noPhone, { ...o, ifMatch: etag }),
    missing: (o) => client.mergeContact('c-nope', WELL_KNOWN.noPhone, { ...o, ifMatch: '"any"' }),
    forbiddenAs: 'agent',
  },
  addContactToSequence: {
    call: (c, _, o) => c.addContactToSequence(WELL_KNOWN.subscribed, 'seq-welcome', o),
    missing: (o) => client.addContactToSequence('c-nope', 'seq-welcome', o),
    forbiddenAs: 'agent',
  },
  listSequenceEnrollments: {
    call: (c, _, o) => c.listSequenceEnrollments(WELL_KNOWN.subscribed, {}, o),
    missing: (o) => client.listSequenceEnrollments('c-nope', {}, o),
    forbiddenAs: 'integration',
  },
  getSequenceEnrollment: {
    prepare: fixtures.enrollmentId,
    call: (c, enrollmentId, o) => c.getSequenceEnrollment(WELL_KNOWN.subscribed, enrollmentId, o),
    missing: (o) => client.getSequenceEnrollment(WELL_KNOWN.subscribed, 'enr-nope', o),
    forbiddenAs: 'integration',
  },
  listConsentHistory: {
    call: (c, _, o) => c.listConsentHistory(WELL_KNOWN.partlyUnsubscribed, {}, o),
    missing: (o) => client.listConsentHistory('c-nope', {}, o),
    forbiddenAs: 'integration',
  },
  listContactReviews: { call: (c, _, o) => c.listContactReviews(WELL_KNOWN.subscribed, {}, o), missing: (o) => client.listContactReviews('c-nope', {}, o), forbiddenAs: 'integration' },
  listReviews: { call: (c, _, o) => c.listReviews({}, o), forbiddenAs: 'agent' },
  applyReview: {
    prepare: fixtures.reviewId,
    call: (c, reviewId, o) => c.applyReview(reviewId, 'Clearly asks us to stop.', o),
    missing: (o) => client.applyReview('r-nope', undefined, o),
    forbiddenAs: 'agent',
  },
  dismissReview: {
    prepare: fixtures.reviewId,
    call: (c, reviewId, o) => c.dismissReview(reviewId, 'Asked to stop the reminders only; they still want receipts.', o),
    missing: (o) => client.dismissReview('r-nope', 'Not a request.', o),
    forbiddenAs: 'agent',
  },
  createBulkUnsubscribePreview: { call: (c, _, o) => c.createBulkUnsubscribePreview({ target: { kind: 'ids', ids: [WELL_KNOWN.subscribed] } }, o), forbiddenAs: 'agent' },
  startBulkUnsubscribeJob: { prepare: () => fixtures.previewId(), call: (c, previewId, o) => c.startBulkUnsubscribeJob(previewId, o), forbiddenAs: 'agent' },
  getBulkUnsubscribeJob: { prepare: fixtures.finishedJobId, call: (c, jobId, o) => c.getBulkUnsubscribeJob(jobId, o), missing: (o) => client.getBulkUnsubscribeJob('job-nope', o), forbiddenAs: 'agent' },
  cancelBulkUnsubscribeJob: { prepare: fixtures.runningJobId, call: (c, jobId, o) => c.cancelBulkUnsubscribeJob(jobId, o), missing: (o) => client.cancelBulkUnsubscribeJob('job-nope', o), forbiddenAs: 'agent' },
  undoBulkUnsubscribeJob: { prepare: fixtures.finishedJobId, call: (c, jobId, o) => c.undoBulkUnsubscribeJob(jobId, o), missing: (o) => client.undoBulkUnsubscribeJob('job-nope', o), forbiddenAs: 'agent' },
  getMessagingSettings: { call: (c, _, o) => c.getMessagingSettings(o), forbiddenAs: 'integration' },
  updateMessagingSettings: {
    prepare: fixtures.etag,
    call: (c, etag, o) => c.updateMessagingSettings({ optOutScope: 'organization', phrasePolicy: 'review', customKeywords: EMPTY_KEYWORDS }, etag, o),
    forbiddenAs: 'manager',
  },
  getOptOutScopeImpact: { call: (c, _, o) => c.getOptOutScopeImpact('organization', o), forbiddenAs: 'integration' },
  // Only the messaging integration reports inbound messages: it calls with its own token.
  receiveInboundMessage: { caller: integration, call: (c, _, o) => c.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'STOP' }, o), forbiddenAs: 'admin' },
  receiveTwilioWebhook: { call: (_c, _, o) => postTwilio({ From: AVA, To: '+14165550101', Body: 'STOP', MessageSid: 'SM0001' }, keyOf(o)), forbiddenAs: 'unsigned' },
  listAuditEvents: { call: (c, _, o) => c.listAuditEvents({}, o), forbiddenAs: 'agent' },
  checkEligibility: { caller: integration, call: (c, _, o) => c.checkEligibility([{ channelId: 'ch-downtown-sms', destination: AVA }], o), forbiddenAs: 'agent' },
  listConsentEvents: { caller: integration, call: (c, _, o) => c.listConsentEvents({}, o), forbiddenAs: 'agent' },
  getDestinationConsent: { call: (c, _, o) => c.getDestinationConsent(AVA, o), forbiddenAs: 'integration' },
  getReview: { prepare: fixtures.reviewId, call: (c, reviewId, o) => c.getReview(reviewId, o), missing: (o) => client.getReview('r-nope', o), forbiddenAs: 'integration' },
  listBulkUnsubscribeJobs: { prepare: fixtures.finishedJobId, call: (c, _, o) => c.listBulkUnsubscribeJobs({}, o), forbiddenAs: 'agent' },
  getBulkUnsubscribePreview: {
    prepare: () => fixtures.previewId(),
    call: (c, previewId, o) => c.getBulkUnsubscribePreview(previewId, o),
    missing: (o) => client.getBulkUnsubscribePreview('pv-nope', o),
    forbiddenAs: 'agent',
  },
};

// ---- the cases ----

interface ErrorCase {
  operationId: string;
  status: number;
  /** The problem type, after `urn:optout:problem:`. */
  kind: string;
  name: string;
  /** Sets up the condition and makes the call that must be refused. */
  run(t: ContractHarness): Promise<unknown>;
  /**
   * Whether the refused call must leave the backend as it found it (default true). False when
   * the case itself needs another call to succeed, like a first use of an idempotency key.
   */
  changesNothing?: boolean;
}

const cases: ErrorCase[] = [];

/** The backend as the refused call found it; see `refuse`. */
let harness: ContractHarness;
let marked = '';

/** What a refused request must not change. */
function fingerprint() {
  // Everything the backend would save, except the session (the cases switch users on purpose).
  const { currentUserId: _session, ...state } = harness.backend.store.snapshot();
  return JSON.stringify(state);
}

/** Makes the call that must be refused, noting the state it must leave alone. */
function refuse<T>(call: () => Promise<T>): Promise<T> {
  marked = fingerprint();
  return call();
}

/**
 * Prepares as admin, then runs `before` (the condition under test), then the call, by the
 * operation's caller or, for the session cases (401, 403), by the signed-in session.
 */
async function callAfter(op: Operation, before: () => void | Promise<void>, options: RequestOptions = {}, by: 'caller' | 'session' = 'caller') {
  const prepared = op.prepare ? await op.prepare() : '';
  await before();
  return refuse(() => op.call(by === 'session' ? client : (op.caller ?? client), prepared, options));
}

/** A first, different use of `key` by the same caller as the operation (keys are per caller). */
async function useKeyFirst(operationId: string, op: Operation, key: string) {
  if (operationId === 'receiveTwilioWebhook') await postTwilio({ From: AVA, To: '+14165550101', Body: 'HELP', MessageSid: 'SM0009' }, { idempotencyKey: key });
  else if (op.caller === integration) await integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'HELP' }, { idempotencyKey: key });
  else await client.blockContact(WELL_KNOWN.invalidPhone, { reason: 'the key’s first use' }, { idempotencyKey: key });
}

for (const [operationId, op] of Object.entries(OPERATIONS)) {
  const add = (c: Omit<ErrorCase, 'operationId'>) => cases.push({ operationId, ...c });
  if (operationId !== 'receiveTwilioWebhook') {
    add({ status: 401, kind: 'unauthenticated', name: 'when nobody is signed in', run: (t) => callAfter(op, () => t.backend.store.switchUser(null), {}, 'session') });
  }
  const forbiddenAs = op.forbiddenAs;
  if (forbiddenAs === 'unsigned') {
    add({ status: 403, kind: 'forbidden', name: 'without Twilio’s signature', run: () => postTwilio({ From: AVA, To: '+14165550101', Body: 'STOP', MessageSid: 'SM0002' }, { signed: false }) });
  } else if (forbiddenAs) {
    add({ status: 403, kind: 'forbidden', name: `as ${forbiddenAs}, whose role lacks the permission`, run: (t) => callAfter(op, () => t.as(forbiddenAs), {}, 'session') });
  }
  const missing = op.missing;
  if (missing) add({ status: 404, kind: 'not-found', name: 'for a resource that does not exist', run: () => missing({}) });
  add({
    status: 429,
    kind: 'rate-limited',
    name: 'past the rate limit, saying when to retry',
    run: async (t) => {
      const error = await refusal(
        callAfter(op, async () => {
          t.backend.faults.set({ rateLimit: 1 });
          await client.getMe({});
        }),
      );
      assert.ok(error.retryAfterMs !== undefined && error.retryAfterMs >= 1000, `Retry-After is sent (${String(error.retryAfterMs)})`);
      throw error;
    },
  });
  add({ status: 503, kind: 'unavailable', name: 'when the backend is unavailable', run: (t) => callAfter(op, () => void t.backend.faults.set({ failNext: 1 })) });
  if (idempotent.has(operationId)) {
    add({
      status: 400,
      kind: 'validation',
      name: 'with an Idempotency-Key over 255 characters',
      run: async () => {
        if (operationId === 'receiveTwilioWebhook') return postTwilio({ From: AVA, To: '+14165550101', Body: 'STOP', MessageSid: 'SM0004' }, { idempotencyKey: 'k'.repeat(256) });
        const prepared = op.prepare ? await op.prepare() : '';
        const badKey = badKeyClients.get(op.caller ?? client);
        assert.ok(badKey);
        return refuse(() => op.call(badKey, prepared, {}));
      },
    });
    add({
      status: 422,
      kind: 'idempotency-key-reused',
      name: 'with an Idempotency-Key already used for a different request',
      run: async () => {
        const prepared = op.prepare ? await op.prepare() : '';
        await useKeyFirst(operationId, op, 'used-key');
        return refuse(() =>
          operationId === 'blockContact'
            ? client.blockContact(WELL_KNOWN.invalidPhone, { reason: 'another reason' }, { idempotencyKey: 'used-key' })
            : op.call(op.caller ?? client, prepared, { idempotencyKey: 'used-key' }),
        );
      },
    });
    add({
      status: 409,
      kind: 'idempotency-key-in-flight',
      name: 'while a request with the same Idempotency-Key is still in flight',
      changesNothing: false,
      run: async (t) => {
        const prepared = op.prepare ? await op.prepare() : '';
        const release = t.backend.faults.hold();
        const first = op.call(op.caller ?? client, prepared, { idempotencyKey: 'in-flight' });
        await t.backend.faults.whenHeld(1);
        const second = await refusal(op.call(op.caller ?? client, prepared, { idempotencyKey: 'in-flight' }));
        release();
        await first;
        throw second;
      },
    });
  }
}

/** Cases specific to one operation: its input, its resource's state, its preconditions. */
const specific = (operationId: string, status: number, kind: string, name: string, run: ErrorCase['run']) => cases.push({ operationId, status, kind, name, run });

specific('listContacts', 400, 'validation', 'for an unknown status filter', () => client.listContacts({ status: ['lapsed' as 'blocked'] }, {}));
specific('unsubscribeContact', 400, 'validation', 'for a channel the organization does not have', () => client.unsubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-nope'] }, {}));
specific('resubscribeContact', 400, 'validation', 'without channels', async () => client.resubscribeContact(WELL_KNOWN.partlyUnsubscribed, { channelIds: [], note: 'Consent at the desk.' }, { ifMatch: await etagOf(client, WELL_KNOWN.partlyUnsubscribed) }));
for (const [name, note] of [['blank', '  '], ['empty', ''], ['missing', undefined]] as const) {
  specific('resubscribeContact', 422, 'note-required', `with a ${name} consent note`, async () =>
    client.resubscribeContact(WELL_KNOWN.partlyUnsubscribed, { channelIds: ['ch-downtown-sms'], ...(note === undefined ? {} : { note }) } as { channelIds: string[]; note: string }, { ifMatch: await etagOf(client, WELL_KNOWN.partlyUnsubscribed) }),
  );
}
specific('mergeContact', 409, 'conflict', 'into itself', async () => client.mergeContact(WELL_KNOWN.subscribed, WELL_KNOWN.subscribed, { ifMatch: await etagOf(client, WELL_KNOWN.subscribed) }));
specific('mergeContact', 400, 'validation', 'naming a source contact that does not exist', async () => client.mergeContact(WELL_KNOWN.subscribed, 'c-nope', { ifMatch: await etagOf(client, WELL_KNOWN.subscribed) }));
specific('addContactToSequence', 400, 'validation', 'for an unknown sequence', () => client.addContactToSequence(WELL_KNOWN.subscribed, 'seq-nope', {}));
specific('addContactToSequence', 409, 'conflict', 'when the contact is already in the sequence', async () => {
  await client.addContactToSequence(WELL_KNOWN.subscribed, 'seq-welcome', {});
  return refuse(() => client.addContactToSequence(WELL_KNOWN.subscribed, 'seq-welcome', {}));
});
specific('listConsentHistory', 400, 'validation', 'for a page size over the maximum', () => client.listConsentHistory(WELL_KNOWN.subscribed, { limit: 1000 }, {}));
specific('listContactReviews', 400, 'validation', 'for a cursor this server did not issue', () => client.listContactReviews(WELL_KNOWN.subscribed, { cursor: 'not-a-cursor' }, {}));
specific('listReviews', 400, 'validation', 'for a page size of zero', () => client.listReviews({ limit: 0 }, {}));
// A note over its limit is 422 (test/node/contract/limits.test.ts); a note that is not text is 400.
specific('applyReview', 400, 'validation', 'with a note that is not text', async () => {
  const reviewId = await fixtures.reviewId();
  return refuse(() => client.applyReview(reviewId, 42 as unknown as string, {}));
});
specific('applyReview', 409, 'conflict', 'when the request was already decided', async () => {
  const reviewId = await fixtures.reviewId();
  await client.dismissReview(reviewId, 'Not a request to stop.', {});
  return refuse(() => client.applyReview(reviewId, undefined, {}));
});
specific('dismissReview', 400, 'validation', 'without a note saying why', async () => {
  const reviewId = await fixtures.reviewId();
  return refuse(() => client.dismissReview(reviewId, ' ', {}));
});
specific('dismissReview', 409, 'conflict', 'when the request was already applied', async () => {
  const reviewId = await fixtures.reviewId();
  await client.applyReview(reviewId, undefined, {});
  return refuse(() => client.dismissReview(reviewId, 'Not a request to stop.', {}));
});
specific('createBulkUnsubscribePreview', 400, 'validation', 'with an empty list of channels', () => client.createBulkUnsubscribePreview({ target: { kind: 'ids', ids: [WELL_KNOWN.subscribed] }, channelIds: [] }, {}));
// The client refuses an empty id itself.
specific('startBulkUnsubscribeJob', 400, 'validation', 'with an empty preview id', () =>
  handMade('/bulk-unsubscribe/jobs', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ previewId: '' }) }),
);
specific('startBulkUnsubscribeJob', 409, 'conflict', 'for a preview that already started a job', async () => {
  const previewId = await fixtures.previewId();
  await client.startBulkUnsubscribeJob(previewId, {});
  return refuse(() => client.startBulkUnsubscribeJob(previewId, {}));
});
specific('startBulkUnsubscribeJob', 410, 'preview-expired', 'for a preview older than its validity', async (t) => {
  const previewId = await fixtures.previewId();
  const now = Date.now();
  t.backend.store.now = () => now + 16 * 60_000;
  return refuse(() => client.startBulkUnsubscribeJob(previewId, {}));
});
specific('cancelBulkUnsubscribeJob', 409, 'conflict', 'for a job that already finished', async () => {
  const jobId = await fixtures.finishedJobId();
  return refuse(() => client.cancelBulkUnsubscribeJob(jobId, {}));
});
specific('undoBulkUnsubscribeJob', 409, 'undo-window-closed', 'after the undo window', async (t) => {
  const jobId = await fixtures.finishedJobId();
  const now = Date.now();
  t.backend.store.now = () => now + 2 * 60 * 60_000;
  return refuse(() => client.undoBulkUnsubscribeJob(jobId, {}));
});
specific('updateMessagingSettings', 400, 'validation', 'for an unknown scope', async () => {
  const etag = await fixtures.etag();
  return refuse(() => client.updateMessagingSettings({ optOutScope: 'everything' as 'channel', phrasePolicy: 'review', customKeywords: EMPTY_KEYWORDS }, etag, {}));
});
specific('updateMessagingSettings', 412, 'precondition-failed', 'with the ETag of a version someone else replaced', async () => {
  const etag = await fixtures.etag();
  await client.updateMessagingSettings({ optOutScope: 'channel', phrasePolicy: 'review', customKeywords: EMPTY_KEYWORDS }, etag, {});
  return refuse(() => client.updateMessagingSettings({ optOutScope: 'organization', phrasePolicy: 'review', customKeywords: EMPTY_KEYWORDS }, etag, {}));
});
specific('updateMessagingSettings', 422, 'validation', 'for a custom opt-in keyword that is the default STOP', async () => {
  const etag = await fixtures.etag();
  return refuse(() => client.updateMessagingSettings({ optOutScope: 'channel', phrasePolicy: 'review', customKeywords: { ...EMPTY_KEYWORDS, optIn: ['Stop'] } }, etag, {}));
});
specific('getOptOutScopeImpact', 400, 'validation', 'for an unknown scope', () => refuse(() => client.getOptOutScopeImpact('everything' as 'channel', {})));
// The client always sends If-Match, so this is a hand-made request.
specific('updateMessagingSettings', 428, 'precondition-required', 'without If-Match', () =>
  handMade('/settings/messaging', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ optOutScope: 'channel', phrasePolicy: 'review', customKeywords: EMPTY_KEYWORDS }) }),
);
// A contact change based on a version someone (or the contact) changed since is refused.
const staleContactCases: [string, string, (ifMatch: string) => Promise<unknown>][] = [
  ['unsubscribeContact', WELL_KNOWN.subscribed, (ifMatch) => client.unsubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-downtown-sms'] }, { ifMatch })],
  ['resubscribeContact', WELL_KNOWN.partlyUnsubscribed, (ifMatch) => client.resubscribeContact(WELL_KNOWN.partlyUnsubscribed, { channelIds: ['ch-downtown-sms'], note: 'Asked at the desk.' }, { ifMatch })],
  ['blockContact', WELL_KNOWN.subscribed, (ifMatch) => client.blockContact(WELL_KNOWN.subscribed, {}, { ifMatch })],
  ['unblockContact', WELL_KNOWN.blocked, (ifMatch) => client.unblockContact(WELL_KNOWN.blocked, { ifMatch })],
  ['setChannelExclusions', WELL_KNOWN.subscribed, (ifMatch) => client.setChannelExclusions(WELL_KNOWN.subscribed, { excludedChannelTypes: ['voice'] }, { ifMatch })],
  ['mergeContact', WELL_KNOWN.subscribed, (ifMatch) => client.mergeContact(WELL_KNOWN.subscribed, WELL_KNOWN.noPhone, { ifMatch })],
  ['deleteContact', WELL_KNOWN.subscribed, (ifMatch) => client.deleteContact(WELL_KNOWN.subscribed, { ifMatch })],
];
for (const [operationId, contactId, change] of staleContactCases) {
  specific(operationId, 412, 'precondition-failed', 'with the ETag of a version the contact’s own reply replaced', async () => {
    const before = await etagOf(client, contactId);
    const detail = await client.getContact(contactId, {});
    const phone = detail.contact.destinations.find((d) => d.kind === 'phone')?.value ?? AVA;
    await integration.receiveInboundMessage({ channelId: 'ch-airport-sms', from: phone, body: 'please stop texting me' }, {});
    return refuse(() => change(before));
  });
}
// The client types make If-Match mandatory for these, so these are hand-made requests.
specific('resubscribeContact', 428, 'precondition-required', 'without If-Match', () =>
  handMade(`/contacts/${WELL_KNOWN.partlyUnsubscribed}/resubscribe`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ channelIds: ['ch-downtown-sms'], note: 'Asked at the desk.' }) }),
);
specific('mergeContact', 428, 'precondition-required', 'without If-Match', () =>
  handMade(`/contacts/${WELL_KNOWN.subscribed}/merge`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sourceContactId: WELL_KNOWN.noPhone }) }),
);
specific('deleteContact', 428, 'precondition-required', 'without If-Match', () => handMade(`/contacts/${WELL_KNOWN.subscribed}`, { method: 'DELETE' }));
specific('setChannelExclusions', 428, 'precondition-required', 'without If-Match', () =>
  handMade(`/contacts/${WELL_KNOWN.subscribed}/channel-exclusions`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ excludedChannelTypes: ['voice'] }) }),
);
specific('setChannelExclusions', 400, 'validation', 'for a channel type that does not exist', async () =>
  client.setChannelExclusions(WELL_KNOWN.subscribed, { excludedChannelTypes: ['fax' as 'sms'] }, { ifMatch: await etagOf(client, WELL_KNOWN.subscribed) }),
);
specific('setChannelExclusions', 422, 'note-required', 'removing an exclusion without a note', async () =>
  client.setChannelExclusions(WELL_KNOWN.whatsappExcluded, { excludedChannelTypes: [] }, { ifMatch: await etagOf(client, WELL_KNOWN.whatsappExcluded) }),
);
// Operations without parameters refuse any, so a misspelt one is never silently ignored.
for (const [operationId, path] of [
  ['getMe', '/me'],
  ['getOrganization', '/organization'],
  ['getContact', `/contacts/${WELL_KNOWN.subscribed}`],
  ['getMessagingSettings', '/settings/messaging'],
] as const) {
  specific(operationId, 400, 'validation', 'with a query parameter it does not take', () => handMade(`${path}?expand=all`));
}
specific('getBulkUnsubscribeJob', 400, 'validation', 'with a query parameter it does not take', async () => {
  const jobId = await fixtures.finishedJobId();
  return refuse(() => handMade(`/bulk-unsubscribe/jobs/${jobId}?verbose=1`));
});
specific('receiveInboundMessage', 400, 'validation', 'for a channel the organization does not have', () => integration.receiveInboundMessage({ channelId: 'ch-nope', from: AVA, body: 'STOP' }, {}));
specific('receiveTwilioWebhook', 400, 'validation', 'for a To number that is none of our channels', () => postTwilio({ From: AVA, To: '+19999999999', Body: 'STOP', MessageSid: 'SM0003' }));
// The client's PageQuery only takes numbers.
specific('listAuditEvents', 400, 'validation', 'for a page size that is not a number', () => handMade('/audit-events?limit=ten'));
specific('listAuditEvents', 400, 'validation', 'for a date range that ends before it starts', () =>
  client.listAuditEvents({ from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }, {}),
);
specific('listAuditEvents', 400, 'validation', 'for includeTotal that is neither true nor false', () => handMade('/audit-events?includeTotal=sometimes'));
specific('listSequenceEnrollments', 400, 'validation', 'for a page size over the maximum', () => client.listSequenceEnrollments(WELL_KNOWN.subscribed, { limit: 1000 }, {}));
specific('listConsentHistory', 400, 'validation', 'for a date that is not a date-time', () => client.listConsentHistory(WELL_KNOWN.subscribed, { from: 'yesterday' }, {}));
specific('checkEligibility', 400, 'validation', 'for a channel the organization does not have', () => integration.checkEligibility([{ channelId: 'ch-nope', destination: AVA }], {}));
specific('checkEligibility', 400, 'validation', 'for a contact that does not exist', () => integration.checkEligibility([{ channelId: 'ch-downtown-sms', contactId: 'c-nope' }], {}));
specific('checkEligibility', 400, 'validation', 'for more than 1,000 items', () => integration.checkEligibility(Array.from({ length: 1001 }, () => ({ channelId: 'ch-downtown-sms', destination: AVA })), {}));
specific('checkEligibility', 400, 'validation', 'for an item naming both a destination and a contact', () =>
  integration.checkEligibility([{ channelId: 'ch-downtown-sms', destination: AVA, contactId: WELL_KNOWN.subscribed } as unknown as { channelId: string; destination: string }], {}),
);
specific('listConsentEvents', 400, 'validation', 'for a cursor this feed did not issue', () => integration.listConsentEvents({ since: 'not-a-cursor' }, {}));
specific('getDestinationConsent', 400, 'validation', 'for text that is neither a phone number nor an email address', () => client.getDestinationConsent('front desk', {}));
specific('listBulkUnsubscribeJobs', 400, 'validation', 'for a page size of zero', () => client.listBulkUnsubscribeJobs({ limit: 0 }, {}));
specific('getBulkUnsubscribePreview', 410, 'preview-expired', 'for a preview older than its validity', async (t) => {
  const previewId = await fixtures.previewId();
  const now = Date.now();
  t.backend.store.now = () => now + 16 * 60_000;
  return refuse(() => client.getBulkUnsubscribePreview(previewId, {}));
});

/** A request the client would not make; a problem answer rejects like the client does. */
async function handMade(path: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(`${NODE_API_BASE}${path}`, init);
  const body = (await response.json()) as { type: OptOutApiError['type']; title: string; detail?: string };
  if (!response.ok) throw new OptOutApiError({ status: response.status, type: body.type, title: body.title, detail: body.detail ?? '' });
  return body;
}

/** Awaits a call that must be refused, and returns its error. */
async function refusal(promise: Promise<unknown>): Promise<OptOutApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof OptOutApiError, `expected an OptOutApiError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to be refused');
}

describe('contract: every documented error of every operation', () => {
  const t = useContractBackend({ contacts: 60 });
  beforeEach(() => (harness = t));

  test('the cases cover exactly the errors api/openapi.yaml documents', () => {
    assert.deepEqual(Object.keys(OPERATIONS).sort(), specOperations.map((op) => op.operationId).sort(), 'one entry per operation');
    const covered = [...new Set(cases.map((c) => `${c.operationId} ${c.status}`))].sort();
    assert.deepEqual(covered, [...documented].sort());
  });

  // The calls the error cases refuse are valid ones, so each refusal is the condition's doing. One
  // test, not one per operation: it checks the cases' premise and is not counted as 26 more.
  test('as admin on a fresh seed, every call the cases refuse succeeds: a read changes nothing, a write changes the backend', async () => {
    const wrong: string[] = [];
    for (const [operationId, op] of Object.entries(OPERATIONS)) {
      t.backend.reset({ contacts: 60 });
      const prepared = op.prepare ? await op.prepare() : '';
      const before = fingerprint();
      try {
        await op.call(op.caller ?? client, prepared, {});
      } catch (error) {
        wrong.push(`${operationId} failed: ${String(error)}`);
        continue;
      }
      const changed = fingerprint() !== before;
      // A POST that takes no Idempotency-Key is a read sent as POST (the eligibility check).
      const reads = methodOf.get(operationId) === 'get' || !idempotent.has(operationId);
      if (changed === reads) wrong.push(`${operationId} (${methodOf.get(operationId)}) ${reads ? 'changed' : 'did not change'} the backend`);
    }
    assert.deepEqual(wrong, []);
  });

  for (const c of cases) {
    test(`${c.operationId} answers ${c.status} ${c.kind} ${c.name}`, async () => {
      marked = fingerprint();
      const error = await refusal(c.run(t));
      assert.equal(error.status, c.status, error.message);
      assert.equal(error.type, `urn:optout:problem:${c.kind}`, error.message);
      if (c.changesNothing !== false) assert.equal(fingerprint(), marked, 'a refused request changes nothing');
    });
  }
});
