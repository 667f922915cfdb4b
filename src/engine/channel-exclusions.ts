// A contact's channel exclusions: the channel types they asked not to be contacted by. Adding one
// only narrows who messages them; removing one widens it again, so it is decided like a
// re-subscription.
import type { Permission } from './permissions.js';
import { CHANNEL_TYPES, type ChannelType } from './types.js';

/** What a change of exclusions adds and removes, in display order. */
export interface ExclusionChange {
  added: ChannelType[];
  removed: ChannelType[];
}

/** The difference between a contact's exclusions before and after a change. */
export function exclusionChange(before: readonly ChannelType[], after: readonly ChannelType[]): ExclusionChange {
  return {
    added: CHANNEL_TYPES.filter((type) => after.includes(type) && !before.includes(type)),
    removed: CHANNEL_TYPES.filter((type) => before.includes(type) && !after.includes(type)),
  };
}

/**
 * The permissions a change of exclusions needs: `contact:exclude-channels` for any change, and
 * `contact:resubscribe` as well to remove one, because that lets the organization message the
 * contact on a channel type they had turned down.
 */
export function permissionsForExclusionChange(change: ExclusionChange): Permission[] {
  return change.removed.length > 0 ? ['contact:exclude-channels', 'contact:resubscribe'] : ['contact:exclude-channels'];
}

/** Whether removing exclusions is allowed with this note: like a re-subscription, only with a written reason. */
export function exclusionNoteDecision(change: ExclusionChange, note: string | undefined): { allowed: true } | { allowed: false; reason: 'note-required' } {
  if (change.removed.length === 0) return { allowed: true };
  return note?.trim() ? { allowed: true } : { allowed: false, reason: 'note-required' };
}

/** The exclusions in display order, each once. */
export function normalizeExclusions(types: readonly ChannelType[]): ChannelType[] {
  return CHANNEL_TYPES.filter((type) => types.includes(type));
}
