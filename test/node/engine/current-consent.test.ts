import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appliedAt, consentLookupFrom, contactStanding, currentConsentOf, eligibility, latestConsent, supersedes } from '../../../src/engine/index.js';
import { byId, contact, record } from './fixtures.js';

const sms = byId('downtown-sms');
const PHONE = '+15145550100';

// The case: an earlier STOP, then the contact's START sent 10:05, then a STOP sent at
// 10:00 that the carrier delivered only after the START. Twilio applies them as received.
const firstStop = record({ changedAt: '2024-05-01T09:00:00Z', recordedAt: '2024-05-01T09:00:01Z' });
const start = record({ status: 'subscribed', source: 'start-reply', keyword: 'START', changedAt: '2024-05-01T10:05:00Z', recordedAt: '2024-05-01T10:05:02Z' });
const lateStop = record({ keyword: 'STOP', changedAt: '2024-05-01T10:00:00Z', recordedAt: '2024-05-01T10:07:00Z' });

describe('supersedes', () => {
  it('lets any record replace none', () => {
    assert.equal(supersedes(undefined, start), true);
    assert.equal(supersedes(undefined, lateStop), true);
  });

  it('makes the record applied last current, even when it says it was made earlier (a late STOP)', () => {
    assert.equal(supersedes(start, lateStop), true);
    assert.equal(supersedes(lateStop, start), false);
  });

  it('does the same for a late START: the carrier re-subscribes on the START it received last', () => {
    const stop = record({ changedAt: '2024-05-01T10:05:00Z', recordedAt: '2024-05-01T10:05:01Z' });
    const lateStart = record({ status: 'subscribed', source: 'start-reply', changedAt: '2024-05-01T10:00:00Z', recordedAt: '2024-05-01T10:06:00Z' });
    assert.equal(supersedes(stop, lateStart), true);
    assert.equal(supersedes(lateStart, stop), false);
  });

  it('gives a tie to the opt-out, in both directions', () => {
    const at = '2024-05-01T10:00:00Z';
    const out = record({ recordedAt: at });
    const back = record({ status: 'subscribed', source: 'start-reply', recordedAt: at });
    assert.equal(supersedes(out, back), false);
    assert.equal(supersedes(back, out), true);
  });

  it('lets the incoming record win a tie of the same status', () => {
    const at = '2024-05-01T10:00:00Z';
    const agent = record({ source: 'agent', actor: { type: 'user' as const, id: 'u-1' }, recordedAt: at });
    const reply = record({ recordedAt: at });
    assert.equal(supersedes(agent, reply), true);
    assert.equal(supersedes(reply, agent), true);
    const subscribed = record({ status: 'subscribed', recordedAt: at });
    assert.equal(supersedes(subscribed, record({ status: 'subscribed', source: 'agent', recordedAt: at })), true);
  });

  it('compares arrival times as instants across offsets', () => {
    const utc = record({ recordedAt: '2024-05-01T12:00:00Z' });
    const montreal = record({ status: 'subscribed', recordedAt: '2024-05-01T09:00:00-04:00' }); // 13:00Z
    assert.equal(supersedes(utc, montreal), true);
    assert.equal(supersedes(montreal, utc), false);
  });

  it('counts a record that does not say when it was applied as applied when it was made', () => {
    assert.equal(appliedAt(record({ changedAt: '2024-05-01T08:00:00Z' })), '2024-05-01T08:00:00Z');
    assert.equal(appliedAt(lateStop), '2024-05-01T10:07:00Z');
    const older = record({ changedAt: '2024-05-01T08:00:00Z' });
    const newer = record({ status: 'subscribed', changedAt: '2024-05-01T09:00:00Z' });
    assert.equal(supersedes(older, newer), true);
    assert.equal(supersedes(newer, older), false);
    // Arrival of one against the time of change of the other: still the later wins.
    assert.equal(supersedes(record({ status: 'subscribed', changedAt: '2024-05-01T10:06:00Z' }), lateStop), true);
  });
});

describe('currentConsentOf', () => {
  it('keeps the late STOP whatever order the records are listed in', () => {
    for (const order of [
      [firstStop, start, lateStop],
      [lateStop, start, firstStop],
      [start, lateStop, firstStop],
    ]) {
      assert.equal(currentConsentOf(order).get(PHONE)?.get('downtown-sms'), lateStop);
    }
  });

  it('makes eligibility and status say the contact cannot be messaged after the late STOP', () => {
    const lookup = consentLookupFrom([firstStop, start, lateStop]);
    const result = eligibility(contact(), sms, lookup);
    assert.equal(result.canMessage, false);
    assert.deepEqual(
      result.reasons.map((reason) => [reason.code, 'changedAt' in reason ? reason.changedAt : '']),
      [['unsubscribed', '2024-05-01T10:00:00Z']],
    );
    assert.deepEqual(contactStanding(contact(), [sms], lookup), { status: 'unsubscribed', unsubscribedChannelIds: ['downtown-sms'] });
  });

  it('lets the START stand until the late STOP arrives', () => {
    const lookup = consentLookupFrom([firstStop, start]);
    assert.equal(lookup(PHONE, 'downtown-sms'), start);
    assert.equal(eligibility(contact(), sms, lookup).canMessage, true);
  });

  it('keeps one record per destination and channel', () => {
    const email = record({ destination: 'ada@example.com', channelId: 'downtown-email' });
    const other = record({ channelId: 'uptown-sms' });
    const current = currentConsentOf([firstStop, email, start, other]);
    assert.deepEqual([...current.keys()], [PHONE, 'ada@example.com']);
    assert.deepEqual([...(current.get(PHONE)?.values() ?? [])], [start, other]);
    assert.equal(current.get('ada@example.com')?.get('downtown-email'), email);
  });

  it('is still reachable under its former name, with the same rule', () => {
    assert.equal(latestConsent([start, lateStop]).get(PHONE)?.get('downtown-sms'), lateStop);
  });
});
