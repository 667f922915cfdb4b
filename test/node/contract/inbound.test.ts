import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { OptOutScope } from '../../../src/engine/index.js';
import { sampleChannels } from '../../../mocks/fixtures/sample-organization.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';
import { signTwilioRequest } from '../../../mocks/twilio.js';
import { rejectsWith, useContractBackend, type ContractHarness } from './harness.js';

const SCOPES: OptOutScope[] = ['channel', 'channel-type', 'organization'];
const AVA = '+14162030001';
/** The sample organization's whole channel list, in its order. */
const EVERY_CHANNEL = [
  'ch-downtown-sms',
  'ch-downtown-whatsapp',
  'ch-downtown-voice',
  'ch-downtown-email',
  'ch-airport-sms',
  'ch-airport-whatsapp',
  'ch-airport-email',
  'ch-uptown-sms',
  'ch-uptown-email',
];
/**
 * What a reply on Downtown SMS reaches under each scope, written out rather than asked of the
 * engine the mock itself calls, so a wrong rule in either shows here.
 */
const REACHED_FROM_DOWNTOWN_SMS: Record<OptOutScope, string[]> = {
  channel: ['ch-downtown-sms'],
  'channel-type': ['ch-downtown-sms', 'ch-airport-sms', 'ch-uptown-sms'],
  organization: EVERY_CHANNEL,
};

async function setScope(t: ContractHarness, scope: OptOutScope, phrasePolicy: 'apply' | 'review' = 'review') {
  const { etag } = await t.client.getMessagingSettings({});
  await t.client.updateMessagingSettings({ optOutScope: scope, phrasePolicy, customKeywords: { optOut: [], optOutAll: [], optIn: [], help: [] } }, etag, {});
}

const messagesTo = (t: ContractHarness, to: string) => t.backend.store.db.messages.filter((m) => m.to === to);

describe('contract: inbound replies', () => {
  const t = useContractBackend({ contacts: 50 });

  for (const scope of SCOPES) {
    test(`STOP under the ${scope} scope changes exactly its channels and records one confirmation`, async () => {
      await setScope(t, scope);
      const result = await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: ' Stop. ' }, {});
      const expected = REACHED_FROM_DOWNTOWN_SMS[scope];
      assert.equal(result.action, 'opted-out');
      assert.equal(result.scope, scope);
      assert.equal(result.contactId, WELL_KNOWN.subscribed);
      assert.deepEqual(result.changedChannelIds, expected);
      assert.equal(result.classification.keyword, 'STOP');
      assert.equal(messagesTo(t, AVA).length, 1);
      assert.equal(result.confirmation?.body, messagesTo(t, AVA)[0]?.body);
      for (const channel of sampleChannels) {
        const destination = channel.type === 'email' ? 'ava.tremblay@example.com' : AVA;
        const status = t.backend.store.currentConsent(destination, channel.id)?.status ?? 'subscribed';
        assert.equal(status, expected.includes(channel.id) ? 'unsubscribed' : 'subscribed', channel.id);
      }
    });

    test(`START under the ${scope} scope re-subscribes the same set`, async () => {
      await setScope(t, scope);
      await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'STOP' }, {});
      const result = await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'start' }, {});
      assert.equal(result.action, 'opted-in');
      assert.deepEqual(result.changedChannelIds, REACHED_FROM_DOWNTOWN_SMS[scope]);
      assert.ok(sampleChannels.every((c) => t.backend.store.currentConsent(c.type === 'email' ? 'ava.tremblay@example.com' : AVA, c.id)?.status !== 'unsubscribed'));
      assert.equal(messagesTo(t, AVA).length, 2, 'one confirmation per reply');
    });
  }

  for (const scope of SCOPES) {
    test(`STOP ALL under the ${scope} scope reaches every channel of the organization`, async () => {
      await setScope(t, scope);
      const result = await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'STOP ALL' }, {});
      assert.equal(result.scope, 'organization');
      assert.deepEqual(result.changedChannelIds, EVERY_CHANNEL);
      assert.equal(t.backend.store.currentConsent('ava.tremblay@example.com', 'ch-uptown-email')?.status, 'unsubscribed', 'the STOP reaches her email too');
      assert.equal(result.classification.intent, 'opt-out-all');
    });
  }

  test('HELP sends the help reply and changes nothing; an ordinary message does nothing', async () => {
    const help = await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'help' }, {});
    assert.equal(help.action, 'help-sent');
    assert.deepEqual(help.changedChannelIds, []);
    assert.match(help.confirmation?.body ?? '', /help/i);
    const none = await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'can you stop by at 5?' }, {});
    assert.equal(none.action, 'none');
    assert.equal(none.confirmation, null);
    assert.equal(messagesTo(t, AVA).length, 1);
  });

  test('a plain-language request is queued with a 10-business-day deadline, then applied or dismissed', async () => {
    await setScope(t, 'channel', 'review');
    const queued = await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'please stop texting me', receivedAt: '2026-11-27T14:00:00Z' }, {});
    assert.equal(queued.action, 'queued-for-review');
    assert.deepEqual(queued.changedChannelIds, []);
    assert.ok(queued.reviewId);
    const perContact = await t.client.listContactReviews(WELL_KNOWN.subscribed, {}, {});
    // Friday 27 Nov → ten business days later is Friday 11 Dec, ending at midnight in Toronto (the channel's location).
    assert.equal(perContact.items[0]?.dueAt, '2026-12-12T04:59:59.999Z');
    assert.equal(perContact.items[0]?.timeZone, 'America/Toronto');
    t.backend.store.now = () => Date.parse('2026-11-28T10:00:00Z');
    const applied = await t.client.applyReview(queued.reviewId, 'Clearly asks us to stop texting.', {});
    assert.equal(applied.status, 'applied');
    assert.equal(t.backend.store.currentConsent(AVA, 'ch-downtown-sms')?.status, 'unsubscribed');
    const decision = (await t.client.listAuditEvents({}, {})).items.find((e) => e.action === 'review-applied');
    assert.deepEqual(decision?.actor, { type: 'user', id: 'u-admin' });
    assert.equal(decision?.note, 'Clearly asks us to stop texting.', 'the decision and its note are in the audit log');
    await rejectsWith(t.client.applyReview(queued.reviewId, undefined, {}), 409, 'conflict');

    const second = await t.integration.receiveInboundMessage({ channelId: 'ch-airport-sms', from: AVA, body: 'take me off your list' }, {});
    assert.ok(second.reviewId);
    await rejectsWith(t.client.dismissReview(second.reviewId, ' ', {}), 400, 'validation');
    const dismissed = await t.client.dismissReview(second.reviewId, 'Asked about another business', {});
    assert.equal(dismissed.status, 'dismissed');
    const dismissal = (await t.client.listAuditEvents({}, {})).items.find((e) => e.action === 'review-dismissed');
    assert.equal(dismissal?.note, 'Asked about another business');
    const pending = await t.client.listReviews({}, {});
    assert.equal(pending.total, 0);
  });

  test('a review left past its deadline is applied by the system, so the request is honoured in time', async () => {
    const queued = await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'stop messaging me', receivedAt: '2026-11-02T14:00:00Z' }, {});
    t.backend.store.now = () => Date.parse('2026-11-20T00:00:00Z');
    const applied = await t.client.listReviews({ status: 'applied' }, {});
    assert.equal(applied.items[0]?.id, queued.reviewId);
    assert.deepEqual(applied.items[0]?.decidedBy, { type: 'system' });
  });

  test('the phrase policy "apply" unsubscribes at once', async () => {
    await setScope(t, 'channel', 'apply');
    const result = await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'Please stop texting me!' }, {});
    assert.equal(result.action, 'opted-out');
    assert.deepEqual(result.changedChannelIds, ['ch-downtown-sms']);
  });

  test('a blocked contact’s STOP is still honoured', async () => {
    const result = await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: '+14162030003', body: 'STOP' }, {});
    assert.equal(result.action, 'opted-out');
    assert.ok(result.changedChannelIds.length > 0);
  });

  test('bad input names the field', async () => {
    const error = await rejectsWith(t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: '555-1234', body: 'STOP' }, {}), 400, 'validation');
    assert.equal(error.fieldErrors[0]?.field, 'from');
    const channel = await rejectsWith(t.integration.receiveInboundMessage({ channelId: 'ch-nope', from: AVA, body: 'STOP' }, {}), 400, 'validation');
    assert.equal(channel.fieldErrors[0]?.field, 'channelId');
  });

  test('the Twilio webhook (form-encoded) applies STOP by To and honours OptOutType without a second reply', async () => {
    const form = async (fields: Record<string, string>) => {
      const url = `${t.backend.baseUrl}/webhooks/twilio/inbound`;
      const body = new URLSearchParams(fields);
      return fetch(url, { method: 'POST', headers: await signTwilioRequest(url, body), body });
    };
    const plain = await form({ From: AVA, To: '+14165550101', Body: 'ARRÊT', MessagingServiceSid: 'MG123', MessageSid: 'SM-plain' });
    assert.equal(plain.status, 200);
    const result = (await plain.json()) as { action: string; classification: { language: string }; confirmation: { body: string } | null };
    assert.equal(result.action, 'opted-out');
    assert.equal(result.classification.language, 'fr');
    assert.match(result.confirmation?.body ?? '', /désabonné/);
    const carrier = await form({ From: '+14162030007', To: '+14165550201', Body: 'BAJA', OptOutType: 'STOP', MessageSid: 'SM-carrier' });
    const carrierResult = (await carrier.json()) as { action: string; confirmation: unknown; classification: unknown };
    // A keyword the carrier was configured with and we were not: its category, not a keyword made from the text.
    assert.deepEqual(carrierResult.classification, { intent: 'opt-out', match: 'carrier', keyword: 'STOP', language: null });
    assert.equal(carrierResult.action, 'opted-out');
    assert.equal(carrierResult.confirmation, null);
    const unknown = await form({ From: AVA, To: '+19999999999', Body: 'STOP', MessageSid: 'SM-unknown' });
    assert.equal(unknown.status, 400);
  });
});
