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
        const change = { destination, source: 'stop-reply', actor: 'contact', scope } as const;
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
  actor: fc.constantFrom('contact', 'u-1'),
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
