import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { contactStanding, destinationsOn, eligibility, reachableDestinations } from '../../../src/engine/index.js';
import type { ConsentRecord, Contact, Destination } from '../../../src/engine/index.js';
import { FULL_ORG, byId, contact, record } from './fixtures.js';

const invalidPhone: Destination = { kind: 'phone', value: '+1514', valid: false };
const phone: Destination = { kind: 'phone', value: '+15145550100', valid: true };
const secondPhone: Destination = { kind: 'phone', value: '+15145550101', valid: true };
const email: Destination = { kind: 'email', value: 'ada@example.com', valid: true };
const badEmail: Destination = { kind: 'email', value: 'ada@@example', valid: false };

describe('destinationsOn', () => {
  const everything = contact({ destinations: [invalidPhone, email, phone, badEmail, secondPhone] });

  it('gives every destination of the kind the channel delivers to, valid or not, in the contact’s order', () => {
    for (const id of ['downtown-sms', 'downtown-whatsapp', 'downtown-voice']) {
      assert.deepEqual(destinationsOn(everything, byId(id)), [invalidPhone, phone, secondPhone], id);
    }
    assert.deepEqual(destinationsOn(everything, byId('downtown-email')), [email, badEmail]);
    assert.deepEqual(destinationsOn(contact({ destinations: [email] }), byId('downtown-sms')), []);
  });

  it('reaches only the valid ones', () => {
    assert.deepEqual(reachableDestinations(everything, byId('airport-sms')), [phone, secondPhone]);
    assert.deepEqual(reachableDestinations(everything, byId('airport-email')), [email]);
    assert.deepEqual(reachableDestinations(contact({ destinations: [invalidPhone] }), byId('airport-sms')), []);
  });
});

const destination = fc.record({
  kind: fc.constantFrom('phone' as const, 'email' as const),
  value: fc.constantFrom('+15145550100', '+15145550101', '+1514', 'ada@example.com', 'ada@@example'),
  valid: fc.boolean(),
});
const someContact = fc.record({ destinations: fc.array(destination, { maxLength: 4 }), blocked: fc.boolean() }).map(
  ({ destinations, blocked }): Contact => contact({ destinations, blocked: blocked ? { blockedBy: { type: 'user' as const, id: 'u-1' }, blockedAt: '2024-01-01T00:00:00Z', reason: null } : null }),
);
const optOuts = fc.subarray(FULL_ORG.map((c) => c.id)).chain((channelIds) =>
  fc.constant(channelIds.flatMap((channelId): ConsentRecord[] => ['+15145550100', 'ada@example.com'].map((value) => record({ destination: value, channelId })))),
);

describe('eligibility and status reach what destinationsOn says', () => {
  it('messages only reachable, subscribed destinations, and reports each invalid one', () => {
    fc.assert(
      fc.property(someContact, optOuts, (who, records) => {
        const lookup = (value: string, channelId: string) => records.find((r) => r.destination === value && r.channelId === channelId);
        for (const channel of FULL_ORG) {
          const result = eligibility(who, channel, lookup);
          const reachable = reachableDestinations(who, channel).map((d) => d.value).filter((value) => !lookup(value, channel.id));
          const excluded = who.excludedChannelTypes.includes(channel.type);
          assert.equal(result.canMessage, !who.blocked && !excluded && reachable.length > 0, channel.id);
          // A contact who may not be messaged has no usable destination, whatever is reachable.
          assert.deepEqual(new Set(result.usableDestinations), new Set(result.canMessage ? reachable : []), channel.id);
          const invalid = result.reasons.filter((reason) => reason.code === 'invalid-destination');
          assert.equal(invalid.length, destinationsOn(who, channel).filter((d) => !d.valid).length, channel.id);
          assert.equal(result.reasons.some((reason) => reason.code === 'no-destination'), destinationsOn(who, channel).length === 0, channel.id);
        }
        const unreachable = FULL_ORG.every((channel) => reachableDestinations(who, channel).length === 0);
        assert.equal(contactStanding(who, FULL_ORG, lookup).status === 'unreachable', !who.blocked && unreachable);
      }),
    );
  });
});
