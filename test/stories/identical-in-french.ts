// What may read the same in English and in Canadian French without being a string someone forgot
// to translate: data (names, addresses, keywords, what a contact typed), never interface text.
// The story runner removes these from a text before deciding whether words are left in it, so
// "Airport SMS (SMS, +14165550201)" passes and "Unsubscribe" does not. Text inside an element
// marked `translate="no"` is data by the element's own word and is not compared at all.
import { DEFAULT_KEYWORDS } from '../../src/engine/index.js';
import { sampleChannels, sampleLocations } from '../../mocks/fixtures/sample-organization.js';
import { FIRST_NAMES, LAST_NAMES, TAGS } from '../../mocks/seed/names.js';
import { sampleUsers } from '../../mocks/seed/seed.js';

/** Interface words French writes the same: product names, and words spelt alike in both. */
const SAME_IN_BOTH = ['SMS', 'WhatsApp', 'Classification', 'Contact', 'contacts', 'Contacts'];

/**
 * What a contact might text, offered as samples by the inbound reply playground: a French
 * agent tests English replies too, so they stay as a contact would type them.
 */
const SAMPLE_REPLIES = ['please stop texting me', 'can you stop by at 5?', 'Arrêt'];

/** What the seed's users wrote into records (a block reason): data, shown as typed. */
const SEED_NOTES = ['Abusive messages'];

/** Every term, longest first, so "STOP ALL" is removed before "STOP". */
export const IDENTICAL_TERMS: readonly string[] = [
  ...SAME_IN_BOTH,
  ...SAMPLE_REPLIES,
  ...SEED_NOTES,
  ...Object.values(DEFAULT_KEYWORDS).flat(),
  ...sampleChannels.flatMap((c) => [c.name, c.address, c.id]),
  ...sampleLocations.flatMap((l) => [l.name, l.id]),
  ...sampleUsers.flatMap((u) => [u.name, u.email, u.id]),
  ...FIRST_NAMES,
  ...LAST_NAMES,
  ...TAGS,
].sort((a, b) => b.length - a.length);

const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Whole terms only: the tag "new" must not excuse "renew".
const TERMS = new RegExp(`(?<![\\p{L}\\p{N}])(?:${IDENTICAL_TERMS.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');

/** Whether `text`, shown identically in both languages, still has words once the data is taken out. */
export function hasUntranslatedWords(text: string): boolean {
  // Email addresses are data whatever their words.
  return /\p{L}{2,}/u.test(text.replace(/[^\s@]+@[^\s@]+/gu, ' ').replace(TERMS, ' '));
}

/** Interface texts shown identically in both renders that still hold words once data is taken out. */
export function leftInEnglish(en: { translatable: string[] }, fr: { translatable: string[] }): string[] {
  const french = new Set(fr.translatable);
  return [...new Set(en.translatable)].filter((text) => french.has(text) && hasUntranslatedWords(text));
}
