// Bulk unsubscribe: a preview freezes the audience it counted; a job runs on exactly that
// audience in chunks; undo restores exactly what the job changed and nothing else.
import { CHANNEL_TYPES, bulkUnsubscribeEffect, consentRecordsFor, keepsStandingOptOut, type ChannelType, type ConsentLookup, type ConsentRecord } from '../../src/engine/index.js';
import type { MockStore } from './mock-store.js';
import { actorOf } from './session.js';
import { ProblemError } from './problems.js';
import type { BulkJobRecord, BulkPreview, BulkTarget, JobChange, PreviewRecord } from './types.js';

/** How long a preview's frozen audience may be started. */
export const PREVIEW_TTL_MS = 15 * 60_000;
/** How long after finishing an agent-initiated job may be undone. */
export const UNDO_WINDOW_MS = 60 * 60_000;
/** Contacts processed per scheduler turn. */
export const CHUNK_SIZE = 2000;

/** Runs `fn` on a later turn, `delayMs` later when QA slowed jobs down. */
function later(fn: () => void, delayMs: number) {
  if (delayMs <= 0 && typeof setImmediate === 'function') {
    setImmediate(fn);
    return;
  }
  const timer: unknown = setTimeout(fn, delayMs);
  // In Node, a slowed-down job must not keep the process alive once everything else is done.
  (timer as { unref?: () => void }).unref?.();
}

export class BulkJobs {
  private readonly running = new Set<string>();

  /** `stepDelayMs` is the pause before each chunk (the `jobStepMs` fault; 0 by default). */
  constructor(
    private readonly store: MockStore,
    private readonly stepDelayMs: () => number = () => 0,
  ) {
    // Jobs that were running when the page was reloaded pick up where they stopped.
    for (const job of store.db.jobs) if (job.status === 'running' || job.status === 'queued' || job.status === 'undoing') this.schedule(job);
  }

  /** The contacts a target names, in list order. The route checked its shape against the contract. */
  private audienceOf(target: BulkTarget): string[] {
    // The contract's uniqueItems on these lists, checked here with a Set (see scripts/check-api.mjs).
    const [name, list] = target.kind === 'ids' ? ['ids', target.ids] : ['excludedIds', target.excludedIds];
    const seen = new Set<string>();
    const repeated = list.flatMap((id, i) => (seen.has(id) ? [{ field: `target.${name}[${i}]`, message: `${id} is listed twice`, code: 'duplicate' as const }] : (seen.add(id), [])));
    if (repeated.length > 0) throw new ProblemError('validation', 'A contact is listed more than once.', repeated);
    if (target.kind === 'filter') return this.store.matching(target.filter).filter((id) => !seen.has(id));
    const unknown = target.ids.flatMap((id, i) => (this.store.hasContact(id) ? [] : [{ field: `target.ids[${i}]`, message: `no contact ${id}`, code: 'not-found' as const }]));
    if (unknown.length > 0) throw new ProblemError('validation', `${unknown.length} of the contacts do not exist.`, unknown);
    // In list order, like a filter's audience, so the sample reads as the list does.
    return this.store.matching({}).filter((id) => seen.has(id));
  }

  createPreview(input: { target: BulkTarget; channelIds?: string[] }) {
    const user = this.store.authorize('bulk:unsubscribe');
    const channelIds = input.channelIds ?? this.store.channels.map((c) => c.id);
    channelIds.forEach((id) => this.store.channel(id, 'channelIds'));
    const contactIds = this.audienceOf(input.target);
    let alreadyUnsubscribed = 0;
    let blocked = 0;
    let unreachable = 0;
    const byLocation = new Map<string, number>();
    const byChannelType = new Map<ChannelType, number>();
    const channels = channelIds.map((id) => this.store.channel(id));
    const consent: ConsentLookup = (destination, channelId) => this.store.currentConsent(destination, channelId);
    for (const id of contactIds) {
      const contact = this.store.contact(id);
      for (const locationId of contact.locationIds) byLocation.set(locationId, (byLocation.get(locationId) ?? 0) + 1);
      // The engine's rule, the one the table and the review count with too.
      const effect = bulkUnsubscribeEffect(contact, channels, consent);
      if (effect.blocked) blocked++;
      if (effect.outcome === 'unreachable') unreachable++;
      else if (effect.outcome === 'already-unsubscribed') alreadyUnsubscribed++;
      for (const type of effect.changingChannelTypes) byChannelType.set(type, (byChannelType.get(type) ?? 0) + 1);
    }
    const now = this.store.now();
    const previewId = this.store.nextId('pv');
    const expiresAt = new Date(now + PREVIEW_TTL_MS).toISOString();
    const answer: BulkPreview = {
      id: previewId,
      expiresAt,
      total: contactIds.length,
      willChange: contactIds.length - alreadyUnsubscribed - unreachable,
      alreadyUnsubscribed,
      blockedCount: blocked,
      unreachable,
      sample: contactIds.slice(0, 20).map((id) => this.store.summary(id)),
      breakdown: {
        byLocation: [...byLocation].map(([locationId, count]) => ({ locationId, count })),
        byChannelType: CHANNEL_TYPES.filter((t) => byChannelType.has(t)).map((channelType) => ({ channelType, count: byChannelType.get(channelType) ?? 0 })),
      },
      channelIds,
    };
    const preview: PreviewRecord = { previewId, createdAt: new Date(now).toISOString(), expiresAt, createdBy: user.id, contactIds, channelIds, answer };
    // Only the latest previews are kept; each holds a frozen audience.
    this.store.db.previews = [...this.store.db.previews.filter((p) => Date.parse(p.expiresAt) > now).slice(-9), preview];
    this.store.changed();
    return answer;
  }

  start(previewId: string): BulkJobRecord {
    const user = this.store.authorize('bulk:unsubscribe');
    const preview = this.store.db.previews.find((p) => p.previewId === previewId);
    if (!preview) throw new ProblemError('preview-expired', `No preview ${previewId} is open: review the audience again.`);
    if (Date.parse(preview.expiresAt) <= this.store.now()) {
      throw new ProblemError('preview-expired', 'This preview expired: review the audience again before unsubscribing.');
    }
    if (this.store.db.jobs.some((j) => j.previewId === previewId)) throw new ProblemError('conflict', 'A job already ran on this preview.');
    const job: BulkJobRecord = {
      id: this.store.nextId('job'),
      previewId,
      status: 'queued',
      total: preview.contactIds.length,
      processed: 0,
      changed: 0,
      skipped: 0,
      createdAt: this.store.iso(),
      createdBy: actorOf(user),
      finishedAt: null,
      undoExpiresAt: null,
      failureReason: null,
      channelIds: preview.channelIds,
      // The frozen audience: exactly what was reviewed, never re-evaluated.
      contactIds: preview.contactIds,
      changes: [],
    };
    this.store.db.jobs.push(job);
    this.store.audit({ action: 'bulk-job-started', actor: actorOf(user), jobId: job.id, channelIds: job.channelIds, details: { total: job.total } });
    this.store.changed();
    this.schedule(job);
    return job;
  }

  get(id: string): BulkJobRecord {
    this.store.authorize('bulk:unsubscribe');
    return this.job(id);
  }

  cancel(id: string): BulkJobRecord {
    const user = this.store.authorize('bulk:unsubscribe');
    const job = this.job(id);
    if (job.status !== 'queued' && job.status !== 'running') throw new ProblemError('conflict', `The job is ${job.status}; only a queued or running job can be cancelled.`);
    job.status = 'cancelled';
    this.finish(job);
    this.store.audit({ action: 'bulk-job-cancelled', actor: actorOf(user), jobId: job.id, details: { processed: job.processed, changed: job.changed } });
    this.store.changed();
    return job;
  }

  undo(id: string): BulkJobRecord {
    const user = this.store.authorize('bulk:unsubscribe');
    const job = this.job(id);
    if (job.status !== 'completed' && job.status !== 'cancelled') throw new ProblemError('conflict', `The job is ${job.status}; only a finished job can be undone.`);
    if (!job.undoExpiresAt || Date.parse(job.undoExpiresAt) <= this.store.now()) throw new ProblemError('undo-window-closed', 'The undo window for this job has closed: its opt-outs stay in place.');
    job.status = 'undoing';
    job.processed = 0;
    job.undoCursor = 0;
    this.store.audit({ action: 'bulk-job-undone', actor: actorOf(user), jobId: job.id, details: { changes: job.changes.length } });
    this.store.changed();
    this.schedule(job);
    return job;
  }

  /** Resolves when the job is no longer queued, running or undoing (tests and benchmarks). */
  async settled(id: string): Promise<BulkJobRecord> {
    const job = this.job(id);
    while (job.status === 'queued' || job.status === 'running' || job.status === 'undoing') {
      await new Promise<void>((resolve) => later(resolve, 0));
    }
    return job;
  }

  private job(id: string): BulkJobRecord {
    const job = this.store.db.jobs.find((j) => j.id === id);
    if (!job) throw new ProblemError('not-found', `No job ${id}.`);
    return job;
  }

  private schedule(job: BulkJobRecord) {
    if (this.running.has(job.id)) return;
    this.running.add(job.id);
    const step = () => {
      const more = job.status === 'undoing' ? this.undoChunk(job) : job.status === 'queued' || job.status === 'running' ? this.runChunk(job) : false;
      this.store.changed();
      if (more) later(step, this.stepDelayMs());
      else this.running.delete(job.id);
    };
    later(step, this.stepDelayMs());
  }

  /** Processes the next chunk of contacts; false when there is nothing left. */
  private runChunk(job: BulkJobRecord): boolean {
    job.status = 'running';
    const end = Math.min(job.processed + CHUNK_SIZE, job.total);
    for (let i = job.processed; i < end; i++) {
      const contactId = job.contactIds[i] as string;
      // A contact deleted since the preview has nothing left to change.
      if (!this.store.hasContact(contactId)) {
        job.skipped++;
        continue;
      }
      const contact = this.store.contact(contactId);
      const written: ConsentRecord[] = [];
      // A destination shared with an earlier contact of this job was changed by this job too.
      let sharedChange = false;
      let newlyUnsubscribed = false;
      for (const channelId of job.channelIds) {
        // Exactly what the preview counted: the valid destinations.
        for (const destination of this.store.reachableDestinationsFor(contact, this.store.channel(channelId))) {
          const previous = this.store.currentConsent(destination, channelId);
          if (previous?.jobId === job.id && previous.status === 'unsubscribed') {
            sharedChange = true;
            continue;
          }
          if (keepsStandingOptOut(previous, 'bulk')) continue;
          // Another job's opt-out is taken over, so undoing that job leaves this one's in place;
          // the contact was already unsubscribed, so it does not count as a change.
          if (previous?.status !== 'unsubscribed') newlyUnsubscribed = true;
          job.changes.push({ contactId, destination, channelId, previous: previous ?? null });
          written.push(...consentRecordsFor({ destination, channelIds: [channelId], status: 'unsubscribed', at: this.store.iso(), source: 'bulk', actor: job.createdBy, jobId: job.id }));
        }
      }
      if (written.length > 0) {
        this.store.writeConsent(written);
        this.store.recordConsentEvents(contact, written, 'unsubscribed', job.createdBy, null);
      }
      if (newlyUnsubscribed) {
        job.changed++;
      } else if (sharedChange) {
        job.changed++;
      } else {
        job.skipped++;
      }
    }
    job.processed = end;
    if (job.processed >= job.total) {
      job.status = 'completed';
      this.finish(job);
      return false;
    }
    return true;
  }

  /** Restores the next chunk of what the job changed; a pair changed since (a STOP, an agent) is left alone. */
  private undoChunk(job: BulkJobRecord): boolean {
    const start = job.undoCursor ?? 0;
    const end = Math.min(start + CHUNK_SIZE * 4, job.changes.length);
    const restored = new Map<string, string[]>();
    for (let i = start; i < end; i++) {
      const change = job.changes[i];
      if (!change) continue;
      const current = this.store.currentConsent(change.destination, change.channelId);
      // Changed since (a STOP, an agent, a later job): that newer request stays.
      if (current?.jobId !== job.id) continue;
      const previous = this.restorable(change);
      if (previous) this.store.writeConsent([previous]);
      else this.store.clearConsent(change.destination, change.channelId);
      // A contact's changes are recorded together, so a new contact id is one more contact restored.
      if (change.contactId !== job.undoLastContact) {
        job.processed++;
        job.undoLastContact = change.contactId;
      }
      const key = `${change.contactId}\u0000${change.destination}`;
      restored.set(key, [...(restored.get(key) ?? []), change.channelId]);
    }
    for (const [key, channelIds] of restored) {
      const [contactId, destination] = key.split('\u0000') as [string, string];
      this.store.audit({ action: 'resubscribed', actor: job.createdBy, contactId, destination, channelIds, source: 'bulk', jobId: job.id, note: 'Undo of a bulk unsubscribe' });
    }
    job.undoCursor = end;
    if (end >= job.changes.length) {
      job.status = 'undone';
      delete job.undoCursor;
      delete job.undoLastContact;
      job.undoExpiresAt = null;
      job.finishedAt = this.store.iso();
      return false;
    }
    return true;
  }

  /**
   * What undoing `change` puts back: its previous record, unless that was another job's opt-out
   * which has been undone since; then what that job's undo put back.
   */
  private restorable(change: JobChange): ConsentRecord | null {
    let previous = change.previous;
    while (previous?.source === 'bulk' && previous.jobId) {
      const earlier = this.store.db.jobs.find((j) => j.id === previous?.jobId);
      if (earlier?.status !== 'undone') break;
      const pair = earlier.changes.find((c) => c.destination === change.destination && c.channelId === change.channelId);
      previous = pair ? pair.previous : null;
    }
    return previous;
  }

  private finish(job: BulkJobRecord) {
    job.finishedAt = this.store.iso();
    job.undoExpiresAt = new Date(this.store.now() + UNDO_WINDOW_MS).toISOString();
  }
}

/** The job as the contract shows it (without the audience and change log). */
export function publicJob(job: BulkJobRecord) {
  const { contactIds: _contactIds, changes: _changes, undoCursor: _undoCursor, undoLastContact: _undoLastContact, ...rest } = job;
  return rest;
}
