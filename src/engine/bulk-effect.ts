import { reachableDestinations } from './destinations.js';
import type { Channel, ChannelType, ConsentLookup, Contact } from './types.js';

/**
 * What a bulk unsubscribe does to one contact: every contact of an audience is exactly one of
 * these (the contract's `willChange`, `alreadyUnsubscribed`, `unreachable`).
 */
export type BulkOutcome = 'will-change' | 'already-unsubscribed' | 'unreachable';

/** A contact's share of a bulk unsubscribe over chosen channels. */
export interface BulkUnsubscribeEffect {
  outcome: BulkOutcome;
  /**
   * Blocked contacts are unsubscribed like the others (so unblocking them later does not make
   * them messageable); this is counted beside the outcome, not instead of it.
   */
  blocked: boolean;
  /** Chosen channels with a valid destination of the contact not yet unsubscribed, in the order given. */
  changingChannelIds: string[];
  /** The channel types of `changingChannelIds`, each once, in the order first met. */
  changingChannelTypes: ChannelType[];
}

/**
 * Decides what unsubscribing `contact` from `channels` would change. Only valid destinations
 * count: an invalid number cannot be messaged, so nothing is gained by recording its opt-out in
 * bulk, and a contact with no valid destination on any chosen channel is `unreachable` (skipped).
 * A contact with at least one pair (channel, valid destination) still subscribed `will-change`;
 * otherwise every pair is already unsubscribed. A repeated channel counts once.
 */
export function bulkUnsubscribeEffect(contact: Contact, channels: readonly Channel[], consent: ConsentLookup): BulkUnsubscribeEffect {
  const changingChannelIds: string[] = [];
  const changingChannelTypes: ChannelType[] = [];
  const seen = new Set<string>();
  let reachable = false;
  for (const channel of channels) {
    if (seen.has(channel.id)) continue;
    seen.add(channel.id);
    for (const destination of reachableDestinations(contact, channel)) {
      reachable = true;
      if (consent(destination.value, channel.id)?.status !== 'unsubscribed') {
        changingChannelIds.push(channel.id);
        if (!changingChannelTypes.includes(channel.type)) changingChannelTypes.push(channel.type);
        break;
      }
    }
  }
  const outcome: BulkOutcome = changingChannelIds.length > 0 ? 'will-change' : reachable ? 'already-unsubscribed' : 'unreachable';
  return { outcome, blocked: contact.blocked !== null, changingChannelIds, changingChannelTypes };
}
