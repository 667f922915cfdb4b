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
  /**
   * `exact`: a keyword, applied at once; `phrase`: a plain-language request, applied or reviewed
   * by the org's policy (see {@link classifyInbound}); `carrier`: the messaging provider
   * classified the message itself (see `withCarrierIntent`), applied at once.
   */
  match: 'exact' | 'phrase' | 'carrier' | 'none';
  /**
   * Canonical upper-case keyword from the keyword sets, e.g. 'STOP' (also for "stop pls"), for
   * exact matches; the carrier's category for `carrier`.
   */
  keyword?: string;
  /** 'en' | 'fr' for default keywords and phrases, or the language of a keyword's courtesy words; undefined for a bare custom keyword. */
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
const COMBINING_MARKS = /\p{M}/gu;
// Zero-width space and joiners, byte-order marks, bidi marks and soft hyphens: invisible, so a
// keyword with one pasted inside still reads as the keyword to the person who sent it.
const FORMAT_CHARS = /\p{Cf}/gu;
// Single spaces are left alone so that ordinary text, most of the traffic, is not rewritten.
const WHITESPACE_TO_COLLAPSE = /\s\s+|[^\S ]/g;
// "#" is kept: "wrong #" is a wrong-number reply (see phrases.ts), and "STOP#" still reads STOP.
const TRAILING_CHAR = /^(?!#)[\s\p{P}]$/u;
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
    // A low surrogate ends an astral character (Tamil's "end of text" sign, U+11FFF): test it whole.
    // A lone one makes a two-character slice that TRAILING_CHAR, one character, never matches.
    const width = code >= 0xdc00 && code <= 0xdfff ? 2 : 1;
    if (code < 128 ? ASCII_TRAILING[code] !== 1 : !TRAILING_CHAR.test(text.slice(end - width, end))) break;
    end -= width;
  }
  return text.slice(0, end);
}

/** Builds a classifier with the organization's keyword sets compiled once. */
export function createClassifier(options: ClassifierOptions = {}): (body: string) => Classification {
  const table = new Map<string, Classification>();
  addKeywords(table, DEFAULT_KEYWORDS, (keyword) => (FRENCH_DEFAULTS.has(keyword) ? 'fr' : 'en'));
  if (options.keywords) addKeywords(table, options.keywords, () => undefined);
  const withTail = keywordWithTail(table);
  // An opt-out must win over a custom opt-in or help keyword that reads as one ("STOP NOW").
  for (const [key, classification] of table) {
    if (classification.intent === 'opt-in' || classification.intent === 'help') {
      if (withTail(key)) table.delete(key);
    }
  }

  return (body) => {
    const text = normalizeKeyword(body);
    const keyword = table.get(text) ?? withTail(text);
    if (keyword) return keyword;
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
    const list = sets[set];
    if (!list) continue;
    for (const raw of list) {
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

// The words allowed after an opt-out keyword, as upper-case tokens (see `classifyInbound`).
// Entries are regular-expression fragments over tokens: "PLEASE+" also reads "pleaseeee".
const COURTESY_EN = ['PLEASE+', 'PLS+', 'PLZ+', 'PLSE', 'THANKS', 'THANK YOU', 'THANKYOU', 'THANX', 'THX', 'TY', 'NOW', 'RIGHT NOW', 'ASAP', 'IMMEDIATELY', 'ALREADY'];
const COURTESY_FR = ['SVP', 'STP', 'S IL VOUS PLAIT', 'S IL TE PLAIT', 'SIL VOUS PLAIT', 'SI VOUS PLAIT', 'MERCI BEAUCOUP', 'MERCI BIEN', 'MERCI', 'MAINTENANT', 'TOUT DE SUITE', 'IMMEDIATEMENT'];
// Messaging nouns only: "emails" or "calls" name another channel, "promos" or "reminders" one kind
// of message, so applying the keyword's reach to them would guess; the phrase patterns queue them.
const MEDIA_EN = ['TEXTS', 'TEXT MESSAGES', 'TEXT', 'TXTS', 'TXT', 'MSGS', 'MSG'];
const MEDIA_FR = ['TEXTOS', 'TEXTO', 'ENVOIS'];
const MEDIA_BOTH = ['MESSAGES', 'MESSAGE', 'SMS'];
const DETERMINERS_EN = ['THE', 'THESE', 'THOSE', 'THIS', 'YOUR', 'UR'];
const DETERMINERS_FR = ['LES', 'DES', 'VOS', 'CES', 'TES'];
// "sending", not "sending me": a person after the verb ("cancel me", "end me") can mean a booking.
const GERUNDS_EN = ['SENDING', 'TEXTING', 'TXTING', 'MESSAGING'];
const CONSENT_EN = ['CONSENT'];
// Keywords that, with only a courtesy ("cancel please"), more often answer an appointment reminder.
const DOUBTFUL_WITH_COURTESY: ReadonlySet<string> = new Set(['CANCEL']);
// A courtesy tail is short by nature; the bound also keeps the ambiguous alternation cheap.
const MAX_TAIL_UNITS = 8;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

const alternation = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).join('|');
const COURTESY = alternation([...COURTESY_EN, ...COURTESY_FR]);
const OBJECT = `(?:(?:${alternation([...DETERMINERS_EN, ...DETERMINERS_FR])}) )?(?:${alternation([...MEDIA_EN, ...MEDIA_FR, ...MEDIA_BOTH])})|${alternation([...GERUNDS_EN, ...CONSENT_EN])}`;
const TAIL_WORDS = [...COURTESY_EN, ...COURTESY_FR, ...MEDIA_EN, ...MEDIA_FR, ...MEDIA_BOTH, ...DETERMINERS_EN, ...DETERMINERS_FR, ...GERUNDS_EN, ...CONSENT_EN];
const COURTESY_TAIL = new RegExp(`^(?: (?:${COURTESY}))*$`);
const TAIL_LANGUAGE = new Map<string, 'en' | 'fr'>();
for (const [words, language] of [
  [[...COURTESY_EN, ...MEDIA_EN, ...DETERMINERS_EN, ...GERUNDS_EN, ...CONSENT_EN], 'en'],
  [[...COURTESY_FR, ...MEDIA_FR, ...DETERMINERS_FR], 'fr'],
] as const) {
  // By its first token: "messages" in "text messages" is shared by both languages.
  for (const word of words) TAIL_LANGUAGE.set(word.replaceAll('+', '').split(' ')[0] ?? '', language);
}

const ELONGATED_END = /(.)\1+$/;

function tokens(text: string): string {
  return text.replace(NON_WORD, ' ').trim();
}

/**
 * The keyword rule beyond the exact table: an opt-out keyword, then only courtesy words,
 * messaging objects or more opt-out keywords, the widest of them deciding. Returns undefined when
 * the rule does not apply.
 */
function keywordWithTail(table: ReadonlyMap<string, Classification>): (normalized: string) => Classification | undefined {
  const byTokens = new Map<string, Classification>();
  for (const classification of table.values()) {
    if (classification.intent !== 'opt-out' && classification.intent !== 'opt-out-all') continue;
    const key = tokens(classification.keyword ?? '');
    // A keyword without letters or digits ("#") is matched exactly or not at all.
    if (key !== '' && !byTokens.has(key)) byTokens.set(key, classification);
  }
  const keys = [...byTokens.keys()];
  const everyChannel = [...byTokens].filter(([, classification]) => classification.intent === 'opt-out-all').map(([key]) => key);
  // A cheap anchored gate on the normalised text: a keyword, then nothing or a word that can start
  // the tail, so ordinary messages ("cancel my appointment") are never tokenised.
  const separated = (words: readonly string[]) => alternation(words.map((word) => word.replaceAll(' ', '[^\\p{L}\\p{N}]+')));
  const firsts = new Set([...TAIL_WORDS, ...keys].map((word) => word.split(' ')[0] ?? ''));
  const gate = new RegExp(
    `^[^\\p{L}\\p{N}]*(?:${separated(keys)})(?:[^\\p{L}\\p{N}]*$|[^\\p{L}\\p{N}]+(?:${alternation([...firsts])})(?![\\p{L}\\p{N}]))`,
    'u',
  );
  const keyword = alternation(keys);
  const whole = new RegExp(`^(${keyword})((?: (?:${COURTESY}|${OBJECT}|${keyword})){0,${MAX_TAIL_UNITS}})$`);
  const withoutObject = new RegExp(`^(?: (?:${COURTESY}|${keyword}))*$`);
  const anyEveryChannel = new RegExp(`(?:^| )(${alternation(everyChannel)})(?= |$)`);

  return (normalized) => {
    if (!gate.test(normalized)) return undefined;
    const parts = whole.exec(tokens(normalized));
    if (!parts) return undefined;
    // By construction group 1 is one of byTokens' keys and group 2, maybe empty, always takes part.
    const [, head, tail] = parts as unknown as [string, string, string];
    // The widest keyword decides: "stop, stop all" asks for every channel.
    const widest = anyEveryChannel.exec(tail)?.[1];
    const first = byTokens.get(head) as Classification;
    const matched = widest === undefined ? first : (byTokens.get(widest) as Classification);
    if (tail === '') return matched;
    // An object with STOP ALL may name less than every channel; the phrase patterns queue it.
    if (matched.intent === 'opt-out-all' && !withoutObject.test(tail)) return undefined;
    const language = tailLanguage(tail) ?? first.language;
    if (COURTESY_TAIL.test(tail) && DOUBTFUL_WITH_COURTESY.has(matched.keyword ?? '')) {
      return { intent: 'opt-out', match: 'phrase', language: language ?? 'en' };
    }
    const result: Classification = { intent: matched.intent, match: 'exact', keyword: matched.keyword };
    if (language !== undefined) result.language = language;
    return result;
  };
}

// The first courtesy or object word with a language decides it: "stop svp" is answered in French.
function tailLanguage(tail: string): 'en' | 'fr' | undefined {
  for (const token of tail.split(' ')) {
    // "PLEASEEE" is looked up as "PLEASE".
    const language = TAIL_LANGUAGE.get(token) ?? TAIL_LANGUAGE.get(token.replace(ELONGATED_END, '$1'));
    if (language) return language;
  }
  return undefined;
}

let defaultClassifier: ((body: string) => Classification) | undefined;

/**
 * Classifies an inbound message body as an opt-out, opt-out-all, opt-in, help request, or nothing.
 *
 * The body is first normalised ({@link normalizeKeyword}): fullwidth or styled letters, invisible
 * format characters, case, accents, spacing and trailing punctuation do not matter.
 *
 * `match: 'exact'` (applied at once) when the whole body is a keyword, or is an opt-out keyword
 * followed only by words of these kinds, in any order, with any punctuation or emoji between:
 * - courtesy: please, pls, plz, thanks, thank you, thx, now, right now, asap, immediately,
 *   already; svp, stp, s'il vous plaît, merci (beaucoup), maintenant, tout de suite, immédiatement;
 * - a short messaging object: texts, text messages, messages, msgs, sms, textos, envois (after
 *   the, these, those, this, your, les, des, vos, ces, tes, or alone), sending, texting,
 *   messaging, consent;
 * - more opt-out keywords ("stop stop", "stop, unsubscribe"); a STOP ALL among them asks for every
 *   channel ("stop, stop all" is `opt-out-all`).
 * So "stop pls", "STOP sending", "end texts", "arrêt svp" and '"STOP"' are exact. The result names
 * the real keyword that starts the body (`keyword: 'STOP'`), or the STOP ALL among them, never
 * the body; a French courtesy or object makes the language 'fr' ("stop svp"), as the confirmation
 * is sent in it. Nothing before the keyword is allowed ("please stop" is a phrase), nor a person
 * after a verb ("stop texting me"; "cancel me" asks about a booking). Two keyword cases are phrases instead, reviewed by
 * default: CANCEL with only courtesy ("cancel please", which usually answers an appointment
 * reminder), and an object after STOP ALL ("stop all texts", which may mean less than every
 * channel). Opt-in and help keywords match only exactly: "yes please" must not re-subscribe anyone.
 *
 * `match: 'phrase'` for free text that plainly asks to stop ("take me off your list", "lose my
 * number", "wrong number", "mauvais numéro"), always `opt-out`: see `phrases.ts`.
 *
 * Custom keywords are compiled on every call; hot paths should keep a {@link createClassifier} instead.
 */
export function classifyInbound(body: string, options?: ClassifierOptions): Classification {
  if (options?.keywords) return createClassifier(options)(body);
  defaultClassifier ??= createClassifier();
  return defaultClassifier(body);
}
