import { destinationKindFor, eligibility } from './eligibility.js';
import type { Channel, ConsentLookup, Contact } from './types.js';

/** How a contact stands overall, for lists and filters. */
export type ContactStatus = 'subscribed' | 'partially-unsubscribed' | 'unsubscribed' | 'blocked' | 'unreachable';

/** Every contact status, in display order. */
export const CONTACT_STATUSES: readonly ContactStatus[] = ['subscribed', 'partially-unsubscribed', 'unsubscribed', 'blocked', 'unreachable'];

/** A contact's overall standing, derived from {@link eligibility} on every channel. */
export interface ContactStanding {
  status: ContactStatus;
  /** Channels on which every valid destination of the contact has opted out. */
  unsubscribedChannelIds: string[];
}

/**
 * Summarizes a contact across the organization's channels. Blocked wins (nothing reaches them);
 * a contact with no valid destination at all is unreachable; otherwise the status counts the
 * channels that could reach a valid destination but for an opt-out.
 */
export function contactStanding(contact: Contact, channels: readonly Channel[], consent: ConsentLookup): ContactStanding {
  const unsubscribedChannelIds: string[] = [];
  let reachable = 0;
  for (const channel of channels) {
    const kind = destinationKindFor(channel.type);
    if (!contact.destinations.some((d) => d.kind === kind && d.valid)) continue;
    reachable += 1;
    const result = eligibility(contact, channel, consent);
    if (result.usableDestinations.length === 0 && result.reasons.some((r) => r.code === 'unsubscribed')) {
      unsubscribedChannelIds.push(channel.id);
    }
  }
  const status: ContactStatus = contact.blocked
    ? 'blocked'
    : reachable === 0
      ? 'unreachable'
      : unsubscribedChannelIds.length === 0
        ? 'subscribed'
        : unsubscribedChannelIds.length === reachable
          ? 'unsubscribed'
          : 'partially-unsubscribed';
  return { status, unsubscribedChannelIds };
}
