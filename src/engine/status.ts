import { destinationKindFor, reachableDestinations } from './destinations.js';
import type { Channel, ConsentLookup, Contact, Destination } from './types.js';

/** How a contact stands overall, for lists and filters. */
export type ContactStatus = 'subscribed' | 'partially-unsubscribed' | 'unsubscribed' | 'blocked' | 'unreachable';

/** Every contact status, in display order. */
export const CONTACT_STATUSES: readonly ContactStatus[] = ['subscribed', 'partially-unsubscribed', 'unsubscribed', 'blocked', 'unreachable'];

/** A contact's overall standing, over every pair (channel, valid destination it delivers to). */
export interface ContactStanding {
  status: ContactStatus;
  /** Channels on which at least one valid destination of the contact has opted out, in channel order. */
  unsubscribedChannelIds: string[];
}

/**
 * Summarizes a contact across the organization's channels, per pair (channel, valid destination
 * of the kind it delivers to), as `ContactStatus` in api/openapi.yaml defines it. Blocked wins
 * (nothing reaches them); a contact no channel can deliver to is unreachable; otherwise
 * unsubscribed when every pair is, partially when some are, subscribed when none is. An opt-out
 * of one of two phones makes the contact partial, never "subscribed": an opt-out is never hidden.
 * Channel preferences are not opt-outs and show in `eligibility()` instead.
 */
export function contactStanding(contact: Contact, channels: readonly Channel[], consent: ConsentLookup): ContactStanding {
  const unsubscribedChannelIds: string[] = [];
  let pairs = 0;
  let unsubscribedPairs = 0;
  // Channel lists come from hosts and may repeat an id; a repeated channel must not count twice.
  const seen = new Set<string>();
  // Which destinations a channel reaches depends only on the kind it delivers to, so it is asked
  // once per kind: lists of 100,000 contacts compute this for each.
  let phones: Destination[] | undefined;
  let emails: Destination[] | undefined;
  for (const channel of channels) {
    if (seen.has(channel.id)) continue;
    seen.add(channel.id);
    let optedOut = false;
    const destinations =
      destinationKindFor(channel.type) === 'phone' ? (phones ??= reachableDestinations(contact, channel)) : (emails ??= reachableDestinations(contact, channel));
    for (const destination of destinations) {
      pairs += 1;
      if (consent(destination.value, channel.id)?.status === 'unsubscribed') {
        unsubscribedPairs += 1;
        optedOut = true;
      }
    }
    if (optedOut) unsubscribedChannelIds.push(channel.id);
  }
  const status: ContactStatus = contact.blocked
    ? 'blocked'
    : pairs === 0
      ? 'unreachable'
      : unsubscribedPairs === 0
        ? 'subscribed'
        : unsubscribedPairs === pairs
          ? 'unsubscribed'
          : 'partially-unsubscribed';
  return { status, unsubscribedChannelIds };
}

/** A list's status filter: `unsubscribed` also matches partially unsubscribed contacts. */
export type ContactStatusFilter = 'subscribed' | 'unsubscribed' | 'blocked' | 'unreachable';

/** Whether a contact of `status` is listed under the filter `filter`; under several, under any of them. */
export function matchesStatusFilter(status: ContactStatus, filter: ContactStatusFilter | readonly ContactStatusFilter[]): boolean {
  if (typeof filter !== 'string') return filter.some((one) => matchesStatusFilter(status, one));
  return filter === 'unsubscribed' ? status === 'unsubscribed' || status === 'partially-unsubscribed' : status === filter;
}
