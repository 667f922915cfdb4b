import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  HttpOptOutClient,
  isOptOutApiError,
  waitForBulkJob,
  type OptOutApiError,
  type BulkJob,
  type HttpOptOutClientOptions,
  type Me,
  type MessagingSettings,
} from '../../../src/client/index.js';

const BASE = 'http://api.test/api';
const server = setupServer();

before(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
after(() => server.close());

const me: Me = { user: { id: 'u1', name: 'Ada', email: 'ada@example.com' }, role: 'admin', permissions: ['contact:view'] };

function job(status: BulkJob['status'], processed = 0): BulkJob {
  return {
    id: 'job-1',
    previewId: 'p-1',
    status,
    total: 10,
    processed,
    changed: processed,
    skipped: 0,
    createdAt: '2025-03-14T15:09:26Z',
    createdBy: { type: 'user', id: 'u1' },
    finishedAt: null,
    undoExpiresAt: null,
    failureReason: null,
    channelIds: ['ch-1'],
  };
}

const settings: MessagingSettings = {
  optOutScope: 'channel',
  phrasePolicy: 'review',
  customKeywords: { optOut: [], optOutAll: [], optIn: [], help: [] },
  updatedAt: '2025-03-14T15:09:26Z',
  updatedBy: { type: 'system' },
};

function problem(status: number, type: string, extra: Record<string, unknown> = {}): Response {
  return HttpResponse.json(
    { type: `urn:optout:problem:${type}`, title: type, status, ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/** A client whose waits are recorded instead of slept. */
function makeClient(options: Partial<HttpOptOutClientOptions> = {}): { client: HttpOptOutClient; delays: number[] } {
  const delays: number[] = [];
  const client = new HttpOptOutClient({
    baseUrl: BASE,
    random: () => 0.5,
    sleep: async (ms, signal) => {
      delays.push(ms);
      signal?.throwIfAborted();
    },
    ...options,
  });
  return { client, delays };
}

async function rejectsWithApiError(promise: Promise<unknown>): Promise<OptOutApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isOptOutApiError(error), `expected OptOutApiError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to reject');
}

describe('auth', () => {
  test('sends the bearer token, asking a token function on every call', async () => {
    const seen: (string | null)[] = [];
    server.use(http.get(`${BASE}/me`, ({ request }) => (seen.push(request.headers.get('Authorization')), HttpResponse.json(me))));
    let n = 0;
    const { client } = makeClient({ token: async () => `t${++n}` });
    assert.deepEqual(await client.getMe({}), me);
    await client.getMe({});
    assert.deepEqual(seen, ['Bearer t1', 'Bearer t2']);
  });

  test('uses the host fetch, so hosts can add cookies and headers', async () => {
    server.use(http.get(`${BASE}/me`, ({ request }) => HttpResponse.json(request.headers.get('X-Tenant') === 'acme' ? me : {})));
    let calls = 0;
    const { client } = makeClient({
      fetch: (input, init) => {
        calls++;
        const request = new Request(input as Request, init);
        request.headers.set('X-Tenant', 'acme');
        return fetch(request);
      },
    });
    assert.deepEqual(await client.getMe({}), me);
    assert.equal(calls, 1);
  });
});

describe('idempotency and retries', () => {
  test('a mutation keeps one Idempotency-Key across its retries; a new call gets a new key', async () => {
    const keys: (string | null)[] = [];
    let hits = 0;
    server.use(
      http.post(`${BASE}/bulk-unsubscribe/jobs`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        return ++hits % 3 === 0 ? HttpResponse.json(job('queued'), { status: 202 }) : problem(503, 'unavailable');
      }),
    );
    let k = 0;
    const { client, delays } = makeClient({ idempotencyKey: () => `key-${++k}` });
    assert.equal((await client.startBulkUnsubscribeJob('p-1', {})).status, 'queued');
    assert.deepEqual(keys, ['key-1', 'key-1', 'key-1']);
    assert.equal(delays.length, 2);
    await client.startBulkUnsubscribeJob('p-1', {});
    assert.deepEqual(keys.slice(3), ['key-2', 'key-2', 'key-2']);
  });

  test('uses the caller’s idempotency key when given (outbox replay), and none on GET', async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.post(`${BASE}/contacts/c1/unblock`, ({ request }) => (keys.push(request.headers.get('Idempotency-Key')), problem(404, 'not-found'))),
      http.get(`${BASE}/me`, ({ request }) => (keys.push(request.headers.get('Idempotency-Key')), HttpResponse.json(me))),
    );
    const { client } = makeClient();
    await rejectsWithApiError(client.unblockContact('c1', { idempotencyKey: 'replayed-1' }));
    await client.getMe({});
    assert.deepEqual(keys, ['replayed-1', null]);
  });

  test('the default key is a UUID', async () => {
    let key: string | null = null;
    server.use(http.delete(`${BASE}/contacts/c1`, ({ request }) => ((key = request.headers.get('Idempotency-Key')), new HttpResponse(null, { status: 204 }))));
    await new HttpOptOutClient({ baseUrl: BASE }).deleteContact('c1', { ifMatch: '"v1"' });
    assert.match(String(key), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('retries a network error, then succeeds', async () => {
    let hits = 0;
    server.use(http.get(`${BASE}/me`, () => (++hits === 1 ? HttpResponse.error() : HttpResponse.json(me))));
    const { client, delays } = makeClient();
    assert.deepEqual(await client.getMe({}), me);
    assert.equal(hits, 2);
    assert.equal(delays.length, 1);
  });

  test('backs off exponentially with full jitter, capped', async () => {
    server.use(http.get(`${BASE}/me`, () => problem(502, 'unavailable')));
    const { client, delays } = makeClient({ random: () => 0.999, retry: { attempts: 5, baseDelayMs: 100, maxDelayMs: 500 } });
    await rejectsWithApiError(client.getMe({}));
    assert.deepEqual(delays, [99, 199, 399, 499, 499]);
  });

  test('429 waits what Retry-After asks (seconds or HTTP date)', async () => {
    let hits = 0;
    const date = new Date(Date.now() + 20_000).toUTCString();
    server.use(
      http.get(`${BASE}/me`, () => {
        hits++;
        if (hits === 1) return HttpResponse.json({}, { status: 429, headers: { 'Retry-After': '1' } });
        if (hits === 2) return HttpResponse.json({}, { status: 429, headers: { 'Retry-After': date } });
        return HttpResponse.json(me);
      }),
    );
    const { client, delays } = makeClient();
    await client.getMe({});
    // What the server asked, plus jitter of up to one base delay (250 ms; random() is 0.5 here).
    assert.equal(delays[0], 1000 + 125);
    assert.ok(delays[1] !== undefined && delays[1] > 15_000 && delays[1] <= 20_000 + 125, `date delay ${delays[1]}`);
  });

  test('a malformed Retry-After means ordinary backoff, never "retry now"', async () => {
    let hits = 0;
    server.use(http.get(`${BASE}/me`, () => (++hits < 3 ? HttpResponse.json({}, { status: 503, headers: { 'Retry-After': hits === 1 ? '-1' : '1.5' } }) : HttpResponse.json(me))));
    const { client, delays } = makeClient();
    await client.getMe({});
    assert.deepEqual(delays, [125, 250], 'backoff with jitter: 0.5 of 250, then of 500');
  });

  test('a 409 with Retry-After (the same key still in flight) is retried with the same key; a plain 409 is not', async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.post(`${BASE}/contacts/c1/block`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        if (keys.length === 1) return HttpResponse.json({ type: 'urn:optout:problem:conflict', title: 'In flight', status: 409 }, { status: 409, headers: { 'Retry-After': '1' } });
        return problem(409, 'conflict');
      }),
    );
    const { client, delays } = makeClient();
    const error = await rejectsWithApiError(client.blockContact('c1', {}, {}));
    assert.ok(error.is('conflict'));
    assert.equal(keys.length, 2, 'retried once, then the plain conflict stands');
    assert.equal(keys[0], keys[1]);
    assert.equal(delays.length, 1);
  });

  test('a 409 idempotency-key-in-flight is retried with the same key by its type alone', async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.post(`${BASE}/contacts/c1/block`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        if (keys.length === 1) return problem(409, 'idempotency-key-in-flight');
        return HttpResponse.json({ message: 'not a contact' }, { status: 500 });
      }),
    );
    const { client } = makeClient({ retry: { attempts: 1 } });
    await rejectsWithApiError(client.blockContact('c1', {}, {}));
    assert.equal(keys.length, 2, 'the in-flight 409 was asked again');
    assert.equal(keys[0], keys[1]);
  });

  test('an attempt with no answer is abandoned after attemptTimeoutMs and retried, then reported as a network error', async () => {
    let hits = 0;
    const hang: typeof fetch = (input) =>
      new Promise((_resolve, reject) => {
        hits++;
        const request = input as Request;
        request.signal.addEventListener('abort', () => reject(request.signal.reason as Error), { once: true });
      });
    const { client, delays } = makeClient({ fetch: hang, attemptTimeoutMs: 20, retry: { attempts: 1 } });
    const error = await rejectsWithApiError(client.getMe({}));
    assert.ok(error.is('network'));
    assert.match(error.detail, /no answer within 0.02 s/);
    assert.equal(hits, 2);
    assert.equal(delays.length, 1);
  });

  test('a connection that breaks while the body is read is retried like a network error', async () => {
    let hits = 0;
    const broken: typeof fetch = async () => {
      hits++;
      if (hits > 1) return Response.json(me);
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"user":'));
          controller.error(new TypeError('connection reset'));
        },
      });
      return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const { client } = makeClient({ fetch: broken });
    assert.equal((await client.getMe({})).role, 'admin');
    assert.equal(hits, 2);
  });

  test('options that would unbound the retries fall back to the defaults', async () => {
    let hits = 0;
    server.use(http.get(`${BASE}/me`, () => (hits++, problem(503, 'unavailable'))));
    const { client } = makeClient({ retry: { attempts: Number.NaN, baseDelayMs: Number.POSITIVE_INFINITY } });
    await rejectsWithApiError(client.getMe({}));
    assert.equal(hits, 4, 'the first try and the default 3 retries');
  });

  test('an idempotency key outside 1–255 characters, or an empty id, is refused before anything is sent', async () => {
    let sent = 0;
    const { client } = makeClient({ fetch: async () => (sent++, Response.json(me)) });
    await assert.rejects(client.blockContact('c1', {}, { idempotencyKey: '' }), TypeError);
    // GET /contacts/ is the list: an empty id must not quietly become a list request.
    await assert.rejects(client.getContact('', {}), /contactId must not be empty/);
    await assert.rejects(client.mergeContact('c1', ' ', { ifMatch: '"v1"' }), /sourceContactId must not be empty/);
    assert.equal(sent, 0);
  });

  test('credentials: include is passed on to every request, for a cookie session on another origin', async () => {
    const seen: RequestCredentials[] = [];
    const spy: typeof fetch = async (input) => {
      seen.push((input as Request).credentials);
      return Response.json(me);
    };
    const { client } = makeClient({ fetch: spy, credentials: 'include' });
    await client.getMe({});
    assert.deepEqual(seen, ['include']);
  });

  test('a Retry-After longer than the client waits surfaces the error at once', async () => {
    let hits = 0;
    server.use(http.get(`${BASE}/me`, () => (hits++, problem(429, 'rate-limited', { retryAfter: 120 }))));
    const { client, delays } = makeClient();
    const error = await rejectsWithApiError(client.getMe({}));
    assert.equal(hits, 1);
    assert.deepEqual(delays, []);
    assert.equal(error.retryAfterMs, 120_000);
    assert.ok(error.is('rate-limited'));
  });

  test('gives up after the configured retries with the last error', async () => {
    let hits = 0;
    server.use(http.get(`${BASE}/me`, () => (hits++, problem(503, 'unavailable', { detail: `try ${hits}` }))));
    const { client } = makeClient();
    const error = await rejectsWithApiError(client.getMe({}));
    assert.equal(hits, 4);
    assert.equal(error.status, 503);
    assert.equal(error.detail, 'try 4');
  });

  test('a network failure that never recovers is a network error with status 0', async () => {
    server.use(http.get(`${BASE}/me`, () => HttpResponse.error()));
    const { client } = makeClient({ retry: { attempts: 1 } });
    const error = await rejectsWithApiError(client.getMe({}));
    assert.equal(error.status, 0);
    assert.ok(error.is('network'));
  });

  for (const [status, type] of [
    [400, 'validation'],
    [403, 'forbidden'],
    [409, 'conflict'],
    [412, 'precondition-failed'],
    [422, 'idempotency-key-reused'],
  ] as const) {
    test(`does not retry ${status}`, async () => {
      let hits = 0;
      server.use(http.post(`${BASE}/contacts/c1/block`, () => (hits++, problem(status, type))));
      const { client, delays } = makeClient();
      const error = await rejectsWithApiError(client.blockContact('c1', {}, {}));
      assert.equal(hits, 1);
      assert.deepEqual(delays, []);
      assert.equal(error.status, status);
      assert.ok(error.is(type));
    });
  }
});

describe('errors', () => {
  test('carries the problem document: status, type, detail, field errors', async () => {
    server.use(
      http.post(`${BASE}/contacts/c1/resubscribe`, () =>
        problem(422, 'note-required', { detail: 'Write it down.', errors: [{ field: 'note', message: 'Required.', code: 'note-required' }] }),
      ),
    );
    const { client } = makeClient();
    const error = await rejectsWithApiError(client.resubscribeContact('c1', { channelIds: ['ch-1'], note: ' ' }, { ifMatch: '"v1"' }));
    assert.equal(error.status, 422);
    assert.equal(error.type, 'urn:optout:problem:note-required');
    assert.equal(error.detail, 'Write it down.');
    assert.deepEqual(error.fieldErrors, [{ field: 'note', message: 'Required.', code: 'note-required' }]);
    assert.equal(error.fieldError('note'), 'Required.');
    assert.equal(error.problem?.status, 422);
  });

  test('an error without a problem body keeps its status and gets a generic detail', async () => {
    server.use(http.get(`${BASE}/me`, () => new HttpResponse('<h1>Bad gateway</h1>', { status: 404, headers: { 'Content-Type': 'text/html' } })));
    const { client } = makeClient();
    const error = await rejectsWithApiError(client.getMe({}));
    assert.equal(error.status, 404);
    assert.ok(error.is('not-found'));
    assert.equal(error.problem, undefined);
    assert.match(error.detail, /not a problem document/);
  });

  test('a body missing a required field is an invalid-response error naming the operation and field', async () => {
    server.use(http.get(`${BASE}/bulk-unsubscribe/jobs/job-1`, () => HttpResponse.json({ ...job('running'), status: undefined })));
    const { client } = makeClient();
    const error = await rejectsWithApiError(client.getBulkUnsubscribeJob('job-1', {}));
    assert.ok(error.is('invalid-response'));
    assert.equal(error.status, 200);
    assert.match(error.detail, /getBulkUnsubscribeJob/);
    assert.match(error.detail, /status: expected one of queued/);
  });

  test('a nested mismatch is reported by path', async () => {
    server.use(http.get(`${BASE}/contacts`, () => HttpResponse.json({ items: [{ id: 'c1' }], total: 1, nextCursor: null })));
    const { client } = makeClient();
    const error = await rejectsWithApiError(client.listContacts({ status: ['blocked'] }, {}));
    assert.match(error.detail, /items\[0\]\.name: expected a string, got nothing/);
  });

  test('a success body that is not JSON is an invalid-response error, not retried', async () => {
    let hits = 0;
    server.use(http.get(`${BASE}/me`, () => (hits++, new HttpResponse('<!doctype html><html></html>', { headers: { 'Content-Type': 'text/html' } }))));
    const { client } = makeClient();
    const error = await rejectsWithApiError(client.getMe({}));
    assert.equal(hits, 1);
    assert.ok(error.is('invalid-response'));
    assert.match(error.detail, /not JSON \(Content-Type: text\/html\)/);
  });
});

describe('abort', () => {
  test('aborting during a backoff rejects at once with the AbortError', async () => {
    const controller = new AbortController();
    server.use(http.get(`${BASE}/me`, () => (setTimeout(() => controller.abort(), 0), problem(503, 'unavailable'))));
    // The real sleep, with a backoff far longer than the test could wait.
    const client = new HttpOptOutClient({ baseUrl: BASE, random: () => 0.999, retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 } });
    const started = Date.now();
    await assert.rejects(client.getMe({ signal: controller.signal }), (error: unknown) => {
      assert.ok(error instanceof DOMException);
      assert.equal(error.name, 'AbortError');
      return true;
    });
    assert.ok(Date.now() - started < 5_000);
  });

  test('an already aborted signal sends nothing', async () => {
    let hits = 0;
    server.use(http.get(`${BASE}/me`, () => (hits++, HttpResponse.json(me))));
    const { client } = makeClient();
    await assert.rejects(client.getMe({ signal: AbortSignal.abort() }), { name: 'AbortError' });
    assert.equal(hits, 0);
  });
});

describe('where AbortSignal.any is missing (Safari before 17.4)', () => {
  const original = AbortSignal.any;
  before(() => {
    delete (AbortSignal as { any?: unknown }).any;
  });
  after(() => {
    AbortSignal.any = original;
  });

  test('a call with the caller’s signal still succeeds', async () => {
    server.use(http.get(`${BASE}/me`, () => HttpResponse.json(me)));
    const { client } = makeClient();
    assert.equal(typeof AbortSignal.any, 'undefined');
    assert.deepEqual(await client.getMe({ signal: new AbortController().signal }), me);
  });

  test('aborting the caller’s signal during a request rejects with its AbortError, not a TypeError', async () => {
    const controller = new AbortController();
    const hang: typeof fetch = (input) =>
      new Promise((_resolve, reject) => {
        const request = input as Request;
        request.signal.addEventListener('abort', () => reject(request.signal.reason as Error), { once: true });
        controller.abort();
      });
    const { client } = makeClient({ fetch: hang });
    await assert.rejects(client.getMe({ signal: controller.signal }), (error: unknown) => {
      assert.ok(error instanceof DOMException, `expected a DOMException, got ${String(error)}`);
      assert.equal(error.name, 'AbortError');
      return true;
    });
  });

  test('an attempt with no answer still times out into a network error', async () => {
    const hang: typeof fetch = (input) =>
      new Promise((_resolve, reject) => {
        const request = input as Request;
        request.signal.addEventListener('abort', () => reject(request.signal.reason as Error), { once: true });
      });
    const { client } = makeClient({ fetch: hang, attemptTimeoutMs: 20, retry: { attempts: 0 } });
    const error = await rejectsWithApiError(client.getMe({ signal: new AbortController().signal }));
    assert.ok(error.is('network'));
    assert.match(error.detail, /no answer within 0.02 s/);
  });

  test('leaves no listener on a long-lived caller signal after each call', async () => {
    server.use(http.get(`${BASE}/me`, () => HttpResponse.json(me)));
    const { signal } = new AbortController();
    const live = new Set<unknown>();
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = (type: string, listener: EventListenerOrEventListenerObject, options?: AddEventListenerOptions | boolean) => {
      live.add(listener);
      add(type, listener, options);
    };
    signal.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject, options?: EventListenerOptions | boolean) => {
      live.delete(listener);
      remove(type, listener, options);
    };
    const { client } = makeClient();
    for (let i = 0; i < 3; i++) await client.getMe({ signal });
    assert.equal(live.size, 0);
  });
});

describe('settings concurrency', () => {
  test('reads the ETag and sends it back in If-Match; a stale one is precondition-failed', async () => {
    const ifMatch: (string | null)[] = [];
    server.use(
      http.get(`${BASE}/settings/messaging`, () => HttpResponse.json(settings, { headers: { ETag: '"v7"' } })),
      http.put(`${BASE}/settings/messaging`, async ({ request }) => {
        ifMatch.push(request.headers.get('If-Match'));
        if (request.headers.get('If-Match') !== '"v7"') return problem(412, 'precondition-failed');
        const input = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json({ ...settings, ...input }, { headers: { ETag: '"v8"' } });
      }),
    );
    const { client } = makeClient();
    const { settings: current, etag } = await client.getMessagingSettings({});
    assert.equal(etag, '"v7"');
    const { optOutScope: _, updatedAt: __, updatedBy: ___, ...input } = current;
    const saved = await client.updateMessagingSettings({ ...input, optOutScope: 'organization' }, etag, {});
    assert.equal(saved.etag, '"v8"');
    assert.equal(saved.settings.optOutScope, 'organization');
    const stale = await rejectsWithApiError(client.updateMessagingSettings({ ...input, optOutScope: 'channel' }, '"v6"', {}));
    assert.ok(stale.is('precondition-failed'));
    assert.deepEqual(ifMatch, ['"v7"', '"v6"']);
  });

  test('settings without an ETag are an invalid response', async () => {
    server.use(http.get(`${BASE}/settings/messaging`, () => HttpResponse.json(settings)));
    const { client } = makeClient();
    const error = await rejectsWithApiError(client.getMessagingSettings({}));
    assert.ok(error.is('invalid-response'));
    assert.match(error.detail, /ETag/);
  });
});

describe('waitForBulkJob', () => {
  test('polls until the job is terminal, reporting progress', async () => {
    const states = [job('queued'), job('running', 4), job('running', 8), job('completed', 10)];
    let hits = 0;
    server.use(http.get(`${BASE}/bulk-unsubscribe/jobs/job-1`, () => HttpResponse.json(states[Math.min(hits++, states.length - 1)])));
    const { client } = makeClient();
    const seen: string[] = [];
    const done = await waitForBulkJob(client, 'job-1', { intervalMs: 1, onProgress: (j) => seen.push(`${j.status}:${j.processed}`) });
    assert.equal(done.status, 'completed');
    assert.deepEqual(seen, ['queued:0', 'running:4', 'running:8', 'completed:10']);
  });

  test('stops polling when aborted', async () => {
    const controller = new AbortController();
    server.use(http.get(`${BASE}/bulk-unsubscribe/jobs/job-1`, () => HttpResponse.json(job('running', 1))));
    const { client } = makeClient();
    await assert.rejects(
      waitForBulkJob(client, 'job-1', { signal: controller.signal, intervalMs: 60_000, onProgress: () => controller.abort() }),
      { name: 'AbortError' },
    );
  });
});
