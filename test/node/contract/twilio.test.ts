// The Twilio webhook as a hostile caller and as Twilio's WhatsApp sends it: replays, the public
// URL behind a proxy, repeated parameters, `whatsapp:` addresses; and a number several contacts share.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HttpOptOutClient } from '../../../src/client/index.js';
import { NODE_API_BASE, startMockServer } from '../../../mocks/node.js';
import { generateSeed, WELL_KNOWN } from '../../../mocks/seed/seed.js';
import { constantTimeEqual, signTwilioRequest, twilioSignature } from '../../../mocks/twilio.js';
import { useContractBackend, type ContractHarness } from './harness.js';

const AVA = '+14162030001';
const DOWNTOWN_SMS = '+14165550101';
const DOWNTOWN_WHATSAPP = '+14165550102';
const webhook = `${NODE_API_BASE}/webhooks/twilio/inbound`;

async function deliver(fields: Record<string, string> | URLSearchParams, signedUrl = webhook) {
  const body = fields instanceof URLSearchParams ? fields : new URLSearchParams(fields);
  const response = await fetch(webhook, { method: 'POST', headers: await signTwilioRequest(signedUrl, body), body });
  return { status: response.status, body: (await response.json()) as { action?: string; changedChannelIds?: string[]; messageId?: string; detail?: string; errors?: { field: string }[] } };
}

async function setScope(t: ContractHarness, scope: 'channel' | 'channel-type' | 'organization') {
  const { etag } = await t.client.getMessagingSettings({});
  await t.client.updateMessagingSettings({ optOutScope: scope, phrasePolicy: 'review', customKeywords: { optOut: [], optOutAll: [], optIn: [], help: [] } }, etag, {});
}

describe('contract: the Twilio webhook cannot be replayed', () => {
  const t = useContractBackend();

  test('a captured START, replayed after the contact sent STOP, changes nothing — even days later', async () => {
    const start = { From: AVA, To: DOWNTOWN_SMS, Body: 'START', MessageSid: 'SM-start-1' };
    assert.equal((await deliver(start)).body.action, 'opted-in');
    const stop = await deliver({ From: AVA, To: DOWNTOWN_SMS, Body: 'STOP', MessageSid: 'SM-stop-1' });
    assert.equal(stop.body.action, 'opted-out');
    // Past the 24 hours an idempotency key is kept.
    const now = Date.now() + 3 * 24 * 3_600_000;
    t.backend.store.now = () => now;
    const replay = await deliver(start);
    assert.equal(replay.status, 200);
    assert.equal(t.backend.store.currentConsent(AVA, 'ch-downtown-sms')?.status, 'unsubscribed', 'the STOP stands');
    assert.equal(t.backend.store.currentConsent(AVA, 'ch-downtown-sms')?.source, 'stop-reply');
    const received = t.backend.store.db.audit.filter((e) => e.action === 'inbound-received' && e.destination === AVA);
    assert.equal(received.length, 2, 'the replay was not processed as a new message');
  });

  test('a replay answers the first delivery’s result', async () => {
    const fields = { From: AVA, To: DOWNTOWN_SMS, Body: 'STOP', MessageSid: 'SM-twice' };
    const first = await deliver(fields);
    t.backend.store.now = () => Date.now() + 2 * 24 * 3_600_000;
    const second = await deliver(fields);
    assert.deepEqual(second.body, first.body);
  });

  test('the same message id through POST /inbound-messages is applied once too', async () => {
    const message = { channelId: 'ch-downtown-sms', from: AVA, body: 'START', providerMessageId: 'SM-json-1' };
    await t.integration.receiveInboundMessage(message, {});
    await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'STOP', providerMessageId: 'SM-json-2' }, {});
    // A different idempotency key, days later: only the message id can tell it is the same message.
    t.backend.store.now = () => Date.now() + 5 * 24 * 3_600_000;
    const replay = await t.integration.receiveInboundMessage(message, { idempotencyKey: 'another-key' });
    assert.equal(replay.action, 'opted-in', 'answers as the first time');
    assert.equal(t.backend.store.currentConsent(AVA, 'ch-downtown-sms')?.status, 'unsubscribed');
  });

  test('the client sends the provider’s message id as the idempotency key', async () => {
    await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'HELP', providerMessageId: 'SM-key-1' }, {});
    const sent = t.requests.filter((r) => r.path === '/inbound-messages');
    assert.equal(sent.at(-1)?.idempotencyKey, 'SM-key-1');
  });

  test('a delivery without MessageSid is refused: Twilio always sends one', async () => {
    const response = await deliver({ From: AVA, To: DOWNTOWN_SMS, Body: 'START' });
    assert.equal(response.status, 400);
    assert.ok(response.body.errors?.some((e) => e.field.includes('MessageSid')), JSON.stringify(response.body));
  });

  test('a parameter Twilio sends once, repeated, is refused rather than one value picked', async () => {
    const body = new URLSearchParams([['From', AVA], ['To', DOWNTOWN_SMS], ['Body', 'HELP'], ['Body', 'START'], ['MessageSid', 'SM-rep']]);
    const response = await deliver(body);
    assert.equal(response.status, 400);
    assert.equal(t.backend.store.db.audit.filter((e) => e.action === 'inbound-received' && e.destination === AVA).length, 0);
  });

  test('the signature covers every value of a repeated parameter', async () => {
    const signed = new URLSearchParams([['From', AVA], ['To', DOWNTOWN_SMS], ['Body', 'HELP'], ['MessageSid', 'SM-media'], ['MediaUrl', 'https://a.example/1'], ['MediaUrl', 'https://a.example/2']]);
    const headers = await signTwilioRequest(webhook, signed);
    const ok = await fetch(webhook, { method: 'POST', headers, body: signed });
    assert.equal(ok.status, 200, 'extra repeated parameters are signed and accepted');
    const tampered = new URLSearchParams(signed);
    tampered.delete('MediaUrl');
    tampered.append('MediaUrl', 'https://a.example/1');
    tampered.append('MediaUrl', 'https://evil.example/2');
    const refused = await fetch(webhook, { method: 'POST', headers, body: tampered });
    assert.equal(refused.status, 403);
  });

  test('signatures are compared whole, byte for byte', () => {
    assert.equal(constantTimeEqual('abc=', 'abc='), true);
    assert.equal(constantTimeEqual('abc=', 'abd='), false);
    assert.equal(constantTimeEqual('abc', 'abc='), false);
    assert.equal(constantTimeEqual('', 'a'), false);
    assert.equal(constantTimeEqual('', ''), true);
  });
});

describe('contract: the Twilio signature is checked over the webhook’s public URL', () => {
  const publicUrl = 'https://crm.example.com/api/webhooks/twilio/inbound';
  let close = () => {};
  before(() => {
    close = startMockServer({ contacts: 50, twilio: { publicUrl } }).close;
  });
  after(() => close());

  test('behind a proxy, a delivery signed for the public URL is accepted and one signed for the internal URL is not', async () => {
    const fields = { From: AVA, To: DOWNTOWN_SMS, Body: 'HELP', MessageSid: 'SM-proxy' };
    assert.equal((await deliver(fields, publicUrl)).status, 200);
    assert.equal((await deliver({ ...fields, MessageSid: 'SM-proxy-2' }, webhook)).status, 403);
    assert.notEqual(await twilioSignature(publicUrl, new URLSearchParams(fields)), await twilioSignature(webhook, new URLSearchParams(fields)));
  });
});

describe('contract: Twilio WhatsApp deliveries', () => {
  const t = useContractBackend();

  test('whatsapp: numbers resolve to the WhatsApp channel and the contact’s phone', async () => {
    await setScope(t, 'channel');
    const response = await deliver({ From: `whatsapp:${AVA}`, To: `whatsapp:${DOWNTOWN_WHATSAPP}`, Body: 'STOP', MessageSid: 'SM-wa-1', WaId: AVA.slice(1), ProfileName: 'Ava' });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.equal(response.body.action, 'opted-out');
    assert.deepEqual(response.body.changedChannelIds, ['ch-downtown-whatsapp']);
    assert.equal(t.backend.store.currentConsent(AVA, 'ch-downtown-whatsapp')?.status, 'unsubscribed');
    assert.equal(t.backend.store.currentConsent(AVA, 'ch-downtown-sms'), undefined, 'SMS on the same number is untouched under the channel scope');
    const detail = await t.client.getContact(WELL_KNOWN.subscribed, {});
    assert.equal(detail.eligibility.find((e) => e.channelId === 'ch-downtown-whatsapp')?.canMessage, false);
  });

  test('a bare number to a WhatsApp-only address, and a prefix on one side only, are refused', async () => {
    const mixed = await deliver({ From: `whatsapp:${AVA}`, To: DOWNTOWN_SMS, Body: 'STOP', MessageSid: 'SM-wa-2' });
    assert.equal(mixed.status, 400);
    const smsToWhatsapp = await deliver({ From: AVA, To: DOWNTOWN_WHATSAPP, Body: 'STOP', MessageSid: 'SM-wa-3' });
    assert.equal(smsToWhatsapp.status, 200, 'a bare number to the WhatsApp number: the only phone channel on it');
  });
});

describe('contract: a STOP from a number several contacts share', () => {
  const db = generateSeed({ contacts: 50 });
  const ava = db.contacts.find((c) => c.id === WELL_KNOWN.subscribed);
  const noah = db.contacts.find((c) => c.id === WELL_KNOWN.noPhone);
  assert.ok(ava && noah);
  // Noah shares Ava's phone (a family phone); each keeps their own email.
  noah.destinations.push({ kind: 'phone', value: AVA, valid: true });
  let close = () => {};
  let client: HttpOptOutClient;
  let integration: HttpOptOutClient;
  before(() => {
    close = startMockServer({ database: db }).close;
    client = new HttpOptOutClient({ baseUrl: NODE_API_BASE });
    integration = new HttpOptOutClient({ baseUrl: NODE_API_BASE, token: 'mock:u-integration' });
  });
  after(() => close());

  test('under the organization scope, unsubscribes the phone and every sharing contact’s email; START gives back the phone alone', async () => {
    const { etag } = await client.getMessagingSettings({});
    await client.updateMessagingSettings({ optOutScope: 'organization', phrasePolicy: 'review', customKeywords: { optOut: [], optOutAll: [], optIn: [], help: [] } }, etag, {});
    const result = await integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'STOP', providerMessageId: 'SM-shared-1' }, {});
    assert.deepEqual([...result.contactIds].sort(), [WELL_KNOWN.subscribed, WELL_KNOWN.noPhone]);
    const emails = ['ch-downtown-email', 'ch-airport-email', 'ch-uptown-email'];
    for (const id of [WELL_KNOWN.subscribed, WELL_KNOWN.noPhone]) {
      const detail = await client.getContact(id, {});
      const messageable = detail.eligibility.filter((e) => e.canMessage).map((e) => e.channelId);
      assert.deepEqual(messageable, [], `${detail.contact.name} cannot be messaged anywhere`);
      const history = await client.listConsentHistory(id, {}, {});
      assert.ok(history.items.some((e) => e.action === 'unsubscribed' && e.channelIds.some((c) => emails.includes(c))), `${detail.contact.name}'s history shows the email opt-out`);
    }
    const start = await integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'START', providerMessageId: 'SM-shared-2' }, {});
    assert.equal(start.action, 'opted-in');
    const ava2 = await client.getContact(WELL_KNOWN.subscribed, {});
    assert.deepEqual(
      ava2.eligibility.filter((e) => e.canMessage).map((e) => e.channelId).sort(),
      ['ch-airport-sms', 'ch-airport-whatsapp', 'ch-downtown-sms', 'ch-downtown-voice', 'ch-downtown-whatsapp', 'ch-uptown-sms'],
      'the phone is back on every phone channel; the emails stay unsubscribed',
    );
  });
});

describe('contract: email consent is keyed case-insensitively', () => {
  const t = useContractBackend();

  test('a STOP from Ava.Tremblay@Example.com stops ava.tremblay@example.com', async () => {
    const result = await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-email', from: 'Ava.Tremblay@Example.com', body: 'STOP' }, {});
    assert.equal(result.contactId, WELL_KNOWN.subscribed);
    assert.equal(t.backend.store.currentConsent('ava.tremblay@example.com', 'ch-downtown-email')?.status, 'unsubscribed');
  });
});
