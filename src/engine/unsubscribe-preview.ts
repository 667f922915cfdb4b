import { keepsStandingOptOut } from './consent.js';
import { destinationsOn } from './destinations.js';
import type { Channel, ConsentLookup, ConsentSource, Contact } from './types.js';

/** What unsubscribing one destination on one channel does. */
export interface UnsubscribePreviewPair {
  channelId: string;
  destination: string;
  /**
   * `unsubscribe`: subscribed now, unsubscribed after. `already`: unsubscribed now and that
   * opt-out stands (nothing is written). `re-record`: unsubscribed now by a record that does not
   * stand for this one (a bulk job's, which an undo could remove), so this opt-out is written too.
   */
  effect: 'unsubscribe' | 'already' | 're-record';
}

/** The whole preview: every pair, and the channels on which the contact has no destination at all. */
export interface UnsubscribePreview {
  pairs: UnsubscribePreviewPair[];
  /** Channel ids with no destination of the kind they deliver to: nothing to unsubscribe there. */
  withoutDestination: string[];
}

/**
 * Exactly what an opt-out of `contact` on `channels` changes, destination by destination, decided
 * the way the backend writes it (`destinationsOn` for the pairs, `keepsStandingOptOut` for what
 * stands), so a confirmation dialog can never promise more or less than is done.
 */
export function unsubscribePreview(contact: Contact, channels: readonly Channel[], consent: ConsentLookup, source: ConsentSource = 'agent'): UnsubscribePreview {
  const pairs: UnsubscribePreviewPair[] = [];
  const withoutDestination: string[] = [];
  for (const channel of channels) {
    const destinations = destinationsOn(contact, channel);
    if (destinations.length === 0) withoutDestination.push(channel.id);
    for (const { value } of destinations) {
      const current = consent(value, channel.id);
      const effect = current?.status !== 'unsubscribed' ? 'unsubscribe' : keepsStandingOptOut(current, source) ? 'already' : 're-record';
      pairs.push({ channelId: channel.id, destination: value, effect });
    }
  }
  return { pairs, withoutDestination };
}
