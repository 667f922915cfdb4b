// The contacts: each kept as a row with what the list filters read, indexed by id, by
// destination and in list order, with its standing (from the engine) cached until its consent,
// destinations or block change. Contacts merged away stay reachable through their alias.
import { contactStanding, destinationKindFor, matchesStatusFilter, type BlockInfo, type Channel, type ConsentLookup, type Contact, type ContactStanding, type Destination } from '../../src/engine/index.js';
import { ProblemError } from './problems.js';
import type { ContactFilter } from './types.js';

export interface ContactSummary {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  status: ContactStanding['status'];
  blocked: BlockInfo | null;
  unsubscribedChannelCount: number;
  tags: string[];
  locationIds: string[];
  destinations: Destination[];
  lastActivityAt: string | null;
}

/** The contacts changed since the last `takeChanges()`: as they are now, and the ids removed. */
export interface ContactChanges {
  put: Contact[];
  removed: string[];
}

/** A contact with what the list filters read, kept side by side so a filter scans an array. */
interface ContactRow {
  readonly id: string;
  contact: Contact;
  /**
   * Name, emails and phone digits (after \u0001), one per line, as `searchable()` folds them;
   * made by the first search, so that loading 100,000 contacts does not wait for it.
   */
  searchKey: string | undefined;
  // Copied from the contact: rows all have one shape, contacts from storage may not, and a
  // filter over 100,000 of them is only fast on one shape (sharing the contact's arrays makes
  // a location and tag filter five times slower).
  locationIds: readonly string[];
  tags: readonly string[];
  hasPhone: boolean;
  hasEmail: boolean;
  /** Cached until the contact's consent, destinations or block change. */
  standing: ContactStanding | undefined;
  /** Standings on some channels (the status filter with a channel or channel type), cached the same way. */
  byChannel: Map<string, ContactStanding> | undefined;
}

/**
 * Case- and accent-insensitive form for search, as the contract's `query` promises: "Côté" →
 * "cote". Text without accents (most of it) skips the decomposition.
 */
export function searchable(text: string): string {
  // eslint-disable-next-line no-control-regex
  const folded = /[^\u0000-\u007f]/.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
  return folded.toLowerCase();
}

const NO_RECORDS: ConsentLookup = () => undefined;

/** What a search matches in a contact: see `ContactRow.searchKey`. */
function searchKeyOf(contact: Contact): string {
  let key = contact.name;
  for (const d of contact.destinations) key += d.kind === 'phone' ? `\n\u0001${d.value.replace(/\D/g, '')}` : `\n${d.value}`;
  return searchable(key);
}

export class ContactDirectory {
  private readonly rows = new Map<string, ContactRow>();
  /** The rows in list order. */
  private list: ContactRow[];
  /**
   * Destination value → the id of the contact that has it, or the ids when several do (rare; one
   * array less per destination). Made when first needed (see `byDestination()`).
   */
  private destinations: Map<string, string | string[]> | undefined;
  /** Merged-away contact id → the contact it lives on in, so its history stays reachable. */
  private readonly aliases = new Map<string, string>();
  /** Contacts changed (or removed) since the last `takeChanges()`. */
  private dirty = new Set<string>();

  /**
   * `contacts` in list order; `channels` are the organization's (for standings), `channel`
   * resolves a filter's channel id or throws 400.
   */
  constructor(
    contacts: readonly Contact[],
    private readonly channels: () => readonly Channel[],
    private readonly lookup: ConsentLookup,
    private readonly channel: (id: string) => Channel,
    /** Whether any consent record exists for a destination (most have none). */
    private readonly hasConsent: (destination: string) => boolean = () => true,
    /** Keep what changed for `takeChanges()`. */
    private readonly tracking = false,
  ) {
    this.list = contacts.map((contact) => this.index(contact, true));
  }

  get(id: string): Contact {
    return this.row(id).contact;
  }

  has(id: string): boolean {
    return this.rows.has(id);
  }

  count(): number {
    return this.list.length;
  }

  /** Every contact, in list order. */
  all(): Contact[] {
    return this.list.map((row) => row.contact);
  }

  /** Contacts whose destinations include `value`. */
  withDestination(value: string): Contact[] {
    return this.idsWith(value).map((id) => this.get(id));
  }

  /** The contact's standing, computed by the engine and cached until its consent changes. */
  standing(id: string): ContactStanding {
    return this.standingOf(this.row(id));
  }

  summary(id: string): ContactSummary {
    const contact = this.get(id);
    const standing = this.standing(id);
    return {
      id,
      name: contact.name,
      phone: contact.destinations.find((d) => d.kind === 'phone')?.value ?? null,
      email: contact.destinations.find((d) => d.kind === 'email')?.value ?? null,
      status: standing.status,
      blocked: contact.blocked && { ...contact.blocked },
      unsubscribedChannelCount: standing.unsubscribedChannelIds.length,
      tags: contact.tags,
      locationIds: contact.locationIds,
      destinations: contact.destinations.map((d) => ({ ...d })),
      lastActivityAt: this.lastActivityOf(contact),
    };
  }

  /** When the contact's consent last changed (`lastActivityAt` of its row). */
  lastActivityAt(id: string): string | null {
    return this.lastActivityOf(this.get(id));
  }

  /** The newest current consent record of the contact's destinations, on any channel. */
  private lastActivityOf(contact: Contact): string | null {
    let latest: string | null = null;
    if (!contact.destinations.some((d) => this.hasConsent(d.value))) return null;
    for (const destination of contact.destinations) {
      for (const channel of this.channels()) {
        const at = this.lookup(destination.value, channel.id)?.changedAt;
        if (at && (latest === null || Date.parse(at) > Date.parse(latest))) latest = at;
      }
    }
    return latest;
  }

  /** Ids of contacts matching `filter`, in list order. */
  matching(filter: ContactFilter): string[] {
    const predicate = this.predicate(filter);
    const ids: string[] = [];
    for (const row of this.list) if (predicate(row)) ids.push(row.id);
    return ids;
  }

  /** Says the contact changed in place (its block): forgets its standing and saves it. */
  touched(id: string) {
    this.invalidate(id);
    this.markDirty(id);
  }

  /** Replaces the contact's fields with `next`'s, re-indexing its destinations; it keeps its place in the list. */
  replace(id: string, next: Contact) {
    const row = this.row(id);
    this.unindexDestinations(row.contact);
    Object.assign(row.contact, next);
    this.index(row.contact);
    this.markDirty(id);
  }

  remove(id: string) {
    const row = this.row(id);
    this.unindexDestinations(row.contact);
    this.rows.delete(id);
    this.list = this.list.filter((r) => r !== row);
    this.markDirty(id);
  }

  /** Notes that `from` was merged into `into`, and so was everything merged into `from` before. */
  alias(from: string, into: string) {
    this.aliases.set(from, into);
    for (const [alias, target] of this.aliases) if (target === from) this.aliases.set(alias, into);
  }

  /** The contact an id lives on in now: itself, or the contact it was merged into. */
  canonical(id: string): string {
    return this.aliases.get(id) ?? id;
  }

  /** `id` and every id merged into it. */
  idsOf(id: string): Set<string> {
    const ids = new Set([id]);
    for (const [alias, into] of this.aliases) if (into === id) ids.add(alias);
    return ids;
  }

  /** Makes now what is otherwise made on first use: the destination index, search keys and standings. */
  prepare() {
    this.byDestination();
    for (const row of this.list) {
      row.searchKey ??= searchKeyOf(row.contact);
      this.standingOf(row);
    }
  }

  /** Forgets the standings of the contacts having `destination`: its consent changed. */
  invalidateDestination(destination: string) {
    for (const id of this.idsWith(destination)) this.invalidate(id);
  }

  /** What changed since the last call (or since loading). */
  takeChanges(): ContactChanges | undefined {
    if (!this.tracking) throw new Error('This directory keeps no changes: make it with tracking on.');
    if (this.dirty.size === 0) return undefined;
    const changes: ContactChanges = { put: [], removed: [] };
    for (const id of this.dirty) {
      const row = this.rows.get(id);
      if (row) changes.put.push(row.contact);
      else changes.removed.push(id);
    }
    this.dirty = new Set();
    return changes;
  }

  private markDirty(id: string) {
    if (this.tracking) this.dirty.add(id);
  }

  private idsWith(destination: string): readonly string[] {
    const ids = this.byDestination().get(destination);
    return ids === undefined ? [] : typeof ids === 'string' ? [ids] : ids;
  }

  private row(id: string): ContactRow {
    const row = this.rows.get(id);
    if (!row) throw new ProblemError('not-found', `No contact ${id}.`);
    return row;
  }

  private standingOf(row: ContactRow): ContactStanding {
    return (row.standing ??= contactStanding(row.contact, this.channels(), this.lookupFor(row.contact)));
  }

  /** The contact's standing on some channels alone (one, or one type's), cached like `standingOf` under `key`. */
  private standingOn(row: ContactRow, key: string, channels: readonly Channel[]): ContactStanding {
    row.byChannel ??= new Map();
    let standing = row.byChannel.get(key);
    if (!standing) row.byChannel.set(key, (standing = contactStanding(row.contact, channels, this.lookup)));
    return standing;
  }

  /**
   * The consent lookup for a contact's standing on every channel: one that answers at once when
   * none of its destinations has a record (one check per destination instead of one per channel).
   */
  private lookupFor(contact: Contact): ConsentLookup {
    return contact.destinations.some((d) => this.hasConsent(d.value)) ? this.lookup : NO_RECORDS;
  }

  private invalidate(id: string) {
    const row = this.rows.get(id);
    if (row) {
      row.standing = undefined;
      row.byChannel = undefined;
    }
  }

  private predicate(filter: ContactFilter): (row: ContactRow) => boolean {
    const tests: ((row: ContactRow) => boolean)[] = [];
    const query = filter.query ? searchable(filter.query.trim()) : '';
    if (query) {
      const digits = query.replace(/\D/g, '');
      // A query that is mostly a phone number matches on digits, whatever the formatting.
      const byDigits = digits.length >= 3 && digits.length >= query.replace(/[\s()+.-]/g, '').length;
      const needle = byDigits ? digits : query;
      tests.push((row) => (row.searchKey ??= searchKeyOf(row.contact)).includes(needle));
    }
    if (filter.locationId) {
      const [only, ...more] = filter.locationId;
      const locationIds = new Set(filter.locationId);
      // One location (the usual case) stays a plain includes over the row's few locations.
      tests.push(more.length === 0 ? (row) => row.locationIds.includes(only as string) : (row) => row.locationIds.some((id) => locationIds.has(id)));
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
    const channelType = filter.channelType;
    if (channelType) {
      const phone = destinationKindFor(channelType) === 'phone';
      tests.push((row) => (phone ? row.hasPhone : row.hasEmail));
    }
    if (filter.status) {
      const status = filter.status;
      // With a channel or a channel type, the status is computed on those channels alone.
      const scoped = channel ? [channel].filter((c) => !channelType || c.type === channelType) : channelType ? this.channels().filter((c) => c.type === channelType) : undefined;
      const key = channel ? `${channel.id}\u0000${channelType ?? ''}` : `\u0000${channelType ?? ''}`;
      tests.push((row) => matchesStatusFilter((scoped ? this.standingOn(row, key, scoped) : this.standingOf(row)).status, status));
    }
    if (tests.length === 0) return () => true;
    if (tests.length === 1) return tests[0] as (row: ContactRow) => boolean;
    return (row) => tests.every((test) => test(row));
  }

  /**
   * Adds the contact's row, or refreshes it (the same row object, so its place in the list
   * stays); `fresh` when loading, where no contact has a row yet.
   */
  private index(contact: Contact, fresh = false): ContactRow {
    let hasPhone = false;
    let hasEmail = false;
    for (const d of contact.destinations) {
      if (d.kind === 'phone') hasPhone = true;
      else hasEmail = true;
    }
    if (this.destinations) indexDestinations(this.destinations, contact);
    const row = fresh ? undefined : this.rows.get(contact.id);
    if (row) {
      Object.assign(row, { contact, searchKey: undefined, locationIds: [...contact.locationIds], tags: [...contact.tags], hasPhone, hasEmail, standing: undefined, byChannel: undefined });
      return row;
    }
    const created: ContactRow = { id: contact.id, contact, searchKey: undefined, locationIds: [...contact.locationIds], tags: [...contact.tags], hasPhone, hasEmail, standing: undefined, byChannel: undefined };
    this.rows.set(contact.id, created);
    return created;
  }

  private unindexDestinations(contact: Contact) {
    const byDestination = this.byDestination();
    for (const d of contact.destinations) {
      const ids = byDestination.get(d.value);
      if (ids === undefined) continue;
      if (typeof ids === 'string') {
        if (ids === contact.id) byDestination.delete(d.value);
        continue;
      }
      const rest = ids.filter((id) => id !== contact.id);
      if (rest.length === 0) byDestination.delete(d.value);
      else byDestination.set(d.value, rest.length === 1 ? (rest[0] as string) : rest);
    }
    this.invalidate(contact.id);
  }

  /**
   * The destination index, made on first use: loading 100,000 contacts does not wait for it, and
   * `prepare()` makes it once the page is idle.
   */
  private byDestination(): Map<string, string | string[]> {
    if (!this.destinations) {
      this.destinations = new Map();
      for (const row of this.list) indexDestinations(this.destinations, row.contact);
    }
    return this.destinations;
  }
}

function indexDestinations(byDestination: Map<string, string | string[]>, contact: Contact) {
  for (const d of contact.destinations) {
    const ids = byDestination.get(d.value);
    if (ids === undefined) byDestination.set(d.value, contact.id);
    else if (typeof ids === 'string') {
      if (ids !== contact.id) byDestination.set(d.value, [ids, contact.id]);
    } else if (!ids.includes(contact.id)) ids.push(contact.id);
  }
}
