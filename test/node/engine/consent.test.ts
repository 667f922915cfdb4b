import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canResubscribe, consentRecordsFor, inboundAction, keepsStandingOptOut } from '../../../src/engine/index.js';
import type { Classification, PhrasePolicy } from '../../../src/engine/index.js';
import { FULL_ORG, byId, record } from './fixtures.js';

describe('consentRecordsFor', () => {
  it('writes one record per distinct channel, every fact present and null when not given', () => {
    const records = consentRecordsFor({
      destination: '+15145550100',
      channelIds: ['a', 'b', 'a'],
      status: 'unsubscribed',
      at: '2024-05-01T00:00:00Z',
      source: 'stop-reply',
      actor: { type: 'contact' },
      keyword: 'STOP',
      scope: 'channel-type',
    });
    assert.deepEqual(records, [
      { destination: '+15145550100', channelId: 'a', status: 'unsubscribed', changedAt: '2024-05-01T00:00:00Z', source: 'stop-reply', actor: { type: 'contact' }, keyword: 'STOP', viaChannelId: null, scope: 'channel-type', note: null, jobId: null },
      { destination: '+15145550100', channelId: 'b', status: 'unsubscribed', changedAt: '2024-05-01T00:00:00Z', source: 'stop-reply', actor: { type: 'contact' }, keyword: 'STOP', viaChannelId: null, scope: 'channel-type', note: null, jobId: null },
    ]);
    assert.ok(Object.values(records[0] ?? {}).every((value) => value !== undefined), 'an absent fact is null, never an undefined key');
  });
});

describe('keepsStandingOptOut', () => {
  const stop = record({ source: 'stop-reply' });
  const agent = record({ source: 'agent', actor: { type: 'user' as const, id: 'u-1' } });
  const bulk = record({ source: 'bulk', actor: { type: 'user' as const, id: 'u-1' }, jobId: 'job-1' });

  it("lets only the contact's own earlier STOP stand for a new STOP", () => {
    assert.equal(keepsStandingOptOut(stop, 'stop-reply'), true);
    assert.equal(keepsStandingOptOut(agent, 'stop-reply'), false, 'an agent’s opt-out can be reversed with a note; the STOP must survive that');
  });

  it('lets the earliest opt-out stand for an agent’s or a job’s', () => {
    for (const incoming of ['agent', 'bulk', 'api'] as const) {
      assert.equal(keepsStandingOptOut(stop, incoming), true);
      assert.equal(keepsStandingOptOut(agent, incoming), true);
    }
  });

  it('never lets a bulk job’s opt-out stand for another request: undoing the job would take it away', () => {
    for (const incoming of ['stop-reply', 'agent', 'bulk', 'api'] as const) assert.equal(keepsStandingOptOut(bulk, incoming), false, incoming);
  });

  it('writes when there is no opt-out to rest on', () => {
    assert.equal(keepsStandingOptOut(undefined, 'agent'), false);
    assert.equal(keepsStandingOptOut(record({ status: 'subscribed', source: 'start-reply' }), 'stop-reply'), false);
  });
});

describe('canResubscribe', () => {
  const keywordOptOut = record({ source: 'stop-reply', keyword: 'STOP' });
  const agentOptOut = record({ source: 'agent', actor: { type: 'user' as const, id: 'u-1' } });

  it("always lets the contact's own opt-in reply reverse an opt-out", () => {
    assert.deepEqual(canResubscribe(keywordOptOut, { kind: 'contact' }), { allowed: true });
    assert.deepEqual(canResubscribe(agentOptOut, { kind: 'contact' }), { allowed: true });
  });

  it('requires a non-blank written consent note from an agent', () => {
    assert.deepEqual(canResubscribe(agentOptOut, { kind: 'agent' }), { allowed: false, reason: 'note-required' });
    assert.deepEqual(canResubscribe(agentOptOut, { kind: 'agent', note: '  \n ' }), { allowed: false, reason: 'note-required' });
    assert.deepEqual(canResubscribe(agentOptOut, { kind: 'agent', note: 'Asked in store on 2024-05-03' }), { allowed: true });
  });

  it('lets an agent with a note reverse a keyword opt-out, and not without one', () => {
    assert.deepEqual(canResubscribe(keywordOptOut, { kind: 'agent', note: 'Signed consent form' }), { allowed: true });
    assert.deepEqual(canResubscribe(keywordOptOut, { kind: 'agent' }), { allowed: false, reason: 'note-required' });
  });

  it('refuses when there is nothing to reverse', () => {
    assert.deepEqual(canResubscribe(undefined, { kind: 'contact' }), { allowed: false, reason: 'not-unsubscribed' });
    assert.deepEqual(canResubscribe(record({ status: 'subscribed' }), { kind: 'agent', note: 'x' }), { allowed: false, reason: 'not-unsubscribed' });
  });
});

describe('inboundAction', () => {
  const messaged = byId('airport-sms');
  const smsIds = ['airport-sms', 'downtown-sms', 'uptown-sms'];
  const exact = (intent: Classification['intent'], keyword: string): Classification => ({ intent, match: 'exact', keyword, language: 'en' });
  const phrase: Classification = { intent: 'opt-out', match: 'phrase', language: 'en' };
  const settings = (phrasePolicy: PhrasePolicy) => ({ scope: 'channel-type' as const, phrasePolicy });

  it('applies an exact opt-out to the scoped channels, whatever the phrase policy', () => {
    for (const policy of ['apply', 'review'] as const) {
      assert.deepEqual(inboundAction(exact('opt-out', 'STOP'), messaged, FULL_ORG, settings(policy)), { kind: 'apply-opt-out', channelIds: smsIds, scope: 'channel-type' });
    }
  });

  it('applies opt-out-all to the whole organization', () => {
    const action = inboundAction(exact('opt-out-all', 'STOP ALL'), messaged, FULL_ORG, settings('review'));
    assert.equal(action.kind, 'apply-opt-out');
    assert.ok(action.kind === 'apply-opt-out' && action.scope === 'organization' && action.channelIds.length === 12, JSON.stringify(action));
  });

  it('applies or queues a phrase per policy, with the channels it would affect', () => {
    assert.deepEqual(inboundAction(phrase, messaged, FULL_ORG, settings('apply')), { kind: 'apply-opt-out', channelIds: smsIds, scope: 'channel-type' });
    assert.deepEqual(inboundAction(phrase, messaged, FULL_ORG, settings('review')), { kind: 'queue-review', channelIds: smsIds, scope: 'channel-type' });
  });

  it('re-subscribes the same set on opt-in, replies to help, ignores the rest', () => {
    assert.deepEqual(inboundAction(exact('opt-in', 'START'), messaged, FULL_ORG, settings('review')), { kind: 'apply-opt-in', channelIds: smsIds, scope: 'channel-type' });
    assert.deepEqual(inboundAction(exact('help', 'HELP'), messaged, FULL_ORG, settings('review')), { kind: 'reply-help' });
    assert.deepEqual(inboundAction({ intent: 'none', match: 'none' }, messaged, FULL_ORG, settings('apply')), { kind: 'none' });
  });
});
