import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ELIGIBILITY_REASON_ORDER, compareInstants, consentLookupFrom, destinationKindFor, eligibility } from '../../../src/engine/index.js';
import type { ConsentLookup, Contact } from '../../../src/engine/index.js';
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
    const blocked = { blockedBy: { type: 'user' as const, id: 'u-7' }, blockedAt: '2024-04-02T09:00:00Z', reason: 'abusive' };
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
        actor: { type: 'contact' },
        keyword: 'STOP',
        viaChannelId: 'airport-sms',
        scope: 'channel-type',
        note: null,
      },
    ]);
    assert.equal(eligibility(contact(), email, consentLookupFrom([optOut])).canMessage, true, 'other channels stay open');
  });

  it("carries an agent's note on the opt-out into the reason", () => {
    const byAgent = record({ source: 'agent', actor: { type: 'user', id: 'u-agent' }, note: 'Asked on the phone to stop all texts' });
    const [reason] = eligibility(contact(), sms, consentLookupFrom([byAgent])).reasons;
    assert.equal(reason?.code === 'unsubscribed' ? reason.note : undefined, 'Asked on the phone to stop all texts');
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
    const result = eligibility(contact({ excludedChannelTypes: ['voice'] }), byId('downtown-voice'), noRecords);
    assert.equal(result.canMessage, false);
    assert.deepEqual(result.reasons, [{ code: 'excluded-by-preference', channelType: 'voice' }]);
    assert.equal(eligibility(contact({ excludedChannelTypes: ['voice'] }), sms, noRecords).canMessage, true);
  });

  it('lists every applicable reason in the documented order', () => {
    const everything = contact({
      blocked: { blockedBy: { type: 'user' as const, id: 'u-1' }, blockedAt: '2024-01-01T00:00:00Z', reason: null },
      destinations: [
        { kind: 'phone', value: '+15145550199', valid: false },
        { kind: 'phone', value: '+15145550100', valid: true },
      ],
      excludedChannelTypes: ['sms'],
    });
    const codes = eligibility(everything, sms, consentLookupFrom([record()])).reasons.map((reason) => reason.code);
    assert.deepEqual(codes, ['blocked', 'unsubscribed', 'invalid-destination', 'excluded-by-preference']);

    // no-destination excludes the per-destination reasons, so it is ordered in its own contact.
    const noEmail = contact({ blocked: { blockedBy: { type: 'user' as const, id: 'u-1' }, blockedAt: '2024-01-01T00:00:00Z', reason: null }, destinations: [], excludedChannelTypes: ['email'] });
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

describe('eligibility: canMessage and reasons, for every reason and combination', () => {
  const PHONE = '+15145550100';
  const OTHER_PHONE = '+15145550101';
  const BAD_PHONE = '+1555';
  const phone = (value: string, valid = true) => ({ kind: 'phone' as const, value, valid });
  const blockedBy = { blockedBy: { type: 'user' as const, id: 'u-7' }, blockedAt: '2024-04-02T09:00:00Z', reason: null };
  const stopOn = (destination: string) => record({ destination, keyword: 'STOP' });

  const blockedReason = { code: 'blocked', ...blockedBy };
  const unsubscribedReason = (destination: string) => ({
    code: 'unsubscribed',
    destination,
    channelId: 'downtown-sms',
    changedAt: '2024-05-01T12:00:00.000Z',
    source: 'stop-reply',
    actor: { type: 'contact' },
    keyword: 'STOP',
    viaChannelId: null,
    scope: null,
    note: null,
  });
  const invalidReason = (destination: string) => ({ code: 'invalid-destination', destination, kind: 'phone' });
  const excludedReason = { code: 'excluded-by-preference', channelType: 'sms' };
  const noPhoneReason = { code: 'no-destination', kind: 'phone' };

  const cases: { name: string; who: Contact; optOuts?: string[]; canMessage: boolean; reasons: unknown[]; usable?: string[] }[] = [
    { name: 'nothing in the way', who: contact(), canMessage: true, reasons: [], usable: [PHONE] },
    { name: 'blocked', who: contact({ blocked: blockedBy }), canMessage: false, reasons: [blockedReason] },
    { name: 'unsubscribed', who: contact(), optOuts: [PHONE], canMessage: false, reasons: [unsubscribedReason(PHONE)], usable: [] },
    { name: 'no destination of the kind', who: contact({ destinations: [{ kind: 'email', value: 'ada@example.com', valid: true }] }), canMessage: false, reasons: [noPhoneReason], usable: [] },
    { name: 'no destination at all', who: contact({ destinations: [] }), canMessage: false, reasons: [noPhoneReason], usable: [] },
    { name: 'its only phone invalid', who: contact({ destinations: [phone(BAD_PHONE, false)] }), canMessage: false, reasons: [invalidReason(BAD_PHONE)], usable: [] },
    { name: 'excluded by preference', who: contact({ excludedChannelTypes: ['sms'] }), canMessage: false, reasons: [excludedReason] },
    // Combinations: a reason on one destination leaves another usable; a contact-wide reason never does.
    { name: 'an invalid phone beside a valid one', who: contact({ destinations: [phone(BAD_PHONE, false), phone(PHONE)] }), canMessage: true, reasons: [invalidReason(BAD_PHONE)], usable: [PHONE] },
    { name: 'an unsubscribed phone beside a valid one', who: contact({ destinations: [phone(PHONE), phone(OTHER_PHONE)] }), optOuts: [PHONE], canMessage: true, reasons: [unsubscribedReason(PHONE)], usable: [OTHER_PHONE] },
    { name: 'an unsubscribed phone beside an invalid one', who: contact({ destinations: [phone(PHONE), phone(BAD_PHONE, false)] }), optOuts: [PHONE], canMessage: false, reasons: [unsubscribedReason(PHONE), invalidReason(BAD_PHONE)], usable: [] },
    { name: 'one phone both invalid and unsubscribed', who: contact({ destinations: [phone(BAD_PHONE, false)] }), optOuts: [BAD_PHONE], canMessage: false, reasons: [unsubscribedReason(BAD_PHONE), invalidReason(BAD_PHONE)], usable: [] },
    { name: 'blocked, with an invalid phone beside a valid one', who: contact({ blocked: blockedBy, destinations: [phone(BAD_PHONE, false), phone(PHONE)] }), canMessage: false, reasons: [blockedReason, invalidReason(BAD_PHONE)] },
    { name: 'excluded by preference, with an unsubscribed phone beside a valid one', who: contact({ excludedChannelTypes: ['sms'], destinations: [phone(PHONE), phone(OTHER_PHONE)] }), optOuts: [PHONE], canMessage: false, reasons: [unsubscribedReason(PHONE), excludedReason] },
    { name: 'blocked and excluded by preference', who: contact({ blocked: blockedBy, excludedChannelTypes: ['sms'] }), canMessage: false, reasons: [blockedReason, excludedReason] },
    { name: 'blocked, without a phone, and excluded by preference', who: contact({ blocked: blockedBy, destinations: [], excludedChannelTypes: ['sms'] }), canMessage: false, reasons: [blockedReason, noPhoneReason, excludedReason] },
    {
      name: 'every per-destination reason and both contact-wide ones',
      who: contact({ blocked: blockedBy, excludedChannelTypes: ['sms'], destinations: [phone(PHONE), phone(BAD_PHONE, false)] }),
      optOuts: [PHONE],
      canMessage: false,
      reasons: [blockedReason, unsubscribedReason(PHONE), invalidReason(BAD_PHONE), excludedReason],
    },
    { name: 'the same valid phone listed twice', who: contact({ destinations: [phone(PHONE), phone(PHONE)] }), canMessage: true, reasons: [], usable: [PHONE] },
  ];

  for (const c of cases) {
    it(`${c.name}: canMessage ${c.canMessage}`, () => {
      const { canMessage, reasons, usableDestinations } = eligibility(c.who, sms, consentLookupFrom((c.optOuts ?? []).map(stopOn)));
      assert.equal(canMessage, c.canMessage);
      assert.deepEqual(reasons, c.reasons);
      // Not asserted for a blocked or excluded contact: whether its usable destinations should then be empty is undecided.
      if (c.usable) assert.deepEqual(usableDestinations, c.usable);
    });
  }

  it('never lets a contact be messaged through a destination that is invalid, whatever else holds', () => {
    const invalidOnly = contact({ destinations: [phone(BAD_PHONE, false), phone('+1556', false)] });
    for (const channelId of ['downtown-sms', 'downtown-whatsapp', 'downtown-voice']) {
      const result = eligibility(invalidOnly, byId(channelId), noRecords);
      assert.equal(result.canMessage, false, channelId);
      assert.deepEqual(result.usableDestinations, [], channelId);
    }
  });

  it('judges an email channel by the email alone: an invalid email is not messageable, an invalid phone does not matter', () => {
    const badEmail = contact({ destinations: [phone(PHONE), { kind: 'email', value: 'ada@', valid: false }] });
    assert.deepEqual(eligibility(badEmail, email, noRecords), {
      canMessage: false,
      reasons: [{ code: 'invalid-destination', destination: 'ada@', kind: 'email' }],
      usableDestinations: [],
    });
    const badPhone = contact({ destinations: [phone(BAD_PHONE, false), { kind: 'email', value: 'ada@example.com', valid: true }] });
    assert.deepEqual(eligibility(badPhone, email, noRecords), { canMessage: true, reasons: [], usableDestinations: ['ada@example.com'] });
  });

  it('does not let an opt-out on another channel, or of another destination, stand in the way', () => {
    const elsewhere = consentLookupFrom([record({ channelId: 'airport-sms' }), record({ destination: OTHER_PHONE })]);
    assert.deepEqual(eligibility(contact(), sms, elsewhere), { canMessage: true, reasons: [], usableDestinations: [PHONE] });
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

  it('still picks one current record, whatever the input order, when timestamps do not parse: the later text', () => {
    const a = record({ changedAt: 'imported-a' });
    const b = record({ status: 'subscribed', changedAt: 'imported-b' });
    assert.equal(consentLookupFrom([a, b])('+15145550100', 'downtown-sms'), b);
    assert.equal(consentLookupFrom([b, a])('+15145550100', 'downtown-sms'), b);
  });

  it('answers undefined for unknown pairs', () => {
    assert.equal(consentLookupFrom([record()])('+15145550100', 'uptown-sms'), undefined);
  });
});

describe('compareInstants', () => {
  it('orders instants, not text, and finds the same instant in two offsets equal', () => {
    assert.ok(compareInstants('2024-05-01T09:00:00-04:00', '2024-05-01T12:00:00Z') > 0, '13:00Z is after 12:00Z');
    assert.ok(compareInstants('2024-05-01T12:00:00Z', '2024-05-01T09:00:00-04:00') < 0, '12:00Z is before 13:00Z');
    assert.equal(compareInstants('2024-05-01T08:00:00-04:00', '2024-05-01T12:00:00Z'), 0);
  });

  it('orders timestamps that do not parse by their text, equal text being equal', () => {
    assert.ok(compareInstants('imported-b', 'imported-a') > 0, 'b sorts after a');
    assert.ok(compareInstants('imported-a', 'imported-b') < 0, 'a sorts before b');
    assert.equal(compareInstants('imported-a', 'imported-a'), 0);
  });
});
