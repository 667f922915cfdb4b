import { destinationKindFor } from './eligibility.js';
import type { Channel, ConsentLookup, Contact } from './types.js';

/** One destination on one channel that an inbound reply changes. */
export interface InboundTarget {
  destination: string;
  channelId: string;
}

/**
 * The (destination, channel) pairs an inbound reply from `from` changes on `channelIds`.
 *
 * A STOP is the person's wish, so under a wide scope it also reaches the contact's other kind of
 * destination (an SMS STOP under the organization scope stops email too). A START only undoes on
 * those other destinations what a keyword reply did (source `stop-reply`): an agent's or a bulk
 * opt-out of the email address is not the contact's reply to reverse by text.
 */
export function inboundTargets(
  direction: 'opt-out' | 'opt-in',
  from: string,
  messaged: Channel,
  channelIds: readonly string[],
  channels: readonly Channel[],
  contact: Contact | null,
  consent: ConsentLookup,
): InboundTarget[] {
  const fromKind = destinationKindFor(messaged.type);
  const byId = new Map(channels.map((c) => [c.id, c]));
  const targets: InboundTarget[] = [];
  for (const channelId of channelIds) {
    const channel = byId.get(channelId) ?? (channelId === messaged.id ? messaged : undefined);
    if (!channel) continue;
    const kind = destinationKindFor(channel.type);
    if (kind === fromKind) {
      targets.push({ destination: from, channelId });
      continue;
    }
    for (const d of contact?.destinations ?? []) {
      if (d.kind !== kind) continue;
      if (direction === 'opt-in' && consent(d.value, channelId)?.source !== 'stop-reply') continue;
      targets.push({ destination: d.value, channelId });
    }
  }
  return targets;
}
