// Which consent record is current when replies arrive out of order: the one the backend applied
// last, as Twilio applies keywords in the order it receives them (a STOP received after a START
// leaves the number blocked, error 21610), whatever time each message says it was sent.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { consentLookupFrom, eligibility, type OptOutScope } from '../../../src/engine/index.js';
import { sampleChannels } from '../../../mocks/fixtures/sample-organization.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';
import { useContractBackend, type ContractHarness } from './harness.js';

const AVA = '+14162030001';
const ALL_CHANNELS = sampleChannels.map((c) => c.id);

async function setScope(t: ContractHarness, scope: OptOutScope) {
  const { etag } = await t.client.getMessagingSettings({});
  await t.client.updateMessagingSettings({ optOutScope: scope, phrasePolicy: 'review', customKeywords: { optOut: [], optOutAll: [], optIn: [], help: [] } }, etag, {});
}

describe('contract: the consent record applied last is current', () => {
  const t = useContractBackend({ contacts: 50 });
  const reply = (body: string, receivedAt: string) => t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body, receivedAt }, {});
  const ava = () => t.client.getContact(WELL_KNOWN.subscribed, {});
  const avaSummary = async () => (await t.client.listContacts({ query: 'Ava Tremblay' }, {})).items.find((c) => c.id === WELL_KNOWN.subscribed);

  test('a STOP sent before a START but delivered after it leaves the contact unsubscribed: eligibility says cannot message', async () => {
    await setScope(t, 'organization');
    assert.equal((await reply('STOP', '2026-11-27T09:00:00Z')).action, 'opted-out');
    const start = await reply('START', '2026-11-27T10:05:00Z');
    assert.equal(start.action, 'opted-in');
    assert.deepEqual([...start.changedChannelIds].sort(), [...ALL_CHANNELS].sort());
    assert.equal((await avaSummary())?.status, 'subscribed');

    // Sent at 10:00, before the START, but the carrier delivered it only now.
    const late = await reply('STOP', '2026-11-27T10:00:00Z');
    assert.equal(late.action, 'opted-out');
    assert.deepEqual([...late.changedChannelIds].sort(), [...ALL_CHANNELS].sort());

    assert.equal((await avaSummary())?.status, 'unsubscribed');
    const detail = await ava();
    assert.deepEqual(
      detail.eligibility.map((e) => [e.channelId, e.canMessage]),
      ALL_CHANNELS.map((id) => [id, false]),
    );
    const sms = detail.eligibility.find((e) => e.channelId === 'ch-downtown-sms');
    assert.deepEqual(
      sms?.reasons.map((r) => [r.code, 'changedAt' in r ? r.changedAt : '', 'source' in r ? r.source : '']),
      [['unsubscribed', '2026-11-27T10:00:00Z', 'stop-reply']],
    );
    // The record says when the STOP was sent and when it was applied: after the START.
    const record = detail.consent.find((r) => r.destination === AVA && r.channelId === 'ch-downtown-sms');
    assert.equal(record?.status, 'unsubscribed');
    assert.equal(record?.changedAt, '2026-11-27T10:00:00Z');
    const startAudit = (await t.client.listConsentHistory(WELL_KNOWN.subscribed, {}, {})).items.find((e) => e.action === 'resubscribed');
    assert.ok(startAudit && record && 'recordedAt' in record && typeof record.recordedAt === 'string');
    assert.ok(Date.parse(record.recordedAt) >= Date.parse(startAudit.occurredAt), 'applied after the START');
    // The engine, given the records the API returns, agrees with the backend.
    const channel = sampleChannels.find((c) => c.id === 'ch-downtown-sms');
    assert.ok(channel);
    assert.equal(eligibility(detail.contact, channel, consentLookupFrom(detail.consent)).canMessage, false);
  });

  test('a START sent before a STOP but delivered after it re-subscribes, as the carrier does', async () => {
    await setScope(t, 'channel');
    assert.equal((await reply('STOP', '2026-11-27T10:05:00Z')).action, 'opted-out');
    const lateStart = await reply('START', '2026-11-27T10:00:00Z');
    assert.deepEqual(lateStart.changedChannelIds, ['ch-downtown-sms']);
    const detail = await ava();
    assert.equal(detail.eligibility.find((e) => e.channelId === 'ch-downtown-sms')?.canMessage, true);
    assert.equal(detail.consent.find((r) => r.destination === AVA && r.channelId === 'ch-downtown-sms')?.status, 'subscribed');
  });

  test('a change applied while the clock reads earlier than the current record still replaces it', async () => {
    await setScope(t, 'channel');
    await reply('STOP', '2026-11-27T10:00:00Z');
    // The backend's clock set back (as tests do): arrival order still decides, not the clock.
    const now = t.backend.store.now;
    t.backend.store.now = () => Date.parse('2020-01-01T00:00:00Z');
    try {
      await t.client.resubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-downtown-sms'], note: 'Asked us to text again, on the phone' }, { ifMatch: (await t.client.getContact(WELL_KNOWN.subscribed, {})).etag });
    } finally {
      t.backend.store.now = now;
    }
    assert.equal((await ava()).eligibility.find((e) => e.channelId === 'ch-downtown-sms')?.canMessage, true);
  });
});
