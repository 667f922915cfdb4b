import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeConsent, mergeContacts } from '../../../src/engine/index.js';
import { contact, record } from './fixtures.js';

const optOut = record({ changedAt: '2024-05-01T00:00:00Z' });
const laterResubscribe = record({ status: 'subscribed', source: 'agent', actor: { type: 'user' as const, id: 'u-1' }, note: 'called', changedAt: '2024-06-01T00:00:00Z' });

describe('mergeConsent', () => {
  it('keeps an opt-out over a later subscription, in both directions', () => {
    assert.deepEqual(mergeConsent([optOut], [laterResubscribe]), [optOut]);
    assert.deepEqual(mergeConsent([laterResubscribe], [optOut]), [optOut]);
  });

  it('keeps the earlier of two opt-outs', () => {
    const later = record({ changedAt: '2024-07-01T00:00:00Z', source: 'bulk', actor: { type: 'user' as const, id: 'u-2' } });
    assert.deepEqual(mergeConsent([later], [optOut]), [optOut]);
    assert.deepEqual(mergeConsent([optOut], [later]), [optOut]);
  });

  it('keeps the later of two subscriptions, in both directions', () => {
    const earlier = record({ status: 'subscribed', source: 'import', changedAt: '2024-01-01T00:00:00Z' });
    assert.deepEqual(mergeConsent([earlier], [laterResubscribe]), [laterResubscribe]);
    assert.deepEqual(mergeConsent([laterResubscribe], [earlier]), [laterResubscribe]);
  });

  it('keeps records found on one side only', () => {
    const other = record({ channelId: 'uptown-sms' });
    const email = record({ destination: 'ada@example.com', channelId: 'downtown-email', status: 'subscribed' });
    // Output is grouped by destination, in first-seen order.
    assert.deepEqual(mergeConsent([optOut, email], [other]), [optOut, other, email]);
  });

  it("judges each side by its own current record, so a side's re-subscription counts for that side", () => {
    const merged = mergeConsent([optOut, laterResubscribe], []);
    assert.deepEqual(merged, [laterResubscribe]);
  });
});

describe('mergeContacts', () => {
  const primary = contact({
    tags: ['vip', 'dental'],
    locationIds: ['downtown'],
    excludedChannelTypes: ['voice'],
    destinations: [
      { kind: 'phone', value: '+15145550100', valid: false },
      { kind: 'email', value: 'ada@example.com', valid: true },
    ],
  });
  const secondary = contact({
    id: 'c2',
    name: 'A. Lovelace',
    tags: ['dental', 'new'],
    locationIds: ['uptown', 'downtown'],
    excludedChannelTypes: ['email', 'voice'],
    destinations: [
      { kind: 'phone', value: '+15145550100', valid: true },
      { kind: 'phone', value: '+15145550111', valid: true },
    ],
  });

  it("keeps the primary's identity and unions everything else, order stable", () => {
    const merged = mergeContacts(primary, secondary);
    assert.equal(merged.id, 'c1');
    assert.equal(merged.name, 'Ada Lovelace');
    assert.deepEqual(merged.tags, ['vip', 'dental', 'new']);
    assert.deepEqual(merged.locationIds, ['downtown', 'uptown']);
    assert.deepEqual(merged.excludedChannelTypes, ['voice', 'email']);
  });

  it('unions destinations by kind and value; valid on either side is valid', () => {
    assert.deepEqual(mergeContacts(primary, secondary).destinations, [
      { kind: 'phone', value: '+15145550100', valid: true },
      { kind: 'email', value: 'ada@example.com', valid: true },
      { kind: 'phone', value: '+15145550111', valid: true },
    ]);
  });

  it('keeps an address invalid when neither side verified it', () => {
    const unverified = { kind: 'phone' as const, value: '+15145550122', valid: false };
    const merged = mergeContacts({ ...primary, destinations: [unverified] }, { ...secondary, destinations: [{ ...unverified }] });
    assert.deepEqual(merged.destinations, [unverified]);
  });

  it('is blocked if either side was, keeping the earlier block', () => {
    const early = { blockedBy: { type: 'user' as const, id: 'u-1' }, blockedAt: '2024-01-01T00:00:00Z', reason: null };
    const late = { blockedBy: { type: 'user' as const, id: 'u-2' }, blockedAt: '2024-02-01T00:00:00Z', reason: 'spam' };
    assert.deepEqual(mergeContacts(primary, { ...secondary, blocked: late }).blocked, late);
    assert.deepEqual(mergeContacts({ ...primary, blocked: late }, { ...secondary, blocked: early }).blocked, early);
    assert.deepEqual(mergeContacts({ ...primary, blocked: early }, { ...secondary, blocked: late }).blocked, early);
    assert.equal(mergeContacts(primary, secondary).blocked, null);
  });

  it('does not mutate its inputs', () => {
    const before = structuredClone(primary);
    mergeContacts(primary, secondary);
    assert.deepEqual(primary, before);
  });
});

describe('mergeConsent and the order records were applied in', () => {
  const start = record({ status: 'subscribed', source: 'start-reply', changedAt: '2024-05-01T10:05:00Z', recordedAt: '2024-05-01T10:05:01Z' });
  const lateStop = record({ changedAt: '2024-05-01T10:00:00Z', recordedAt: '2024-05-01T10:07:00Z' });

  it('judges a side by the record applied last, so its late STOP stands', () => {
    assert.deepEqual(mergeConsent([start, lateStop], []), [lateStop]);
    assert.deepEqual(mergeConsent([], [lateStop, start]), [lateStop]);
  });

  it('keeps the subscription applied last of two', () => {
    const earlierApplied = record({ status: 'subscribed', source: 'agent', changedAt: '2024-06-01T00:00:00Z', recordedAt: '2024-06-01T00:00:00Z' });
    const laterApplied = record({ status: 'subscribed', source: 'start-reply', changedAt: '2024-05-01T00:00:00Z', recordedAt: '2024-06-02T00:00:00Z' });
    assert.deepEqual(mergeConsent([earlierApplied], [laterApplied]), [laterApplied]);
    assert.deepEqual(mergeConsent([laterApplied], [earlierApplied]), [laterApplied]);
  });

  it('keeps one record when both sides hold the same one (a destination the two contacts share)', () => {
    assert.deepEqual(mergeConsent([lateStop], [lateStop]), [lateStop]);
  });
});
