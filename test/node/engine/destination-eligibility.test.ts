import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consentLookupFrom, destinationEligibility } from '../../../src/engine/index.js';
import type { ConsentLookup } from '../../../src/engine/index.js';
import { byId, contact, record } from './fixtures.js';

const noRecords: ConsentLookup = () => undefined;
const sms = byId('downtown-sms');
const whatsapp = byId('downtown-whatsapp');
const PHONE = '+15145550100';

describe('destinationEligibility', () => {
  it('lets a valid destination nobody has be messaged when it has no record', () => {
    assert.deepEqual(destinationEligibility(PHONE, sms, [], noRecords), { canMessage: true, reasons: [] });
  });

  it('decides a destination nobody has by its own consent and validity', () => {
    const stop = record({ destination: PHONE, channelId: sms.id });
    const stopped = destinationEligibility(PHONE, sms, [], consentLookupFrom([stop]));
    assert.equal(stopped.canMessage, false);
    assert.deepEqual(stopped.reasons.map((r) => r.code), ['unsubscribed']);
    assert.deepEqual(destinationEligibility('ada@example.com', sms, [], noRecords).reasons, [{ code: 'invalid-destination', destination: 'ada@example.com', kind: 'phone' }]);
  });

  it('stops the message when any contact sharing the destination is blocked, listing each block', () => {
    const blocked = { blockedBy: { type: 'user' as const, id: 'u-7' }, blockedAt: '2024-04-02T09:00:00Z', reason: null };
    const result = destinationEligibility(PHONE, sms, [contact({ id: 'c1' }), contact({ id: 'c2', blocked })], noRecords);
    assert.equal(result.canMessage, false);
    assert.deepEqual(result.reasons, [{ code: 'blocked', ...blocked }]);
  });

  it('stops the message when any sharer excluded the channel type, and not on other types', () => {
    const sharers = [contact({ id: 'c1' }), contact({ id: 'c2', excludedChannelTypes: ['whatsapp'] })];
    assert.deepEqual(destinationEligibility(PHONE, whatsapp, sharers, noRecords), { canMessage: false, reasons: [{ code: 'excluded-by-preference', channelType: 'whatsapp' }] });
    assert.equal(destinationEligibility(PHONE, sms, sharers, noRecords).canMessage, true);
  });

  it('ignores what a sharer’s other destinations say: only this destination’s consent counts', () => {
    const otherPhone = '+15145550199';
    const sharer = contact({ destinations: [{ kind: 'phone', value: PHONE, valid: true }, { kind: 'phone', value: otherPhone, valid: false }] });
    const lookup = consentLookupFrom([record({ destination: otherPhone, channelId: sms.id })]);
    assert.deepEqual(destinationEligibility(PHONE, sms, [sharer], lookup), { canMessage: true, reasons: [] });
  });

  it('lists reasons in the engine’s order: blocked before unsubscribed', () => {
    const lookup = consentLookupFrom([record({ destination: PHONE, channelId: sms.id })]);
    const result = destinationEligibility(PHONE, sms, [contact({ blocked: { blockedBy: { type: 'user' as const, id: 'u-1' }, blockedAt: '2024-01-01T00:00:00Z', reason: null } })], lookup);
    assert.deepEqual(result.reasons.map((r) => r.code), ['blocked', 'unsubscribed']);
  });

  it('takes the validity the contacts sharing the destination record: invalid if any of them says so', () => {
    const valid = contact({ id: 'c1', destinations: [{ kind: 'phone', value: PHONE, valid: true }] });
    // Well formed, yet recorded invalid (a carrier lookup said the number is not in service).
    const invalid = contact({ id: 'c2', destinations: [{ kind: 'phone', value: PHONE, valid: false }] });
    assert.deepEqual(destinationEligibility(PHONE, sms, [valid], noRecords), { canMessage: true, reasons: [] });
    const invalidReason = { code: 'invalid-destination', destination: PHONE, kind: 'phone' };
    assert.deepEqual(destinationEligibility(PHONE, sms, [invalid], noRecords), { canMessage: false, reasons: [invalidReason] });
    for (const sharers of [[valid, invalid], [invalid, valid]]) {
      assert.deepEqual(destinationEligibility(PHONE, sms, sharers, noRecords), { canMessage: false, reasons: [invalidReason] }, sharers.map((c) => c.id).join());
    }
  });
});
