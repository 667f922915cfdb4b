import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consentLookupFrom, unsubscribePreview } from '../../../src/engine/index.js';
import { byId, contact, record } from './fixtures.js';

const channels = [byId('downtown-sms'), byId('downtown-email'), byId('uptown-sms')];

describe('unsubscribePreview', () => {
  it('lists every destination on every channel, with what changes and what is already unsubscribed', () => {
    const preview = unsubscribePreview(contact(), channels, consentLookupFrom([record()]));
    assert.deepEqual(preview.pairs, [
      { channelId: 'downtown-sms', destination: '+15145550100', effect: 'already' },
      { channelId: 'downtown-email', destination: 'ada@example.com', effect: 'unsubscribe' },
      { channelId: 'uptown-sms', destination: '+15145550100', effect: 'unsubscribe' },
    ]);
    assert.deepEqual(preview.withoutDestination, []);
  });

  it("re-records an opt-out a bulk job made, since the job's undo must not take this one with it", () => {
    const preview = unsubscribePreview(contact(), [byId('downtown-sms')], consentLookupFrom([record({ source: 'bulk', actor: { type: 'user' as const, id: 'u-1' } })]));
    assert.deepEqual(preview.pairs, [{ channelId: 'downtown-sms', destination: '+15145550100', effect: 're-record' }]);
  });

  it('covers invalid destinations too (an opt-out covers every address), and names channels with none', () => {
    const noEmail = contact({ destinations: [{ kind: 'phone', value: '+1514', valid: false }] });
    const preview = unsubscribePreview(noEmail, channels, consentLookupFrom([]));
    assert.deepEqual(preview.pairs.map((pair) => pair.channelId), ['downtown-sms', 'uptown-sms'], 'one pair per phone channel');
    assert.deepEqual(preview.withoutDestination, ['downtown-email']);
  });

  it('treats a re-subscribed pair as subscribed', () => {
    const resubscribed = record({ status: 'subscribed', source: 'agent', actor: { type: 'user' as const, id: 'u-1' }, changedAt: '2024-06-01T00:00:00Z' });
    const preview = unsubscribePreview(contact(), [byId('downtown-sms')], consentLookupFrom([record(), resubscribed]));
    assert.equal(preview.pairs[0]?.effect, 'unsubscribe', 'the current record is the subscription');
  });
});
