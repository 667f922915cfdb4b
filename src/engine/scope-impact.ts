import { inboundTargets, type Senders } from './inbound.js';
import { resolveOptOutChannels } from './scope.js';
import type { Channel, Contact, OptOutScope } from './types.js';

/** One keyword opt-out reply as the backend received it, to replay under another scope. */
export interface ReplayedReply {
  /** The destination that replied. */
  from: string;
  /** The channel the reply came in on. */
  channelId: string;
  /** `opt-out-all` (STOP ALL) reaches the whole organization under every scope. */
  intent: 'opt-out' | 'opt-out-all';
  /** The contacts that have `from`; a STOP reaches their other destinations under a wide scope. */
  senders: Senders;
}

/** What a set of replies reaches under one scope. */
export interface ScopeReplay {
  scope: OptOutScope;
  /** Replies replayed (those on a channel the organization no longer has are left out). */
  replies: number;
  /** People reached: each contact once, and each replying destination no contact has. */
  contacts: number;
  /** Channel subscriptions reached: each (destination, channel) pair once. */
  subscriptions: number;
}

/**
 * Replays keyword opt-out replies under `scope`: what they reach, with the rules the inbound path
 * applies (`resolveOptOutChannels`, then `inboundTargets`), so a preview of a scope change shows
 * what the backend would have done. Consent standing before a reply is not consulted: a pair counts
 * as reached even where an earlier opt-out had already stopped it, so two scopes compare on the
 * same replies alone. Linear in replies × channels reached; resolutions are shared per channel.
 */
export function replayOptOutReplies(replies: Iterable<ReplayedReply>, scope: OptOutScope, channels: readonly Channel[]): ScopeReplay {
  const byId = new Map(channels.map((channel) => [channel.id, channel]));
  const reach = new Map<string, string[]>();
  const pairs = new Set<string>();
  const people = new Set<string | Contact>();
  const noConsent = () => undefined;
  let count = 0;
  for (const reply of replies) {
    const via = byId.get(reply.channelId);
    if (!via) continue;
    count += 1;
    const key = `${reply.intent}\u0000${via.id}`;
    let channelIds = reach.get(key);
    if (!channelIds) {
      channelIds = resolveOptOutChannels(via, scope, channels, reply.intent);
      reach.set(key, channelIds);
    }
    for (const target of inboundTargets('opt-out', reply.from, via, channelIds, channels, reply.senders, noConsent)) {
      pairs.add(`${target.destination}\u0000${target.channelId}`);
    }
    const senders = reply.senders === null ? [] : Array.isArray(reply.senders) ? reply.senders : [reply.senders as Contact];
    if (senders.length === 0) people.add(`destination\u0000${reply.from}`);
    for (const contact of senders) people.add(`contact\u0000${contact.id}`);
  }
  return { scope, replies: count, contacts: people.size, subscriptions: pairs.size };
}

/** The same replies under the saved scope and under a proposed one. */
export interface ScopeComparison {
  current: ScopeReplay;
  proposed: ScopeReplay;
}

/** {@link replayOptOutReplies} under both scopes, for the settings' "what would have changed". */
export function compareScopes(replies: readonly ReplayedReply[], current: OptOutScope, proposed: OptOutScope, channels: readonly Channel[]): ScopeComparison {
  const saved = replayOptOutReplies(replies, current, channels);
  return { current: saved, proposed: current === proposed ? { ...saved } : replayOptOutReplies(replies, proposed, channels) };
}
