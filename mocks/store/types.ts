// The mock backend's records. Shapes follow api/openapi.yaml; the handlers check them against
// the generated schema types, so a drift fails the type-check.
import type {
  Channel,
  ChannelType,
  Classification,
  ConsentRecord,
  ConsentSource,
  Contact,
  KeywordSets,
  Location,
  OptOutScope,
  PhrasePolicy,
  Role,
} from '../../src/engine/index.js';
import type { Sequence } from '../seed/sequences.js';

export interface MockUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export interface Organization {
  id: string;
  name: string;
  locations: Location[];
  channels: Channel[];
  sequences: Sequence[];
}

export interface MessagingSettings {
  optOutScope: OptOutScope;
  phrasePolicy: PhrasePolicy;
  customKeywords: { [K in keyof KeywordSets]: string[] };
  updatedAt: string;
  updatedBy: string;
}

export type AuditAction =
  | 'unsubscribed'
  | 'resubscribed'
  | 'blocked'
  | 'unblocked'
  | 'merged'
  | 'deleted'
  | 'sequence-enrolled'
  | 'settings-changed'
  | 'inbound-received'
  | 'review-applied'
  | 'review-dismissed'
  | 'bulk-job-started'
  | 'bulk-job-cancelled'
  | 'bulk-job-undone';

export interface AuditEvent {
  id: string;
  at: string;
  actor: string;
  action: AuditAction;
  contactId: string | null;
  destination: string | null;
  channelIds: string[];
  source: ConsentSource | null;
  scope: OptOutScope | null;
  keyword: string | null;
  inboundText: string | null;
  note: string | null;
  jobId: string | null;
  details: Record<string, unknown>;
}

export type ReviewStatus = 'pending' | 'applied' | 'dismissed';

export interface ReviewItem {
  id: string;
  contactId: string | null;
  destination: string;
  channelId: string;
  body: string;
  receivedAt: string;
  deadline: string;
  status: ReviewStatus;
  affectedChannelIds: string[];
  scope: OptOutScope;
  decidedBy?: string;
  decidedAt?: string;
  decisionNote?: string;
}

export interface ContactFilter {
  query?: string;
  locationId?: string;
  channelId?: string;
  status?: 'subscribed' | 'unsubscribed' | 'blocked' | 'unreachable';
  tag?: string;
}

export type BulkTarget = { kind: 'ids'; ids: string[] } | { kind: 'filter'; filter: ContactFilter; excludedIds: string[] };

/** A frozen audience: the job runs on exactly these contacts. */
export interface PreviewRecord {
  previewId: string;
  createdAt: string;
  expiresAt: string;
  createdBy: string;
  contactIds: string[];
  channelIds: string[];
}

export type BulkJobStatus = 'queued' | 'running' | 'completed' | 'cancelled' | 'failed' | 'undoing' | 'undone';

/** What a bulk job changed, so undo restores exactly that. */
export interface JobChange {
  contactId: string;
  destination: string;
  channelId: string;
  previous: ConsentRecord | null;
}

export interface BulkJobRecord {
  id: string;
  previewId: string;
  status: BulkJobStatus;
  total: number;
  processed: number;
  changed: number;
  skipped: number;
  createdAt: string;
  createdBy: string;
  finishedAt: string | null;
  undoableUntil: string | null;
  channelIds: string[];
  contactIds: string[];
  changes: JobChange[];
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

export interface InboundResult {
  messageId: string;
  contactId: string | null;
  classification: Classification;
  action: 'opted-out' | 'opted-in' | 'queued-for-review' | 'help-sent' | 'none';
  scope: OptOutScope | null;
  changedChannelIds: string[];
  confirmation: { body: string; channelId: string } | null;
  reviewId: string | null;
}

export interface StoredResponse {
  requestHash: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** Everything the mock backend knows; plain data, so it can be saved to IndexedDB whole. */
export interface MockDatabase {
  version: 1;
  seed: { contacts: number; seed: number };
  organization: Organization;
  users: MockUser[];
  /** Who the mock treats as signed in; `null` when signed out. */
  currentUserId: string | null;
  settings: MessagingSettings;
  /** Bumped on every settings write; the ETag. */
  settingsVersion: number;
  contacts: Contact[];
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

export type { ChannelType };
