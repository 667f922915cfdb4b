import type { ConsentLookup, ConsentRecord } from './types.js';

/**
 * When a record was applied: its `recordedAt` (the backend's arrival time), or for a record that
 * does not say, the time of the change itself.
 */
export function appliedAt(record: ConsentRecord): string {
  return record.recordedAt ?? record.changedAt;
}

/**
 * Whether `incoming` replaces `current` as the current record of their (destination, channel).
 *
 * The record applied last is current, whatever time each change says it was made: carriers apply
 * keywords in the order they receive them, so a STOP sent at 10:00 and delivered after a START
 * sent at 10:05 leaves the number blocked (Twilio error 21610), and a backend that decided by
 * `changedAt` would show as messageable a contact the carrier blocks. When neither was applied
 * after the other, the opt-out stands: when in doubt, protect the contact.
 */
export function supersedes(current: ConsentRecord | undefined, incoming: ConsentRecord): boolean {
  if (!current) return true;
  const order = compareInstants(appliedAt(incoming), appliedAt(current));
  if (order !== 0) return order > 0;
  return incoming.status === 'unsubscribed' || current.status === 'subscribed';
}

/**
 * Reduces records to the current one per destination and channel (see {@link supersedes}), keyed
 * destination → channel id. The input order matters only between records applied at the same
 * time with the same status: the later one in the input is kept.
 */
export function currentConsentOf(records: Iterable<ConsentRecord>): Map<string, Map<string, ConsentRecord>> {
  const byDestination = new Map<string, Map<string, ConsentRecord>>();
  for (const record of records) {
    let byChannel = byDestination.get(record.destination);
    if (!byChannel) byDestination.set(record.destination, (byChannel = new Map()));
    if (supersedes(byChannel.get(record.channelId), record)) byChannel.set(record.channelId, record);
  }
  return byDestination;
}

/**
 * The former name of {@link currentConsentOf}.
 * @deprecated Use `currentConsentOf`: the current record is the one applied last, not the latest `changedAt`.
 */
export const latestConsent = currentConsentOf;

/** Indexes consent records for `eligibility`: per (destination, channel) the current one, as {@link currentConsentOf} decides. */
export function consentLookupFrom(records: Iterable<ConsentRecord>): ConsentLookup {
  const current = currentConsentOf(records);
  return (destination, channelId) => current.get(destination)?.get(channelId);
}

/** Compares two ISO timestamps as instants, so differing offsets still order correctly. */
export function compareInstants(a: string, b: string): number {
  const difference = Date.parse(a) - Date.parse(b);
  // Unparseable timestamps still need a stable order; fall back to comparing the text.
  if (Number.isNaN(difference)) return a < b ? -1 : a > b ? 1 : 0;
  return difference;
}
