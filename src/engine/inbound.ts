import type { Classification } from './classify.js';
import { canResubscribe, consentRecordsFor, keepsStandingOptOut } from './consent.js';
import { destinationKindFor } from './eligibility.js';
import { CONTACT_ACTOR, type Channel, type ConsentLookup, type ConsentRecord, type Contact, type OptOutScope } from './types.js';

/** One destination on one channel that an inbound reply changes. */
export interface InboundTarget {
  destination: string;
  channelId: string;
}

/** The contacts an inbound reply's sender may be: none, one, or several sharing the number. */
export type Senders = Contact | readonly Contact[] | null;

function sendersOf(senders: Senders): readonly Contact[] {
  if (senders === null) return [];
  return Array.isArray(senders) ? senders : [senders as Contact];
}

/**
 * The (destination, channel) pairs an inbound reply from `from` changes on `channelIds`.
 *
 * The destination that replied is always changed, on every channel of its kind in `channelIds`.
 *
 * A STOP is the person's wish, so under a wide scope it also reaches the sender's other kind of
 * destination (an SMS STOP under the organization scope stops email too). When several contacts
 * share the number, nobody can tell which of them replied: the STOP reaches the other
 * destinations of every one of them, since messaging someone who asked to stop is the harm to
 * avoid, and each of them can be re-subscribed by their own reply from that destination or by an
 * agent with a consent note.
 *
 * A START only undoes on those other destinations what a keyword reply did (source
 * `stop-reply`): an agent's or a bulk opt-out of the email address is not the contact's reply to
 * reverse by text. From a shared number it changes the number alone: a START cannot be
 * consent for an email address whose owner is uncertain.
 */
export function inboundTargets(
  direction: 'opt-out' | 'opt-in',
  from: string,
  messaged: Channel,
  channelIds: readonly string[],
  channels: readonly Channel[],
  senders: Senders,
  consent: ConsentLookup,
): InboundTarget[] {
  const fromKind = destinationKindFor(messaged.type);
  const byId = new Map(channels.map((c) => [c.id, c]));
  const contacts = sendersOf(senders);
  const others = direction === 'opt-out' || contacts.length === 1 ? contacts : [];
  const targets: InboundTarget[] = [];
  const seen = new Set<string>();
  const add = (destination: string, channelId: string) => {
    const key = `${destination}\u0000${channelId}`;
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ destination, channelId });
  };
  for (const channelId of channelIds) {
    const channel = byId.get(channelId) ?? (channelId === messaged.id ? messaged : undefined);
    if (!channel) continue;
    const kind = destinationKindFor(channel.type);
    if (kind === fromKind) {
      add(from, channelId);
      continue;
    }
    for (const contact of others) {
      for (const d of contact.destinations) {
        if (d.kind !== kind) continue;
        if (direction === 'opt-in' && consent(d.value, channelId)?.source !== 'stop-reply') continue;
        add(d.value, channelId);
      }
    }
  }
  return targets;
}

/** What a contact's opt-out records besides who, where and which way. */
export interface ContactOptOutFacts {
  /** ISO timestamp. */
  at: string;
  scope: OptOutScope;
  keyword?: string;
  note?: string;
}

/**
 * The records a contact's own opt-out writes (their STOP, or their plain-language request once
 * applied): one per pair `inboundTargets` reaches from `from` on `messaged`, except where their
 * own earlier STOP already stands (see `keepsStandingOptOut`). The backend's inbound path, its
 * review queue and the mock's seed all write exactly these.
 */
export function contactOptOutRecords(
  from: string,
  messaged: Channel,
  channelIds: readonly string[],
  channels: readonly Channel[],
  senders: Senders,
  consent: ConsentLookup,
  facts: ContactOptOutFacts,
): ConsentRecord[] {
  const written: ConsentRecord[] = [];
  for (const { destination, channelId } of inboundTargets('opt-out', from, messaged, channelIds, channels, senders, consent)) {
    if (keepsStandingOptOut(consent(destination, channelId), 'stop-reply')) continue;
    written.push(...consentRecordsFor({ destination, channelIds: [channelId], status: 'unsubscribed', source: 'stop-reply', actor: CONTACT_ACTOR, viaChannelId: messaged.id, ...facts }));
  }
  return written;
}

/** What a contact's opt-in reply records besides who, where and which way. */
export interface ContactOptInFacts {
  /** ISO timestamp. */
  at: string;
  scope: OptOutScope;
  keyword?: string;
}

/**
 * The records a contact's own opt-in reply (START) writes: one per pair `inboundTargets` reaches,
 * where the pair is unsubscribed and `canResubscribe` lets the contact's own reply reverse it.
 */
export function contactOptInRecords(
  from: string,
  messaged: Channel,
  channelIds: readonly string[],
  channels: readonly Channel[],
  senders: Senders,
  consent: ConsentLookup,
  facts: ContactOptInFacts,
): ConsentRecord[] {
  const written: ConsentRecord[] = [];
  for (const { destination, channelId } of inboundTargets('opt-in', from, messaged, channelIds, channels, senders, consent)) {
    if (!canResubscribe(consent(destination, channelId), { kind: 'contact' }).allowed) continue;
    written.push(...consentRecordsFor({ destination, channelIds: [channelId], status: 'subscribed', source: 'start-reply', actor: CONTACT_ACTOR, viaChannelId: messaged.id, ...facts }));
  }
  return written;
}

/** The categories a carrier's own keyword handling reports (Twilio Advanced Opt-Out's `OptOutType`). */
export type CarrierIntent = 'STOP' | 'START' | 'HELP';

const CARRIER_INTENTS: Record<CarrierIntent, 'opt-out' | 'opt-in' | 'help'> = { STOP: 'opt-out', START: 'opt-in', HELP: 'help' };

/**
 * Combines our classification of a message with the carrier's, when the carrier (Twilio's
 * Advanced Opt-Out) already acted on it. The carrier has already blocked or unblocked the number,
 * so its intent is honoured even when our keywords would not match; our exact keyword of the same
 * kind still decides the reach (`STOP ALL` stays organization-wide, never narrowed to the
 * carrier's `STOP`). Otherwise the result is `match: 'carrier'` with the carrier's category as
 * the keyword: nothing is invented from the message text.
 */
export function withCarrierIntent(ours: Classification, carrier: CarrierIntent | undefined): Classification {
  if (!carrier) return ours;
  const intent = CARRIER_INTENTS[carrier];
  const sameKind = ours.intent === intent || (intent === 'opt-out' && ours.intent === 'opt-out-all');
  if (ours.match === 'exact' && sameKind) return ours;
  return { intent, match: 'carrier', keyword: carrier, ...(ours.language ? { language: ours.language } : {}) };
}
