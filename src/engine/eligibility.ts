import type {
  Actor,
  Channel,
  ChannelType,
  ConsentLookup,
  ConsentRecord,
  ConsentSource,
  Contact,
  DestinationKind,
  OptOutScope,
} from './types.js';
import { destinationKindFor, destinationsOn } from './destinations.js';

// Where it was defined first; modules importing it from here keep working.
export { destinationKindFor };

/** One fact that keeps a contact, or one of its destinations, from being messaged on a channel. */
export type EligibilityReason =
  | { code: 'blocked'; blockedBy: Actor; blockedAt: string; reason: string | null }
  | {
      code: 'unsubscribed';
      destination: string;
      channelId: string;
      changedAt: string;
      source: ConsentSource;
      actor: Actor;
      keyword: string | null;
      viaChannelId: string | null;
      scope: OptOutScope | null;
      note: string | null;
    }
  | { code: 'no-destination'; kind: DestinationKind }
  | { code: 'invalid-destination'; destination: string; kind: DestinationKind }
  | { code: 'excluded-by-preference'; channelType: ChannelType };

/** The order reasons are listed in, most decisive first. */
export const ELIGIBILITY_REASON_ORDER: readonly EligibilityReason['code'][] = [
  'blocked',
  'unsubscribed',
  'no-destination',
  'invalid-destination',
  'excluded-by-preference',
];

/** Whether a contact can be messaged on a channel, and every reason that stands in the way. */
export interface Eligibility {
  canMessage: boolean;
  /** Everything that blocks the contact or one of its destinations, in {@link ELIGIBILITY_REASON_ORDER}. */
  reasons: EligibilityReason[];
  /** Destination values a message on this channel may go to. */
  usableDestinations: string[];
}

/**
 * Decides whether `contact` can be messaged on `channel`. Reasons are listed even when another
 * destination is still usable, because the person troubleshooting needs both facts.
 */
export function eligibility(contact: Contact, channel: Channel, consent: ConsentLookup): Eligibility {
  const kind = destinationKindFor(channel.type);
  const unsubscribed: EligibilityReason[] = [];
  const invalid: EligibilityReason[] = [];
  const usableDestinations: string[] = [];
  const destinations = destinationsOn(contact, channel);

  for (const destination of destinations) {
    const record = consent(destination.value, channel.id);
    const optedOut = record?.status === 'unsubscribed';
    if (record && optedOut) unsubscribed.push(unsubscribedReason(record));
    if (!destination.valid) invalid.push({ code: 'invalid-destination', destination: destination.value, kind });
    if (destination.valid && !optedOut && !usableDestinations.includes(destination.value)) {
      usableDestinations.push(destination.value);
    }
  }

  const reasons: EligibilityReason[] = [];
  const { blocked } = contact;
  if (blocked) {
    reasons.push({ code: 'blocked', blockedBy: blocked.blockedBy, blockedAt: blocked.blockedAt, reason: blocked.reason ?? null });
  }
  reasons.push(...unsubscribed);
  if (destinations.length === 0) reasons.push({ code: 'no-destination', kind });
  reasons.push(...invalid);
  const excluded = contact.excludedChannelTypes.includes(channel.type);
  if (excluded) reasons.push({ code: 'excluded-by-preference', channelType: channel.type });

  const canMessage = !blocked && !excluded && usableDestinations.length > 0;
  // Nothing is usable when the contact may not be messaged at all: a sender that reads only the
  // destinations must not reach a blocked contact, or one who turned this channel type down.
  return { canMessage, reasons, usableDestinations: canMessage ? usableDestinations : [] };
}

function unsubscribedReason(record: ConsentRecord): EligibilityReason {
  const { destination, channelId, changedAt, source, actor, keyword, viaChannelId, scope, note } = record;
  return { code: 'unsubscribed', destination, channelId, changedAt, source, actor, keyword: keyword ?? null, viaChannelId: viaChannelId ?? null, scope: scope ?? null, note: note ?? null };
}

