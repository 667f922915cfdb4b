// The mock backend's state, and the operations the handlers, mocks/store/messaging.ts and
// bulk-jobs.ts call, as one facade over its parts: contacts.ts (the contacts and their indexes),
// consent.ts (consent records), audit.ts (the audit log), session.ts (who is calling) and
// paging.ts (pages and cursors). Every rule comes from src/engine/; the parts store, index and
// record, and this file only puts them together.
import {
  type Actor,
  CONTACT_STATUSES,
  destinationKey,
  destinationsOn,
  exclusionChange,
  exclusionNoteDecision,
  normalizeExclusions,
  permissionsForExclusionChange,
  eligibility,
  mergeConsent,
  mergeContacts,
  reachableDestinations,
  type Channel,
  type ChannelType,
  type ConsentLookup,
  type ConsentRecord,
  type ConsentSource,
  type Contact,
  type ContactStanding,
  type Eligibility,
  type Permission,
} from '../../src/engine/index.js';
import { AuditLog, matchesAuditFilter, type AuditFilter } from './audit.js';
import { RecordTracker, isEmpty, type DatabaseChanges } from './changes.js';
import { ConsentLedger, type AppliedConsentRecord } from './consent.js';
import { ContactDirectory, type ContactSummary } from './contacts.js';
import { pageOf, type Page } from './paging.js';
import { ProblemError, UnprocessableError, invalid } from './problems.js';
import { Session, actorOf } from './session.js';
import type { AuditEvent, ContactFilter, Enrollment, MockDatabase, MockUser, ReviewItem } from './types.js';
import type { SequenceEnrollment as SequenceEnrollmentView } from '../../src/client/types.js';

export { MAX_PAGE, decodeCursor, encodeCursor, pageOf, type Page } from './paging.js';
export type { ContactSummary } from './contacts.js';

/** The orders of `GET /contacts` (`sort`). */
export type ContactSort = 'name' | '-name' | 'status' | '-status' | 'lastActivity' | '-lastActivity';

export interface ChannelEligibility extends Eligibility {
  channelId: string;
}

export interface ContactDetail {
  contact: Contact;
  eligibility: ChannelEligibility[];
  consent: AppliedConsentRecord[];
  pendingReviews: ReviewItem[];
}

/** In-memory backend state with the indexes the list and bulk endpoints need. */
export class MockStore {
  /** Called after every change (persistence hooks in here). */
  onChange: (() => void) | undefined;
  /** The clock; tests may replace it. */
  now: () => number = () => Date.now();

  readonly channelsById: Map<string, Channel>;
  readonly lookup: ConsentLookup;
  private readonly session: Session;
  private readonly contacts: ContactDirectory;
  private readonly consent: ConsentLedger;
  private readonly log: AuditLog;
  /** Present when the store keeps what changed (`takeChanges()`). */
  private readonly records: RecordTracker | undefined;
  private clock = { at: Number.NaN, iso: '' };

  /**
   * Holds `db` (which it empties of contacts and consent: its parts hold them from now on).
   * `trackChanges` keeps what changes for `takeChanges()`, which an incremental save needs;
   * without it nothing is kept (Node tests, benchmarks).
   */
  constructor(
    readonly db: MockDatabase,
    options: { trackChanges?: boolean } = {},
  ) {
    const tracking = options.trackChanges ?? false;
    this.channelsById = new Map(db.organization.channels.map((c) => [c.id, c]));
    this.session = new Session(db);
    this.consent = new ConsentLedger(db.consent, () => this.now(), tracking);
    this.lookup = this.consent.lookup;
    this.contacts = new ContactDirectory(db.contacts, () => this.channels, this.lookup, (id) => this.channel(id), (destination) => this.consent.has(destination), tracking);
    this.consent.onChange = (destination) => this.contacts.invalidateDestination(destination);
    this.log = new AuditLog(db.audit, () => this.nextId('ev'), () => this.iso());
    for (const event of db.audit) {
      const source = event.details['sourceContactId'];
      if (event.action === 'merged' && typeof source === 'string' && event.contactId) this.contacts.alias(source, event.contactId);
    }
    // From here on the parts are the truth; `snapshot()` writes them back when saving. Emptied
    // so that nothing reads a stale copy.
    db.contacts = [];
    db.consent = [];
    this.records = tracking ? new RecordTracker(db) : undefined;
  }

  get channels(): Channel[] {
    return this.db.organization.channels;
  }

  // ---- identity and permissions (session.ts) ----

  /** The caller of the request being handled: its bearer token's user, else the session's. */
  currentUser(): MockUser {
    return this.session.currentUser();
  }

  /** Who a request comes from (see `Session.callerOf`); throws 401 when nobody. */
  callerOf(authorization: string | null): MockUser {
    return this.session.callerOf(authorization);
  }

  /** Runs one request's work as `userId` (null: the session's user), one request at a time. */
  actingAs<T>(userId: string | null, work: () => Promise<T>): Promise<T> {
    return this.session.actingAs(userId, work);
  }

  /** Throws 403 unless the current user's role grants `permission`, whatever the UI showed. */
  authorize(permission: Permission): MockUser {
    return this.session.authorize(permission);
  }

  me() {
    return this.session.me();
  }

  /** Signs in as `userId`, or signs out with `null` (every API call then answers 401). */
  switchUser(userId: string | null) {
    this.session.switchUser(userId);
    this.changed();
  }

  nextId(prefix: string): string {
    return `${prefix}-${(this.db.nextId++).toString(36).padStart(5, '0')}`;
  }

  iso(): string {
    // Bulk jobs ask for the time per record: within one millisecond the text is the same.
    const at = this.now();
    if (at !== this.clock.at) this.clock = { at, iso: new Date(at).toISOString() };
    return this.clock.iso;
  }

  changed() {
    this.onChange?.();
  }

  // ---- contacts (contacts.ts) ----

  contact(id: string): Contact {
    return this.contacts.get(id);
  }

  /** How many contacts exist now. */
  contactCount(): number {
    return this.contacts.count();
  }

  hasContact(id: string): boolean {
    return this.contacts.has(id);
  }

  channel(id: string, field = 'channelId'): Channel {
    const channel = this.channelsById.get(id);
    if (!channel) throw invalid(field, `no channel ${id}`);
    return channel;
  }

  standing(id: string): ContactStanding {
    return this.contacts.standing(id);
  }

  summary(id: string): ContactSummary {
    return this.contacts.summary(id);
  }

  detail(id: string): ContactDetail {
    const contact = this.contact(id);
    const destinations = new Set(contact.destinations.map((d) => d.value));
    return {
      contact,
      eligibility: this.channels.map((channel) => ({ channelId: channel.id, ...eligibility(contact, channel, this.lookup) })),
      consent: this.consent.recordsOf(destinations, this.channels),
      pendingReviews: this.db.reviews.filter((r) => r.status === 'pending' && (r.contactId === id || destinations.has(r.destination))),
    };
  }

  /** Ids of contacts matching `filter`, in list order. */
  matching(filter: ContactFilter): string[] {
    return this.contacts.matching(filter);
  }

  listContacts(filter: ContactFilter, cursor?: string | null, limit?: number, sort: ContactSort = 'name'): Page<ContactSummary> {
    const { query, locationId, channelId, status, tag, channelType } = filter;
    const page = pageOf(this.sorted(this.matching(filter), sort), cursor, limit, JSON.stringify(['contacts', query, locationId, channelId, status, tag, sort, channelType]));
    return { ...page, items: page.items.map((id) => this.summary(id)) };
  }

  /**
   * `ids` (in list order: by name, then id) in the order `sort` asks for. Ties keep list order, so
   * every order is total and a cursor never repeats or skips a contact.
   */
  private sorted(ids: string[], sort: ContactSort): string[] {
    if (sort === 'name') return ids;
    if (sort === '-name') return [...ids].reverse();
    if (sort === 'lastActivity' || sort === '-lastActivity') {
      const direction = sort === 'lastActivity' ? 1 : -1;
      const keyed = ids.map((id, position) => {
        const at = this.contacts.lastActivityAt(id);
        return { id, position, at: at === null ? null : Date.parse(at) };
      });
      // Contacts with no consent change at all come last either way: they have no activity to order by.
      keyed.sort((a, b) => (a.at === null ? (b.at === null ? 0 : 1) : b.at === null ? -1 : direction * (a.at - b.at)) || a.position - b.position);
      return keyed.map((k) => k.id);
    }
    const rank = new Map(CONTACT_STATUSES.map((s, i) => [s, i]));
    const direction = sort === 'status' ? 1 : -1;
    const keyed = ids.map((id, position) => ({ id, position, status: rank.get(this.standing(id).status) ?? CONTACT_STATUSES.length }));
    keyed.sort((a, b) => direction * (a.status - b.status) || a.position - b.position);
    return keyed.map((k) => k.id);
  }

  /**
   * Builds now the indexes and caches otherwise built by the first request that needs them, so
   * that it does not wait (the browser mock calls this once the page is idle).
   */
  prepare() {
    this.contacts.prepare();
  }

  /** Contacts whose destinations include `value`. */
  contactsWithDestination(value: string): Contact[] {
    return this.contacts.withDestination(value);
  }

  block(id: string, input: { reason?: string }): ContactDetail {
    const user = this.authorize('contact:block');
    const contact = this.contact(id);
    if (!contact.blocked) {
      contact.blocked = { blockedBy: actorOf(user), blockedAt: this.iso(), reason: input.reason ? input.reason : null };
      this.contacts.touched(id);
      this.audit({ action: 'blocked', actor: actorOf(user), contactId: id, note: input.reason ?? null });
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
      this.contacts.touched(id);
      this.audit({ action: 'unblocked', actor: actorOf(user), contactId: id });
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
    // The engine decides what the merged contact keeps, its consent included. Consent lives on
    // destinations, which the merged contact all keeps, so today every record it keeps is already
    // the current one; whatever the rule keeps otherwise is written.
    const kept = mergeConsent(this.consentOf(target), this.consentOf(source));
    const merged = mergeContacts(target, source);
    this.contacts.remove(sourceContactId);
    this.contacts.replace(id, merged);
    this.writeConsent(kept.filter((record) => this.lookup(record.destination, record.channelId) !== record));
    this.contacts.alias(sourceContactId, id);
    this.audit({ action: 'merged', actor: actorOf(user), contactId: id, details: { sourceContactId } });
    this.changed();
    return this.detail(id);
  }

  deleteContact(id: string) {
    const user = this.authorize('contact:delete');
    this.contact(id);
    // Consent records are keyed by destination and stay: a re-import must not undo a STOP.
    this.contacts.remove(id);
    this.audit({ action: 'deleted', actor: actorOf(user), contactId: id });
    this.changed();
  }

  addToSequence(id: string, sequenceId: string) {
    const user = this.authorize('contact:add-to-sequence');
    const contact = this.contact(id);
    const sequence = this.db.organization.sequences.find((s) => s.id === sequenceId);
    if (!sequence) throw invalid('sequenceId', `no sequence ${String(sequenceId)}`);
    // Contacts merged into this one count: their enrollments are this contact's now.
    const ids = this.contacts.idsOf(this.contacts.canonical(id));
    if (this.db.enrollments.some((e) => ids.has(e.contactId) && e.sequenceId === sequenceId)) {
      throw new ProblemError('conflict', `${contact.name} is already in ${sequence.name}.`);
    }
    const enrollment = { id: this.nextId('enr'), contactId: id, sequenceId, at: this.iso(), by: user.id };
    const answer = this.enrollmentView(enrollment);
    this.db.enrollments.push(enrollment);
    this.audit({ action: 'sequence-enrolled', actor: actorOf(user), contactId: id, details: { sequenceId, warnings: answer.warnings.length } });
    this.changed();
    return answer;
  }

  /** The contact's enrollments (its own and those of contacts merged into it), newest first. */
  listEnrollments(id: string, cursor?: string | null, limit?: number): Page<SequenceEnrollmentView> {
    this.authorize('contact:view');
    const canonical = this.contacts.canonical(id);
    this.contact(canonical);
    const ids = this.contacts.idsOf(canonical);
    const mine = this.db.enrollments.filter((e) => ids.has(e.contactId)).reverse();
    const page = pageOf(mine, cursor, limit, `enrollments:${canonical}`);
    return { ...page, items: page.items.map((e) => this.enrollmentView(e)) };
  }

  /** One enrollment of the contact; 404 when it is another contact's or unknown. */
  getEnrollment(id: string, enrollmentId: string): SequenceEnrollmentView {
    this.authorize('contact:view');
    const canonical = this.contacts.canonical(id);
    this.contact(canonical);
    const ids = this.contacts.idsOf(canonical);
    const enrollment = this.db.enrollments.find((e) => e.id === enrollmentId && ids.has(e.contactId));
    if (!enrollment) throw new ProblemError('not-found', `No enrollment ${enrollmentId} of contact ${id}.`);
    return this.enrollmentView(enrollment);
  }

  /** An enrollment as the contract shows it: its steps' warnings as the engine sees them now. */
  private enrollmentView(enrollment: Enrollment): SequenceEnrollmentView {
    const contactId = this.contacts.canonical(enrollment.contactId);
    const contact = this.contact(contactId);
    const sequence = this.db.organization.sequences.find((s) => s.id === enrollment.sequenceId);
    const warnings = (sequence?.steps ?? []).flatMap((step) => {
      const result = eligibility(contact, this.channel(step.channelId), this.lookup);
      return result.canMessage ? [] : [{ stepIndex: step.index, channelId: step.channelId, reasons: result.reasons }];
    });
    return { id: enrollment.id, sequenceId: enrollment.sequenceId, contactId, enrolledAt: enrollment.at, warnings };
  }

  // ---- consent (consent.ts) ----

  currentConsent(destination: string, channelId: string): ConsentRecord | undefined {
    return this.consent.current(destination, channelId);
  }

  /** Writes consent records as they arrive (see `ConsentLedger.write`), and forgets what depends on them. */
  writeConsent(records: readonly ConsentRecord[]) {
    this.consent.write(records);
  }

  /** The current records of one destination, in the organization's channel order. */
  consentOfDestination(destination: string): AppliedConsentRecord[] {
    return this.consent.recordsOf([destination], this.channels);
  }

  /** Removes the record of a pair, so it reads as "never changed" (subscribed by default). */
  clearConsent(destination: string, channelId: string) {
    this.consent.clear(destination, channelId);
  }

  /** The destinations of `contact` a channel delivers to (valid or not: an opt-out covers them all). */
  destinationsFor(contact: Contact, channel: Channel): string[] {
    return destinationsOn(contact, channel).map((d) => d.value);
  }

  /** The valid destinations of `contact` a channel delivers to: what a bulk job counts and changes. */
  reachableDestinationsFor(contact: Contact, channel: Channel): string[] {
    const values: string[] = [];
    // Bulk previews ask this for every contact and channel: one array, not one per step.
    for (const d of reachableDestinations(contact, channel)) values.push(d.value);
    return values;
  }

  /** Unsubscribes every destination of the contact on `channelIds`; returns the records written. */
  optOut(contact: Contact, channelIds: readonly string[], change: { source: ConsentSource; actor: Actor; note?: string; jobId?: string }) {
    return this.consent.optOut(contact, channelIds.map((id) => this.channel(id, 'channelIds')), { at: this.iso(), ...change });
  }

  /**
   * The contact's destinations named in `values`, as stored (an email address in any case), or
   * undefined for every destination; one that is not the contact's is 422 and changes nothing.
   */
  private chosenDestinations(contact: Contact, values: readonly string[] | undefined): ReadonlySet<string> | undefined {
    if (!values) return undefined;
    const own = new Set(contact.destinations.map((d) => d.value));
    const chosen = new Set<string>();
    values.forEach((raw, index) => {
      const key = destinationKey(raw.includes('@') ? 'email' : 'phone', raw);
      if (!own.has(key)) {
        const field = `destinations[${index}]`;
        throw new UnprocessableError(`${field}: not a destination of contact ${contact.id}`, [{ field, message: `is not a destination of contact ${contact.id}`, code: 'not-found' }]);
      }
      chosen.add(key);
    });
    return chosen;
  }

  unsubscribe(id: string, input: { channelIds?: string[]; destinations?: string[]; note?: string }): ContactDetail {
    const user = this.authorize('contact:unsubscribe');
    const contact = this.contact(id);
    const channelIds = input.channelIds ?? this.channels.map((c) => c.id);
    const only = this.chosenDestinations(contact, input.destinations);
    const written = this.consent.optOut(
      contact,
      channelIds.map((channelId) => this.channel(channelId, 'channelIds')),
      { at: this.iso(), source: 'agent', actor: actorOf(user), ...(input.note ? { note: input.note } : {}) },
      only,
    );
    this.recordConsentEvents(contact, written, 'unsubscribed', actorOf(user), input.note ?? null);
    this.changed();
    return this.detail(id);
  }

  /** An agent's re-subscription; `canResubscribe` decides each pair, and a missing consent note is its 422. */
  resubscribe(id: string, input: { channelIds: string[]; destinations?: string[]; note?: string }): ContactDetail {
    const user = this.authorize('contact:resubscribe');
    const contact = this.contact(id);
    const note = input.note?.trim() ?? '';
    const channels = input.channelIds.map((channelId) => this.channel(channelId, 'channelIds'));
    const only = this.chosenDestinations(contact, input.destinations);
    const written = this.consent.resubscribe(contact, channels, { at: this.iso(), actor: actorOf(user), note }, only);
    this.recordConsentEvents(contact, written, 'resubscribed', actorOf(user), note || null);
    this.changed();
    return this.detail(id);
  }

  /** Replaces the channel types the contact does not want; the engine decides who may and with what note. */
  setExcludedChannelTypes(id: string, input: { excludedChannelTypes: ChannelType[]; note?: string }): ContactDetail {
    this.authorize('contact:exclude-channels');
    const contact = this.contact(id);
    const after = normalizeExclusions(input.excludedChannelTypes);
    const change = exclusionChange(contact.excludedChannelTypes, after);
    let user: MockUser | undefined;
    for (const permission of permissionsForExclusionChange(change)) user = this.authorize(permission);
    if (!exclusionNoteDecision(change, input.note).allowed) {
      throw new ProblemError('note-required', 'Say how and when the contact agreed to be contacted by this channel type again.', [{ field: 'note', message: 'is required to remove an exclusion', code: 'note-required' }]);
    }
    if (change.added.length === 0 && change.removed.length === 0) return this.detail(id);
    contact.excludedChannelTypes = after;
    this.contacts.touched(id);
    const note = input.note?.trim() || null;
    this.audit({ action: 'channel-exclusions-changed', actor: actorOf(user as MockUser), contactId: id, note, details: { added: change.added, removed: change.removed } });
    this.changed();
    return this.detail(id);
  }

  // ---- audit (audit.ts) ----

  audit(event: Partial<AuditEvent> & Pick<AuditEvent, 'action' | 'actor'>): AuditEvent {
    return this.log.record(event);
  }

  /** One audit event per destination changed. */
  recordConsentEvents(contact: Contact | null, written: readonly ConsentRecord[], action: 'unsubscribed' | 'resubscribed', actor: Actor, note: string | null, extra: Partial<AuditEvent> = {}) {
    this.log.recordConsentEvents(contact, written, action, actor, note, extra);
  }

  consentHistory(id: string, filter: AuditFilter = {}, cursor?: string | null, limit?: number): Page<AuditEvent> {
    this.authorize('contact:view');
    const canonical = this.contacts.canonical(id);
    const destinations = new Set(this.contact(canonical).destinations.map((d) => d.value));
    const events = this.log.historyOf(this.contacts.idsOf(canonical), destinations).filter((e) => matchesAuditFilter(e, filter));
    return pageOf(events, cursor, limit, `history:${canonical}:${JSON.stringify(filter)}`);
  }

  /** The audit log itself, oldest first and append-only (the consent-events feed reads positions in it). */
  auditEvents(): readonly AuditEvent[] {
    return this.log.events;
  }

  /** The organization's log, newest first; `total` only when asked for (counting is what is expensive on a real log). */
  listAudit(filter: AuditFilter = {}, includeTotal = false, cursor?: string | null, limit?: number): Omit<Page<AuditEvent>, 'total'> & { total?: number } {
    this.authorize('audit:view');
    const page = pageOf(this.log.newestFirst().filter((e) => matchesAuditFilter(e, filter)), cursor, limit, `audit:${JSON.stringify(filter)}`);
    if (includeTotal) return page;
    const { total: _total, ...rest } = page;
    return rest;
  }

  // ---- saving ----

  /** The whole state as plain data (for IndexedDB). */
  snapshot(): MockDatabase {
    return { ...this.db, contacts: this.contacts.all(), consent: this.consent.all() };
  }

  /**
   * What changed since the last call, or since the store was made from `db` (which is taken to
   * be saved already); undefined when nothing did. Only for a store made with `trackChanges`. A save of these brings a save of the earlier
   * state up to this one (see `replay()` in changes.ts).
   */
  takeChanges(): DatabaseChanges | undefined {
    if (!this.records) throw new Error('This store keeps no changes: make it with trackChanges.');
    const changes = this.records.take(this.db);
    const contacts = this.contacts.takeChanges();
    const consent = this.consent.takeChanges();
    const audit = this.log.takeChanges();
    if (contacts) changes.contacts = contacts;
    if (consent) changes.consent = consent;
    if (audit) changes.audit = audit;
    return isEmpty(changes) ? undefined : changes;
  }

  /** The current consent records of the contact's destinations. */
  private consentOf(contact: Contact): ConsentRecord[] {
    return this.consent.recordsOf(new Set(contact.destinations.map((d) => d.value)), this.channels);
  }
}
