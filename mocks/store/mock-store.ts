// The mock backend's state and the domain operations on it. Every rule comes from
// src/engine/; this file only stores, indexes and records.
import {
  can,
  canResubscribe,
  consentRecordsFor,
  contactStanding,
  destinationKindFor,
  eligibility,
  keepsStandingOptOut,
  matchesStatusFilter,
  mergeContacts,
  permissionsFor,
  type Channel,
  type ConsentLookup,
  type ConsentRecord,
  type ConsentSource,
  type Contact,
  type ContactStanding,
  type Eligibility,
  type Permission,
} from '../../src/engine/index.js';
import { auditEvent } from './audit-event.js';
import { ProblemError, invalid } from './problems.js';
import type { AuditEvent, ContactFilter, MockDatabase, MockUser, ReviewItem } from './types.js';

export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

export interface ContactSummary {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  status: ContactStanding['status'];
  blocked: boolean;
  unsubscribedChannelCount: number;
  tags: string[];
  locationIds: string[];
}

export interface ChannelEligibility extends Eligibility {
  channelId: string;
}

export interface ContactDetail {
  contact: Contact;
  eligibility: ChannelEligibility[];
  consent: ConsentRecord[];
  pendingReviews: ReviewItem[];
}

export const MAX_PAGE = 200;

/**
 * Opaque cursors: an offset and a fingerprint of the query that produced it, so a cursor used
 * with another query (other filters, another contact) is refused instead of paging nonsense.
 */
export function encodeCursor(offset: number, query = ''): string {
  return btoa(`o:${offset}:${fingerprint(query)}`);
}

export function decodeCursor(cursor: string | null | undefined, query = ''): number {
  if (!cursor) return 0;
  let match: RegExpExecArray | null = null;
  try {
    match = /^o:(\d+):([0-9a-z]+)$/.exec(atob(cursor));
  } catch {
    // not base64: reported below
  }
  if (!match) throw invalid('cursor', 'is not a cursor this server issued');
  if (match[2] !== fingerprint(query)) throw invalid('cursor', 'belongs to another query: start again from the first page');
  return Number(match[1]);
}

/** FNV-1a, enough to tell queries apart in a cursor. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** One page of `all`; `query` identifies the list and its filters (see `encodeCursor`). */
export function pageOf<T>(all: readonly T[], cursor: string | null | undefined, limit = 50, query = ''): Page<T> {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw invalid('limit', `must be an integer from 1 to ${MAX_PAGE}`);
  const offset = decodeCursor(cursor, query);
  const items = all.slice(offset, offset + limit);
  return { items, total: all.length, nextCursor: offset + limit < all.length ? encodeCursor(offset + limit, query) : null };
}

/** Case- and accent-insensitive form for search, as the contract's `query` promises: "Côté" → "cote". */
function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A contact with what the list filters read, kept side by side so a filter scans an array. */
interface ContactRow {
  readonly id: string;
  contact: Contact;
  /** Name, emails and phone digits (after \u0001), one per line, as `searchable()` folds them. */
  searchKey: string;
  // Copied from the contact: rows all have one shape, contacts from storage may not, and a
  // filter over 100,000 of them is only fast on one shape.
  locationIds: readonly string[];
  tags: readonly string[];
  hasPhone: boolean;
  hasEmail: boolean;
  /** Cached until the contact's consent, destinations or block change. */
  standing: ContactStanding | undefined;
  /** Standings on single channels (the status filter with a channel), cached the same way. */
  byChannel?: Map<string, ContactStanding> | undefined;
}

/** In-memory backend state with the indexes the list and bulk endpoints need. */
export class MockStore {
  /** Called after every change (persistence hooks in here). */
  onChange: (() => void) | undefined;
  /** The clock; tests may replace it. */
  now: () => number = () => Date.now();

  readonly channelsById: Map<string, Channel>;
  /** Each contact with what the list filters read, so a filter scans an array, not maps. */
  private readonly rows = new Map<string, ContactRow>();
  /** The rows in list order. */
  private list: ContactRow[] = [];
  private readonly consent = new Map<string, Map<string, ConsentRecord>>();
  private readonly contactsByDestination = new Map<string, Set<string>>();
  /** The bearer token's user of the request being handled, if it named one (see `actingAs`). */
  private acting: string | null = null;
  private turn: Promise<void> = Promise.resolve();
  /** Merged-away contact id → the contact it lives on in, so its history stays reachable. */
  private readonly aliases = new Map<string, string>();
  readonly lookup: ConsentLookup = (destination, channelId) => this.consent.get(destination)?.get(channelId);

  constructor(readonly db: MockDatabase) {
    this.channelsById = new Map(db.organization.channels.map((c) => [c.id, c]));
    for (const contact of db.contacts) this.indexContact(contact);
    this.list = db.contacts.map((c) => this.row(c.id));
    for (const record of db.consent) this.putConsent(record);
    // From here on the indexes are the truth; `snapshot()` writes these back when saving. Emptied
    // so that nothing reads a stale copy.
    db.contacts = [];
    db.consent = [];
    for (const event of db.audit) {
      const source = event.details['sourceContactId'];
      if (event.action === 'merged' && typeof source === 'string' && event.contactId) this.aliases.set(source, event.contactId);
    }
    for (const row of this.list) this.standingOf(row);
  }

  get channels(): Channel[] {
    return this.db.organization.channels;
  }

  // ---- identity and permissions ----

  /** The caller of the request being handled: its bearer token's user, else the session's. */
  currentUser(): MockUser {
    const id = this.acting ?? this.db.currentUserId;
    const user = this.db.users.find((u) => u.id === id);
    if (!user) throw new ProblemError('unauthenticated', 'No user is signed in.');
    return user;
  }

  /**
   * Who a request comes from. `Authorization: Bearer mock:<userId>` names a user for that request
   * alone (how the host's messaging integration calls, with its own credential); without it, the
   * signed-in session's user. Throws 401 for a token naming nobody, or when nobody is signed in.
   */
  callerOf(authorization: string | null): MockUser {
    const token = /^Bearer mock:(.+)$/.exec(authorization ?? '')?.[1];
    if (token === undefined) return this.currentUser();
    const user = this.db.users.find((u) => u.id === token);
    if (!user) throw new ProblemError('unauthenticated', 'This token names no user.');
    return user;
  }

  /**
   * Runs one request's work as `userId` (null: the session's user). Requests are handled one at a
   * time, like transactions, so the caller of one is never seen by another.
   */
  actingAs<T>(userId: string | null, work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(async () => {
      this.acting = userId;
      try {
        return await work();
      } finally {
        this.acting = null;
      }
    });
    this.turn = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Throws 403 unless the current user's role grants `permission`, whatever the UI showed. */
  authorize(permission: Permission): MockUser {
    const user = this.currentUser();
    if (!can(user.role, permission)) {
      throw new ProblemError('forbidden', `Your role (${user.role}) does not allow ${permission}.`);
    }
    return user;
  }

  me() {
    const user = this.currentUser();
    return { user: { id: user.id, name: user.name, email: user.email }, role: user.role, permissions: [...permissionsFor(user.role)] };
  }

  /** Signs in as `userId`, or signs out with `null` (every API call then answers 401). */
  switchUser(userId: string | null) {
    if (userId !== null && !this.db.users.some((u) => u.id === userId)) throw invalid('userId', `no user ${userId}`);
    this.db.currentUserId = userId;
    this.changed();
  }

  nextId(prefix: string): string {
    return `${prefix}-${(this.db.nextId++).toString(36).padStart(5, '0')}`;
  }

  iso(): string {
    return new Date(this.now()).toISOString();
  }

  changed() {
    this.onChange?.();
  }

  // ---- contacts ----

  contact(id: string): Contact {
    return this.row(id).contact;
  }

  private row(id: string): ContactRow {
    const row = this.rows.get(id);
    if (!row) throw new ProblemError('not-found', `No contact ${id}.`);
    return row;
  }

  /** How many contacts exist now. */
  contactCount(): number {
    return this.list.length;
  }

  hasContact(id: string): boolean {
    return this.rows.has(id);
  }

  channel(id: string, field = 'channelId'): Channel {
    const channel = this.channelsById.get(id);
    if (!channel) throw invalid(field, `no channel ${id}`);
    return channel;
  }

  standing(id: string): ContactStanding {
    return this.standingOf(this.row(id));
  }

  /** The contact's standing, computed by the engine and cached until its consent changes. */
  private standingOf(row: ContactRow): ContactStanding {
    return (row.standing ??= contactStanding(row.contact, this.channels, this.lookup));
  }

  /** The contact's standing on one channel alone, cached like `standingOf`. */
  private standingOn(row: ContactRow, channel: Channel): ContactStanding {
    row.byChannel ??= new Map();
    let standing = row.byChannel.get(channel.id);
    if (!standing) row.byChannel.set(channel.id, (standing = contactStanding(row.contact, [channel], this.lookup)));
    return standing;
  }

  /** Forgets a cached standing: the contact's consent or block changed. */
  private invalidate(id: string) {
    const row = this.rows.get(id);
    if (row) {
      row.standing = undefined;
      row.byChannel = undefined;
    }
  }

  summary(id: string): ContactSummary {
    const contact = this.contact(id);
    const standing = this.standing(id);
    return {
      id,
      name: contact.name,
      phone: contact.destinations.find((d) => d.kind === 'phone')?.value ?? null,
      email: contact.destinations.find((d) => d.kind === 'email')?.value ?? null,
      status: standing.status,
      blocked: contact.blocked !== null,
      unsubscribedChannelCount: standing.unsubscribedChannelIds.length,
      tags: contact.tags,
      locationIds: contact.locationIds,
    };
  }

  detail(id: string): ContactDetail {
    const contact = this.contact(id);
    const destinations = new Set(contact.destinations.map((d) => d.value));
    const consent: ConsentRecord[] = [];
    for (const value of destinations) consent.push(...(this.consent.get(value)?.values() ?? []));
    return {
      contact,
      eligibility: this.channels.map((channel) => ({ channelId: channel.id, ...eligibility(contact, channel, this.lookup) })),
      consent,
      pendingReviews: this.db.reviews.filter((r) => r.status === 'pending' && (r.contactId === id || destinations.has(r.destination))),
    };
  }

  /** Ids of contacts matching `filter`, in list order. */
  matching(filter: ContactFilter): string[] {
    const predicate = this.predicate(filter);
    const ids: string[] = [];
    for (const row of this.list) if (predicate(row)) ids.push(row.id);
    return ids;
  }

  listContacts(filter: ContactFilter, cursor?: string | null, limit?: number): Page<ContactSummary> {
    const { query, locationId, channelId, status, tag } = filter;
    const page = pageOf(this.matching(filter), cursor, limit, JSON.stringify(['contacts', query, locationId, channelId, status, tag]));
    return { ...page, items: page.items.map((id) => this.summary(id)) };
  }

  private predicate(filter: ContactFilter): (row: ContactRow) => boolean {
    const tests: ((row: ContactRow) => boolean)[] = [];
    const query = filter.query ? searchable(filter.query.trim()) : '';
    if (query) {
      const digits = query.replace(/\D/g, '');
      // A query that is mostly a phone number matches on digits, whatever the formatting.
      const byDigits = digits.length >= 3 && digits.length >= query.replace(/[\s()+.-]/g, '').length;
      const needle = byDigits ? digits : query;
      tests.push((row) => row.searchKey.includes(needle));
    }
    if (filter.locationId) {
      const locationId = filter.locationId;
      tests.push((row) => row.locationIds.includes(locationId));
    }
    if (filter.tag) {
      const tag = filter.tag;
      tests.push((row) => row.tags.includes(tag));
    }
    const channel = filter.channelId ? this.channel(filter.channelId) : undefined;
    if (channel) {
      const phone = destinationKindFor(channel.type) === 'phone';
      tests.push((row) => (phone ? row.hasPhone : row.hasEmail));
    }
    if (filter.status) {
      const status = filter.status;
      // With a channel, the status is computed on that channel alone.
      tests.push((row) => matchesStatusFilter((channel ? this.standingOn(row, channel) : this.standingOf(row)).status, status));
    }
    if (tests.length === 1) return tests[0] as (row: ContactRow) => boolean;
    return (row) => tests.every((test) => test(row));
  }

  // ---- consent ----

  currentConsent(destination: string, channelId: string): ConsentRecord | undefined {
    return this.lookup(destination, channelId);
  }

  /** Writes consent records and invalidates what depends on them. */
  writeConsent(records: readonly ConsentRecord[]) {
    for (const record of records) this.putConsent(record);
  }

  /** Removes the record of a pair, so it reads as "never changed" (subscribed by default). */
  clearConsent(destination: string, channelId: string) {
    this.consent.get(destination)?.delete(channelId);
    this.invalidateDestination(destination);
  }

  private putConsent(record: ConsentRecord) {
    let byChannel = this.consent.get(record.destination);
    if (!byChannel) this.consent.set(record.destination, (byChannel = new Map()));
    byChannel.set(record.channelId, record);
    this.invalidateDestination(record.destination);
  }

  private invalidateDestination(destination: string) {
    for (const id of this.contactsByDestination.get(destination) ?? []) this.invalidate(id);
  }

  /** The destinations of `contact` a channel delivers to (valid or not: an opt-out covers them all). */
  destinationsFor(contact: Contact, channel: Channel): string[] {
    const kind = destinationKindFor(channel.type);
    return contact.destinations.filter((d) => d.kind === kind).map((d) => d.value);
  }

  /** The valid destinations of `contact` a channel delivers to: what a bulk job counts and changes. */
  reachableDestinationsFor(contact: Contact, channel: Channel): string[] {
    const kind = destinationKindFor(channel.type);
    return contact.destinations.filter((d) => d.kind === kind && d.valid).map((d) => d.value);
  }

  /** Unsubscribes every destination of the contact on `channelIds`; returns the records written. */
  optOut(contact: Contact, channelIds: readonly string[], change: { source: ConsentSource; actor: string; note?: string; jobId?: string }) {
    const written: ConsentRecord[] = [];
    const at = this.iso();
    for (const channelId of channelIds) {
      const channel = this.channel(channelId, 'channelIds');
      for (const destination of this.destinationsFor(contact, channel)) {
        // The earliest opt-out stands, unless a bulk job could take it away with an undo.
        if (keepsStandingOptOut(this.lookup(destination, channelId), change.source)) continue;
        written.push(...consentRecordsFor({ destination, channelIds: [channelId], status: 'unsubscribed', at, ...change }));
      }
    }
    this.writeConsent(written);
    return written;
  }

  unsubscribe(id: string, input: { channelIds?: string[]; note?: string }): ContactDetail {
    const user = this.authorize('contact:unsubscribe');
    const contact = this.contact(id);
    const channelIds = input.channelIds ?? this.channels.map((c) => c.id);
    const written = this.optOut(contact, channelIds, { source: 'agent', actor: user.id, ...(input.note ? { note: input.note } : {}) });
    this.recordConsentEvents(contact, written, 'unsubscribed', user.id, input.note ?? null);
    this.changed();
    return this.detail(id);
  }

  resubscribe(id: string, input: { channelIds: string[]; note?: string }): ContactDetail {
    const user = this.authorize('contact:resubscribe');
    const contact = this.contact(id);
    const note = input.note?.trim() ?? '';
    if (!note) throw new ProblemError('note-required', 'Re-subscribing needs a written note of the consent the contact gave.', [{ field: 'note', message: 'is required' }]);
    const at = this.iso();
    const written: ConsentRecord[] = [];
    for (const channelId of input.channelIds) {
      const channel = this.channel(channelId, 'channelIds');
      for (const destination of this.destinationsFor(contact, channel)) {
        const decision = canResubscribe(this.lookup(destination, channelId), { kind: 'agent', note });
        if (!decision.allowed) continue;
        written.push(...consentRecordsFor({ destination, channelIds: [channelId], status: 'subscribed', at, source: 'agent', actor: user.id, note }));
      }
    }
    this.writeConsent(written);
    this.recordConsentEvents(contact, written, 'resubscribed', user.id, note);
    this.changed();
    return this.detail(id);
  }

  block(id: string, input: { reason?: string }): ContactDetail {
    const user = this.authorize('contact:block');
    const contact = this.contact(id);
    if (!contact.blocked) {
      contact.blocked = { by: user.id, at: this.iso(), ...(input.reason ? { reason: input.reason } : {}) };
      this.invalidate(id);
      this.audit({ action: 'blocked', actor: user.id, contactId: id, note: input.reason ?? null });
      this.changed();
    }
    return this.detail(id);
  }

  unblock(id: string): ContactDetail {
    const user = this.authorize('contact:unblock');
    const contact = this.contact(id);
    if (contact.blocked) {
      // Unblocking restores nothing else: opt-outs stay as they are.
      contact.blocked = null;
      this.invalidate(id);
      this.audit({ action: 'unblocked', actor: user.id, contactId: id });
      this.changed();
    }
    return this.detail(id);
  }

  merge(id: string, sourceContactId: string): ContactDetail {
    const user = this.authorize('contact:merge');
    if (sourceContactId === id) throw new ProblemError('conflict', 'A contact cannot be merged into itself.');
    const target = this.contact(id);
    // The path names the resource (404); the body's id is input (400 naming the field).
    if (!this.hasContact(sourceContactId)) throw invalid('sourceContactId', `no contact ${sourceContactId}`);
    const source = this.contact(sourceContactId);
    // Consent lives on destinations, so every opt-out of either side carries over by itself.
    const merged = mergeContacts(target, source);
    this.removeContact(sourceContactId);
    this.unindexContact(target);
    Object.assign(target, merged);
    this.indexContact(target);
    this.aliases.set(sourceContactId, id);
    for (const [alias, into] of this.aliases) if (into === sourceContactId) this.aliases.set(alias, id);
    this.audit({ action: 'merged', actor: user.id, contactId: id, details: { sourceContactId } });
    this.changed();
    return this.detail(id);
  }

  deleteContact(id: string) {
    const user = this.authorize('contact:delete');
    this.contact(id);
    // Consent records are keyed by destination and stay: a re-import must not undo a STOP.
    this.removeContact(id);
    this.audit({ action: 'deleted', actor: user.id, contactId: id });
    this.changed();
  }

  addToSequence(id: string, sequenceId: string) {
    const user = this.authorize('contact:add-to-sequence');
    const contact = this.contact(id);
    const sequence = this.db.organization.sequences.find((s) => s.id === sequenceId);
    if (!sequence) throw invalid('sequenceId', `no sequence ${String(sequenceId)}`);
    if (this.db.enrollments.some((e) => e.contactId === id && e.sequenceId === sequenceId)) {
      throw new ProblemError('conflict', `${contact.name} is already in ${sequence.name}.`);
    }
    const warnings = sequence.steps.flatMap((step) => {
      const result = eligibility(contact, this.channel(step.channelId), this.lookup);
      return result.canMessage ? [] : [{ stepIndex: step.index, channelId: step.channelId, reasons: result.reasons }];
    });
    const enrollment = { id: this.nextId('enr'), contactId: id, sequenceId, at: this.iso(), by: user.id };
    this.db.enrollments.push(enrollment);
    this.audit({ action: 'sequence-enrolled', actor: user.id, contactId: id, details: { sequenceId, warnings: warnings.length } });
    this.changed();
    return { enrollmentId: enrollment.id, sequenceId, contactId: id, warnings };
  }

  consentHistory(id: string, cursor?: string | null, limit?: number): Page<AuditEvent> {
    this.authorize('contact:view');
    const canonical = this.aliases.get(id) ?? id;
    const ids = new Set([canonical, ...[...this.aliases].filter(([, into]) => into === canonical).map(([alias]) => alias)]);
    // Consent belongs to destinations: a STOP from this number before the contact existed, or
    // under a contact since deleted, is part of this contact's history too.
    const destinations = new Set(this.contact(canonical).destinations.map((d) => d.value));
    const events = this.db.audit.filter((e) => (e.contactId !== null && ids.has(e.contactId)) || (e.destination !== null && destinations.has(e.destination))).reverse();
    return pageOf(events, cursor, limit, `history:${canonical}`);
  }

  listAudit(cursor?: string | null, limit?: number): Page<AuditEvent> {
    this.authorize('audit:view');
    return pageOf([...this.db.audit].reverse(), cursor, limit, 'audit');
  }

  /** Contacts whose destinations include `value`. */
  contactsWithDestination(value: string): Contact[] {
    return [...(this.contactsByDestination.get(value) ?? [])].map((id) => this.contact(id));
  }

  // ---- audit ----

  audit(event: Partial<AuditEvent> & Pick<AuditEvent, 'action' | 'actor'>): AuditEvent {
    const full = auditEvent({ id: this.nextId('ev'), at: this.iso(), ...event });
    this.db.audit.push(full);
    return full;
  }

  /** One audit event per destination changed. */
  recordConsentEvents(contact: Contact | null, written: readonly ConsentRecord[], action: 'unsubscribed' | 'resubscribed', actor: string, note: string | null, extra: Partial<AuditEvent> = {}) {
    const byDestination = new Map<string, ConsentRecord[]>();
    for (const record of written) byDestination.set(record.destination, [...(byDestination.get(record.destination) ?? []), record]);
    for (const [destination, records] of byDestination) {
      const first = records[0] as ConsentRecord;
      this.audit({
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

  // ---- snapshot ----

  /** The whole state as plain data (for IndexedDB). */
  snapshot(): MockDatabase {
    return {
      ...this.db,
      contacts: this.list.map((row) => row.contact),
      consent: [...this.consent.values()].flatMap((m) => [...m.values()]),
    };
  }

  // ---- indexes ----

  /** Adds or refreshes the contact's row (same row object, so its place in the list stays). */
  private indexContact(contact: Contact) {
    const phones = contact.destinations.filter((d) => d.kind === 'phone').map((d) => `\u0001${d.value.replace(/\D/g, '')}`);
    const emails = contact.destinations.filter((d) => d.kind === 'email').map((d) => d.value.toLowerCase());
    const searchKey = searchable([contact.name, ...phones, ...emails].join('\n'));
    const fields = {
      contact,
      searchKey,
      locationIds: [...contact.locationIds],
      tags: [...contact.tags],
      hasPhone: phones.length > 0,
      hasEmail: emails.length > 0,
      standing: undefined,
      byChannel: undefined,
    };
    const row = this.rows.get(contact.id);
    if (row) Object.assign(row, fields);
    else this.rows.set(contact.id, { id: contact.id, ...fields });
    for (const d of contact.destinations) {
      let ids = this.contactsByDestination.get(d.value);
      if (!ids) this.contactsByDestination.set(d.value, (ids = new Set()));
      ids.add(contact.id);
    }
  }

  private unindexContact(contact: Contact) {
    for (const d of contact.destinations) this.contactsByDestination.get(d.value)?.delete(contact.id);
    this.invalidate(contact.id);
  }

  private removeContact(id: string) {
    const contact = this.contact(id);
    this.unindexContact(contact);
    this.rows.delete(id);
    this.list = this.list.filter((row) => row.id !== id);
  }
}
