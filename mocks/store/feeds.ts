// What the host's own systems read, and what a reloaded page reads back: the pre-send
// eligibility check, the consent-events feed, a destination's consent, the bulk job list, and one
// preview or review. Every rule is the engine's; this file only finds the records and pages them.
import { destinationEligibility, destinationKey, destinationKindFor, eligibility, isValidDestination, type DestinationKind } from '../../src/engine/index.js';
import type * as Contract from '../../src/client/types.js';
import { publicJob } from './bulk-jobs.js';
import type { MockStore } from './mock-store.js';
import { decodeCursor, encodeCursor, type Page } from './paging.js';
import { ProblemError, invalid, type FieldError } from './problems.js';
import type { AuditAction, AuditEvent, ReviewItem } from './types.js';

// ---- the pre-send check ----

/**
 * One answer per item, in order. Every channel and contact named must exist (400 naming each
 * item that names one that does not), so a typo never reads as "may send".
 */
export function checkEligibility(store: MockStore, items: readonly Contract.EligibilityCheckItem[]): Contract.EligibilityCheckResult {
  store.authorize('eligibility:check');
  const errors: FieldError[] = [];
  items.forEach((item, i) => {
    if (!store.channelsById.has(item.channelId)) errors.push({ field: `items[${i}].channelId`, message: `no channel ${item.channelId}`, code: 'not-found' });
    if (item.contactId !== undefined && !store.hasContact(item.contactId)) errors.push({ field: `items[${i}].contactId`, message: `no contact ${item.contactId}`, code: 'not-found' });
  });
  if (errors.length > 0) throw new ProblemError('validation', `${errors.length} of the items name a channel or contact that does not exist.`, errors);
  return { items: items.map((item) => answerFor(store, item)) };
}

function answerFor(store: MockStore, item: Contract.EligibilityCheckItem): Contract.EligibilityCheckAnswer {
  const channel = store.channel(item.channelId);
  if (item.contactId !== undefined) {
    const result = eligibility(store.contact(item.contactId), channel, store.lookup);
    return {
      channelId: channel.id,
      destination: null,
      contactId: item.contactId,
      canSend: result.canMessage,
      reasons: result.reasons,
      // A blocked or excluded contact still has addresses the channel could reach; none is usable.
      usableDestinations: result.canMessage ? result.usableDestinations : [],
      contactIds: [item.contactId],
    };
  }
  // Compared as stored: an email address lower-cased (the engine's destinationKey).
  const destination = destinationKey(destinationKindFor(channel.type), item.destination);
  const sharers = store.contactsWithDestination(destination);
  const result = destinationEligibility(destination, channel, sharers, store.lookup);
  return {
    channelId: channel.id,
    destination: item.destination,
    contactId: null,
    canSend: result.canMessage,
    reasons: result.reasons,
    usableDestinations: result.canMessage ? [destination] : [],
    contactIds: sharers.map((contact) => contact.id),
  };
}

// ---- the consent-events feed ----

/** The audit actions that change whether a destination or contact may be messaged. */
export const CONSENT_EVENT_ACTIONS: ReadonlySet<AuditAction> = new Set<AuditAction>(['unsubscribed', 'resubscribed', 'blocked', 'unblocked', 'channel-exclusions-changed', 'merged']);

/**
 * A feed cursor is a position in the append-only audit log, so it stays valid as events are
 * appended; unlike a list cursor it is not tied to a query, and a host keeps it for months.
 */
function feedCursor(position: number): string {
  return btoa(`ce:${position}`);
}

function feedPosition(since: string | null, length: number): number {
  if (since === null) return 0;
  let match: RegExpExecArray | null = null;
  try {
    match = /^ce:(\d+)$/.exec(atob(since));
  } catch {
    // not base64: reported below
  }
  if (!match) throw invalid('since', 'is not a cursor of this feed');
  const position = Number(match[1]);
  // Only a log that was reset (the mock's re-seed) can be shorter than a position it gave out.
  if (position > length) throw invalid('since', 'is ahead of the log: start again without since');
  return position;
}

/** Up to `limit` consent events after `since`, oldest first, and where to resume. */
export function consentEvents(store: MockStore, since: string | null, limit = 50): Contract.ConsentEventPage {
  store.authorize('consent-events:read');
  const log = store.auditEvents();
  let position = feedPosition(since, log.length);
  const items: AuditEvent[] = [];
  const relevant = (event: AuditEvent) => CONSENT_EVENT_ACTIONS.has(event.action);
  while (position < log.length && items.length < limit) {
    const event = log[position++] as AuditEvent;
    if (relevant(event)) items.push(event);
  }
  // Past the events nobody follows, so `hasMore` is exact and an up-to-date host asks again for nothing.
  while (position < log.length && !relevant(log[position] as AuditEvent)) position++;
  return { items, nextCursor: feedCursor(position), hasMore: position < log.length };
}

// ---- a destination's consent ----

/** The kind of text that names a destination, or undefined when it names none. */
function kindOf(destination: string): DestinationKind | undefined {
  if (/^\+\d+$/.test(destination)) return 'phone';
  if (/^[^\s@]+@[^\s@]+$/.test(destination)) return 'email';
  return undefined;
}

export function destinationConsent(store: MockStore, given: string): Contract.DestinationConsent {
  store.authorize('contact:view');
  const kind = kindOf(given);
  if (!kind) throw invalid('destination', 'is neither a phone number (+ and digits) nor an email address');
  const destination = destinationKey(kind, given);
  return {
    destination,
    kind,
    valid: isValidDestination(kind, destination),
    records: store.consentOfDestination(destination),
    contacts: store.contactsWithDestination(destination).map((contact) => store.summary(contact.id)),
  };
}

// ---- reading back: jobs, a preview, a review ----

/**
 * Most recent first. The cursor counts from the oldest job (where the next page ends), so jobs
 * started while a user pages are not mixed into later pages.
 */
export function listJobs(store: MockStore, cursor: string | null, limit = 50): Page<Contract.BulkJob> {
  store.authorize('bulk:unsubscribe');
  const jobs = store.db.jobs;
  const end = cursor === null ? jobs.length : decodeCursor(cursor, 'bulk-jobs');
  if (end > jobs.length) throw invalid('cursor', 'is not a cursor this server issued');
  const start = Math.max(0, end - limit);
  return {
    items: jobs.slice(start, end).reverse().map(publicJob),
    total: jobs.length,
    nextCursor: start > 0 ? encodeCursor(start, 'bulk-jobs') : null,
  };
}

/** The preview as it was answered when created, while it can still start a job. */
export function preview(store: MockStore, previewId: string): Contract.BulkPreview {
  store.authorize('bulk:unsubscribe');
  const found = store.db.previews.find((p) => p.previewId === previewId);
  if (!found) throw new ProblemError('not-found', `No preview ${previewId}.`);
  if (Date.parse(found.expiresAt) <= store.now()) throw new ProblemError('preview-expired', 'This preview expired: review the audience again.');
  return found.answer;
}

export function review(store: MockStore, reviewId: string): ReviewItem {
  store.authorize('contact:view');
  const found = store.db.reviews.find((r) => r.id === reviewId);
  if (!found) throw new ProblemError('not-found', `No review ${reviewId}.`);
  return found;
}
