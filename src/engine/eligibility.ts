import type {
  Channel,
  ChannelType,
  ConsentLookup,
  ConsentRecord,
  ConsentSource,
  Contact,
  DestinationKind,
  OptOutScope,
} from './types.js';
import { assignDefined } from './assign-defined.js';

/** The kind of destination a channel type delivers to. */
export function destinationKindFor(type: ChannelType): DestinationKind {
  return type === 'email' ? 'email' : 'phone';
}

/** One fact that keeps a contact, or one of its destinations, from being messaged on a channel. */
export type EligibilityReason =
  | { code: 'blocked'; by: string; at: string; reason?: string }
  | {
      code: 'unsubscribed';
      destination: string;
      channelId: string;
      changedAt: string;
      source: ConsentSource;
      actor: string;
      keyword?: string;
      viaChannelId?: string;
      scope?: OptOutScope;
      note?: string;
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
  let hasKind = false;

  for (const destination of contact.destinations) {
    if (destination.kind !== kind) continue;
    hasKind = true;
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
    reasons.push(assignDefined<BlockedReason>({ code: 'blocked', by: blocked.by, at: blocked.at }, { reason: blocked.reason }));
  }
  reasons.push(...unsubscribed);
  if (!hasKind) reasons.push({ code: 'no-destination', kind });
  reasons.push(...invalid);
  const excluded = contact.channelPreferences.includes(channel.type);
  if (excluded) reasons.push({ code: 'excluded-by-preference', channelType: channel.type });

  return { canMessage: !blocked && !excluded && usableDestinations.length > 0, reasons, usableDestinations };
}

function unsubscribedReason(record: ConsentRecord): EligibilityReason {
  const { destination, channelId, changedAt, source, actor, keyword, viaChannelId, scope, note } = record;
  return assignDefined<UnsubscribedReason>(
    { code: 'unsubscribed', destination, channelId, changedAt, source, actor },
    { keyword, viaChannelId, scope, note },
  );
}

type BlockedReason = Extract<EligibilityReason, { code: 'blocked' }>;
type UnsubscribedReason = Extract<EligibilityReason, { code: 'unsubscribed' }>;

/** Indexes consent records for {@link eligibility}; per (destination, channel) the latest `changedAt` wins, later input on ties. */
export function consentLookupFrom(records: Iterable<ConsentRecord>): ConsentLookup {
  const latest = latestConsent(records);
  return (destination, channelId) => latest.get(destination)?.get(channelId);
}

/** Reduces records to the current one per destination and channel, keyed destination → channel id. */
export function latestConsent(records: Iterable<ConsentRecord>): Map<string, Map<string, ConsentRecord>> {
  const byDestination = new Map<string, Map<string, ConsentRecord>>();
  for (const record of records) {
    let byChannel = byDestination.get(record.destination);
    if (!byChannel) byDestination.set(record.destination, (byChannel = new Map()));
    const current = byChannel.get(record.channelId);
    if (!current || compareInstants(record.changedAt, current.changedAt) >= 0) byChannel.set(record.channelId, record);
  }
  return byDestination;
}

/** Compares two ISO timestamps as instants, so differing offsets still order correctly. */
export function compareInstants(a: string, b: string): number {
  const difference = Date.parse(a) - Date.parse(b);
  // Unparseable timestamps still need a stable order; fall back to comparing the text.
  if (Number.isNaN(difference)) return a < b ? -1 : a > b ? 1 : 0;
  return difference;
}
