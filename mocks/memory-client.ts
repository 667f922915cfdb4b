// An OptOutClient answered in the page, without HTTP or a service worker, over contacts generated
// in a few milliseconds: for benchmarks that measure an element rather than the mock's transport,
// and for stories at 100,000 contacts (the full seed takes seconds to build). Only what the lists
// and bulk unsubscribe ask is answered; every other method rejects. The bulk preview counts with
// the engine's rule, as the real mock does.
import { bulkUnsubscribeEffect, CHANNEL_TYPES, destinationKindFor, matchesStatusFilter, permissionsFor } from '../src/engine/index.js';
import type { Channel, ConsentLookup, ConsentRecord, Contact, Role } from '../src/engine/index.js';
import type { OptOutClient, RequestOptions } from '../src/client/optout-client.js';
import type { BulkJob, BulkPreview, BulkTarget, ContactFilter, ContactListQuery, ContactPage, ContactSummary, Me, MessagingSettings, Organization } from '../src/client/types.js';
import { sampleChannels, sampleLocations } from './fixtures/sample-organization.js';

const ORGANIZATION: Organization = { id: 'org-memory', name: 'Memory organization', locations: sampleLocations, channels: sampleChannels, sequences: [] };

const FIRST = ['Ava', 'Liam', 'Olivia', 'Noah', 'Emma', 'William', 'Charlotte', 'Félix', 'Zoé', 'Jacob', 'Maya', 'Léa', 'Omar', 'Priya', 'Chen', 'Sofia'];
const LAST = ['Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Nguyen', 'Singh', 'Smith', 'Martin', 'Khan', 'Wong', 'Pelletier'];

export interface MemoryClientOptions {
  /** How many contacts (default 100,000). */
  contacts?: number;
  /** The signed-in role (default admin). */
  role?: Role;
  /** Contacts processed per job step (default 5,000), one step per macrotask. */
  chunk?: number;
  /** Fails every job once it has processed this many contacts (what was changed stays changed). */
  failAfter?: number;
}

interface Row {
  contact: Contact;
  /** Lower-cased name, email and phone digits: what a search matches. */
  key: string;
}

interface MemoryJob {
  job: BulkJob;
  contactIds: string[];
  written: ConsentRecord[];
}

const abortable = async <T>(options: RequestOptions, answer: () => T): Promise<T> => {
  options.signal?.throwIfAborted();
  // A macrotask, as a network answer would be, so an abort in between is honoured.
  await new Promise((resolve) => setTimeout(resolve, 0));
  options.signal?.throwIfAborted();
  return answer();
};

export class MemoryOptOutClient {
  readonly rows: Row[];
  /** Current consent, `destination|channelId` → record. */
  readonly consent = new Map<string, ConsentRecord>();
  private readonly channels: Channel[] = sampleChannels;
  private readonly previews = new Map<string, { preview: BulkPreview; contactIds: string[] }>();
  private readonly jobs = new Map<string, MemoryJob>();
  /** Destinations with any consent record: most have none, and a page of summaries asks about each. */
  private readonly withConsent = new Set<string>();
  private readonly lookup: ConsentLookup = (destination, channelId) =>
    this.withConsent.has(destination) ? this.consent.get(`${destination}|${channelId}`) : undefined;
  private nextId = 1;
  /** Bumped on every consent change, so memoized filter answers are recomputed. */
  private version = 0;
  private memo: { key: string; version: number; rows: Row[] } | undefined;

  constructor(private readonly options: MemoryClientOptions = {}) {
    const count = options.contacts ?? 100_000;
    const locations = sampleLocations.map((l) => l.id);
    this.rows = Array.from({ length: count }, (_, i) => {
      const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i + 1}`;
      const phone = `+1416${String(2_000_000 + i).padStart(7, '0')}`;
      const email = `contact${i + 1}@example.com`;
      const contact: Contact = {
        id: `m-${String(i + 1).padStart(6, '0')}`,
        name,
        destinations: [
          { kind: 'phone', value: phone, valid: i % 23 !== 0 },
          { kind: 'email', value: email, valid: true },
        ],
        blocked: i % 97 === 0 ? { blockedBy: { type: 'user', id: 'u-manager' }, blockedAt: '2026-01-05T10:00:00.000Z', reason: null } : null,
        excludedChannelTypes: [],
        tags: i % 5 === 0 ? ['vip'] : [],
        locationIds: [locations[i % locations.length] as string],
      };
      return { contact, key: `${name.toLowerCase()}\n${email}\n${phone.replace(/\D/g, '')}` };
    });
    // Contacts are generated in name order per block; sort once so the list reads A→Z.
    this.rows.sort((a, b) => (a.contact.name < b.contact.name ? -1 : a.contact.name > b.contact.name ? 1 : 0));
  }

  /** The client, typed as the interface; methods the lists and bulk unsubscribe do not use reject. */
  get client(): OptOutClient {
    return new Proxy(this as unknown as OptOutClient, {
      get: (target, name) => {
        const value = (target as unknown as Record<string | symbol, unknown>)[name];
        if (value !== undefined || typeof name !== 'string' || name === 'then' || name.startsWith('_')) return typeof value === 'function' ? value.bind(target) : value;
        return () => Promise.reject(new Error(`MemoryOptOutClient does not answer ${name}`));
      },
    });
  }

  getMe(options: RequestOptions): Promise<Me> {
    const role = this.options.role ?? 'admin';
    return abortable(options, (): Me => ({ user: { id: `u-${role}`, name: `Memory ${role}`, email: `${role}@example.com` }, role, permissions: [...permissionsFor(role)] }));
  }

  getOrganization(options: RequestOptions): Promise<Organization> {
    return abortable(options, () => ORGANIZATION);
  }

  getMessagingSettings(options: RequestOptions): Promise<{ settings: MessagingSettings; etag: string }> {
    return abortable(options, () => ({
      settings: { optOutScope: 'channel', phrasePolicy: 'review', customKeywords: { optOut: [], optIn: [], help: [] } } as unknown as MessagingSettings,
      etag: '"memory"',
    }));
  }

  listContacts(query: ContactListQuery, options: RequestOptions): Promise<ContactPage> {
    return abortable(options, () => {
      const { cursor, limit = 50, sort = 'name', ...filter } = query;
      const ids = this.matching(filter, sort);
      const start = cursor ? Number(cursor) : 0;
      const items = ids.slice(start, start + limit).map((row) => this.summary(row));
      return { items, total: ids.length, nextCursor: start + limit < ids.length ? String(start + limit) : null };
    });
  }

  createBulkUnsubscribePreview(body: BulkTarget, options: RequestOptions): Promise<BulkPreview> {
    return abortable(options, () => {
      const target = body.target;
      const rows =
        target.kind === 'ids'
          ? this.rows.filter((row) => target.ids.includes(row.contact.id))
          : this.matching('all' in target.filter ? {} : target.filter).filter((row) => !target.excludedIds.includes(row.contact.id));
      const channels = body.channelIds ? this.channels.filter((c) => body.channelIds?.includes(c.id)) : this.channels;
      let willChange = 0;
      let already = 0;
      let unreachable = 0;
      let blocked = 0;
      const byLocation = new Map<string, number>();
      const byType = new Map<string, number>();
      for (const row of rows) {
        const effect = bulkUnsubscribeEffect(row.contact, channels, this.lookup);
        if (effect.blocked) blocked++;
        if (effect.outcome === 'will-change') willChange++;
        else if (effect.outcome === 'already-unsubscribed') already++;
        else unreachable++;
        for (const l of row.contact.locationIds) byLocation.set(l, (byLocation.get(l) ?? 0) + 1);
        for (const t of effect.changingChannelTypes) byType.set(t, (byType.get(t) ?? 0) + 1);
      }
      const preview: BulkPreview = {
        id: `pv-${this.nextId++}`,
        expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
        total: rows.length,
        willChange,
        alreadyUnsubscribed: already,
        blockedCount: blocked,
        unreachable,
        sample: rows.slice(0, 20).map((row) => this.summary(row)),
        breakdown: {
          byLocation: [...byLocation].map(([locationId, count]) => ({ locationId, count })),
          byChannelType: CHANNEL_TYPES.filter((t) => byType.has(t)).map((channelType) => ({ channelType, count: byType.get(channelType) ?? 0 })),
        },
        channelIds: channels.map((c) => c.id),
      };
      this.previews.set(preview.id, { preview, contactIds: rows.map((row) => row.contact.id) });
      return preview;
    });
  }

  startBulkUnsubscribeJob(previewId: string, options: RequestOptions): Promise<BulkJob> {
    return abortable(options, () => {
      const frozen = this.previews.get(previewId);
      if (!frozen) throw new Error(`No preview ${previewId}`);
      const job: BulkJob = {
        id: `job-${this.nextId++}`,
        previewId,
        status: 'running',
        total: frozen.contactIds.length,
        processed: 0,
        changed: 0,
        skipped: 0,
        createdAt: new Date().toISOString(),
        createdBy: { type: 'user', id: `u-${this.options.role ?? 'admin'}` },
        finishedAt: null,
        undoExpiresAt: null,
        failureReason: null,
        channelIds: frozen.preview.channelIds,
      };
      const record: MemoryJob = { job, contactIds: frozen.contactIds, written: [] };
      this.jobs.set(job.id, record);
      this.run(record);
      return { ...job };
    });
  }

  getBulkUnsubscribeJob(jobId: string, options: RequestOptions): Promise<BulkJob> {
    return abortable(options, () => ({ ...this.job(jobId).job }));
  }

  cancelBulkUnsubscribeJob(jobId: string, options: RequestOptions): Promise<BulkJob> {
    return abortable(options, () => {
      const { job } = this.job(jobId);
      job.status = 'cancelled';
      this.finish(job);
      return { ...job };
    });
  }

  undoBulkUnsubscribeJob(jobId: string, options: RequestOptions): Promise<BulkJob> {
    return abortable(options, () => {
      const record = this.job(jobId);
      for (const r of record.written) if (this.consent.get(`${r.destination}|${r.channelId}`) === r) this.consent.delete(`${r.destination}|${r.channelId}`);
      this.version++;
      record.job.status = 'undone';
      record.job.undoExpiresAt = null;
      return { ...record.job };
    });
  }

  /**
   * The rows a filter matches, in `sort` order, memoized until the next consent change: a page is
   * then a slice, as an indexed backend answers it, not a pass over every contact. Read-only.
   */
  private matching(filter: ContactFilter, sort: NonNullable<ContactListQuery['sort']> = 'name'): readonly Row[] {
    const key = JSON.stringify([filter, sort]);
    if (this.memo?.key === key && this.memo.version === this.version) return this.memo.rows;
    const rows = this.filterRows(filter);
    if (sort === 'status' || sort === '-status') {
      const order = ['subscribed', 'partially-unsubscribed', 'unsubscribed', 'blocked', 'unreachable'];
      const rank = new Map(rows.map((row) => [row, order.indexOf(this.statusOf(row.contact, this.channels))]));
      rows.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    }
    if (sort.startsWith('-')) rows.reverse();
    this.memo = { key, version: this.version, rows };
    return rows;
  }

  private filterRows(filter: ContactFilter): Row[] {
    const query = filter.query?.trim().toLowerCase() ?? '';
    const digits = query.replace(/\D/g, '');
    const needle = digits.length >= 3 && digits.length >= query.replace(/[\s()+.-]/g, '').length ? digits : query;
    const scoped = filter.channelType ? this.channels.filter((c) => c.type === filter.channelType) : this.channels;
    const kind = filter.channelType ? destinationKindFor(filter.channelType) : undefined;
    return this.rows.filter(({ contact, key }) => {
      if (needle && !key.includes(needle)) return false;
      if (filter.locationId && !filter.locationId.some((id) => contact.locationIds.includes(id))) return false;
      if (filter.tag && !contact.tags.includes(filter.tag)) return false;
      if (kind && !contact.destinations.some((d) => d.kind === kind)) return false;
      if (filter.status && !matchesStatusFilter(this.statusOf(contact, scoped), filter.status)) return false;
      return true;
    });
  }

  private statusOf(contact: Contact, channels: readonly Channel[]): ContactSummary['status'] {
    if (contact.blocked) return 'blocked';
    let pairs = 0;
    let out = 0;
    for (const channel of channels) {
      for (const d of contact.destinations) {
        if (!d.valid || d.kind !== destinationKindFor(channel.type)) continue;
        pairs++;
        if (this.lookup(d.value, channel.id)?.status === 'unsubscribed') out++;
      }
    }
    return pairs === 0 ? 'unreachable' : out === 0 ? 'subscribed' : out === pairs ? 'unsubscribed' : 'partially-unsubscribed';
  }

  private summary({ contact }: Row): ContactSummary {
    const unsubscribed = this.channels.filter((c) => contact.destinations.some((d) => this.lookup(d.value, c.id)?.status === 'unsubscribed')).length;
    return {
      id: contact.id,
      name: contact.name,
      phone: contact.destinations.find((d) => d.kind === 'phone')?.value ?? null,
      email: contact.destinations.find((d) => d.kind === 'email')?.value ?? null,
      status: this.statusOf(contact, this.channels),
      blocked: contact.blocked && { ...contact.blocked },
      unsubscribedChannelCount: unsubscribed,
      tags: contact.tags,
      locationIds: contact.locationIds,
      destinations: contact.destinations,
      lastActivityAt: null,
    };
  }

  private job(jobId: string): MemoryJob {
    const record = this.jobs.get(jobId);
    if (!record) throw new Error(`No job ${jobId}`);
    return record;
  }

  private run(record: MemoryJob) {
    const byId = new Map(this.rows.map((row) => [row.contact.id, row.contact]));
    const channels = this.channels.filter((c) => record.job.channelIds.includes(c.id));
    const step = () => {
      const { job } = record;
      if (job.status !== 'running') return;
      const end = Math.min(job.processed + (this.options.chunk ?? 5000), job.total);
      for (let i = job.processed; i < end; i++) {
        const contact = byId.get(record.contactIds[i] as string);
        const effect = contact ? bulkUnsubscribeEffect(contact, channels, this.lookup) : undefined;
        if (!contact || effect?.outcome !== 'will-change') {
          job.skipped++;
          continue;
        }
        for (const channel of channels) {
          for (const d of contact.destinations) {
            if (!d.valid || d.kind !== destinationKindFor(channel.type) || this.lookup(d.value, channel.id)?.status === 'unsubscribed') continue;
            const r: ConsentRecord = { destination: d.value, channelId: channel.id, status: 'unsubscribed', changedAt: new Date().toISOString(), source: 'bulk', actor: job.createdBy, keyword: null, viaChannelId: null, scope: null, note: null, jobId: job.id };
            this.consent.set(`${d.value}|${channel.id}`, r);
            this.withConsent.add(d.value);
            record.written.push(r);
            this.version++;
          }
        }
        job.changed++;
      }
      job.processed = end;
      if (this.options.failAfter !== undefined && job.processed >= this.options.failAfter && job.processed < job.total) {
        job.status = 'failed';
        job.failureReason = 'The messaging provider stopped answering (simulated by the in-memory client).';
        job.finishedAt = new Date().toISOString();
        return;
      }
      if (job.processed >= job.total) {
        job.status = 'completed';
        this.finish(job);
      } else setTimeout(step, 0);
    };
    setTimeout(step, 0);
  }

  private finish(job: BulkJob) {
    job.finishedAt = new Date().toISOString();
    job.undoExpiresAt = new Date(Date.now() + 60 * 60_000).toISOString();
  }
}
