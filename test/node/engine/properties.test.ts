import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  CHANNEL_TYPES,
  DEFAULT_KEYWORDS,
  OPT_OUT_SCOPES,
  classifyInbound,
  consentLookupFrom,
  consentRecordsFor,
  mergeConsent,
  normalizeKeyword,
  resolveOptOutChannels,
} from '../../../src/engine/index.js';
import type { Channel, ConsentRecord, ConsentStatus } from '../../../src/engine/index.js';
import { LOOK_ALIKE_REPLIES, OPT_OUT_REPLIES } from '../../fixtures/inbound-replies.js';

/** An organization of up to 40 channels over up to 5 locations, every type mix possible. */
const channelSet = fc
  .array(fc.record({ type: fc.constantFrom(...CHANNEL_TYPES), location: fc.integer({ min: 0, max: 4 }) }), { minLength: 1, maxLength: 40 })
  .map((specs): Channel[] =>
    specs.map(({ type, location }, i) => ({ id: `ch-${i}`, type, locationId: `loc-${location}`, address: `addr-${i}`, name: `Channel ${i}` })),
  );

/** An organization plus the channel a reply came in on: usually one of its own, sometimes one it no longer lists. */
const orgAndMessaged = channelSet.chain((channels) =>
  fc.record({
    channels: fc.constant(channels),
    messaged: fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...channels) },
      { weight: 1, arbitrary: fc.constantFrom(...CHANNEL_TYPES).map((type): Channel => ({ id: 'gone', type, locationId: 'loc-x', address: 'x', name: 'Gone' })) },
    ),
    scope: fc.constantFrom(...OPT_OUT_SCOPES),
  }),
);

describe('resolveOptOutChannels properties', () => {
  it('always affects the messaged channel first, without duplicates', () => {
    fc.assert(
      fc.property(orgAndMessaged, fc.constantFrom('opt-out', 'opt-out-all', 'opt-in') , ({ channels, messaged, scope }, intent) => {
        const ids = resolveOptOutChannels(messaged, scope, channels, intent);
        assert.equal(ids[0], messaged.id);
        assert.equal(new Set(ids).size, ids.length);
      }),
    );
  });

  it('never yields duplicates even when the list repeats channels', () => {
    fc.assert(
      fc.property(orgAndMessaged, ({ channels, messaged, scope }) => {
        const ids = resolveOptOutChannels(messaged, scope, [...channels, ...channels.slice().reverse()]);
        assert.deepEqual(ids, resolveOptOutChannels(messaged, scope, channels));
      }),
    );
  });

  it('nests: organization ⊇ channel-type ⊇ channel, each exactly as wide as its rule', () => {
    fc.assert(
      fc.property(orgAndMessaged, ({ channels, messaged }) => {
        const [channel, channelType, organization] = OPT_OUT_SCOPES.map((scope) => new Set(resolveOptOutChannels(messaged, scope, channels)));
        assert.ok(channel && channelType && organization, 'one set per scope');
        for (const id of channel) assert.ok(channelType.has(id), `${id}: channel ⊆ channel-type`);
        for (const id of channelType) assert.ok(organization.has(id), `${id}: channel-type ⊆ organization`);
        assert.deepEqual(channelType, new Set([messaged.id, ...channels.filter((c) => c.type === messaged.type).map((c) => c.id)]));
        assert.deepEqual(organization, new Set([messaged.id, ...channels.map((c) => c.id)]));
      }),
    );
  });

  it('opt-in after an opt-out under the same scope restores exactly the channels the opt-out touched', () => {
    const scenario = orgAndMessaged.chain((org) =>
      fc.record({ org: fc.constant(org), previouslyOut: fc.subarray(org.channels.map((c) => c.id)) }),
    );
    fc.assert(
      fc.property(scenario, ({ org: { channels, messaged, scope }, previouslyOut }) => {
        const destination = '+15145550100';
        const change = { destination, source: 'stop-reply', actor: { type: 'contact' }, scope } as const;
        const outIds = resolveOptOutChannels(messaged, scope, channels, 'opt-out');
        const inIds = resolveOptOutChannels(messaged, scope, channels, 'opt-in');
        const history = [
          ...consentRecordsFor({ ...change, channelIds: previouslyOut, status: 'unsubscribed', at: '2024-01-01T00:00:00Z', source: 'bulk' }),
          ...consentRecordsFor({ ...change, channelIds: outIds, status: 'unsubscribed', at: '2024-02-01T00:00:00Z', keyword: 'STOP' }),
          ...consentRecordsFor({ ...change, channelIds: inIds, status: 'subscribed', at: '2024-03-01T00:00:00Z', source: 'start-reply' }),
        ];
        const lookup = consentLookupFrom(history);
        const statusOf = (id: string): ConsentStatus => lookup(destination, id)?.status ?? 'subscribed';
        for (const id of new Set([messaged.id, ...channels.map((c) => c.id)])) {
          const expected = outIds.includes(id) ? 'subscribed' : previouslyOut.includes(id) ? 'unsubscribed' : 'subscribed';
          assert.equal(statusOf(id), expected, id);
        }
      }),
    );
  });
});

const consentRecord = fc.record({
  destination: fc.constantFrom('+15145550100', '+15145550101', 'ada@example.com'),
  channelId: fc.constantFrom('a', 'b', 'c'),
  status: fc.constantFrom<ConsentStatus>('subscribed', 'unsubscribed'),
  changedAt: fc.integer({ min: 0, max: 20 }).map((day) => new Date(Date.UTC(2024, 0, 1 + day)).toISOString()),
  source: fc.constantFrom('stop-reply', 'start-reply', 'agent', 'bulk') ,
  actor: fc.constantFrom({ type: 'contact' as const }, { type: 'user' as const, id: 'u-1' }),
  keyword: fc.constant(null),
  viaChannelId: fc.constant(null),
  scope: fc.constant(null),
  note: fc.constant(null),
  jobId: fc.constant(null),
}) satisfies fc.Arbitrary<ConsentRecord>;
const history = fc.array(consentRecord, { maxLength: 12 });

function statuses(records: readonly ConsentRecord[]): Map<string, ConsentStatus> {
  return new Map(records.map((r) => [`${r.destination}|${r.channelId}`, r.status]));
}

describe('mergeConsent properties', () => {
  it('gives the same status per destination and channel in either order', () => {
    fc.assert(fc.property(history, history, (a, b) => assert.deepEqual(statuses(mergeConsent(a, b)), statuses(mergeConsent(b, a)))));
  });

  it('never turns a current opt-out of either side into a subscription, and drops no pair', () => {
    fc.assert(
      fc.property(history, history, (a, b) => {
        const merged = consentLookupFrom(mergeConsent(a, b));
        for (const side of [a, b]) {
          const current = consentLookupFrom(side);
          for (const { destination, channelId } of side) {
            const status = merged(destination, channelId)?.status;
            assert.ok(status, 'pair kept');
            if (current(destination, channelId)?.status === 'unsubscribed') assert.equal(status, 'unsubscribed');
          }
        }
      }),
    );
  });
});

const ALL_KEYWORDS = Object.values(DEFAULT_KEYWORDS).flat();

/** A default keyword dressed up the way people type it: random case, padding, spacing and trailing punctuation. */
const keywordVariant = fc
  .record({
    keyword: fc.constantFrom(...ALL_KEYWORDS),
    upper: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    before: fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u00a0'), maxLength: 3 }),
    between: fc.string({ unit: fc.constantFrom(' ', '\t', '\n'), minLength: 1, maxLength: 3 }),
    after: fc.string({ unit: fc.constantFrom(' ', '.', '!', '?', '…', ',', ';', ':', '\n'), maxLength: 4 }),
  })
  .map(({ keyword, upper, before, between, after }) => ({
    keyword,
    body: before + [...keyword].map((char, i) => (upper[i] ? char : char.toLowerCase())).join('').replace(' ', between) + after,
  }));

const FORMAT_CHARS = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u200f', '\u00ad', '\u202a', '\u202c', '\u2066', '\u2069'];

/** Some text and the same text with invisible format characters between its code points. */
const withFormatChars = fc
  .record({
    text: fc.oneof(fc.constantFrom(...OPT_OUT_REPLIES.map((entry) => entry.text), ...LOOK_ALIKE_REPLIES.map((entry) => entry.text)), fc.string()),
    inserts: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...FORMAT_CHARS)), { maxLength: 4 }),
  })
  .map(({ text, inserts }) => {
    const chars = [...text];
    for (const [at, char] of inserts) chars.splice(at % (chars.length + 1), 0, char);
    return { text, dressed: chars.join('') };
  });

/** Printable ASCII in its fullwidth form (U+FF01–U+FF5E, U+3000 for the space), as CJK input methods type it. */
function fullwidth(text: string): string {
  return text.replace(/[\x20-\x7e]/g, (char) => (char === ' ' ? '\u3000' : String.fromCharCode(char.charCodeAt(0) + 0xfee0)));
}

const OPT_OUT_KEYWORDS = [...DEFAULT_KEYWORDS.optOut];
const COURTESY = ['please', 'pls', 'PLZ', 'thanks', 'thank you', 'now', 'asap', 'svp', 'merci', "s'il vous plaît"];
const OBJECTS = ['texts', 'messages', 'msgs', 'sms', 'sending', 'the texts', 'these messages', 'les textos', 'des messages'];
const SEPARATORS = [' ', ', ', '. ', '!! ', ' - ', ' 🙏 '];

/** An opt-out keyword, then courtesy words and messaging objects (at least one object), in any order. */
const keywordWithTail = fc
  .record({
    keyword: fc.constantFrom(...OPT_OUT_KEYWORDS),
    words: fc.array(fc.constantFrom(...COURTESY, ...OBJECTS), { maxLength: 5 }),
    object: fc.constantFrom(...OBJECTS),
    at: fc.nat(),
    separators: fc.array(fc.constantFrom(...SEPARATORS), { minLength: 7, maxLength: 7 }),
    lower: fc.boolean(),
  })
  .map(({ keyword, words, object, at, separators, lower }) => {
    const tail = [...words];
    tail.splice(at % (tail.length + 1), 0, object);
    const body = [lower ? keyword.toLowerCase() : keyword, ...tail].map((word, i) => (i === 0 ? word : `${separators[i] ?? ' '}${word}`)).join('');
    return { keyword, body };
  });

describe('classifyInbound properties', () => {
  it('never throws on arbitrary text and always answers a consistent shape', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));
    fc.assert(
      fc.property(text, (body) => {
        const result = classifyInbound(body);
        assert.ok(['opt-out', 'opt-out-all', 'opt-in', 'help', 'none'].includes(result.intent), result.intent);
        assert.equal(result.match === 'none', result.intent === 'none');
        assert.equal(result.keyword !== undefined, result.match === 'exact');
      }),
      { numRuns: 500 },
    );
  });

  it('matches every dressed-up default keyword exactly, and identically once normalised', () => {
    fc.assert(
      fc.property(keywordVariant, ({ keyword, body }) => {
        const result = classifyInbound(body);
        assert.equal(result.match, 'exact');
        assert.equal(result.keyword, keyword);
        assert.deepEqual(classifyInbound(normalizeKeyword(body)), result);
      }),
      { numRuns: 500 },
    );
  });

  it('an opt-out keyword followed by courtesy words and a messaging object is that keyword, exactly', () => {
    fc.assert(
      fc.property(keywordWithTail, ({ keyword, body }) => {
        const result = classifyInbound(body);
        assert.equal(result.intent, 'opt-out', body);
        assert.equal(result.match, 'exact', body);
        assert.equal(result.keyword, keyword, body);
      }),
      { numRuns: 500 },
    );
  });

  it('only ever reports a keyword of the keyword sets', () => {
    const keywords = new Set(ALL_KEYWORDS);
    const text = fc.oneof(fc.string(), keywordWithTail.map(({ body }) => body), keywordVariant.map(({ body }) => body), fc.constantFrom(...OPT_OUT_REPLIES.map((entry) => entry.text)));
    fc.assert(
      fc.property(text, (body) => {
        const { keyword } = classifyInbound(body);
        assert.ok(keyword === undefined || keywords.has(keyword), `${JSON.stringify(body)} → ${keyword}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('classifies the same with invisible format characters anywhere in the text', () => {
    fc.assert(
      fc.property(withFormatChars, ({ text, dressed }) => {
        assert.deepEqual(classifyInbound(dressed), classifyInbound(text), JSON.stringify(dressed));
      }),
      { numRuns: 1000 },
    );
  });

  it('classifies printable ASCII the same in its fullwidth form', () => {
    const ascii = fc.oneof(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)) }), keywordWithTail.map(({ body }) => body.replace(/[^\x20-\x7e]/g, '')));
    fc.assert(
      fc.property(ascii, (text) => {
        assert.deepEqual(classifyInbound(fullwidth(text)), classifyInbound(text), text);
      }),
      { numRuns: 1000 },
    );
  });

  it('normalizeKeyword is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (text) => {
        const once = normalizeKeyword(text);
        assert.equal(normalizeKeyword(once), once);
      }),
      { numRuns: 500 },
    );
  });
});
