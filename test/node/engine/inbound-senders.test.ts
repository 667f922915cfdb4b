// Who an inbound reply speaks for: a number shared by several contacts, START records, and the
// carrier's own classification.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  consentLookupFrom,
  contactOptInRecords,
  contactOptOutRecords,
  inboundTargets,
  resolveOptOutChannels,
  withCarrierIntent,
  type Classification,
} from '../../../src/engine/index.js';
import { FULL_ORG, byId, contact, record } from './fixtures.js';

const SHARED = '+15145550100';
const sms = byId('downtown-sms');
const everything = resolveOptOutChannels(sms, 'organization', FULL_ORG);
const none = consentLookupFrom([]);
const pairs = (targets: { destination: string; channelId: string }[]) => targets.map((t) => `${t.destination} ${t.channelId}`).sort();

// Two people on one family phone, each with their own email.
const ada = contact({ id: 'c-ada', destinations: [{ kind: 'phone', value: SHARED, valid: true }, { kind: 'email', value: 'ada@example.com', valid: true }] });
const bob = contact({ id: 'c-bob', destinations: [{ kind: 'phone', value: SHARED, valid: true }, { kind: 'email', value: 'bob@example.com', valid: true }] });
const emailChannels = ['downtown-email', 'airport-email', 'uptown-email'];
const phoneChannels = everything.filter((id) => !emailChannels.includes(id));

describe('a STOP from a number several contacts share', () => {
  it('unsubscribes the number, and the other destinations of every contact sharing it', () => {
    const targets = pairs(inboundTargets('opt-out', SHARED, sms, everything, FULL_ORG, [ada, bob], none));
    const expected = [
      ...phoneChannels.map((id) => `${SHARED} ${id}`),
      ...emailChannels.map((id) => `ada@example.com ${id}`),
      ...emailChannels.map((id) => `bob@example.com ${id}`),
    ].sort();
    assert.deepEqual(targets, expected);
  });

  it('writes each pair once, even when the contacts share the email too', () => {
    const twin = contact({ id: 'c-twin', destinations: ada.destinations });
    const written = contactOptOutRecords(SHARED, sms, everything, FULL_ORG, [ada, twin], none, { at: '2026-11-02T10:00:00Z', scope: 'organization', keyword: 'STOP' });
    assert.equal(written.length, phoneChannels.length + emailChannels.length);
  });

  it('under the channel scope, changes the number on that one channel only, whoever shares it', () => {
    const targets = pairs(inboundTargets('opt-out', SHARED, sms, ['downtown-sms'], FULL_ORG, [ada, bob], none));
    assert.deepEqual(targets, [`${SHARED} downtown-sms`]);
  });

  it('accepts one contact or none, as before', () => {
    assert.deepEqual(pairs(inboundTargets('opt-out', SHARED, sms, everything, FULL_ORG, ada, none)), pairs(inboundTargets('opt-out', SHARED, sms, everything, FULL_ORG, [ada], none)));
    assert.deepEqual(pairs(inboundTargets('opt-out', SHARED, sms, everything, FULL_ORG, null, none)), phoneChannels.map((id) => `${SHARED} ${id}`).sort());
  });
});

describe('a START from a number several contacts share', () => {
  const stopped = consentLookupFrom([
    ...phoneChannels.map((channelId) => record({ destination: SHARED, channelId, source: 'stop-reply' })),
    ...emailChannels.flatMap((channelId) => [
      record({ destination: 'ada@example.com', channelId, source: 'stop-reply', viaChannelId: 'downtown-sms' }),
      record({ destination: 'bob@example.com', channelId, source: 'stop-reply', viaChannelId: 'downtown-sms' }),
    ]),
  ]);

  it('re-subscribes the number alone: it is no consent for an email whose owner is uncertain', () => {
    const written = contactOptInRecords(SHARED, sms, everything, FULL_ORG, [ada, bob], stopped, { at: '2026-11-03T10:00:00Z', scope: 'organization', keyword: 'START' });
    assert.deepEqual(written.map((r) => r.destination).filter((d) => d !== SHARED), []);
    assert.deepEqual(written.map((r) => r.channelId).sort(), [...phoneChannels].sort());
    assert.ok(written.every((r) => r.status === 'subscribed' && r.source === 'start-reply' && r.actor.type === 'contact' && r.viaChannelId === 'downtown-sms' && r.keyword === 'START'));
  });

  it('from a number one contact has, also re-subscribes that contact’s email where a keyword reply stopped it', () => {
    const written = contactOptInRecords(SHARED, sms, everything, FULL_ORG, [ada], stopped, { at: '2026-11-03T10:00:00Z', scope: 'organization' });
    assert.deepEqual(written.filter((r) => r.destination === 'ada@example.com').map((r) => r.channelId).sort(), [...emailChannels].sort());
    assert.equal(written.filter((r) => r.destination === 'bob@example.com').length, 0);
  });

  it('never re-subscribes what is not unsubscribed, nor an agent’s opt-out of the number itself', () => {
    const consent = consentLookupFrom([record({ destination: SHARED, channelId: 'downtown-sms', source: 'agent', actor: { type: 'user' as const, id: 'u-1' } })]);
    const written = contactOptInRecords(SHARED, sms, ['downtown-sms', 'airport-sms'], FULL_ORG, [ada], consent, { at: '2026-11-03T10:00:00Z', scope: 'channel-type' });
    // The contact's own START may reverse an agent's opt-out of their number (their own wish), but
    // airport-sms has no opt-out to reverse: nothing is written there.
    assert.deepEqual(written.map((r) => `${r.destination} ${r.channelId}`), [`${SHARED} downtown-sms`]);
  });
});

describe('withCarrierIntent', () => {
  const exact = (intent: Classification['intent'], keyword: string): Classification => ({ intent, match: 'exact', keyword, language: 'en' });
  const none: Classification = { intent: 'none', match: 'none' };

  it('without a carrier classification, is ours unchanged', () => {
    const ours = exact('opt-out', 'STOP');
    assert.equal(withCarrierIntent(ours, undefined), ours);
  });

  it('keeps our exact keyword of the same kind, so STOP ALL is never narrowed to STOP', () => {
    assert.deepEqual(withCarrierIntent(exact('opt-out-all', 'STOP ALL'), 'STOP'), exact('opt-out-all', 'STOP ALL'));
    assert.deepEqual(withCarrierIntent(exact('opt-in', 'START'), 'START'), exact('opt-in', 'START'));
  });

  it('honours the carrier when our keywords do not match, with its category as the keyword, not the message text', () => {
    assert.deepEqual(withCarrierIntent(none, 'STOP'), { intent: 'opt-out', match: 'carrier', keyword: 'STOP' });
    assert.deepEqual(withCarrierIntent({ intent: 'opt-out', match: 'phrase', language: 'en' }, 'STOP'), { intent: 'opt-out', match: 'carrier', keyword: 'STOP', language: 'en' });
    assert.deepEqual(withCarrierIntent(exact('help', 'HELP'), 'START'), { intent: 'opt-in', match: 'carrier', keyword: 'START', language: 'en' });
    assert.deepEqual(withCarrierIntent(none, 'HELP'), { intent: 'help', match: 'carrier', keyword: 'HELP' });
  });

  it('honours the carrier over our exact keyword of another kind: its block or unblock already happened', () => {
    // The carrier unblocked the number: our STOP ALL must not be applied instead.
    assert.deepEqual(withCarrierIntent(exact('opt-out-all', 'STOP ALL'), 'START'), { intent: 'opt-in', match: 'carrier', keyword: 'START', language: 'en' });
    // The carrier blocked it: our START must not re-subscribe anyone.
    assert.deepEqual(withCarrierIntent(exact('opt-in', 'START'), 'STOP'), { intent: 'opt-out', match: 'carrier', keyword: 'STOP', language: 'en' });
  });
});
