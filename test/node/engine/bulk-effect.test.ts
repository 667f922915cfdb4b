import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bulkUnsubscribeEffect, consentLookupFrom } from '../../../src/engine/index.js';
import type { ConsentRecord, Contact } from '../../../src/engine/index.js';
import { UNEVEN_ORG, byId, contact, record } from './fixtures.js';

// UNEVEN_ORG: phone channels downtown-sms, airport-whatsapp, harbour-sms; email channels
// downtown-email, harbour-email.
const PHONE = '+15145550100';
const EMAIL = 'ada@example.com';
const effect = (who: Contact, records: ConsentRecord[] = [], channels = UNEVEN_ORG) => bulkUnsubscribeEffect(who, channels, consentLookupFrom(records));
const optOuts = (destination: string, channelIds: readonly string[]) => channelIds.map((channelId) => record({ destination, channelId }));

describe('bulkUnsubscribeEffect', () => {
  it('will change a contact with any valid destination still subscribed, naming the channels and their types', () => {
    const result = effect(contact(), optOuts(PHONE, ['downtown-sms']));
    assert.equal(result.outcome, 'will-change');
    assert.deepEqual(result.changingChannelIds, ['downtown-email', 'airport-whatsapp', 'harbour-sms', 'harbour-email']);
    assert.deepEqual(result.changingChannelTypes, ['email', 'whatsapp', 'sms']);
    assert.equal(result.blocked, false);
  });

  it('is already unsubscribed when every chosen pair is opted out, and changes nothing', () => {
    const records = [...optOuts(PHONE, ['downtown-sms', 'airport-whatsapp', 'harbour-sms']), ...optOuts(EMAIL, ['downtown-email', 'harbour-email'])];
    assert.deepEqual(effect(contact(), records), { outcome: 'already-unsubscribed', blocked: false, changingChannelIds: [], changingChannelTypes: [] });
  });

  it('counts only the chosen channels', () => {
    const sms = [byId('downtown-sms', UNEVEN_ORG), byId('harbour-sms', UNEVEN_ORG)];
    assert.equal(effect(contact(), optOuts(PHONE, ['downtown-sms', 'harbour-sms']), sms).outcome, 'already-unsubscribed');
    assert.deepEqual(effect(contact(), optOuts(PHONE, ['downtown-sms']), sms).changingChannelIds, ['harbour-sms']);
  });

  it('is unreachable with no valid destination on any chosen channel, even with an invalid one', () => {
    const invalidPhone = contact({ destinations: [{ kind: 'phone', value: '+1416203', valid: false }] });
    assert.equal(effect(invalidPhone).outcome, 'unreachable');
    const emailOnly = contact({ destinations: [{ kind: 'email', value: EMAIL, valid: true }] });
    assert.equal(effect(emailOnly, [], [byId('downtown-sms', UNEVEN_ORG)]).outcome, 'unreachable');
    assert.equal(effect(contact({ destinations: [] })).outcome, 'unreachable');
  });

  it('changes a second phone that is still subscribed when the first has opted out', () => {
    const twoPhones = contact({ destinations: [{ kind: 'phone', value: PHONE, valid: true }, { kind: 'phone', value: '+15145550199', valid: true }] });
    const result = effect(twoPhones, optOuts(PHONE, ['downtown-sms']), [byId('downtown-sms', UNEVEN_ORG)]);
    assert.deepEqual(result.changingChannelIds, ['downtown-sms']);
  });

  it('counts a reversed opt-out as subscribed again', () => {
    const stop = record({ destination: PHONE, channelId: 'downtown-sms', changedAt: '2024-05-01T12:00:00Z' });
    const start = record({ destination: PHONE, channelId: 'downtown-sms', status: 'subscribed', source: 'start-reply', changedAt: '2024-05-02T12:00:00Z' });
    assert.equal(effect(contact(), [stop, start], [byId('downtown-sms', UNEVEN_ORG)]).outcome, 'will-change');
  });

  it('flags a blocked contact beside its outcome: blocked contacts are unsubscribed too', () => {
    const blocked = contact({ blocked: { blockedBy: { type: 'user' as const, id: 'u-7' }, blockedAt: '2024-04-02T09:00:00Z', reason: null } });
    const result = effect(blocked);
    assert.equal(result.blocked, true);
    assert.equal(result.outcome, 'will-change');
  });

  it('counts a repeated channel once', () => {
    const sms = byId('downtown-sms', UNEVEN_ORG);
    assert.deepEqual(effect(contact(), [], [sms, sms]).changingChannelIds, ['downtown-sms']);
  });
});
