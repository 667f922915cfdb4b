// Saves the mock database to IndexedDB (an idb-keyval store) so the demo survives a reload, and
// saves only what changed: a base (the whole database, written at the first start, after a reset
// and when compacting) and a journal of changes since, one entry per save (`takeChanges()` of
// mocks/store/mock-store.ts). Loading applies the journal to the base (`replay()`). Changes are
// batched, and a mutation is answered only once they are saved (see `flush`).
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { ReplayError, replay, type DatabaseChanges } from './store/changes.js';
import { ProblemError } from './store/problems.js';
import { DATABASE_VERSION, type MockDatabase } from './store/types.js';

/** What is saved: a store's whole state, and what changed in it since the last call. */
export interface PersistenceSource {
  snapshot(): MockDatabase;
  takeChanges(): DatabaseChanges | undefined;
}

/** Fired once when saving starts failing; `error` is what IndexedDB said. */
export class PersistenceErrorEvent extends Event {
  constructor(readonly error: unknown) {
    super('persistence-error');
  }
}

/** Fired when a save succeeds again after `persistence-error`: everything changed meanwhile is saved. */
export class PersistenceRestoredEvent extends Event {
  constructor() {
    super('persistence-restored');
  }
}

export interface MockPersistenceOptions {
  /** The IndexedDB database holding the save (default `optout-mock-backend`). */
  databaseName?: string;
  /** Compact once the journal holds this many entries (default 500)… */
  compactAfterEntries?: number;
  /** …or this many changed records (default 50,000). */
  compactAfterRecords?: number;
  /** Compact only after this long without a change (ms, default 2,000), so a burst of work is not held up. */
  compactWhenIdleMs?: number;
  /** How long after a fresh start its base is written, unless a mutation needs it sooner (ms, default 1,000). */
  firstSaveDelayMs?: number;
}

/**
 * The base, in four values read side by side: the long lists apart from the rest. (Before
 * version 3 the whole database was one value under `database`; such a save re-seeds.)
 */
const BASE: Record<'rest' | 'contacts' | 'consent' | 'audit', IDBValidKey[]> = { rest: ['base', 'rest'], contacts: ['base', 'contacts'], consent: ['base', 'consent'], audit: ['base', 'audit'] };
const OLD_BASE = 'database';
type BaseRest = Omit<MockDatabase, 'contacts' | 'consent' | 'audit'>;
/** Which page saves: the last one to load. An older page (another tab) must not write over its saves. */
const OWNER = 'owner';
const journalKey = (entry: number) => ['journal', entry];
const journalRange = () => IDBKeyRange.bound(['journal', 0], ['journal', Infinity]);

export class MockPersistence extends EventTarget {
  /** Why the last save failed, until a save succeeds; a change made meanwhile is kept in memory only. */
  error: unknown = null;
  private readonly idb: UseStore;
  private readonly options: Required<Omit<MockPersistenceOptions, 'databaseName'>>;
  private readonly owner = crypto.randomUUID();
  private source: PersistenceSource | undefined;
  /** Whether the base under the journal is `source`'s; if not, the next save writes it whole. */
  private baseSaved = false;
  /** Whether `source` changed since its last save. */
  private pending = false;
  private queued = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private compactTimer: ReturnType<typeof setTimeout> | undefined;
  /** The saves in order; it never rejects (a failure is recorded in `error`). */
  private saving: Promise<void> = Promise.resolve();
  private nextEntry = 1;
  private journalEntries = 0;
  private journalRecords = 0;
  private closed = false;

  constructor(options: MockPersistenceOptions = {}) {
    super();
    this.idb = createStore(options.databaseName ?? 'optout-mock-backend', 'state');
    this.options = {
      compactAfterEntries: options.compactAfterEntries ?? 500,
      compactAfterRecords: options.compactAfterRecords ?? 50_000,
      compactWhenIdleMs: options.compactWhenIdleMs ?? 2000,
      firstSaveDelayMs: options.firstSaveDelayMs ?? 1000,
    };
  }

  /**
   * The saved database (its base with the journal applied), or undefined when there is none or
   * it was saved in another version's format. Loading makes this page the one that saves, unless
   * `claim` is false (reading what is saved without taking over, as tests do).
   */
  async load(options: { claim?: boolean } = {}): Promise<MockDatabase | undefined> {
    const claim = options.claim ?? true;
    const [rest, contacts, consent, audit, journal, keys] = await this.idb(claim ? 'readwrite' : 'readonly', (store) => {
      const range = journalRange();
      const read = Promise.all([
        promisifyRequest(store.get(BASE.rest)),
        promisifyRequest(store.get(BASE.contacts)),
        promisifyRequest(store.get(BASE.consent)),
        promisifyRequest(store.get(BASE.audit)),
        promisifyRequest(store.getAll(range)),
        promisifyRequest(store.getAllKeys(range)),
      ]);
      if (claim) store.put(this.owner, OWNER);
      return read as Promise<[BaseRest | undefined, Columns | undefined, Columns | undefined, Columns | undefined, DatabaseChanges[], IDBValidKey[]]>;
    });
    const last = keys.at(-1);
    this.nextEntry = Array.isArray(last) ? Number(last[1]) + 1 : 1;
    this.journalEntries = journal.length;
    this.journalRecords = journal.reduce((sum, changes) => sum + recordCount(changes), 0);
    if (!rest || rest.version !== DATABASE_VERSION || !contacts || !consent || !audit) return undefined;
    try {
      return replay({ ...rest, contacts: fromColumns(contacts), consent: fromColumns(consent), audit: fromColumns(audit) }, journal);
    } catch (error) {
      if (!(error instanceof ReplayError)) throw error;
      console.warn(`Mock backend: the saved state cannot be read (${error.message}); starting from the seed.`);
      return undefined;
    }
  }

  /** How many journal entries are saved on top of the base (what a load replays). */
  get journalLength(): number {
    return this.journalEntries;
  }

  /** Says that `source` holds what `load()` returned: from now on only its changes are saved. */
  adopt(source: PersistenceSource) {
    this.source = source;
    this.baseSaved = true;
    // A long journal makes every load replay it: fold it into the base once things are quiet.
    if (this.journalTooLong()) this.compactSoon();
  }

  /**
   * Schedules a save of what changed in `source`; bursts of changes (a bulk job) save once. A
   * source not saved before (a fresh seed, a reset) is saved whole.
   */
  schedule(source: PersistenceSource, delayMs = 150) {
    if (this.closed) return;
    if (source !== this.source) {
      this.source = source;
      this.baseSaved = false;
      delayMs = Math.max(delayMs, this.options.firstSaveDelayMs);
    }
    this.pending = true;
    if (this.compactTimer !== undefined) this.compactSoon();
    if (this.timer === undefined) this.timer = setTimeout(() => void this.flush().catch(() => {}), delayMs);
  }

  /**
   * Saves what is scheduled now, and resolves once every change so far is saved. Rejects (503
   * `unavailable`) while saving fails; the changes stay in memory and the next save tries again.
   */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending && !this.queued) this.enqueue(() => this.save(false));
    await this.saving;
    if (this.error !== null) {
      throw new ProblemError('unavailable', `The mock backend could not save this change to IndexedDB (${describe(this.error)}). It stays applied in this page and is saved with the next save that succeeds; until then a reload would lose it.`, undefined, 1);
    }
  }

  /** Writes the whole state as the new base and drops the journal (loading then replays nothing). */
  compact(): Promise<void> {
    clearTimeout(this.compactTimer);
    this.compactTimer = undefined;
    this.enqueue(() => this.save(true));
    return this.saving;
  }

  /**
   * Saves what is pending, then saves nothing more: a stopped backend (its bulk jobs still
   * ticking) must not write over what the next one saves.
   */
  async close(): Promise<void> {
    try {
      await this.flush();
    } catch {
      // Already reported by `persistence-error`.
    }
    this.closed = true;
    clearTimeout(this.timer);
    clearTimeout(this.compactTimer);
    this.timer = this.compactTimer = undefined;
  }

  /** Deletes the save (the `reset=1` parameter). */
  async clear(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = false;
    await this.saving;
    await this.idb('readwrite', (store) => {
      store.clear();
      return promisifyRequest(store.transaction);
    });
    this.journalEntries = this.journalRecords = 0;
  }

  private enqueue(save: () => Promise<void>) {
    this.queued = true;
    this.saving = this.saving.then(save).catch((error: unknown) => this.failed(error));
  }

  /** One save: a journal entry of what changed, or the whole base (`whole`, or when the base is not this source's). */
  private async save(whole: boolean) {
    this.queued = false;
    const source = this.source;
    if (!source) return;
    this.pending = false;
    const base = whole || !this.baseSaved;
    let written = 0;
    try {
      await this.write((store) => {
        // Read from the store here, in the same turn as `put` copies it: no change can fall between.
        if (base) {
          source.takeChanges();
          const { contacts, consent, audit, ...rest } = source.snapshot();
          store.put(rest, BASE.rest);
          store.put(toColumns(contacts), BASE.contacts);
          store.put(toColumns(consent), BASE.consent);
          store.put(toColumns(audit), BASE.audit);
          store.delete(journalRange());
          store.delete(OLD_BASE);
          return;
        }
        const changes = source.takeChanges();
        if (!changes) return;
        store.put(changes, journalKey(this.nextEntry));
        written = recordCount(changes);
      });
    } catch (error) {
      this.failed(error);
      return;
    }
    if (base) {
      this.baseSaved = true;
      this.journalEntries = this.journalRecords = 0;
    } else if (written > 0) {
      this.nextEntry++;
      this.journalEntries++;
      this.journalRecords += written;
      if (this.journalTooLong() && this.compactTimer === undefined) this.compactSoon();
    }
    if (this.error !== null) {
      this.error = null;
      console.info('Mock backend: saving to IndexedDB works again; every change is saved.');
      this.dispatchEvent(new PersistenceRestoredEvent());
    }
  }

  /** Records a failed save, reporting it once until a save succeeds again. */
  private failed(error: unknown) {
    // The journal may now miss what was taken for this save: the next save writes everything.
    this.baseSaved = false;
    this.pending = true;
    if (this.error === null) {
      console.warn('Mock backend: saving to IndexedDB failed; changes stay in this page and the next save tries again.', error);
      this.dispatchEvent(new PersistenceErrorEvent(error));
    }
    this.error = error;
  }

  /**
   * Runs `write` in a read-write transaction once it is sure this page still owns the save;
   * resolves when the transaction is committed.
   */
  private write(write: (store: IDBObjectStore) => void): Promise<void> {
    return this.idb('readwrite', (store) => {
      const done = promisifyRequest(store.transaction);
      let refused: Error | undefined;
      const owner = store.get(OWNER);
      owner.onsuccess = () => {
        if (owner.result !== this.owner) {
          refused = new Error('another page (a newer tab) loaded the mock backend since this one did; reload this page to use it');
          store.transaction.abort();
          return;
        }
        try {
          write(store);
        } catch (error) {
          refused = error instanceof Error ? error : new Error(String(error));
          store.transaction.abort();
        }
      };
      return done.then(
        () => undefined,
        (error: unknown) => Promise.reject(refused ?? error ?? new Error('the IndexedDB transaction was aborted')),
      );
    });
  }

  private journalTooLong(): boolean {
    return this.journalEntries >= this.options.compactAfterEntries || this.journalRecords >= this.options.compactAfterRecords;
  }

  /** Compacts once nothing has changed for `compactWhenIdleMs` (each change pushes it back). */
  private compactSoon() {
    clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => {
      this.compactTimer = undefined;
      if (!this.closed) void this.compact();
    }, this.options.compactWhenIdleMs);
  }
}

/**
 * Records stored as one array per field. IndexedDB reads 100,000 records this way about a quarter
 * faster than as objects, each of which repeats its field names. A field a record lacks (or holds
 * `undefined` in) is a hole, and read back as absent.
 */
export interface Columns {
  count: number;
  fields: string[];
  values: unknown[][];
}

export function toColumns(records: readonly object[]): Columns {
  const fields: string[] = [];
  const values: unknown[][] = [];
  const column = new Map<string, unknown[]>();
  records.forEach((record, i) => {
    for (const [field, value] of Object.entries(record)) {
      let list = column.get(field);
      if (!list) {
        column.set(field, (list = new Array<unknown>(records.length)));
        fields.push(field);
        values.push(list);
      }
      list[i] = value;
    }
  });
  return { count: records.length, fields, values };
}

export function fromColumns<T>({ count, fields, values }: Columns): T[] {
  const records = new Array<T>(count);
  for (let i = 0; i < count; i++) {
    const record: Record<string, unknown> = {};
    for (let f = 0; f < fields.length; f++) {
      const value = (values[f] as unknown[])[i];
      if (value !== undefined) record[fields[f] as string] = value;
    }
    records[i] = record as T;
  }
  return records;
}

/** How many records a journal entry holds, to tell when the journal is worth compacting. */
function recordCount(changes: DatabaseChanges): number {
  let count = changes.audit?.events.length ?? 0;
  for (const list of [changes.contacts, changes.consent, changes.reviews, changes.previews, changes.messages, changes.enrollments, changes.idempotency]) {
    count += (list?.put.length ?? 0) + (list?.removed.length ?? 0);
  }
  for (const job of changes.jobs?.put ?? []) count += 1 + job.changes.length;
  return count + (changes.fields ? 1 : 0);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
