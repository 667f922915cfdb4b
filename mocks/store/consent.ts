// Consent records, one current record per (destination, channel): keyed by destination as the
// design keys them, so they outlive contacts. Records are stamped with their arrival as they are
// written; which one is current is the engine's rule (`supersedes`), and who may change what
// (`keepsStandingOptOut`, `canResubscribe`) is the engine's too.
import {
  type Actor,
  appliedAt,
  canResubscribe,
  consentRecordsFor,
  destinationsOn,
  keepsStandingOptOut,
  supersedes,
  type Channel,
  type ConsentLookup,
  type ConsentRecord,
  type ConsentSource,
  type Contact,
} from '../../src/engine/index.js';
import { ProblemError } from './problems.js';

/** The pairs written or cleared since the last `takeChanges()`. */
export interface ConsentChanges {
  put: ConsentRecord[];
  /** `[destination, channelId]` of pairs whose record was removed. */
  removed: [string, string][];
}

/** A consent record that says when it was applied, as answers carry it. */
export type AppliedConsentRecord = ConsentRecord & { recordedAt: string };

function applied(record: ConsentRecord): AppliedConsentRecord {
  return record.recordedAt === undefined ? { ...record, recordedAt: appliedAt(record) } : (record as AppliedConsentRecord);
}

export class ConsentLedger {
  private readonly records = new Map<string, Map<string, ConsentRecord>>();
  /** Destination → channel ids changed since the last `takeChanges()`. */
  private dirty = new Map<string, Set<string>>();
  readonly lookup: ConsentLookup = (destination, channelId) => this.records.get(destination)?.get(channelId);
  /** Called with each destination whose records change (the contacts cache standings on them). */
  onChange: ((destination: string) => void) | undefined;

  /** The last arrival stamped, as milliseconds and as text (records written together share it). */
  private stamp = { at: Number.NaN, iso: '' };

  /**
   * `records` are loaded as they are (already stamped); `now` is the backend's clock; `tracking`
   * keeps what changed for `takeChanges()`.
   */
  constructor(
    records: Iterable<ConsentRecord>,
    private readonly now: () => number,
    private readonly tracking = false,
  ) {
    for (const record of records) this.insert(record);
  }

  /** Whether any channel has a record of `destination`. */
  has(destination: string): boolean {
    return (this.records.get(destination)?.size ?? 0) > 0;
  }

  current(destination: string, channelId: string): ConsentRecord | undefined {
    return this.lookup(destination, channelId);
  }

  /**
   * Applies records as they arrive, each stamped `recordedAt` (now, or just after the record it
   * replaces when the clock says otherwise: arrival order is what decides, see `supersedes`).
   * Returns the records written, as stored.
   */
  write(records: readonly ConsentRecord[]): ConsentRecord[] {
    const written: ConsentRecord[] = [];
    for (const record of records) {
      const current = this.lookup(record.destination, record.channelId);
      const stamped: ConsentRecord = { ...record, recordedAt: this.arrival(current) };
      if (!supersedes(current, stamped)) continue;
      this.put(stamped);
      written.push(stamped);
    }
    return written;
  }

  /** Removes the record of a pair, so it reads as "never changed" (subscribed by default). */
  clear(destination: string, channelId: string) {
    if (!this.records.get(destination)?.delete(channelId)) return;
    this.markDirty(destination, channelId);
    this.onChange?.(destination);
  }

  /**
   * The current records of `destinations`, each destination's in the order of `channels`, as the
   * contract shows them: `recordedAt` always said (every record written here is stamped; one
   * loaded without it counts as applied at its change, the engine's `appliedAt`).
   */
  recordsOf(destinations: Iterable<string>, channels: readonly Channel[]): AppliedConsentRecord[] {
    const found: AppliedConsentRecord[] = [];
    for (const destination of destinations) {
      const byChannel = this.records.get(destination);
      if (!byChannel) continue;
      for (const channel of channels) {
        const record = byChannel.get(channel.id);
        if (record) found.push(applied(record));
      }
      // Records of channels the organization no longer lists stay visible, after the others.
      for (const [channelId, record] of byChannel) if (!channels.some((c) => c.id === channelId)) found.push(applied(record));
    }
    return found;
  }

  /** Every current record. */
  all(): ConsentRecord[] {
    const all: ConsentRecord[] = [];
    for (const byChannel of this.records.values()) for (const record of byChannel.values()) all.push(record);
    return all;
  }

  /**
   * Unsubscribes every destination of `contact` on `channels` (valid or not: an opt-out covers
   * them all), or those of `only`, except where an earlier opt-out stands; returns the records written.
   */
  optOut(contact: Contact, channels: readonly Channel[], change: { at: string; source: ConsentSource; actor: Actor; note?: string; jobId?: string }, only?: ReadonlySet<string>): ConsentRecord[] {
    const records: ConsentRecord[] = [];
    for (const channel of channels) {
      for (const { value } of destinationsOn(contact, channel)) {
        if (only && !only.has(value)) continue;
        if (keepsStandingOptOut(this.lookup(value, channel.id), change.source)) continue;
        records.push(...consentRecordsFor({ destination: value, channelIds: [channel.id], status: 'unsubscribed', ...change }));
      }
    }
    return this.write(records);
  }

  /**
   * An agent's re-subscription of `contact` on `channels` (of the destinations in `only`, when
   * given), as `canResubscribe` decides pair by
   * pair: nothing is written when any opt-out it would reverse needs the consent note it lacks
   * (422 `note-required`); pairs that are not unsubscribed are left as they are.
   */
  resubscribe(contact: Contact, channels: readonly Channel[], change: { at: string; actor: Actor; note: string }, only?: ReadonlySet<string>): ConsentRecord[] {
    const records: ConsentRecord[] = [];
    for (const channel of channels) {
      for (const { value } of destinationsOn(contact, channel)) {
        if (only && !only.has(value)) continue;
        const decision = canResubscribe(this.lookup(value, channel.id), { kind: 'agent', note: change.note });
        if (!decision.allowed && decision.reason === 'note-required') {
          throw new ProblemError('note-required', 'Re-subscribing needs a written note of the consent the contact gave.', [{ field: 'note', message: 'is required', code: 'note-required' }]);
        }
        if (!decision.allowed) continue;
        records.push(...consentRecordsFor({ destination: value, channelIds: [channel.id], status: 'subscribed', source: 'agent', ...change }));
      }
    }
    return this.write(records);
  }

  /** What changed since the last call (or since loading): the current record of each changed pair, or its removal. */
  takeChanges(): ConsentChanges | undefined {
    if (!this.tracking) throw new Error('These consent records keep no changes: make them with tracking on.');
    if (this.dirty.size === 0) return undefined;
    const changes: ConsentChanges = { put: [], removed: [] };
    for (const [destination, channelIds] of this.dirty) {
      for (const channelId of channelIds) {
        const record = this.lookup(destination, channelId);
        if (record) changes.put.push(record);
        else changes.removed.push([destination, channelId]);
      }
    }
    this.dirty = new Map();
    return changes;
  }

  /**
   * When a record replacing `current` arrives: now, unless `current` was applied at or after
   * now (a clock set back, several writes within a millisecond); then just after it, so the
   * later of two writes is always the later arrival.
   */
  private arrival(current: ConsentRecord | undefined): string {
    let at = this.now();
    if (current) {
      const previous = Date.parse(appliedAt(current));
      if (previous >= at) at = previous + 1;
    }
    if (at !== this.stamp.at) this.stamp = { at, iso: new Date(at).toISOString() };
    return this.stamp.iso;
  }

  private put(record: ConsentRecord) {
    this.insert(record);
    this.markDirty(record.destination, record.channelId);
    this.onChange?.(record.destination);
  }

  private insert(record: ConsentRecord) {
    let byChannel = this.records.get(record.destination);
    if (!byChannel) this.records.set(record.destination, (byChannel = new Map()));
    byChannel.set(record.channelId, record);
  }

  private markDirty(destination: string, channelId: string) {
    if (!this.tracking) return;
    let channelIds = this.dirty.get(destination);
    if (!channelIds) this.dirty.set(destination, (channelIds = new Set()));
    channelIds.add(channelId);
  }
}
