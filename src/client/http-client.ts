import createClient from 'openapi-fetch';
import type { paths } from './generated/schema.js';
import {
  errorFromResponse,
  invalidResponseError,
  networkError,
  OptOutApiError,
} from './errors.js';
import type { OptOutClient, RequestOptions, VersionedMessagingSettings, VersionedRequestOptions } from './optout-client.js';
import * as shapes from './response-shapes.js';
import { abortableSleep, backoffDelay, DEFAULT_RETRY, isRetryable, parseRetryAfter, type RetryPolicy, type Sleep } from './retry.js';
import type { Shape } from './shape.js';
import { combineSignals } from './signals.js';
import type {
  AuditEventPage,
  AuditListQuery,
  AuditQuery,
  BlockRequest,
  ChannelExclusionsRequest,
  BulkJob,
  BulkJobPage,
  BulkPreview,
  BulkTarget,
  ContactDetail,
  ContactListQuery,
  ContactPage,
  ConsentEventPage,
  ConsentEventQuery,
  DestinationConsent,
  EligibilityCheckItem,
  EligibilityCheckResult,
  InboundMessage,
  InboundResult,
  Me,
  MessagingSettingsInput,
  OptOutScope,
  Organization,
  PageQuery,
  ResubscribeRequest,
  ReviewItem,
  ReviewListQuery,
  ReviewPage,
  ScopeImpact,
  SequenceEnrollment,
  SequenceEnrollmentPage,
  UnsubscribeRequest,
} from './types.js';

export interface HttpOptOutClientOptions {
  /** Where the contract's paths are mounted: `/api` (same origin) or an absolute URL. */
  baseUrl: string;
  /**
   * A bearer token, or a function that returns the current one; it is called before every attempt
   * so a refreshed token is picked up by retries. Omit it when auth is a cookie.
   */
  token?: string | (() => string | Promise<string>);
  /**
   * The host's own fetch, for cookies (`credentials`), custom headers or a proxy. It receives a
   * fresh `Request` on every attempt, so it may consume it.
   */
  fetch?: typeof fetch;
  /** Retries of network errors, 500/502/503/504 and 429. */
  retry?: {
    /** Retries after the first try. Default 3 (so at most 4 requests per call). */
    attempts?: number;
    /** First backoff ceiling; doubles on each retry (full jitter). Default 250 ms. */
    baseDelayMs?: number;
    /** Backoff ceiling. Default 4000 ms. */
    maxDelayMs?: number;
    /**
     * The longest `Retry-After` the client waits out itself. A server asking for longer gets the
     * error surfaced at once (with `retryAfterMs`), so the UI can say so instead of hanging.
     * Default 30000 ms.
     */
    maxRetryAfterMs?: number;
  };
  /**
   * How long one attempt may wait for its answer before it is abandoned as a network failure (and
   * retried like one). Default 30000 ms; 0 waits as long as the browser does.
   */
  attemptTimeoutMs?: number;
  /**
   * Whether the browser sends cookies: `'same-origin'` by default; `'include'` for a cookie session
   * with an API on another origin (which must then allow credentials in its CORS answer).
   */
  credentials?: RequestCredentials;
  /** Makes `Idempotency-Key` values. Default `crypto.randomUUID()`. */
  idempotencyKey?: () => string;
  /** Waits between retries; injectable for tests. Must reject with the signal's reason on abort. */
  sleep?: Sleep;
  /** Source of jitter in [0, 1); injectable for tests. Default `Math.random`. */
  random?: () => number;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Reads sent as POST because their input does not fit in a URL. They take no `Idempotency-Key`:
 * the backend would replay a remembered answer, and a remembered "may send" can be stale.
 */
const READS_BY_POST: ReadonlySet<string> = new Set(['checkEligibility']);

/** What each attempt hands to openapi-fetch: a fresh header set and a fetch that tags failures. */
// A type alias, not an interface: openapi-fetch's init demands an index signature.
type AttemptInit = {
  signal: AbortSignal | undefined;
  headers: Record<string, string>;
  fetch: (request: Request) => Promise<Response>;
};

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

// Marks a rejection of fetch itself, so it is not confused with openapi-fetch failing to parse a
// body (a SyntaxError thrown from the same await).
class NetworkFailure extends Error {}

/**
 * Refuses an empty path id before anything is sent: `/contacts/` is another endpoint (the list),
 * so `getContact('')` must not quietly become a list request.
 */
function requireId(operation: string, name: string, value: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw new TypeError(`${operation}: ${name} must not be empty.`);
}

/** A finite, non-negative whole number, or the default. */
function count(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID only exists in secure contexts; a plain-http intranet host still needs unique keys.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function describeBody(response: Response): string {
  return `the body is not JSON (Content-Type: ${response.headers.get('Content-Type') ?? 'none'})`;
}

/**
 * The default `OptOutClient`: the contract over HTTP, typed from the generated schema through
 * openapi-fetch, with idempotent retries and a runtime check of every response body.
 */
export class HttpOptOutClient implements OptOutClient {
  private readonly api;
  private readonly retry: RetryPolicy & { maxRetryAfterMs: number };
  private readonly attemptTimeoutMs: number;
  private readonly token: HttpOptOutClientOptions['token'];
  private readonly hostFetch: typeof fetch | undefined;
  private readonly newKey: () => string;
  private readonly sleep: Sleep;
  private readonly random: () => number;

  constructor(options: HttpOptOutClientOptions) {
    this.api = createClient<paths>({ baseUrl: options.baseUrl, ...(options.credentials ? { credentials: options.credentials } : {}) });
    // Bad numbers must not turn the bounded retry into an endless one.
    this.retry = {
      attempts: count(options.retry?.attempts, DEFAULT_RETRY.attempts),
      baseDelayMs: count(options.retry?.baseDelayMs, DEFAULT_RETRY.baseDelayMs),
      maxDelayMs: count(options.retry?.maxDelayMs, DEFAULT_RETRY.maxDelayMs),
      maxRetryAfterMs: count(options.retry?.maxRetryAfterMs, 30_000),
    };
    this.attemptTimeoutMs = count(options.attemptTimeoutMs, 30_000);
    this.token = options.token;
    this.hostFetch = options.fetch;
    this.newKey = options.idempotencyKey ?? randomUuid;
    this.sleep = options.sleep ?? abortableSleep;
    this.random = options.random ?? Math.random;
  }

  getMe(options: RequestOptions): Promise<Me> {
    return this.call('getMe', 'GET', options, shapes.me, (init) => this.api.GET('/me', init));
  }

  getOrganization(options: RequestOptions): Promise<Organization> {
    return this.call('getOrganization', 'GET', options, shapes.organization, (init) =>
      this.api.GET('/organization', init),
    );
  }

  listContacts(query: ContactListQuery, options: RequestOptions): Promise<ContactPage> {
    return this.call('listContacts', 'GET', options, shapes.contactPage, (init) =>
      this.api.GET('/contacts', { ...init, params: { query } }),
    );
  }

  async getContact(contactId: string, options: RequestOptions): Promise<ContactDetail> {
    requireId('getContact', 'contactId', contactId);
    return this.call('getContact', 'GET', options, shapes.contactDetail, (init) =>
      this.api.GET('/contacts/{contactId}', { ...init, params: { path: { contactId } } }),
    );
  }

  async unsubscribeContact(contactId: string, body: UnsubscribeRequest, options: RequestOptions): Promise<ContactDetail> {
    requireId('unsubscribeContact', 'contactId', contactId);
    return this.call('unsubscribeContact', 'POST', options, shapes.contactDetail, (init) =>
      this.api.POST('/contacts/{contactId}/unsubscribe', { ...init, params: { path: { contactId } }, body }),
    );
  }

  async resubscribeContact(contactId: string, body: ResubscribeRequest, options: VersionedRequestOptions): Promise<ContactDetail> {
    requireId('resubscribeContact', 'contactId', contactId);
    return this.call('resubscribeContact', 'POST', options, shapes.contactDetail, (init) =>
      this.api.POST('/contacts/{contactId}/resubscribe', { ...init, params: { path: { contactId } }, body }),
    );
  }

  async setChannelExclusions(contactId: string, body: ChannelExclusionsRequest, options: VersionedRequestOptions): Promise<ContactDetail> {
    requireId('setChannelExclusions', 'contactId', contactId);
    return this.call('setChannelExclusions', 'PUT', options, shapes.contactDetail, (init) =>
      this.api.PUT('/contacts/{contactId}/channel-exclusions', { ...init, params: { path: { contactId } }, body }),
    );
  }

  async blockContact(contactId: string, body: BlockRequest, options: RequestOptions): Promise<ContactDetail> {
    requireId('blockContact', 'contactId', contactId);
    return this.call('blockContact', 'POST', options, shapes.contactDetail, (init) =>
      this.api.POST('/contacts/{contactId}/block', { ...init, params: { path: { contactId } }, body }),
    );
  }

  async unblockContact(contactId: string, options: RequestOptions): Promise<ContactDetail> {
    requireId('unblockContact', 'contactId', contactId);
    return this.call('unblockContact', 'POST', options, shapes.contactDetail, (init) =>
      this.api.POST('/contacts/{contactId}/unblock', { ...init, params: { path: { contactId } } }),
    );
  }

  async mergeContact(contactId: string, sourceContactId: string, options: VersionedRequestOptions): Promise<ContactDetail> {
    requireId('mergeContact', 'contactId', contactId);
    requireId('mergeContact', 'sourceContactId', sourceContactId);
    return this.call('mergeContact', 'POST', options, shapes.contactDetail, (init) =>
      this.api.POST('/contacts/{contactId}/merge', {
        ...init,
        params: { path: { contactId } },
        body: { sourceContactId },
      }),
    );
  }

  async deleteContact(contactId: string, options: VersionedRequestOptions): Promise<void> {
    requireId('deleteContact', 'contactId', contactId);
    await this.send('deleteContact', 'DELETE', options, null, (init) =>
      this.api.DELETE('/contacts/{contactId}', { ...init, params: { path: { contactId } } }),
    );
  }

  async addContactToSequence(contactId: string, sequenceId: string, options: RequestOptions): Promise<SequenceEnrollment> {
    requireId('addContactToSequence', 'contactId', contactId);
    return this.call('addContactToSequence', 'POST', options, shapes.sequenceEnrollment, (init) =>
      this.api.POST('/contacts/{contactId}/sequence-enrollments', {
        ...init,
        params: { path: { contactId } },
        body: { sequenceId },
      }),
    );
  }

  async listSequenceEnrollments(contactId: string, page: PageQuery, options: RequestOptions): Promise<SequenceEnrollmentPage> {
    requireId('listSequenceEnrollments', 'contactId', contactId);
    return this.call('listSequenceEnrollments', 'GET', options, shapes.sequenceEnrollmentPage, (init) =>
      this.api.GET('/contacts/{contactId}/sequence-enrollments', { ...init, params: { path: { contactId }, query: page } }),
    );
  }

  async getSequenceEnrollment(contactId: string, enrollmentId: string, options: RequestOptions): Promise<SequenceEnrollment> {
    requireId('getSequenceEnrollment', 'contactId', contactId);
    requireId('getSequenceEnrollment', 'enrollmentId', enrollmentId);
    return this.call('getSequenceEnrollment', 'GET', options, shapes.sequenceEnrollment, (init) =>
      this.api.GET('/contacts/{contactId}/sequence-enrollments/{enrollmentId}', { ...init, params: { path: { contactId, enrollmentId } } }),
    );
  }

  async listConsentHistory(contactId: string, query: PageQuery & AuditQuery, options: RequestOptions): Promise<AuditEventPage> {
    requireId('listConsentHistory', 'contactId', contactId);
    return this.call('listConsentHistory', 'GET', options, shapes.auditEventPage, (init) =>
      this.api.GET('/contacts/{contactId}/consent-history', { ...init, params: { path: { contactId }, query } }),
    );
  }

  async listContactReviews(contactId: string, query: ReviewListQuery, options: RequestOptions): Promise<ReviewPage> {
    requireId('listContactReviews', 'contactId', contactId);
    return this.call('listContactReviews', 'GET', options, shapes.reviewPage, (init) =>
      this.api.GET('/contacts/{contactId}/reviews', { ...init, params: { path: { contactId }, query } }),
    );
  }

  listReviews(query: ReviewListQuery, options: RequestOptions): Promise<ReviewPage> {
    return this.call('listReviews', 'GET', options, shapes.reviewPage, (init) =>
      this.api.GET('/reviews', { ...init, params: { query } }),
    );
  }

  async applyReview(reviewId: string, note: string | undefined, options: RequestOptions): Promise<ReviewItem> {
    requireId('applyReview', 'reviewId', reviewId);
    return this.call('applyReview', 'POST', options, shapes.reviewItem, (init) =>
      this.api.POST('/reviews/{reviewId}/apply', {
        ...init,
        params: { path: { reviewId } },
        body: note === undefined ? {} : { note },
      }),
    );
  }

  async dismissReview(reviewId: string, note: string, options: RequestOptions): Promise<ReviewItem> {
    requireId('dismissReview', 'reviewId', reviewId);
    return this.call('dismissReview', 'POST', options, shapes.reviewItem, (init) =>
      this.api.POST('/reviews/{reviewId}/dismiss', { ...init, params: { path: { reviewId } }, body: { note } }),
    );
  }

  createBulkUnsubscribePreview(body: BulkTarget, options: RequestOptions): Promise<BulkPreview> {
    return this.call('createBulkUnsubscribePreview', 'POST', options, shapes.bulkPreview, (init) =>
      this.api.POST('/bulk-unsubscribe/previews', { ...init, body }),
    );
  }

  async startBulkUnsubscribeJob(previewId: string, options: RequestOptions): Promise<BulkJob> {
    requireId('startBulkUnsubscribeJob', 'previewId', previewId);
    return this.call('startBulkUnsubscribeJob', 'POST', options, shapes.bulkJob, (init) =>
      this.api.POST('/bulk-unsubscribe/jobs', { ...init, body: { previewId } }),
    );
  }

  async getBulkUnsubscribeJob(jobId: string, options: RequestOptions): Promise<BulkJob> {
    requireId('getBulkUnsubscribeJob', 'jobId', jobId);
    return this.call('getBulkUnsubscribeJob', 'GET', options, shapes.bulkJob, (init) =>
      this.api.GET('/bulk-unsubscribe/jobs/{jobId}', { ...init, params: { path: { jobId } } }),
    );
  }

  async cancelBulkUnsubscribeJob(jobId: string, options: RequestOptions): Promise<BulkJob> {
    requireId('cancelBulkUnsubscribeJob', 'jobId', jobId);
    return this.call('cancelBulkUnsubscribeJob', 'POST', options, shapes.bulkJob, (init) =>
      this.api.POST('/bulk-unsubscribe/jobs/{jobId}/cancel', { ...init, params: { path: { jobId } } }),
    );
  }

  async undoBulkUnsubscribeJob(jobId: string, options: RequestOptions): Promise<BulkJob> {
    requireId('undoBulkUnsubscribeJob', 'jobId', jobId);
    return this.call('undoBulkUnsubscribeJob', 'POST', options, shapes.bulkJob, (init) =>
      this.api.POST('/bulk-unsubscribe/jobs/{jobId}/undo', { ...init, params: { path: { jobId } } }),
    );
  }

  async getMessagingSettings(options: RequestOptions): Promise<VersionedMessagingSettings> {
    const { data, response } = await this.send('getMessagingSettings', 'GET', options, shapes.messagingSettings, (init) =>
      this.api.GET('/settings/messaging', init),
    );
    return { settings: data, etag: this.requireEtag('getMessagingSettings', response) };
  }

  async updateMessagingSettings(
    input: MessagingSettingsInput,
    etag: string,
    options: RequestOptions,
  ): Promise<VersionedMessagingSettings> {
    const { data, response } = await this.send(
      'updateMessagingSettings',
      'PUT',
      options,
      shapes.messagingSettings,
      (init) => this.api.PUT('/settings/messaging', { ...init, params: { header: { 'If-Match': etag } }, body: input }),
    );
    return { settings: data, etag: this.requireEtag('updateMessagingSettings', response) };
  }

  getOptOutScopeImpact(scope: OptOutScope, options: RequestOptions): Promise<ScopeImpact> {
    return this.call('getOptOutScopeImpact', 'GET', options, shapes.scopeImpact, (init) =>
      this.api.GET('/settings/messaging/scope-impact', { ...init, params: { query: { scope } } }),
    );
  }

  /**
   * Reports an inbound message. The provider's message id, when given, is also the idempotency
   * key: a retry of the same message is recognised whoever sends it, and the backend applies a
   * message id once, ever.
   */
  receiveInboundMessage(body: InboundMessage, options: RequestOptions): Promise<InboundResult> {
    const keyed = body.providerMessageId && options.idempotencyKey === undefined ? { ...options, idempotencyKey: body.providerMessageId } : options;
    return this.call('receiveInboundMessage', 'POST', keyed, shapes.inboundResult, (init) =>
      this.api.POST('/inbound-messages', { ...init, body }),
    );
  }

  listAuditEvents(query: AuditListQuery, options: RequestOptions): Promise<AuditEventPage> {
    return this.call('listAuditEvents', 'GET', options, shapes.auditEventPage, (init) =>
      this.api.GET('/audit-events', { ...init, params: { query } }),
    );
  }

  checkEligibility(items: EligibilityCheckItem[], options: RequestOptions): Promise<EligibilityCheckResult> {
    return this.call('checkEligibility', 'POST', options, shapes.eligibilityCheckResult, (init) =>
      this.api.POST('/eligibility-checks', { ...init, body: { items } }),
    );
  }

  listConsentEvents(query: ConsentEventQuery, options: RequestOptions): Promise<ConsentEventPage> {
    return this.call('listConsentEvents', 'GET', options, shapes.consentEventPage, (init) =>
      this.api.GET('/consent-events', { ...init, params: { query } }),
    );
  }

  async getDestinationConsent(destination: string, options: RequestOptions): Promise<DestinationConsent> {
    requireId('getDestinationConsent', 'destination', destination);
    return this.call('getDestinationConsent', 'GET', options, shapes.destinationConsent, (init) =>
      this.api.GET('/destinations/{destination}/consent', { ...init, params: { path: { destination } } }),
    );
  }

  async getReview(reviewId: string, options: RequestOptions): Promise<ReviewItem> {
    requireId('getReview', 'reviewId', reviewId);
    return this.call('getReview', 'GET', options, shapes.reviewItem, (init) =>
      this.api.GET('/reviews/{reviewId}', { ...init, params: { path: { reviewId } } }),
    );
  }

  listBulkUnsubscribeJobs(page: PageQuery, options: RequestOptions): Promise<BulkJobPage> {
    return this.call('listBulkUnsubscribeJobs', 'GET', options, shapes.bulkJobPage, (init) =>
      this.api.GET('/bulk-unsubscribe/jobs', { ...init, params: { query: page } }),
    );
  }

  async getBulkUnsubscribePreview(previewId: string, options: RequestOptions): Promise<BulkPreview> {
    requireId('getBulkUnsubscribePreview', 'previewId', previewId);
    return this.call('getBulkUnsubscribePreview', 'GET', options, shapes.bulkPreview, (init) =>
      this.api.GET('/bulk-unsubscribe/previews/{previewId}', { ...init, params: { path: { previewId } } }),
    );
  }

  // Without the ETag the next save cannot be conditional, so its absence is a contract breach
  // (cross-origin backends must also list it in Access-Control-Expose-Headers).
  private requireEtag(operation: string, response: Response): string {
    const etag = response.headers.get('ETag');
    if (!etag) throw invalidResponseError(operation, response.status, 'the ETag header is missing');
    return etag;
  }

  private async call<T>(
    operation: string,
    method: Method,
    options: RequestOptions,
    shape: Shape<T>,
    run: (init: AttemptInit) => Promise<Outcome<T>>,
  ): Promise<T> {
    return (await this.send(operation, method, options, shape, run)).data;
  }

  /**
   * One logical call: attempts `run` until it succeeds, fails for good, or the retry budget is
   * spent. The idempotency key is fixed before the first attempt so every retry carries the same
   * one and the backend applies the mutation at most once.
   */
  private async send<T>(
    operation: string,
    method: Method,
    options: RequestOptions,
    shape: Shape<T> | null,
    run: (init: AttemptInit) => Promise<Outcome<T>>,
  ): Promise<{ data: T; response: Response }> {
    const { signal } = options;
    if (options.idempotencyKey !== undefined && (options.idempotencyKey.length < 1 || options.idempotencyKey.length > 255)) {
      throw new TypeError(`${operation}: an idempotencyKey must be 1 to 255 characters.`);
    }
    const idempotencyKey = method === 'GET' || READS_BY_POST.has(operation) ? undefined : (options.idempotencyKey ?? this.newKey());
    for (let retry = 0; ; retry++) {
      signal?.throwIfAborted();
      const headers = await this.headers(operation, idempotencyKey, options.ifMatch);
      const attempt = this.attemptSignal(signal);
      let failure: OptOutApiError;
      let lastResponse: Response | undefined;
      try {
        const outcome = await run({
          signal: attempt.signal,
          headers,
          fetch: async (request) => {
            lastResponse = await this.fetchOnce(request);
            return lastResponse;
          },
        });
        const { response } = outcome;
        if (response.ok) return { data: this.accept(operation, shape, outcome), response };
        failure = errorFromResponse(
          operation,
          response.status,
          outcome.error,
          parseRetryAfter(response.headers.get('Retry-After')),
        );
        if (!isRetryable(response.status, failure.retryAfterMs, failure.type)) throw failure;
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (error instanceof OptOutApiError) throw error;
        if (attempt.timedOut()) {
          failure = networkError(operation, error, `no answer within ${this.attemptTimeoutMs / 1000} s`);
        } else if (error instanceof NetworkFailure) {
          failure = networkError(operation, error.cause);
        } else if (error instanceof TypeError && lastResponse) {
          // The connection broke while the body was being read: as good as no answer.
          failure = networkError(operation, error, 'the connection broke while reading the answer');
        } else {
          // openapi-fetch parses success bodies itself; a body that is not JSON lands here.
          throw invalidResponseError(
            operation,
            lastResponse?.status ?? 0,
            lastResponse ? describeBody(lastResponse) : 'the response could not be read',
            error,
          );
        }
      } finally {
        attempt.done();
      }
      if (retry >= this.retry.attempts) throw failure;
      const delay = this.delayBefore(retry, failure);
      if (delay === undefined) throw failure;
      await this.sleep(delay, signal);
    }
  }

  /** The caller's signal, plus this attempt's own timeout. */
  private attemptSignal(signal: AbortSignal | undefined): { signal: AbortSignal | undefined; timedOut: () => boolean; done: () => void } {
    if (this.attemptTimeoutMs === 0) return { signal, timedOut: () => false, done: () => {} };
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new DOMException('The attempt timed out.', 'TimeoutError')), this.attemptTimeoutMs);
    const combined = signal ? combineSignals([signal, timeout.signal]) : { signal: timeout.signal, dispose: () => {} };
    return {
      signal: combined.signal,
      timedOut: () => timeout.signal.aborted && !signal?.aborted,
      done: () => {
        clearTimeout(timer);
        combined.dispose();
      },
    };
  }

  /**
   * The wait before the next retry, or undefined when the server asked for longer than we wait.
   * A server's `Retry-After` gets jitter on top, so clients told the same time do not return together.
   */
  private delayBefore(retry: number, failure: OptOutApiError): number | undefined {
    if (failure.retryAfterMs === undefined) return backoffDelay(retry, this.retry, this.random);
    if (failure.retryAfterMs > this.retry.maxRetryAfterMs) return undefined;
    return failure.retryAfterMs + Math.floor(this.random() * this.retry.baseDelayMs);
  }

  private async fetchOnce(request: Request): Promise<Response> {
    try {
      // Resolved per call, not captured at construction, so a fetch patched later (MSW, a host's
      // instrumentation) is the one used.
      return await (this.hostFetch ?? globalThis.fetch)(request);
    } catch (cause) {
      // An abort (the caller's or the attempt's timeout) is told apart by the caller of this.
      if (request.signal.aborted) throw cause;
      throw new NetworkFailure('fetch failed', { cause });
    }
  }

  private async headers(operation: string, idempotencyKey: string | undefined, ifMatch: string | undefined): Promise<Record<string, string>> {
    const headers: Record<string, string> = {};
    if (idempotencyKey !== undefined) headers['Idempotency-Key'] = idempotencyKey;
    if (ifMatch !== undefined) headers['If-Match'] = ifMatch;
    if (this.token !== undefined) {
      let token: string;
      try {
        token = typeof this.token === 'function' ? await this.token() : this.token;
      } catch (cause) {
        throw new OptOutApiError({
          status: 0,
          type: 'urn:optout:problem:unauthenticated',
          title: 'No credentials',
          detail: `${operation}: the host could not provide a token.`,
          cause,
        });
      }
      headers['Authorization'] = `Bearer ${token}`;
    }
    return headers;
  }

  private accept<T>(operation: string, shape: Shape<T> | null, outcome: Outcome<T>): T {
    if (shape === null) return outcome.data as T;
    const problem = shape.check(outcome.data, '');
    if (problem !== null) {
      throw invalidResponseError(operation, outcome.response.status, `the body does not match the contract (${problem})`);
    }
    return outcome.data as T;
  }
}
