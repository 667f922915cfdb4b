import { consentRecordsFor, keepsStandingOptOut } from './consent.js';
import { destinationKindFor } from './eligibility.js';
import type { Channel, ConsentLookup, ConsentRecord, Contact, OptOutScope } from './types.js';

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
  contact: Contact | null,
  consent: ConsentLookup,
  facts: ContactOptOutFacts,
): ConsentRecord[] {
  const written: ConsentRecord[] = [];
  for (const { destination, channelId } of inboundTargets('opt-out', from, messaged, channelIds, channels, contact, consent)) {
    if (keepsStandingOptOut(consent(destination, channelId), 'stop-reply')) continue;
    written.push(...consentRecordsFor({ destination, channelIds: [channelId], status: 'unsubscribed', source: 'stop-reply', actor: 'contact', viaChannelId: messaged.id, ...facts }));
  }
  return written;
}
