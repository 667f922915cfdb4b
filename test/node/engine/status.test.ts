import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONTACT_STATUSES, consentLookupFrom, contactStanding, matchesStatusFilter } from '../../../src/engine/index.js';
import type { ConsentLookup, ConsentRecord, Contact } from '../../../src/engine/index.js';
import { UNEVEN_ORG, byId, contact, record } from './fixtures.js';

// UNEVEN_ORG: phone channels downtown-sms, airport-whatsapp, harbour-sms; email channels
// downtown-email, harbour-email.
const PHONE = '+15145550100';
const EMAIL = 'ada@example.com';
const PHONE_CHANNEL_IDS = ['downtown-sms', 'airport-whatsapp', 'harbour-sms'];
const EMAIL_CHANNEL_IDS = ['downtown-email', 'harbour-email'];
const noRecords: ConsentLookup = () => undefined;

/** Opt-outs of one destination on each of `channelIds`. */
const optOuts = (destination: string, channelIds: readonly string[]): ConsentRecord[] =>
  channelIds.map((channelId) => record({ destination, channelId }));

const standing = (who: Contact, records: ConsentRecord[] = []) => contactStanding(who, UNEVEN_ORG, consentLookupFrom(records));

const everyOptOut = [...optOuts(PHONE, PHONE_CHANNEL_IDS), ...optOuts(EMAIL, EMAIL_CHANNEL_IDS)];
const blockedBy = { blockedBy: { type: 'user' as const, id: 'u-7' }, blockedAt: '2024-04-02T09:00:00Z', reason: null };
const emailOnly = contact({ destinations: [{ kind: 'email', value: EMAIL, valid: true }] });

describe('contactStanding', () => {
  it('is subscribed when no channel has an opt-out (no record means subscribed)', () => {
    assert.deepEqual(contactStanding(contact(), UNEVEN_ORG, noRecords), { status: 'subscribed', unsubscribedChannelIds: [] });
  });

  it('is partially unsubscribed when some reachable channels are opted out and others are not', () => {
    assert.deepEqual(standing(contact(), optOuts(PHONE, ['harbour-sms'])), { status: 'partially-unsubscribed', unsubscribedChannelIds: ['harbour-sms'] });
    const allButOne = everyOptOut.filter((r) => r.channelId !== 'harbour-email');
    assert.equal(standing(contact(), allButOne).status, 'partially-unsubscribed', 'one open channel is enough to stay partial');
  });

  it('is unsubscribed when every reachable channel is opted out, phone and email alike', () => {
    assert.deepEqual(standing(contact(), everyOptOut), {
      status: 'unsubscribed',
      unsubscribedChannelIds: ['downtown-sms', 'downtown-email', 'airport-whatsapp', 'harbour-sms', 'harbour-email'],
    });
  });

  it('lists each opted-out channel once, in the order of the channel list, whatever the record order', () => {
    const records = [...optOuts(EMAIL, ['harbour-email']), ...optOuts(PHONE, ['harbour-sms', 'downtown-sms', 'harbour-sms'])];
    const { unsubscribedChannelIds } = standing(contact(), records);
    assert.deepEqual(unsubscribedChannelIds, ['downtown-sms', 'harbour-sms', 'harbour-email']);
  });

  it('does not count an opt-out that was reversed', () => {
    const stop = record({ destination: PHONE, channelId: 'downtown-sms', changedAt: '2024-05-01T12:00:00Z' });
    const start = record({ destination: PHONE, channelId: 'downtown-sms', status: 'subscribed', source: 'start-reply', changedAt: '2024-05-02T12:00:00Z' });
    assert.deepEqual(standing(contact(), [stop, start]), { status: 'subscribed', unsubscribedChannelIds: [] });
  });

  describe('blocked', () => {
    it('wins over subscribed, partially unsubscribed and unsubscribed', () => {
      const blocked = contact({ blocked: blockedBy });
      assert.equal(standing(blocked).status, 'blocked');
      assert.equal(standing(blocked, optOuts(PHONE, ['downtown-sms'])).status, 'blocked');
      assert.equal(standing(blocked, everyOptOut).status, 'blocked');
    });

    it('still reports the opted-out channels, so a list can show them beside the block', () => {
      const { unsubscribedChannelIds } = standing(contact({ blocked: blockedBy }), optOuts(PHONE, ['downtown-sms', 'harbour-sms']));
      assert.deepEqual(unsubscribedChannelIds, ['downtown-sms', 'harbour-sms']);
    });

    it('wins over unreachable', () => {
      assert.deepEqual(standing(contact({ blocked: blockedBy, destinations: [] })), { status: 'blocked', unsubscribedChannelIds: [] });
    });
  });

  describe('unreachable', () => {
    it('is a contact without any destination', () => {
      assert.deepEqual(standing(contact({ destinations: [] })), { status: 'unreachable', unsubscribedChannelIds: [] });
    });

    it('is a contact whose destinations are all invalid, even if they carry opt-outs', () => {
      const invalidOnly = contact({
        destinations: [
          { kind: 'phone', value: PHONE, valid: false },
          { kind: 'email', value: EMAIL, valid: false },
        ],
      });
      assert.deepEqual(standing(invalidOnly), { status: 'unreachable', unsubscribedChannelIds: [] });
      assert.deepEqual(standing(invalidOnly, everyOptOut), { status: 'unreachable', unsubscribedChannelIds: [] });
    });

    it('is every contact of an organization without channels', () => {
      assert.deepEqual(contactStanding(contact(), [], noRecords), { status: 'unreachable', unsubscribedChannelIds: [] });
    });

    it('is a contact whose only valid destination no channel delivers to', () => {
      const phoneChannelsOnly = UNEVEN_ORG.filter((c) => c.type !== 'email');
      assert.equal(contactStanding(emailOnly, phoneChannelsOnly, noRecords).status, 'unreachable');
    });
  });

  describe('destinations of one kind only', () => {
    it('judges a contact with only an email by the email channels alone', () => {
      assert.deepEqual(standing(emailOnly), { status: 'subscribed', unsubscribedChannelIds: [] });
      assert.deepEqual(standing(emailOnly, optOuts(EMAIL, ['downtown-email'])), {
        status: 'partially-unsubscribed',
        unsubscribedChannelIds: ['downtown-email'],
      });
      assert.deepEqual(standing(emailOnly, optOuts(EMAIL, EMAIL_CHANNEL_IDS)), {
        status: 'unsubscribed',
        unsubscribedChannelIds: EMAIL_CHANNEL_IDS,
      });
    });

    it('leaves the channels of an invalid phone out of the count', () => {
      const invalidPhone = contact({
        destinations: [
          { kind: 'phone', value: PHONE, valid: false },
          { kind: 'email', value: EMAIL, valid: true },
        ],
      });
      // The invalid phone's own opt-outs change nothing: only the email channels are reachable.
      const records = [...optOuts(PHONE, PHONE_CHANNEL_IDS), ...optOuts(EMAIL, ['harbour-email'])];
      assert.deepEqual(standing(invalidPhone, records), { status: 'partially-unsubscribed', unsubscribedChannelIds: ['harbour-email'] });
      assert.equal(standing(invalidPhone, optOuts(EMAIL, EMAIL_CHANNEL_IDS)).status, 'unsubscribed');
    });
  });

  describe('several destinations of one kind', () => {
    const SECOND_PHONE = '+15145550101';
    const twoPhones = (secondValid: boolean) =>
      contact({
        destinations: [
          { kind: 'phone', value: PHONE, valid: true },
          { kind: 'phone', value: SECOND_PHONE, valid: secondValid },
        ],
      });

    it('never hides an opt-out of one of two phones: the contact is partially unsubscribed', () => {
      assert.deepEqual(standing(twoPhones(true), optOuts(PHONE, ['downtown-sms'])), { status: 'partially-unsubscribed', unsubscribedChannelIds: ['downtown-sms'] });
      const both = [...optOuts(PHONE, ['downtown-sms']), ...optOuts(SECOND_PHONE, ['downtown-sms'])];
      assert.deepEqual(standing(twoPhones(true), both).unsubscribedChannelIds, ['downtown-sms']);
    });

    it('is unsubscribed only when every phone has opted out on every channel', () => {
      const onlyFirst = optOuts(PHONE, PHONE_CHANNEL_IDS);
      assert.deepEqual(standing(twoPhones(true), onlyFirst), { status: 'partially-unsubscribed', unsubscribedChannelIds: PHONE_CHANNEL_IDS });
      const everyPair = [...onlyFirst, ...optOuts(SECOND_PHONE, PHONE_CHANNEL_IDS)];
      assert.deepEqual(standing(twoPhones(true), everyPair), { status: 'unsubscribed', unsubscribedChannelIds: PHONE_CHANNEL_IDS });
    });

    it('counts a channel whose only other destination is invalid', () => {
      assert.deepEqual(standing(twoPhones(false), optOuts(PHONE, ['downtown-sms'])), {
        status: 'partially-unsubscribed',
        unsubscribedChannelIds: ['downtown-sms'],
      });
    });
  });

  describe('channel preferences', () => {
    const noSms = contact({ excludedChannelTypes: ['sms'] });

    it('are not opt-outs: a contact who excludes a channel type is still subscribed', () => {
      assert.deepEqual(standing(noSms), { status: 'subscribed', unsubscribedChannelIds: [] });
    });

    it('leave the excluded channels in the count, so opting out of the rest is partial', () => {
      const allButSms = everyOptOut.filter((r) => byId(r.channelId, UNEVEN_ORG).type !== 'sms');
      assert.deepEqual(standing(noSms, allButSms), {
        status: 'partially-unsubscribed',
        unsubscribedChannelIds: ['downtown-email', 'airport-whatsapp', 'harbour-email'],
      });
      assert.equal(standing(noSms, everyOptOut).status, 'unsubscribed');
    });
  });

  it('counts a channel listed twice once', () => {
    const repeated = [...UNEVEN_ORG, byId('downtown-sms', UNEVEN_ORG)];
    const lookup = consentLookupFrom(optOuts(PHONE, ['downtown-sms']));
    assert.deepEqual(contactStanding(contact(), repeated, lookup), { status: 'partially-unsubscribed', unsubscribedChannelIds: ['downtown-sms'] });
    assert.equal(contactStanding(contact(), repeated, consentLookupFrom(everyOptOut)).status, 'unsubscribed');
  });

  it('can return every status it declares', () => {
    const returned = new Set([
      standing(contact()).status,
      standing(contact(), optOuts(PHONE, ['downtown-sms'])).status,
      standing(contact(), everyOptOut).status,
      standing(contact({ blocked: blockedBy })).status,
      standing(contact({ destinations: [] })).status,
    ]);
    assert.deepEqual([...returned].sort(), [...CONTACT_STATUSES].sort());
  });
});

describe('matchesStatusFilter', () => {
  it('lists partially unsubscribed contacts under unsubscribed, and every other status under itself only', () => {
    const listed = (filter: 'subscribed' | 'unsubscribed' | 'blocked' | 'unreachable') => CONTACT_STATUSES.filter((status) => matchesStatusFilter(status, filter));
    assert.deepEqual(listed('unsubscribed'), ['partially-unsubscribed', 'unsubscribed']);
    assert.deepEqual(listed('subscribed'), ['subscribed']);
    assert.deepEqual(listed('blocked'), ['blocked']);
    assert.deepEqual(listed('unreachable'), ['unreachable']);
  });

  it('lists a contact under several filters when any of them lists it', () => {
    const listed = (filters: ('subscribed' | 'unsubscribed' | 'blocked' | 'unreachable')[]) => CONTACT_STATUSES.filter((status) => matchesStatusFilter(status, filters));
    assert.deepEqual(listed(['unsubscribed', 'blocked']), ['partially-unsubscribed', 'unsubscribed', 'blocked']);
    assert.deepEqual(listed(['subscribed', 'unreachable']), ['subscribed', 'unreachable']);
    assert.deepEqual(listed([]), [], 'no filter value lists nobody, never everybody');
  });
});
