// What changed between two versions of the messaging settings, and how to put one admin's change
// on top of another's: the 412 flow shows the first and offers the second.
import type { CustomKeywords, MessagingSettings, MessagingSettingsInput } from '../../client/types.js';
import { KEYWORD_SETS, normalizeKeyword, type KeywordSet } from '../../engine/index.js';

/** One field that differs between two versions. */
export type SettingsChange =
  | { field: 'optOutScope'; from: MessagingSettings['optOutScope']; to: MessagingSettings['optOutScope'] }
  | { field: 'phrasePolicy'; from: MessagingSettings['phrasePolicy']; to: MessagingSettings['phrasePolicy'] }
  | { field: 'keywords'; set: KeywordSet; added: string[]; removed: string[] };

/** The input a settings version is saved as. */
export function inputOf(settings: MessagingSettingsInput): MessagingSettingsInput {
  const { optOut, optOutAll, optIn, help } = settings.customKeywords;
  return { optOutScope: settings.optOutScope, phrasePolicy: settings.phrasePolicy, customKeywords: { optOut: [...optOut], optOutAll: [...optOutAll], optIn: [...optIn], help: [...help] } };
}

const same = (a: string, b: string) => normalizeKeyword(a) === normalizeKeyword(b);

/** The fields of `after` that differ from `before`, in the order the form shows them. */
export function settingsChanges(before: MessagingSettingsInput, after: MessagingSettingsInput): SettingsChange[] {
  const changes: SettingsChange[] = [];
  if (before.optOutScope !== after.optOutScope) changes.push({ field: 'optOutScope', from: before.optOutScope, to: after.optOutScope });
  for (const set of KEYWORD_SETS) {
    const was = before.customKeywords[set];
    const now = after.customKeywords[set];
    const added = now.filter((word) => !was.some((old) => same(old, word)));
    const removed = was.filter((word) => !now.some((kept) => same(kept, word)));
    if (added.length > 0 || removed.length > 0) changes.push({ field: 'keywords', set, added, removed });
  }
  if (before.phrasePolicy !== after.phrasePolicy) changes.push({ field: 'phrasePolicy', from: before.phrasePolicy, to: after.phrasePolicy });
  return changes;
}

/**
 * `theirs` with the admin's own change (from `base` to `mine`) applied on top: the fields they
 * changed take their value, the keywords they added are added and those they removed removed;
 * everything else stays as the other admin saved it.
 */
export function reapply(base: MessagingSettingsInput, mine: MessagingSettingsInput, theirs: MessagingSettingsInput): MessagingSettingsInput {
  const result = inputOf(theirs);
  if (mine.optOutScope !== base.optOutScope) result.optOutScope = mine.optOutScope;
  if (mine.phrasePolicy !== base.phrasePolicy) result.phrasePolicy = mine.phrasePolicy;
  const keywords: CustomKeywords = result.customKeywords;
  for (const change of settingsChanges(base, mine)) {
    if (change.field !== 'keywords') continue;
    const list = keywords[change.set].filter((word) => !change.removed.some((gone) => same(gone, word)));
    for (const word of change.added) if (!list.some((kept) => same(kept, word))) list.push(word);
    keywords[change.set] = list;
  }
  return result;
}
