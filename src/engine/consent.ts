import type { Classification } from './classify.js';
import { resolveOptOutChannels } from './scope.js';
import type { Actor, Channel, ConsentRecord, ConsentSource, ConsentStatus, OptOutScope } from './types.js';

/** One consent change applied to a destination on several channels at once. */
export interface ConsentChange {
  destination: string;
  channelIds: readonly string[];
  status: ConsentStatus;
  /** ISO timestamp. */
  at: string;
  source: ConsentSource;
  actor: Actor;
  keyword?: string;
  viaChannelId?: string;
  scope?: OptOutScope;
  note?: string;
  jobId?: string;
}

/** Builds the consent records a change writes, one per distinct channel id. */
export function consentRecordsFor(change: ConsentChange): ConsentRecord[] {
  const { destination, status, at, source, actor, keyword, viaChannelId, scope, note, jobId } = change;
  // Every fact is present, null when it does not apply (the contract's rule for unset fields).
  return [...new Set(change.channelIds)].map((channelId) => ({
    destination,
    channelId,
    status,
    changedAt: at,
    source,
    actor: { ...actor },
    keyword: keyword ?? null,
    viaChannelId: viaChannelId ?? null,
    scope: scope ?? null,
    note: note ?? null,
    jobId: jobId ?? null,
  }));
}

/** Whether a re-subscription may proceed, and if not, why. */
export type ResubscribeDecision = { allowed: true } | { allowed: false; reason: 'note-required' | 'not-unsubscribed' };

/**
 * Decides whether a destination's opt-out on one channel may be reversed. The contact's own
 * opt-in reply always may. An agent needs a written consent note, also for keyword opt-outs: the
 * note is the record of the consent the contact gave by other means, and it goes to the audit log.
 */
export function canResubscribe(
  current: ConsentRecord | undefined,
  by: { kind: 'agent' | 'contact'; note?: string },
): ResubscribeDecision {
  if (current?.status !== 'unsubscribed') return { allowed: false, reason: 'not-unsubscribed' };
  if (by.kind === 'contact') return { allowed: true };
  return by.note?.trim() ? { allowed: true } : { allowed: false, reason: 'note-required' };
}

/**
 * Whether an existing opt-out stands for a new one coming from `incoming`, so nothing is written.
 * The earliest opt-out is the legally relevant record, so it usually stands, except:
 * - a bulk job's opt-out never stands for another request: the job can be undone, and the undo
 *   must not take a newer agent's, contact's or job's opt-out with it;
 * - only the contact's own STOP stands for the contact's STOP: an agent's opt-out can be reversed
 *   with a consent note, the contact's own request must survive that.
 */
export function keepsStandingOptOut(current: ConsentRecord | undefined, incoming: ConsentSource): boolean {
  if (current?.status !== 'unsubscribed') return false;
  if (current.source === 'bulk') return false;
  if (incoming === 'stop-reply') return current.source === 'stop-reply';
  return true;
}

/** Whether plain-language opt-out requests are applied at once or queued for an agent to review. */
export type PhrasePolicy = 'apply' | 'review';

/** What the backend should do with an inbound message, with the channels it concerns. */
export type InboundAction =
  | { kind: 'apply-opt-out'; channelIds: string[]; scope: OptOutScope }
  | { kind: 'apply-opt-in'; channelIds: string[]; scope: OptOutScope }
  | { kind: 'queue-review'; channelIds: string[]; scope: OptOutScope }
  | { kind: 'reply-help' }
  | { kind: 'none' };

/** Turns a classification of a reply received on `messaged` into the action the org's settings call for. */
export function inboundAction(
  classification: Classification,
  messaged: Channel,
  channels: readonly Channel[],
  settings: { scope: OptOutScope; phrasePolicy: PhrasePolicy },
): InboundAction {
  const { scope } = settings;
  switch (classification.intent) {
    case 'opt-out': {
      const channelIds = resolveOptOutChannels(messaged, scope, channels, 'opt-out');
      // Only a plain-language phrase waits for review; a keyword, or the carrier's own opt-out, applies at once.
      const applies = classification.match !== 'phrase' || settings.phrasePolicy === 'apply';
      return { kind: applies ? 'apply-opt-out' : 'queue-review', channelIds, scope };
    }
    case 'opt-out-all':
      return {
        kind: 'apply-opt-out',
        channelIds: resolveOptOutChannels(messaged, scope, channels, 'opt-out-all'),
        scope: 'organization',
      };
    case 'opt-in':
      return { kind: 'apply-opt-in', channelIds: resolveOptOutChannels(messaged, scope, channels, 'opt-in'), scope };
    case 'help':
      return { kind: 'reply-help' };
    case 'none':
      return { kind: 'none' };
  }
}
