import type { OptOutClient } from '../../client/optout-client.js';
import type { ContactDetail } from '../../client/types.js';
import type { CacheChange, ContactCache } from '../../context/context.js';

interface Entry {
  value?: ContactDetail;
  stale: boolean;
  version: number;
  inFlight?: SharedRequest;
}

/** One fetch shared by every caller that asked while it ran. */
interface SharedRequest {
  promise: Promise<ContactDetail>;
  controller: AbortController;
  /** Callers still waiting; when the last one aborts, so does the fetch. */
  waiting: number;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** The provider's {@link ContactCache}, over one `OptOutClient`. */
export class ClientContactCache implements ContactCache {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(change: CacheChange) => void>();

  constructor(private readonly client: OptOutClient) {}

  getContact(contactId: string, { signal }: { signal?: AbortSignal } = {}): Promise<ContactDetail> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const entry = this.entry(contactId);
    if (entry.value && !entry.stale) return Promise.resolve(entry.value);
    const shared = (entry.inFlight ??= this.fetch(contactId, entry));
    shared.waiting++;
    return new Promise<ContactDetail>((resolve, reject) => {
      let settled = false;
      const onAbort = () => {
        if (settled) return;
        settled = true;
        reject(abortReason(signal as AbortSignal));
        if (--shared.waiting === 0) {
          // Detach it now, not when its rejection lands: a caller arriving in this same turn (a
          // task re-run aborts its previous run and starts the next at once) needs a live request.
          if (entry.inFlight === shared) delete entry.inFlight;
          shared.controller.abort(abortReason(signal as AbortSignal));
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (value) => {
          if (settled) return;
          settled = true;
          shared.waiting--;
          signal?.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          if (settled) return;
          settled = true;
          shared.waiting--;
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  peekContact(contactId: string): ContactDetail | undefined {
    return this.entries.get(contactId)?.value;
  }

  putContact(detail: ContactDetail): void {
    const entry = this.entry(detail.contact.id);
    entry.value = detail;
    entry.stale = false;
    entry.version++;
    this.emit({ contactId: detail.contact.id });
  }

  invalidateContact(contactId: string): void {
    const entry = this.entry(contactId);
    entry.stale = true;
    entry.version++;
    // A read already in flight may predate the change; later callers must not join it.
    delete entry.inFlight;
    this.emit({ contactId });
  }

  revalidate(): void {
    for (const entry of this.entries.values()) {
      entry.stale = true;
      entry.version++;
      delete entry.inFlight;
    }
    this.emit({ contactId: null });
  }

  versionOf(contactId: string): number {
    return this.entries.get(contactId)?.version ?? 0;
  }

  subscribe(listener: (change: CacheChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: CacheChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private entry(contactId: string): Entry {
    let entry = this.entries.get(contactId);
    if (!entry) this.entries.set(contactId, (entry = { stale: true, version: 0 }));
    return entry;
  }

  private fetch(contactId: string, entry: Entry): SharedRequest {
    const controller = new AbortController();
    const startedAt = entry.version;
    const shared: SharedRequest = { controller, waiting: 0, promise: Promise.resolve() as unknown as Promise<ContactDetail> };
    shared.promise = this.client.getContact(contactId, { signal: controller.signal }).then(
      (detail) => {
        if (entry.inFlight === shared) delete entry.inFlight;
        // A mutation answered while this read was in flight is newer than what the read saw.
        if (entry.version === startedAt || !entry.value) {
          entry.value = detail;
          entry.stale = false;
        }
        return entry.value ?? detail;
      },
      (error: unknown) => {
        if (entry.inFlight === shared) delete entry.inFlight;
        throw error;
      },
    );
    // Nobody may be left to observe a rejection (all callers aborted); that is not an error.
    shared.promise.catch(() => undefined);
    return shared;
  }
}
