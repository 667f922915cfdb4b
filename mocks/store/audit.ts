// The audit log: append-only, one event per change (who, when, what, source, scope, inbound
// text), and what is read from it: the whole log, and one contact's consent history.
import { actorKey, type Actor, type ConsentRecord, type Contact } from '../../src/engine/index.js';
import type { AuditEvent } from './types.js';

/** A complete audit event from the fields that matter; everything else is explicitly empty. */
export function auditEvent(fields: Partial<AuditEvent> & Pick<AuditEvent, 'id' | 'occurredAt' | 'action' | 'actor'>): AuditEvent {
  return {
    contactId: null,
    destination: null,
    channelIds: [],
    source: null,
    scope: null,
    keyword: null,
    inboundText: null,
    note: null,
    jobId: null,
    details: {},
    ...fields,
  };
}

/** The filters of the audit log and of a contact's consent history (all given ones must match). */
export interface AuditFilter {
  actions?: readonly string[];
  actor?: string;
  channelId?: string;
  jobId?: string;
  /** Inclusive. */
  from?: string;
  /** Exclusive. */
  to?: string;
}

/** Whether `event` passes `filter`; instants are compared as instants, whatever their offset. */
export function matchesAuditFilter(event: AuditEvent, filter: AuditFilter): boolean {
  if (filter.actions && filter.actions.length > 0 && !filter.actions.includes(event.action)) return false;
  if (filter.actor !== undefined && actorKey(event.actor) !== filter.actor) return false;
  if (filter.channelId !== undefined && !event.channelIds.includes(filter.channelId)) return false;
  if (filter.jobId !== undefined && event.jobId !== filter.jobId) return false;
  const at = Date.parse(event.occurredAt);
  if (filter.from !== undefined && at < Date.parse(filter.from)) return false;
  if (filter.to !== undefined && at >= Date.parse(filter.to)) return false;
  return true;
}

/** The events appended since the last `takeChanges()`: the log from index `from` on. */
export interface AuditChanges {
  from: number;
  events: AuditEvent[];
}

export class AuditLog {
  /** How many events `takeChanges()` has handed out; the log is append-only, so the rest are new. */
  private taken: number;

  /**
   * `events` is the log itself, oldest first, appended to in place. `nextId` and `now` give each
   * new event its id and time.
   */
  constructor(
    readonly events: AuditEvent[],
    private readonly nextId: () => string,
    private readonly now: () => string,
  ) {
    this.taken = events.length;
  }

  record(event: Partial<AuditEvent> & Pick<AuditEvent, 'action' | 'actor'>): AuditEvent {
    const full = auditEvent({ id: this.nextId(), occurredAt: this.now(), ...event });
    this.events.push(full);
    return full;
  }

  /** One event per destination changed, with the facts of its first record. */
  recordConsentEvents(contact: Contact | null, written: readonly ConsentRecord[], action: 'unsubscribed' | 'resubscribed', actor: Actor, note: string | null, extra: Partial<AuditEvent> = {}) {
    const byDestination = new Map<string, ConsentRecord[]>();
    for (const record of written) {
      const records = byDestination.get(record.destination);
      if (records) records.push(record);
      else byDestination.set(record.destination, [record]);
    }
    for (const [destination, records] of byDestination) {
      const first = records[0] as ConsentRecord;
      this.record({
        action,
        actor,
        contactId: contact?.id ?? null,
        destination,
        channelIds: records.map((r) => r.channelId),
        source: first.source,
        scope: first.scope ?? null,
        keyword: first.keyword ?? null,
        note,
        jobId: first.jobId ?? null,
        ...extra,
      });
    }
  }

  /** Newest first. */
  newestFirst(): AuditEvent[] {
    return [...this.events].reverse();
  }

  /**
   * The events of any of `contactIds` or any of `destinations`, newest first: consent belongs to
   * destinations, so a STOP from a number before its contact existed is part of its history too.
   */
  historyOf(contactIds: ReadonlySet<string>, destinations: ReadonlySet<string>): AuditEvent[] {
    return this.events.filter((e) => (e.contactId !== null && contactIds.has(e.contactId)) || (e.destination !== null && destinations.has(e.destination))).reverse();
  }

  /** The events appended since the last call (or since the log was loaded). */
  takeChanges(): AuditChanges | undefined {
    if (this.taken === this.events.length) return undefined;
    const changes = { from: this.taken, events: this.events.slice(this.taken) };
    this.taken = this.events.length;
    return changes;
  }
}
