import { DEFAULT_KEYWORDS, createClassifier, normalizeKeyword, type InboundIntent, type KeywordSets } from './classify.js';
import { TEXT_LIMITS } from './limits.js';

/** One of the four keyword lists of the settings. */
export type KeywordSet = keyof KeywordSets;

/** Every keyword list, in the order the settings show them. */
export const KEYWORD_SETS: readonly KeywordSet[] = ['optOut', 'optOutAll', 'optIn', 'help'];

/** The intent each keyword list classifies to. */
export const KEYWORD_SET_INTENTS: Readonly<Record<KeywordSet, Exclude<InboundIntent, 'none'>>> = {
  optOut: 'opt-out',
  optOutAll: 'opt-out-all',
  optIn: 'opt-in',
  help: 'help',
};

/**
 * Bounds of the custom keywords: the contract's `maxItems` and `maxLength`, and "one word or a
 * short phrase", since a keyword must match the whole reply and a sentence never does.
 */
export const KEYWORD_LIMITS = {
  /** Custom keywords per list. */
  perSet: 50,
  /** Characters (code points) of one keyword. */
  length: TEXT_LIMITS.keyword,
  /** Words of one keyword. */
  words: 3,
} as const;

/** Why a custom keyword is refused. */
export type KeywordProblem =
  | { code: 'empty' }
  | { code: 'too-long'; maxLength: number }
  | { code: 'too-many-words'; maxWords: number }
  | { code: 'characters' }
  | { code: 'too-many'; maxItems: number }
  /** Under opt-in or help: the text reads as a plain-language request to stop ("please stop texting me"). */
  | { code: 'stop-request' }
  /**
   * The reply already classifies as a keyword: `keyword` is the canonical one it reads as,
   * `intent` what it means, `isDefault` whether it is a carrier default (which can never be
   * redefined). Same intent: a repeat; another intent: a clash.
   */
  | { code: 'duplicate' | 'clash'; keyword: string; intent: Exclude<InboundIntent, 'none'>; isDefault: boolean };

// Letters, digits and the joiners words have inside them ("opt-out", "l'arrêt"), single spaced.
const WORDS = /^[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*(?: [\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*)*$/u;

const DEFAULT_SET = new Map<string, KeywordSet>();
for (const set of KEYWORD_SETS) for (const word of DEFAULT_KEYWORDS[set]) DEFAULT_SET.set(normalizeKeyword(word), set);

const EMPTY: KeywordSets = { optOut: [], optOutAll: [], optIn: [], help: [] };

function without(custom: KeywordSets, set: KeywordSet, index: number | undefined): KeywordSets {
  if (index === undefined) return custom;
  return { ...custom, [set]: custom[set].filter((_, i) => i !== index) };
}

/**
 * Checks one custom keyword `word` for the list `set`, against the defaults and the other custom
 * keywords of `custom` (the keyword itself excluded when it is `custom[set][index]`). The settings
 * form calls it as the admin types and the backend calls it on save (422 `keyword-clash`), so the
 * two cannot disagree. Returns undefined when the keyword may be added.
 *
 * A keyword is refused when it already reads as a keyword the classifier knows, whatever its
 * spelling ("Stop!" is STOP), and, in the opt-in and help lists, when it reads as a request to stop
 * ("stop now", "please stop texting me"): a reply that asks to stop must never re-subscribe anyone.
 */
export function checkCustomKeyword(word: string, set: KeywordSet, custom: KeywordSets = EMPTY, index?: number): KeywordProblem | undefined {
  const trimmed = word.trim();
  if (trimmed === '') return { code: 'empty' };
  if ([...trimmed].length > KEYWORD_LIMITS.length) return { code: 'too-long', maxLength: KEYWORD_LIMITS.length };
  const spaced = trimmed.replace(/\s+/g, ' ');
  // Only an addition can pass the bound; a keyword already listed is checked for its words alone.
  if (index === undefined && custom[set].length >= KEYWORD_LIMITS.perSet) return { code: 'too-many', maxItems: KEYWORD_LIMITS.perSet };
  const others = without(custom, set, index);
  const intent = KEYWORD_SET_INTENTS[set];
  const reads = createClassifier({ keywords: others })(spaced);
  if (reads.match === 'phrase' && intent !== 'opt-out' && intent !== 'opt-out-all') return { code: 'stop-request' };
  if (reads.intent !== 'none' && reads.match === 'exact') {
    const keyword = reads.keyword ?? normalizeKeyword(spaced);
    // A longer opt-out reply ("stop now") under the opt-out list is a repeat of STOP, and so is a
    // STOP ALL reply (it stops at least as much); anywhere else a clash.
    const repeat = reads.intent === intent || (intent === 'opt-out' && reads.intent === 'opt-out-all');
    return { code: repeat ? 'duplicate' : 'clash', keyword, intent: reads.intent, isDefault: DEFAULT_SET.has(keyword) };
  }
  // After the clash check, so that "stop!" is answered as STOP rather than as punctuation.
  if (spaced.split(' ').length > KEYWORD_LIMITS.words) return { code: 'too-many-words', maxWords: KEYWORD_LIMITS.words };
  if (!WORDS.test(spaced)) return { code: 'characters' };
  return undefined;
}

/** One refused keyword of a settings body, with where it is. */
export interface KeywordListProblem {
  set: KeywordSet;
  index: number;
  word: string;
  problem: KeywordProblem;
}

/** Every refused custom keyword of `custom`, each checked against all the others. */
export function customKeywordProblems(custom: KeywordSets): KeywordListProblem[] {
  const problems: KeywordListProblem[] = [];
  for (const set of KEYWORD_SETS) {
    const words = custom[set];
    for (let index = 0; index < words.length; index++) {
      const word = words[index] as string;
      // Only later entries are blamed for a clash between two, so fixing one clears both.
      const mine = KEYWORD_SETS.indexOf(set);
      const earlier = { ...EMPTY };
      for (const [position, other] of KEYWORD_SETS.entries()) {
        if (position < mine) earlier[other] = custom[other];
      }
      earlier[set] = words.slice(0, index);
      const problem = checkCustomKeyword(word, set, earlier, undefined);
      if (problem && problem.code !== 'too-many') problems.push({ set, index, word, problem });
    }
  }
  return problems;
}

/** The carrier defaults, as the settings list them (they cannot be removed). */
export function defaultKeywords(set: KeywordSet): readonly string[] {
  return DEFAULT_KEYWORDS[set];
}
