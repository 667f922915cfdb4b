import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeScope, explainScope, resolveOptOut, resolveOptOutChannels } from '../../../src/engine/index.js';
import type { OptOutScope, ScopeMessages } from '../../../src/engine/index.js';
import { FULL_ORG, UNEVEN_ORG, byId, channel } from './fixtures.js';

const ALL_IDS = FULL_ORG.map((c) => c.id);

describe('resolveOptOutChannels', () => {
  const airportSms = byId('airport-sms');

  it('channel scope affects only the messaged channel', () => {
    assert.deepEqual(resolveOptOutChannels(airportSms, 'channel', FULL_ORG), ['airport-sms']);
  });

  it('channel-type scope affects every channel of that type across locations, messaged first', () => {
    assert.deepEqual(resolveOptOutChannels(airportSms, 'channel-type', FULL_ORG), ['airport-sms', 'downtown-sms', 'uptown-sms']);
    assert.deepEqual(resolveOptOutChannels(byId('uptown-email'), 'channel-type', FULL_ORG), [
      'uptown-email',
      'downtown-email',
      'airport-email',
    ]);
  });

  it('organization scope affects every channel, messaged first then input order', () => {
    const ids = resolveOptOutChannels(airportSms, 'organization', FULL_ORG);
    assert.deepEqual(ids, ['airport-sms', ...ALL_IDS.filter((id) => id !== 'airport-sms')]);
  });

  it('handles organizations with uneven channel types', () => {
    const harbourSms = byId('harbour-sms', UNEVEN_ORG);
    assert.deepEqual(resolveOptOutChannels(harbourSms, 'channel-type', UNEVEN_ORG), ['harbour-sms', 'downtown-sms']);
    assert.deepEqual(resolveOptOutChannels(byId('airport-whatsapp', UNEVEN_ORG), 'channel-type', UNEVEN_ORG), ['airport-whatsapp']);
    assert.equal(resolveOptOutChannels(harbourSms, 'organization', UNEVEN_ORG).length, UNEVEN_ORG.length);
  });

  it('opt-out-all reaches the whole organization whatever the scope', () => {
    for (const scope of ['channel', 'channel-type', 'organization'] as const) {
      assert.deepEqual(
        resolveOptOutChannels(airportSms, scope, FULL_ORG, 'opt-out-all'),
        resolveOptOutChannels(airportSms, 'organization', FULL_ORG),
      );
    }
  });

  it('opt-in yields the same set as an opt-out under the same scope', () => {
    for (const scope of ['channel', 'channel-type', 'organization'] as const) {
      assert.deepEqual(resolveOptOutChannels(airportSms, scope, FULL_ORG, 'opt-in'), resolveOptOutChannels(airportSms, scope, FULL_ORG));
    }
  });

  it('includes the messaged channel even when it is missing from the list, and never duplicates', () => {
    const retired = channel('Closed', 'sms');
    assert.deepEqual(resolveOptOutChannels(retired, 'channel-type', FULL_ORG), ['closed-sms', 'downtown-sms', 'airport-sms', 'uptown-sms']);
    const repeated = [...FULL_ORG, ...FULL_ORG];
    assert.deepEqual(resolveOptOutChannels(airportSms, 'organization', repeated), resolveOptOutChannels(airportSms, 'organization', FULL_ORG));
  });

  it('is exported as resolveOptOut too', () => {
    assert.equal(resolveOptOut, resolveOptOutChannels);
  });
});

describe('describeScope', () => {
  it('defaults the example to the first SMS channel, else the first channel', () => {
    assert.equal(describeScope('channel', FULL_ORG).example.id, 'downtown-sms');
    const emailFirst = [channel('Airport', 'email'), channel('Airport', 'whatsapp'), channel('Harbour', 'sms'), channel('Uptown', 'sms')];
    assert.equal(describeScope('channel', emailFirst).example.id, 'harbour-sms');
    assert.match(explainScope('channel', emailFirst), /^If a contact replies STOP to Harbour SMS,/);
    const noSms = FULL_ORG.filter((c) => c.type !== 'sms');
    assert.equal(describeScope('channel', noSms).example.id, 'downtown-whatsapp');
  });

  it('splits channels into affected and unaffected', () => {
    const description = describeScope('channel-type', FULL_ORG, byId('uptown-voice'));
    assert.deepEqual(description.affected.map((c) => c.id), ['uptown-voice', 'downtown-voice', 'airport-voice']);
    assert.equal(description.unaffected.length, 9);
    assert.ok(description.unaffected.every((c) => c.type !== 'voice'), 'no voice channel left unaffected');
  });

  it('throws a clear error with no channels and no example', () => {
    assert.throws(() => describeScope('channel', []), /at least one channel/);
  });
});

describe('explainScope', () => {
  it('names only the messaged channel for the channel scope', () => {
    assert.equal(
      explainScope('channel', FULL_ORG),
      'If a contact replies STOP to Downtown SMS, they are unsubscribed from Downtown SMS only. If they later reply START, they are re-subscribed to Downtown SMS.',
    );
  });

  it('names every channel of the type for the channel-type scope', () => {
    assert.equal(
      explainScope('channel-type', FULL_ORG),
      'If a contact replies STOP to Downtown SMS, they are unsubscribed from every SMS channel (3): Downtown SMS, Airport SMS, and Uptown SMS. ' +
        'If they later reply START, they are re-subscribed to the same channels.',
    );
    assert.match(explainScope('channel-type', UNEVEN_ORG, byId('airport-whatsapp', UNEVEN_ORG)), /every WhatsApp channel \(1\): Airport WhatsApp\./);
    assert.match(explainScope('channel-type', FULL_ORG, byId('airport-voice')), /unsubscribed from every voice channel \(3\): Airport Voice, Downtown Voice, and Uptown Voice\./);
    assert.match(explainScope('channel-type', FULL_ORG, byId('uptown-email')), /unsubscribed from every email channel \(3\): Uptown Email, Downtown Email, and Airport Email\./);
  });

  it('names every channel for the organization scope', () => {
    const sentence = explainScope('organization', FULL_ORG, byId('uptown-email'));
    assert.match(sentence, /^If a contact replies STOP to Uptown Email, they are unsubscribed from every channel in the organization \(12\): Uptown Email, Downtown SMS, /);
    for (const c of FULL_ORG) assert.ok(sentence.includes(c.name), c.name);
  });

  it('uses the wording a UI supplies', () => {
    const calls: { scope: OptOutScope; count: number }[] = [];
    const messages: ScopeMessages = {
      sentence: ({ example, affected, count, scope, channelType }) => {
        calls.push({ scope, count });
        return `[${scope}/${channelType}] ${example} → ${affected} (${count})`;
      },
      list: (items) => items.join(' + '),
    };
    assert.equal(
      explainScope('channel-type', UNEVEN_ORG, undefined, messages),
      '[channel-type/sms] Downtown SMS → Downtown SMS + Harbour SMS (2)',
    );
    assert.deepEqual(calls, [{ scope: 'channel-type', count: 2 }]);
  });

  it('falls back to the English list when the UI supplies only a sentence', () => {
    const messages: ScopeMessages = { sentence: ({ affected }) => affected };
    assert.equal(explainScope('channel-type', UNEVEN_ORG, undefined, messages), 'Downtown SMS and Harbour SMS');
  });
});
