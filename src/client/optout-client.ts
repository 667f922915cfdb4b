import { abortableSleep } from './retry.js';
import type {
  AuditEventPage,
  AuditListQuery,
  AuditQuery,
  BlockRequest,
  ChannelExclusionsRequest,
  BulkJob,
  BulkJobPage,
  BulkJobStatus,
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
  MessagingSettings,
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

/** Per-call options every `OptOutClient` method takes last. */
export interface RequestOptions {
  /**
   * Aborts the call, including any wait between retries. The elements always pass their task's
   * signal; an aborted call rejects with the signal's reason (an `AbortError` DOMException), not
   * with an `OptOutApiError`.
   */
  signal?: AbortSignal;
  /**
   * The `Idempotency-Key` of a mutation. Omit it to get a fresh key per call; pass one to replay a
   * mutation (an offline outbox) so the backend applies it at most once.
   */
  idempotencyKey?: string;
  /**
   * The `etag` of the contact the change is based on (from `getContact` or the last change's
   * answer), sent as `If-Match`: if the contact changed since (a STOP arrived while a dialog was
   * open), the call rejects with 412 `precondition-failed` and `error.problem.current` holds the
   * contact as it is now. Show it and let the user decide again; never retry blindly.
   */
  ifMatch?: string;
}

/** Options of a change that must be made on a known version of the contact (re-subscribe, merge, delete). */
export interface VersionedRequestOptions extends RequestOptions {
  ifMatch: string;
}

/** The ETag-versioned messaging settings: send `etag` back to `updateMessagingSettings`. */
export interface VersionedMessagingSettings {
  settings: MessagingSettings;
  etag: string;
}

/**
 * Everything the elements ask of a backend, one method per operation of `api/openapi.yaml`
 * except Twilio's webhook, which only Twilio calls.
 * `HttpOptOutClient` implements it over HTTP; a host with another backend implements it directly.
 * Implementations reject with `OptOutApiError` (and with the signal's `AbortError` on abort).
 */
export interface OptOutClient {
  getMe(options: RequestOptions): Promise<Me>;
  getOrganization(options: RequestOptions): Promise<Organization>;

  listContacts(query: ContactListQuery, options: RequestOptions): Promise<ContactPage>;
  getContact(contactId: string, options: RequestOptions): Promise<ContactDetail>;
  unsubscribeContact(contactId: string, body: UnsubscribeRequest, options: RequestOptions): Promise<ContactDetail>;
  /** Needs the contact's written consent in `body.note` (422 `note-required` otherwise). */
  resubscribeContact(contactId: string, body: ResubscribeRequest, options: VersionedRequestOptions): Promise<ContactDetail>;
  /**
   * Replaces the channel types the contact does not want. Removing one needs `contact:resubscribe`
   * and a `note` (422 `note-required` without), as a re-subscription does.
   */
  setChannelExclusions(contactId: string, body: ChannelExclusionsRequest, options: VersionedRequestOptions): Promise<ContactDetail>;
  blockContact(contactId: string, body: BlockRequest, options: RequestOptions): Promise<ContactDetail>;
  unblockContact(contactId: string, options: RequestOptions): Promise<ContactDetail>;
  /** Merges `sourceContactId` into `contactId`; answers the surviving contact. */
  mergeContact(contactId: string, sourceContactId: string, options: VersionedRequestOptions): Promise<ContactDetail>;
  deleteContact(contactId: string, options: VersionedRequestOptions): Promise<void>;
  addContactToSequence(contactId: string, sequenceId: string, options: RequestOptions): Promise<SequenceEnrollment>;
  /** The contact's enrollments, newest first, each with its steps' warnings as they stand now. */
  listSequenceEnrollments(contactId: string, page: PageQuery, options: RequestOptions): Promise<SequenceEnrollmentPage>;
  getSequenceEnrollment(contactId: string, enrollmentId: string, options: RequestOptions): Promise<SequenceEnrollment>;

  /** The contact's consent history, newest first, optionally filtered (action, actor, channel, job, date range). */
  listConsentHistory(contactId: string, query: PageQuery & AuditQuery, options: RequestOptions): Promise<AuditEventPage>;
  listContactReviews(contactId: string, query: ReviewListQuery, options: RequestOptions): Promise<ReviewPage>;
  listReviews(query: ReviewListQuery, options: RequestOptions): Promise<ReviewPage>;
  applyReview(reviewId: string, note: string | undefined, options: RequestOptions): Promise<ReviewItem>;
  dismissReview(reviewId: string, note: string, options: RequestOptions): Promise<ReviewItem>;

  createBulkUnsubscribePreview(body: BulkTarget, options: RequestOptions): Promise<BulkPreview>;
  startBulkUnsubscribeJob(previewId: string, options: RequestOptions): Promise<BulkJob>;
  getBulkUnsubscribeJob(jobId: string, options: RequestOptions): Promise<BulkJob>;
  cancelBulkUnsubscribeJob(jobId: string, options: RequestOptions): Promise<BulkJob>;
  undoBulkUnsubscribeJob(jobId: string, options: RequestOptions): Promise<BulkJob>;

  getMessagingSettings(options: RequestOptions): Promise<VersionedMessagingSettings>;
  /** Sends `If-Match: etag`; a stale etag rejects with kind `precondition-failed` (412). */
  updateMessagingSettings(
    input: MessagingSettingsInput,
    etag: string,
    options: RequestOptions,
  ): Promise<VersionedMessagingSettings>;

  /**
   * The last 30 days of keyword opt-out replies replayed under the saved scope and under `scope`:
   * what a scope change would have done (replies, contacts and channel subscriptions reached).
   */
  getOptOutScopeImpact(scope: OptOutScope, options: RequestOptions): Promise<ScopeImpact>;

  receiveInboundMessage(body: InboundMessage, options: RequestOptions): Promise<InboundResult>;
  /** The organization's audit log, newest first, filtered like the consent history; `total` only with `includeTotal`. */
  listAuditEvents(query: AuditListQuery, options: RequestOptions): Promise<AuditEventPage>;

  /**
   * The pre-send check, for the host's sending code: one answer per item (up to 1,000), in order.
   * A read: it sends no `Idempotency-Key`, and an answer is only as fresh as the moment it was given.
   */
  checkEligibility(items: EligibilityCheckItem[], options: RequestOptions): Promise<EligibilityCheckResult>;
  /** Consent, block, exclusion and merge events after `query.since`, oldest first; store `nextCursor` and resume from it. */
  listConsentEvents(query: ConsentEventQuery, options: RequestOptions): Promise<ConsentEventPage>;
  /** A destination's current consent on every channel that has a record, and the contacts that have it. */
  getDestinationConsent(destination: string, options: RequestOptions): Promise<DestinationConsent>;
  getReview(reviewId: string, options: RequestOptions): Promise<ReviewItem>;
  /** Bulk jobs, most recent first. */
  listBulkUnsubscribeJobs(page: PageQuery, options: RequestOptions): Promise<BulkJobPage>;
  /** The preview as it was created (410 `preview-expired` once past `expiresAt`). */
  getBulkUnsubscribePreview(previewId: string, options: RequestOptions): Promise<BulkPreview>;
}

const TERMINAL: ReadonlySet<BulkJobStatus> = new Set<BulkJobStatus>(['completed', 'cancelled', 'failed', 'undone']);

/** Whether a bulk job has stopped moving (nothing more to poll for). */
export function isTerminalBulkJobStatus(status: BulkJobStatus): boolean {
  return TERMINAL.has(status);
}

export interface WaitForBulkJobOptions {
  signal?: AbortSignal;
  /** Pause between polls, in milliseconds. Default 250. */
  intervalMs?: number;
  /** Called with every job state polled, terminal one included, e.g. to render progress. */
  onProgress?: (job: BulkJob) => void;
}

/**
 * Polls a bulk job until it is `completed`, `cancelled`, `failed` or `undone`, and resolves with
 * that last state. Errors of a poll reject (the client already retried transient ones); an abort
 * rejects with the signal's reason at once, mid-wait included.
 */
export async function waitForBulkJob(
  client: OptOutClient,
  jobId: string,
  { signal, intervalMs = 250, onProgress }: WaitForBulkJobOptions = {},
): Promise<BulkJob> {
  for (;;) {
    const job = await client.getBulkUnsubscribeJob(jobId, signal ? { signal } : {});
    onProgress?.(job);
    if (isTerminalBulkJobStatus(job.status)) return job;
    await abortableSleep(intervalMs, signal);
  }
}
