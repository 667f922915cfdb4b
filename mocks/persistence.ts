// Saves the mock database to IndexedDB (idb-keyval) so the demo survives a reload.
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { MockDatabase } from './store/types.js';

const KEY = 'database';

export class MockPersistence {
  private readonly idb: UseStore = createStore('optout-mock-backend', 'state');
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: (() => MockDatabase) | undefined;
  private saving: Promise<void> = Promise.resolve();
  private closed = false;

  load(): Promise<MockDatabase | undefined> {
    return get<MockDatabase>(KEY, this.idb);
  }

  /** Schedules a save; bursts of changes (a bulk job) write once. */
  schedule(snapshot: () => MockDatabase, delayMs = 150) {
    if (this.closed) return;
    this.pending = snapshot;
    if (this.timer === undefined) this.timer = setTimeout(() => void this.flush(), delayMs);
  }

  /** Writes any scheduled change now; resolves when it is on disk. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const snapshot = this.pending;
    this.pending = undefined;
    if (snapshot) this.saving = this.saving.then(() => set(KEY, snapshot(), this.idb));
    await this.saving;
  }

  /**
   * Saves what is pending, then saves nothing more: a stopped backend (its bulk jobs still
   * ticking) must not overwrite what the next one saves.
   */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  async clear(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
    await del(KEY, this.idb);
  }
}
