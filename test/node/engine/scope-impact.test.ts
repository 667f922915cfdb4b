import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareScopes, replayOptOutReplies } from '../../../src/engine/index.js';
import type { ReplayedReply } from '../../../src/engine/index.js';
import { FULL_ORG, contact } from './fixtures.js';

const ada = contact();
const grace = contact({ id: 'c2', name: 'Grace Hopper', destinations: [{ kind: 'phone', value: '+15145550199', valid: true }] });
const stop = (overrides: Partial<ReplayedReply> = {}): ReplayedReply => ({ from: '+15145550100', channelId: 'downtown-sms', intent: 'opt-out', senders: ada, ...overrides });

describe('replayOptOutReplies', () => {
  it('counts the pairs each scope reaches: the channel, every SMS channel, every channel with the email too', () => {
    const replies = [stop()];
    assert.deepEqual(replayOptOutReplies(replies, 'channel', FULL_ORG), { scope: 'channel', replies: 1, contacts: 1, subscriptions: 1 });
    assert.equal(replayOptOutReplies(replies, 'channel-type', FULL_ORG).subscriptions, 3);
    // 9 phone channels for the number, 3 email channels for her address.
    assert.equal(replayOptOutReplies(replies, 'organization', FULL_ORG).subscriptions, 12);
  });

  it('STOP ALL reaches the whole organization under every scope', () => {
    for (const scope of ['channel', 'channel-type', 'organization'] as const) {
      assert.equal(replayOptOutReplies([stop({ intent: 'opt-out-all' })], scope, FULL_ORG).subscriptions, 12, scope);
    }
  });

  it('counts a pair and a person once, an unknown number as a person, and skips channels that are gone', () => {
    const replies = [stop(), stop({ channelId: 'airport-sms' }), stop({ from: '+15145550199', senders: grace }), stop({ from: '+15145550111', senders: null }), stop({ channelId: 'closed-sms' })];
    const replay = replayOptOutReplies(replies, 'channel', FULL_ORG);
    assert.deepEqual(replay, { scope: 'channel', replies: 4, contacts: 3, subscriptions: 4 });
  });

  it('counts each unknown number as a person of its own, and a contact replying from two numbers once', () => {
    const unknown = replayOptOutReplies([stop({ from: '+15145550111', senders: null }), stop({ from: '+15145550112', senders: null })], 'channel', FULL_ORG);
    assert.equal(unknown.contacts, 2);
    const twoPhones = contact({ id: 'c4', destinations: [{ kind: 'phone', value: '+15145550121', valid: true }, { kind: 'phone', value: '+15145550122', valid: true }] });
    const same = replayOptOutReplies([stop({ from: '+15145550121', senders: twoPhones }), stop({ from: '+15145550122', senders: twoPhones })], 'channel', FULL_ORG);
    assert.deepEqual(same, { scope: 'channel', replies: 2, contacts: 1, subscriptions: 2 });
  });

  it('a shared number reaches the email of every contact who has it', () => {
    const sharing = contact({ id: 'c3', destinations: [{ kind: 'phone', value: '+15145550100', valid: true }, { kind: 'email', value: 'family@example.com', valid: true }] });
    const replay = replayOptOutReplies([stop({ senders: [ada, sharing] })], 'organization', FULL_ORG);
    assert.equal(replay.contacts, 2);
    assert.equal(replay.subscriptions, 9 + 3 + 3);
  });
});

describe('compareScopes', () => {
  it('answers the saved and the proposed scope on the same replies', () => {
    const impact = compareScopes([stop(), stop({ intent: 'opt-out-all', from: '+15145550199', senders: grace })], 'channel', 'channel-type', FULL_ORG);
    assert.deepEqual(impact.current, { scope: 'channel', replies: 2, contacts: 2, subscriptions: 1 + 9 });
    assert.deepEqual(impact.proposed, { scope: 'channel-type', replies: 2, contacts: 2, subscriptions: 3 + 9 });
    assert.deepEqual(compareScopes([stop()], 'channel', 'channel', FULL_ORG).proposed, replayOptOutReplies([stop()], 'channel', FULL_ORG));
  });
});
