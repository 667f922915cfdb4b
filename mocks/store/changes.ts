// What changed in the mock database since the last save, as plain data: the unit of an
// incremental save (mocks/persistence.ts journals these), and `replay()`, which applies saved
// changes to a saved database. Every change says what a record is now (or that it is gone),
// never how it got there, so applying one twice is harmless.
import type { AuditChanges } from './audit.js';
import type { ConsentChanges } from './consent.js';
import type { ContactChanges } from './contacts.js';
import type { BulkJobRecord, Enrollment, JobChange, MockDatabase, OutboundMessage, PreviewRecord, ReviewItem, StoredResponse } from './types.js';

/** Records of a list written (added or changed; new ones go at the end) and the keys removed. */
export interface ListChanges<T> {
  put: T[];
  removed: string[];
}

/** A bulk job without its audience and change log, which are saved apart (they are long). */
export type JobHeader = Omit<BulkJobRecord, 'contactIds' | 'changes'>;

/** One bulk job's change: its fields now, its audience the first time, and the change log from `changesFrom` on. */
export interface JobChanges {
  job: JobHeader;
  contactIds?: string[];
  changesFrom: number;
  changes: JobChange[];
}

/** The fields of the database small enough to be saved whole whenever one of them changes. */
type Field = 'version' | 'seed' | 'organization' | 'users' | 'currentUserId' | 'settings' | 'settingsVersion' | 'nextId';

export interface DatabaseChanges {
  fields?: Pick<MockDatabase, Field>;
  contacts?: ContactChanges;
  consent?: ConsentChanges;
  audit?: AuditChanges;
  reviews?: ListChanges<ReviewItem>;
  previews?: ListChanges<PreviewRecord>;
  messages?: ListChanges<OutboundMessage>;
  enrollments?: ListChanges<Enrollment>;
  idempotency?: ListChanges<[string, StoredResponse]>;
  jobs?: ListChanges<JobChanges>;
}

/**
 * Tells which records of one list changed since the last `take()`, by comparing each record's
 * signature with the one saved: the record itself for records never changed once added, its JSON
 * for records changed in place.
 */
class ListTracker<T> {
  private saved = new Map<string, unknown>();

  constructor(
    private readonly keyOf: (record: T) => string,
    private readonly signatureOf: (record: T) => unknown = (record) => record,
  ) {}

  /** Marks `records` as saved (what the base holds). */
  reset(records: readonly T[]) {
    this.saved = new Map(records.map((record) => [this.keyOf(record), this.signatureOf(record)]));
  }

  take(records: readonly T[]): ListChanges<T> | undefined {
    const put: T[] = [];
    const present = new Set<string>();
    for (const record of records) {
      const key = this.keyOf(record);
      present.add(key);
      const signature = this.signatureOf(record);
      if (this.saved.has(key) && this.saved.get(key) === signature) continue;
      this.saved.set(key, signature);
      put.push(record);
    }
    const removed = [...this.saved.keys()].filter((key) => !present.has(key));
    for (const key of removed) this.saved.delete(key);
    return put.length > 0 || removed.length > 0 ? { put, removed } : undefined;
  }
}

/** A job's fields (without its two long lists) and how much of its append-only change log was saved. */
class JobTracker {
  private saved = new Map<string, { header: string; changes: number }>();

  reset(jobs: readonly BulkJobRecord[]) {
    this.saved = new Map(jobs.map((job) => [job.id, { header: JSON.stringify(headerOf(job)), changes: job.changes.length }]));
  }

  take(jobs: readonly BulkJobRecord[]): ListChanges<JobChanges> | undefined {
    const put: JobChanges[] = [];
    const present = new Set<string>();
    for (const job of jobs) {
      present.add(job.id);
      const header = headerOf(job);
      const json = JSON.stringify(header);
      const saved = this.saved.get(job.id);
      if (saved && saved.header === json && saved.changes === job.changes.length) continue;
      // A job's audience never changes and its change log only grows (mocks/store/bulk-jobs.ts).
      const from = saved && saved.changes <= job.changes.length ? saved.changes : 0;
      put.push({ job: header, ...(saved ? {} : { contactIds: job.contactIds }), changesFrom: from, changes: job.changes.slice(from) });
      this.saved.set(job.id, { header: json, changes: job.changes.length });
    }
    const removed = [...this.saved.keys()].filter((id) => !present.has(id));
    for (const id of removed) this.saved.delete(id);
    return put.length > 0 || removed.length > 0 ? { put, removed } : undefined;
  }
}

function headerOf(job: BulkJobRecord): JobHeader {
  const { contactIds: _contactIds, changes: _changes, ...header } = job;
  return header;
}

/**
 * Tracks the parts of the database that the store's own parts (contacts, consent, audit) do not:
 * lists that mocks/store/messaging.ts, bulk-jobs.ts and the routes change directly. Previews,
 * messages, enrollments and idempotency entries are never changed once added; reviews and jobs
 * are changed in place, so they are compared by content.
 */
export class RecordTracker {
  private fields = '';
  private readonly reviews = new ListTracker<ReviewItem>((r) => r.id, (r) => JSON.stringify(r));
  private readonly previews = new ListTracker<PreviewRecord>((p) => p.previewId);
  private readonly messages = new ListTracker<OutboundMessage>((m) => m.id);
  private readonly enrollments = new ListTracker<Enrollment>((e) => e.id);
  private readonly idempotency = new ListTracker<[string, StoredResponse]>(([key]) => key);
  private readonly jobs = new JobTracker();

  constructor(db: MockDatabase) {
    this.fields = JSON.stringify(fieldsOf(db));
    this.reviews.reset(db.reviews);
    this.previews.reset(db.previews);
    this.messages.reset(db.messages);
    this.enrollments.reset(db.enrollments);
    this.idempotency.reset(db.idempotency);
    this.jobs.reset(db.jobs);
  }

  take(db: MockDatabase): DatabaseChanges {
    const changes: DatabaseChanges = {};
    const fields = fieldsOf(db);
    const json = JSON.stringify(fields);
    if (json !== this.fields) {
      this.fields = json;
      changes.fields = fields;
    }
    assignIf(changes, 'reviews', this.reviews.take(db.reviews));
    assignIf(changes, 'previews', this.previews.take(db.previews));
    assignIf(changes, 'messages', this.messages.take(db.messages));
    assignIf(changes, 'enrollments', this.enrollments.take(db.enrollments));
    assignIf(changes, 'idempotency', this.idempotency.take(db.idempotency));
    assignIf(changes, 'jobs', this.jobs.take(db.jobs));
    return changes;
  }
}

function fieldsOf(db: MockDatabase): Pick<MockDatabase, Field> {
  const { version, seed, organization, users, currentUserId, settings, settingsVersion, nextId } = db;
  return { version, seed, organization, users, currentUserId, settings, settingsVersion, nextId };
}

function assignIf<K extends keyof DatabaseChanges>(changes: DatabaseChanges, key: K, value: DatabaseChanges[K] | undefined) {
  if (value !== undefined) changes[key] = value;
}

/** Whether `changes` holds anything to save. */
export function isEmpty(changes: DatabaseChanges): boolean {
  return Object.keys(changes).length === 0;
}

/** A saved change that does not fit the database it is applied to: the save is not usable. */
export class ReplayError extends Error {
  override name = 'ReplayError';
}

/**
 * Applies saved changes, oldest first, to a saved database (`base`, changed in place and
 * returned): what the store held when the last of them was saved.
 */
export function replay(base: MockDatabase, journal: readonly DatabaseChanges[]): MockDatabase {
  if (journal.length === 0) return base;
  const contacts = keyed(base.contacts, (c) => c.id);
  const consent = new Map(base.consent.map((r) => [pairKey(r.destination, r.channelId), r]));
  const reviews = keyed(base.reviews, (r) => r.id);
  const previews = keyed(base.previews, (p) => p.previewId);
  const messages = keyed(base.messages, (m) => m.id);
  const enrollments = keyed(base.enrollments, (e) => e.id);
  const idempotency = keyed(base.idempotency, ([key]) => key);
  const jobs = keyed(base.jobs, (j) => j.id);
  for (const changes of journal) {
    if (changes.fields) Object.assign(base, changes.fields);
    apply(contacts, changes.contacts);
    if (changes.consent) {
      for (const [destination, channelId] of changes.consent.removed) consent.delete(pairKey(destination, channelId));
      for (const record of changes.consent.put) consent.set(pairKey(record.destination, record.channelId), record);
    }
    if (changes.audit) {
      const { from, events } = changes.audit;
      if (from > base.audit.length) throw new ReplayError(`The saved audit log has ${base.audit.length} events; a change continues it from ${from}.`);
      base.audit.length = from;
      base.audit.push(...events);
    }
    apply(reviews, changes.reviews);
    apply(previews, changes.previews);
    apply(messages, changes.messages);
    apply(enrollments, changes.enrollments);
    apply(idempotency, changes.idempotency);
    if (changes.jobs) {
      for (const id of changes.jobs.removed) jobs.records.delete(id);
      for (const { job, contactIds, changesFrom, changes: log } of changes.jobs.put) {
        const previous = jobs.records.get(job.id);
        const audience = contactIds ?? previous?.contactIds;
        if (!audience) throw new ReplayError(`A change of job ${job.id} has no audience to apply to.`);
        const kept = previous?.changes ?? [];
        if (changesFrom > kept.length) throw new ReplayError(`Job ${job.id} has ${kept.length} saved changes; a change continues them from ${changesFrom}.`);
        jobs.records.set(job.id, { ...job, contactIds: audience, changes: [...kept.slice(0, changesFrom), ...log] });
      }
    }
  }
  base.contacts = [...contacts.values()];
  base.consent = [...consent.values()];
  base.reviews = [...reviews.values()];
  base.previews = [...previews.values()];
  base.messages = [...messages.values()];
  base.enrollments = [...enrollments.values()];
  base.idempotency = [...idempotency.values()];
  base.jobs = [...jobs.values()];
  return base;
}

/** A list as a Map in its order: a record put again keeps its place, a new one goes last. */
interface Keyed<T> {
  records: Map<string, T>;
  keyOf: (record: T) => string;
  values(): IterableIterator<T>;
}

function keyed<T>(list: readonly T[], keyOf: (record: T) => string): Keyed<T> {
  const records = new Map(list.map((record) => [keyOf(record), record]));
  return { records, keyOf, values: () => records.values() };
}

function apply<T>(list: Keyed<T>, changes: ListChanges<T> | undefined) {
  if (!changes) return;
  for (const key of changes.removed) list.records.delete(key);
  for (const record of changes.put) list.records.set(list.keyOf(record), record);
}

function pairKey(destination: string, channelId: string): string {
  return `${destination}\u0000${channelId}`;
}
