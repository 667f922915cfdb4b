// The mock backend's records. What crosses the wire is the contract's own type (aliases of the
// generated schema, via src/client/types.ts), so the store cannot drift from api/openapi.yaml;
// only the backend's private bookkeeping (previews, job changes, messages) is declared here.
import type { ConsentRecord, Contact } from '../../src/engine/index.js';
import type * as Contract from '../../src/client/types.js';

export type MockUser = Contract.User & { role: Contract.Role };
export type Organization = Contract.Organization;
export type MessagingSettings = Contract.MessagingSettings;
export type AuditAction = Contract.AuditAction;
export type AuditEvent = Contract.AuditEvent;
export type ReviewStatus = Contract.ReviewStatus;
export type ReviewItem = Contract.ReviewItem;
export type ContactFilter = Contract.ContactFilter;
/** What a bulk job targets: explicit ids, or a filter minus excluded ids. */
export type BulkTarget = Contract.BulkTargetSelection;
export type BulkJobStatus = Contract.BulkJobStatus;
export type BulkPreview = Contract.BulkPreview;
export type InboundResult = Contract.InboundResult;
export type ChannelType = Contract.ChannelType;
export type ScopeImpact = Contract.ScopeImpact;

/** A frozen audience: the job runs on exactly these contacts. */
export interface PreviewRecord {
  previewId: string;
  createdAt: string;
  expiresAt: string;
  createdBy: string;
  contactIds: string[];
  channelIds: string[];
  /** The answer it was created with, which `GET` of the preview repeats: the counts the user reviewed. */
  answer: Contract.BulkPreview;
}

/** What a bulk job changed, so undo restores exactly that. */
export interface JobChange {
  contactId: string;
  destination: string;
  channelId: string;
  previous: ConsentRecord | null;
}

/** A job as the contract shows it, plus what the backend keeps to run and undo it. */
export interface BulkJobRecord extends Contract.BulkJob {
  contactIds: string[];
  changes: JobChange[];
  /** While undoing: how many of `changes` were gone through (`processed` counts contacts restored). */
  undoCursor?: number;
  /** While undoing: the contact whose pair was restored last, to count each contact once. */
  undoLastContact?: string;
}

export interface OutboundMessage {
  id: string;
  at: string;
  channelId: string;
  to: string;
  body: string;
  inReplyTo: string;
}

export interface Enrollment {
  id: string;
  contactId: string;
  sequenceId: string;
  at: string;
  by: string;
}

export interface StoredResponse {
  /** When the first request was answered (ms since the epoch); kept for `KEY_RETENTION_MS`. */
  at: number;
  requestHash: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * The saved shape's version. Bump it whenever that shape or the seed's facts change, so a browser
 * holding an older save re-seeds instead of running on data the code no longer understands.
 * 2: the integration user, one `merged` event with `sourceContactId`, idempotency entries with `at`.
 * 3: saved as a base and a journal of changes (mocks/persistence.ts); consent records carry
 *    `recordedAt`; the seed's history is played in time order.
 * 5: previews keep the answer they were created with.
 * 6: the seed logs each of its STOP replies as `inbound-received`, as the backend does (the scope impact replays them).
 * 7: a saved preview's answer (and a remembered idempotent answer) names the preview `id`, not `previewId`.
 * 8: instants end in `At`: a block's `blockedAt`, an audit event's `occurredAt`, a review's `dueAt`, a job's `undoExpiresAt`.
 * 9: a saved preview's answer counts `blockedCount`, and its sample rows carry the block object.
 * 10: every author is an `Actor` object (`{type, id?}`): consent records, audit events, blocks
 *     (`blockedBy`), review decisions, bulk jobs and settings; an older save's strings re-seed.
 * 11: unset facts are null, not missing: a consent record's keyword, via channel, scope, note and
 *     job, a block's reason, a pending review's decision, a job's failure reason.
 */
export const DATABASE_VERSION = 11;

/** Everything the mock backend knows; plain data, so it can be saved to IndexedDB. */
export interface MockDatabase {
  version: typeof DATABASE_VERSION;
  seed: { contacts: number; seed: number };
  organization: Organization;
  users: MockUser[];
  /** Who the mock treats as signed in; `null` when signed out. */
  currentUserId: string | null;
  settings: MessagingSettings;
  /** Bumped on every settings write; the ETag. */
  settingsVersion: number;
  /** The saved form only: a loaded `MockStore` holds these in its indexes (see `snapshot()`). */
  contacts: Contact[];
  /** The saved form only, like `contacts`. */
  consent: ConsentRecord[];
  audit: AuditEvent[];
  reviews: ReviewItem[];
  previews: PreviewRecord[];
  jobs: BulkJobRecord[];
  messages: OutboundMessage[];
  enrollments: Enrollment[];
  idempotency: [string, StoredResponse][];
  nextId: number;
}

