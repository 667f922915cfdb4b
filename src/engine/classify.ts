import { PHRASE_TRIGGER, matchOptOutPhrase } from './phrases.js';

/** What an inbound message asks for. */
export type InboundIntent = 'opt-out' | 'opt-out-all' | 'opt-in' | 'help' | 'none';

/** Keywords per intent; matched against the whole normalised body. */
export interface KeywordSets {
  optOut: readonly string[];
  optOutAll: readonly string[];
  optIn: readonly string[];
  help: readonly string[];
}

/** The carrier-standard keywords every organization honours; custom keywords only add to them. */
export const DEFAULT_KEYWORDS: KeywordSets = {
  optOut: ['STOP', 'END', 'CANCEL', 'UNSUBSCRIBE', 'QUIT', 'REVOKE', 'OPTOUT', 'OPT OUT', 'ARRET'],
  optOutAll: ['STOP ALL', 'STOPALL'],
  optIn: ['START', 'UNSTOP', 'YES', 'SUBSCRIBE'],
  help: ['HELP', 'INFO', 'AIDE'],
};

/** The result of classifying one inbound message. */
export interface Classification {
  intent: InboundIntent;
  match: 'exact' | 'phrase' | 'none';
  /** Canonical upper-case keyword, e.g. 'STOP'; only for exact matches. */
  keyword?: string;
  /** 'en' | 'fr' for default keywords and phrases; undefined for custom keywords. */
  language?: string;
}

/** Options of {@link createClassifier} and {@link classifyInbound}. */
export interface ClassifierOptions {
  /** Organization keywords, added to {@link DEFAULT_KEYWORDS}; a collision with a default never overrides it. */
  keywords?: Partial<KeywordSets>;
}

type KeywordIntent = Exclude<InboundIntent, 'none'>;

// Order decides which custom set wins when one custom keyword is listed under two intents.
const SET_INTENTS: readonly [keyof KeywordSets, KeywordIntent][] = [
  ['optOut', 'opt-out'],
  ['optOutAll', 'opt-out-all'],
  ['optIn', 'opt-in'],
  ['help', 'help'],
];

const FRENCH_DEFAULTS: ReadonlySet<string> = new Set(['ARRET', 'AIDE']);

const NON_ASCII = /[\u0080-\uffff]/;
// Latin-1 letters and Latin Extended-A, French text's accents, are unchanged by NFKC but for the
// few compatibility letters listed here (Ĳ, Ŀ, ŉ, ſ); anything else may be folded.
const NEEDS_COMPATIBILITY_FOLD = /[\u0080-\u00bf\u0132\u0133\u013f\u0140\u0149\u017f-\uffff]/;
const COMBINING_MARKS = /\p{M}+/gu;
// Zero-width space and joiners, byte-order marks, bidi marks and soft hyphens: invisible, so a
// keyword with one pasted inside still reads as the keyword to the person who sent it.
const FORMAT_CHARS = /\p{Cf}+/gu;
// Single spaces are left alone so that ordinary text, most of the traffic, is not rewritten.
const WHITESPACE_TO_COLLAPSE = /\s\s+|[^\S ]/g;
const TRAILING_CHAR = /^[\s\p{P}]$/u;
const ASCII_TRAILING = Uint8Array.from({ length: 128 }, (_, code) => (TRAILING_CHAR.test(String.fromCharCode(code)) ? 1 : 0));

const NONE: Classification = Object.freeze({ intent: 'none', match: 'none' });

/**
 * Normalises text the way exact keyword matching sees it: compatibility forms folded (NFKC:
 * fullwidth "ＳＴＯＰ", styled "𝐒𝐓𝐎𝐏", ligatures), invisible format characters removed, upper-case,
 * accent-free, trimmed, single-spaced, no trailing punctuation.
 */
export function normalizeKeyword(text: string): string {
  let folded: string;
  // ASCII text, most of the traffic, has nothing to fold and skips the Unicode passes.
  if (NON_ASCII.test(text)) {
    const compatible = NEEDS_COMPATIBILITY_FOLD.test(text) ? text.normalize('NFKC').replace(FORMAT_CHARS, '') : text;
    // Upper-casing before NFD: a few lower-case letters upper-case into a base letter plus a combining mark.
    folded = compatible.toUpperCase().normalize('NFD').replace(COMBINING_MARKS, '');
  } else {
    folded = text.toUpperCase();
  }
  return stripTrailing(folded.trimStart()).replace(WHITESPACE_TO_COLLAPSE, ' ');
}

// A backwards scan instead of a `[\s\p{P}]+$` regex, which would be tried at every position.
function stripTrailing(text: string): string {
  let end = text.length;
  while (end > 0) {
    const code = text.charCodeAt(end - 1);
    if (code < 128) {
      if (ASCII_TRAILING[code] !== 1) break;
      end -= 1;
      continue;
    }
    const high = end >= 2 ? text.charCodeAt(end - 2) : 0;
    const width = code >= 0xdc00 && code <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1;
    if (!TRAILING_CHAR.test(text.slice(end - width, end))) break;
    end -= width;
  }
  return end === text.length ? text : text.slice(0, end);
}

/** Builds a classifier with the organization's keyword sets compiled once. */
export function createClassifier(options: ClassifierOptions = {}): (body: string) => Classification {
  const table = new Map<string, Classification>();
  addKeywords(table, DEFAULT_KEYWORDS, (keyword) => (FRENCH_DEFAULTS.has(keyword) ? 'fr' : 'en'));
  if (options.keywords) addKeywords(table, options.keywords, () => undefined);
  let longest = 0;
  for (const key of table.keys()) longest = Math.max(longest, key.length);

  return (body) => {
    const text = normalizeKeyword(body);
    if (text === '') return NONE;
    if (text.length <= longest) {
      const exact = table.get(text);
      if (exact) return exact;
    }
    // Most traffic is ordinary conversation; one regex test keeps it cheap.
    if (!PHRASE_TRIGGER.test(text)) return NONE;
    const language = matchOptOutPhrase(text);
    return language ? { intent: 'opt-out', match: 'phrase', language } : NONE;
  };
}

function addKeywords(
  table: Map<string, Classification>,
  sets: Partial<KeywordSets>,
  languageOf: (keyword: string) => string | undefined,
): void {
  for (const [set, intent] of SET_INTENTS) {
    for (const raw of sets[set] ?? []) {
      const keyword = normalizeKeyword(raw);
      // First registration wins, so defaults (added first) can never be overridden.
      if (keyword === '' || table.has(keyword)) continue;
      const language = languageOf(keyword);
      const classification: Classification = { intent, match: 'exact', keyword };
      if (language !== undefined) classification.language = language;
      table.set(keyword, Object.freeze(classification));
    }
  }
}

let defaultClassifier: ((body: string) => Classification) | undefined;

/**
 * Classifies an inbound message body as an opt-out, opt-out-all, opt-in, help request, or nothing.
 * Custom keywords are compiled on every call; hot paths should keep a {@link createClassifier} instead.
 */
export function classifyInbound(body: string, options?: ClassifierOptions): Classification {
  if (options?.keywords) return createClassifier(options)(body);
  defaultClassifier ??= createClassifier();
  return defaultClassifier(body);
}
