import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ELIGIBILITY_REASON_ORDER, consentLookupFrom, destinationKindFor, eligibility } from '../../../src/engine/index.js';
import type { ConsentLookup } from '../../../src/engine/index.js';
import { byId, contact, record } from './fixtures.js';

const noRecords: ConsentLookup = () => undefined;
const sms = byId('downtown-sms');
const email = byId('downtown-email');

describe('destinationKindFor', () => {
  it('maps phone channel types to phone and email to email', () => {
    assert.deepEqual((['sms', 'whatsapp', 'voice', 'email'] as const).map(destinationKindFor), ['phone', 'phone', 'phone', 'email']);
  });
});

describe('eligibility', () => {
  it('lets a contact with no consent record be messaged (no record means subscribed)', () => {
    assert.deepEqual(eligibility(contact(), sms, noRecords), { canMessage: true, reasons: [], usableDestinations: ['+15145550100'] });
    assert.deepEqual(eligibility(contact(), email, noRecords).usableDestinations, ['ada@example.com']);
  });

  it('reports blocked with who, when and why', () => {
    const blocked = { by: 'u-7', at: '2024-04-02T09:00:00Z', reason: 'abusive' };
    const result = eligibility(contact({ blocked }), sms, noRecords);
    assert.equal(result.canMessage, false);
    assert.deepEqual(result.reasons, [{ code: 'blocked', ...blocked }]);
  });

  it('reports unsubscribed with the facts of the opt-out', () => {
    const optOut = record({ keyword: 'STOP', viaChannelId: 'airport-sms', scope: 'channel-type' });
    const result = eligibility(contact(), sms, consentLookupFrom([optOut]));
    assert.equal(result.canMessage, false);
    assert.deepEqual(result.reasons, [
      {
        code: 'unsubscribed',
        destination: '+15145550100',
        channelId: 'downtown-sms',
        changedAt: optOut.changedAt,
        source: 'stop-reply',
        actor: 'contact',
        keyword: 'STOP',
        viaChannelId: 'airport-sms',
        scope: 'channel-type',
      },
    ]);
    assert.equal(eligibility(contact(), email, consentLookupFrom([optOut])).canMessage, true, 'other channels stay open');
  });

  it('reports no-destination when the contact has no address of the channel kind', () => {
    const phoneOnly = contact({ destinations: [{ kind: 'phone', value: '+15145550100', valid: true }] });
    assert.deepEqual(eligibility(phoneOnly, email, noRecords), { canMessage: false, reasons: [{ code: 'no-destination', kind: 'email' }], usableDestinations: [] });
  });

  it('reports each invalid destination', () => {
    const invalid = contact({ destinations: [{ kind: 'phone', value: '+1555', valid: false }] });
    assert.deepEqual(eligibility(invalid, sms, noRecords).reasons, [{ code: 'invalid-destination', destination: '+1555', kind: 'phone' }]);
  });

  it('reports excluded-by-preference', () => {
    const result = eligibility(contact({ channelPreferences: ['voice'] }), byId('downtown-voice'), noRecords);
    assert.equal(result.canMessage, false);
    assert.deepEqual(result.reasons, [{ code: 'excluded-by-preference', channelType: 'voice' }]);
    assert.equal(eligibility(contact({ channelPreferences: ['voice'] }), sms, noRecords).canMessage, true);
  });

  it('lists every applicable reason in the documented order', () => {
    const everything = contact({
      blocked: { by: 'u-1', at: '2024-01-01T00:00:00Z' },
      destinations: [
        { kind: 'phone', value: '+15145550199', valid: false },
        { kind: 'phone', value: '+15145550100', valid: true },
      ],
      channelPreferences: ['sms'],
    });
    const codes = eligibility(everything, sms, consentLookupFrom([record()])).reasons.map((reason) => reason.code);
    assert.deepEqual(codes, ['blocked', 'unsubscribed', 'invalid-destination', 'excluded-by-preference']);

    // no-destination excludes the per-destination reasons, so it is ordered in its own contact.
    const noEmail = contact({ blocked: { by: 'u-1', at: '2024-01-01T00:00:00Z' }, destinations: [], channelPreferences: ['email'] });
    assert.deepEqual(eligibility(noEmail, email, noRecords).reasons.map((reason) => reason.code), ['blocked', 'no-destination', 'excluded-by-preference']);
    assert.deepEqual(ELIGIBILITY_REASON_ORDER, ['blocked', 'unsubscribed', 'no-destination', 'invalid-destination', 'excluded-by-preference']);
  });

  it('can message through a usable destination while reporting the unsubscribed one', () => {
    const twoPhones = contact({
      destinations: [
        { kind: 'phone', value: '+15145550100', valid: true },
        { kind: 'phone', value: '+15145550101', valid: true },
      ],
    });
    const result = eligibility(twoPhones, sms, consentLookupFrom([record()]));
    assert.equal(result.canMessage, true);
    assert.deepEqual(result.usableDestinations, ['+15145550101']);
    assert.deepEqual(result.reasons.map((reason) => [reason.code, 'destination' in reason ? reason.destination : '']), [['unsubscribed', '+15145550100']]);
  });

  it('treats a re-subscribed destination as usable', () => {
    const lookup = consentLookupFrom([record(), record({ status: 'subscribed', source: 'start-reply', changedAt: '2024-05-02T12:00:00Z' })]);
    assert.deepEqual(eligibility(contact(), sms, lookup).reasons, []);
  });
});

describe('consentLookupFrom', () => {
  it('keeps the latest record per destination and channel, whatever the input order', () => {
    const later = record({ status: 'subscribed', changedAt: '2024-06-01T00:00:00Z' });
    const earlier = record({ changedAt: '2024-05-01T00:00:00Z' });
    assert.equal(consentLookupFrom([later, earlier])('+15145550100', 'downtown-sms'), later);
    assert.equal(consentLookupFrom([earlier, later])('+15145550100', 'downtown-sms'), later);
  });

  it('compares instants, not text, across offsets', () => {
    const utc = record({ changedAt: '2024-05-01T12:00:00Z' });
    const montreal = record({ status: 'subscribed', changedAt: '2024-05-01T09:00:00-04:00' }); // 13:00Z
    assert.equal(consentLookupFrom([montreal, utc])('+15145550100', 'downtown-sms'), montreal);
  });

  it('answers undefined for unknown pairs', () => {
    assert.equal(consentLookupFrom([record()])('+15145550100', 'uptown-sms'), undefined);
  });
});
