import { compareInstants, currentConsentOf, supersedes } from './current-consent.js';
import type { BlockInfo, ConsentRecord, Contact, Destination } from './types.js';

/**
 * Merges two consent histories into the current record per (destination, channel), keeping the
 * most restrictive: an opt-out on either side survives whatever the dates. Each side is first
 * reduced to its own current record (`currentConsentOf`), so a side's later re-subscription still
 * counts for that side. The result is grouped by destination, in first-seen order.
 */
export function mergeConsent(a: readonly ConsentRecord[], b: readonly ConsentRecord[]): ConsentRecord[] {
  const merged = currentConsentOf(a);
  for (const [destination, theirs] of currentConsentOf(b)) {
    let ours = merged.get(destination);
    if (!ours) merged.set(destination, (ours = new Map()));
    for (const [channelId, record] of theirs) {
      const current = ours.get(channelId);
      ours.set(channelId, current ? moreRestrictive(current, record) : record);
    }
  }
  return [...merged.values()].flatMap((byChannel) => [...byChannel.values()]);
}

function moreRestrictive(a: ConsentRecord, b: ConsentRecord): ConsentRecord {
  if (a === b) return a;
  if (a.status !== b.status) return a.status === 'unsubscribed' ? a : b;
  // The first opt-out is the legally relevant one; of two subscriptions, the current one.
  if (a.status === 'unsubscribed') return compareInstants(a.changedAt, b.changedAt) <= 0 ? a : b;
  return supersedes(a, b) ? b : a;
}

/** Merges `secondary` into `primary`, keeping primary's identity and the most restrictive state of both. */
export function mergeContacts(primary: Contact, secondary: Contact): Contact {
  return {
    ...primary,
    destinations: mergeDestinations(primary.destinations, secondary.destinations),
    blocked: earlierBlock(primary.blocked, secondary.blocked),
    excludedChannelTypes: union(primary.excludedChannelTypes, secondary.excludedChannelTypes),
    tags: union(primary.tags, secondary.tags),
    locationIds: union(primary.locationIds, secondary.locationIds),
  };
}

function mergeDestinations(a: readonly Destination[], b: readonly Destination[]): Destination[] {
  const byKey = new Map<string, Destination>();
  for (const destination of [...a, ...b]) {
    const key = `${destination.kind}:${destination.value}`;
    const existing = byKey.get(key);
    // One side having verified the address is enough to trust it.
    byKey.set(key, existing ? { ...existing, valid: existing.valid || destination.valid } : { ...destination });
  }
  return [...byKey.values()];
}

function earlierBlock(a: BlockInfo | null, b: BlockInfo | null): BlockInfo | null {
  if (!a || !b) return a ?? b;
  return compareInstants(a.blockedAt, b.blockedAt) <= 0 ? a : b;
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}
