import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consentLookupFrom, contactOptOutRecords, inboundTargets, resolveOptOutChannels } from '../../../src/engine/index.js';
import { FULL_ORG, byId, contact, record } from './fixtures.js';

const PHONE = '+15145550100';
const EMAIL = 'ada@example.com';
const sms = byId('downtown-sms');
const everything = resolveOptOutChannels(sms, 'organization', FULL_ORG);
const none = consentLookupFrom([]);
const pairs = (targets: { destination: string; channelId: string }[]) => targets.map((t) => `${t.destination} ${t.channelId}`);

describe('inboundTargets', () => {
  it('reaches only the sender’s number on channels of its own kind, not the contact’s other phone', () => {
    const smsOnly = resolveOptOutChannels(sms, 'channel-type', FULL_ORG);
    const twoPhones = contact({ destinations: [{ kind: 'phone', value: '+15145550199', valid: true }, { kind: 'phone', value: PHONE, valid: true }] });
    assert.deepEqual(pairs(inboundTargets('opt-out', PHONE, sms, smsOnly, FULL_ORG, twoPhones, none)), [
      `${PHONE} downtown-sms`,
      `${PHONE} airport-sms`,
      `${PHONE} uptown-sms`,
    ]);
  });

  it('reaches the channel the reply came in on even when the channel list no longer has it, and skips unknown ids', () => {
    const retired = { ...sms, id: 'closed-sms', name: 'Closed SMS' };
    assert.deepEqual(pairs(inboundTargets('opt-out', PHONE, retired, ['closed-sms', 'nowhere-sms', 'uptown-sms'], FULL_ORG, contact(), none)), [
      `${PHONE} closed-sms`,
      `${PHONE} uptown-sms`,
    ]);
  });

  it('takes a STOP to the contact’s email too when the scope reaches email channels', () => {
    const targets = pairs(inboundTargets('opt-out', PHONE, sms, everything, FULL_ORG, contact(), none));
    assert.ok(targets.includes(`${EMAIL} downtown-email`), 'the email on an email channel');
    assert.ok(targets.includes(`${PHONE} airport-voice`), 'the phone on another phone channel');
    assert.ok(!targets.includes(`${PHONE} downtown-email`), 'a phone number is never recorded on an email channel');
  });

  it('without a known contact, reaches the sender’s own number on every phone channel, and no email', () => {
    const targets = pairs(inboundTargets('opt-out', PHONE, sms, everything, FULL_ORG, null, none));
    const phoneChannels = everything.filter((id) => !id.endsWith('-email'));
    assert.deepEqual(targets, phoneChannels.map((id) => `${PHONE} ${id}`));
    assert.equal(targets.length, 9);
  });

  it('lets a START undo on the email only what a keyword reply did, never an agent’s opt-out', () => {
    const consent = consentLookupFrom([
      record({ destination: EMAIL, channelId: 'downtown-email', source: 'stop-reply' }),
      record({ destination: EMAIL, channelId: 'airport-email', source: 'agent', actor: { type: 'user' as const, id: 'u-1' } }),
    ]);
    const targets = pairs(inboundTargets('opt-in', PHONE, sms, everything, FULL_ORG, contact(), consent));
    assert.ok(targets.includes(`${EMAIL} downtown-email`), 'the STOP reply’s email opt-out is undone');
    assert.ok(!targets.includes(`${EMAIL} airport-email`), 'the agent’s email opt-out stays');
  });
});

describe('contactOptOutRecords', () => {
  const facts = { at: '2026-11-02T10:00:00Z', scope: 'organization' as const, keyword: 'STOP' };

  it('writes a stop-reply record per pair, naming the channel the reply came in on', () => {
    const written = contactOptOutRecords(PHONE, sms, everything, FULL_ORG, contact(), none, facts);
    assert.equal(written.length, everything.length, 'phone on 9 phone channels, email on 3 email channels');
    assert.ok(written.every((r) => r.source === 'stop-reply' && r.actor.type === 'contact' && r.viaChannelId === 'downtown-sms' && r.keyword === 'STOP' && r.status === 'unsubscribed'), JSON.stringify(written));
  });

  it('leaves the contact’s own earlier STOP as the record, and writes over an agent’s or a job’s', () => {
    const consent = consentLookupFrom([
      record({ destination: PHONE, channelId: 'downtown-sms', source: 'stop-reply' }),
      record({ destination: PHONE, channelId: 'airport-sms', source: 'agent', actor: { type: 'user' as const, id: 'u-1' } }),
      record({ destination: PHONE, channelId: 'uptown-sms', source: 'bulk', actor: { type: 'user' as const, id: 'u-1' }, jobId: 'job-1' }),
    ]);
    const smsOnly = resolveOptOutChannels(sms, 'channel-type', FULL_ORG);
    const written = contactOptOutRecords(PHONE, sms, smsOnly, FULL_ORG, contact(), consent, { ...facts, scope: 'channel-type' });
    assert.deepEqual(written.map((r) => r.channelId), ['airport-sms', 'uptown-sms']);
  });
});
