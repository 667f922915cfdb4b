import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rejectsWith, useContractBackend } from './harness.js';

import type { MessagingSettingsInput } from '../../../src/client/index.js';

const input: MessagingSettingsInput = { optOutScope: 'organization', phrasePolicy: 'apply', customKeywords: { optOut: ['ALTO'], optOutAll: [], optIn: [], help: [] } };

describe('contract: Settings > Messaging', () => {
  const t = useContractBackend({ contacts: 50 });

  test('GET answers the settings with an ETag; PUT with that ETag saves and returns a new one', async () => {
    const { settings, etag } = await t.client.getMessagingSettings({});
    assert.equal(settings.optOutScope, 'channel-type');
    assert.ok(etag);
    const saved = await t.client.updateMessagingSettings(structuredClone(input), etag, {});
    assert.equal(saved.settings.optOutScope, 'organization');
    assert.notEqual(saved.etag, etag);
    const audit = await t.client.listAuditEvents({ limit: 1 }, {});
    assert.equal(audit.items[0]?.action, 'settings-changed');
  });

  test('two concurrent writes from the same version: one saves, the other gets 412 and nothing is overwritten', async () => {
    const { etag } = await t.client.getMessagingSettings({});
    const results = await Promise.allSettled([
      t.client.updateMessagingSettings({ ...structuredClone(input), optOutScope: 'channel' }, etag, {}),
      t.client.updateMessagingSettings({ ...structuredClone(input), optOutScope: 'organization' }, etag, {}),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r) => r.status === 'rejected');
    assert.equal(fulfilled.length, 1);
    assert.equal(rejected.length, 1);
    await rejectsWith(Promise.reject((rejected[0] as PromiseRejectedResult).reason), 412, 'precondition-failed');
    const now = await t.client.getMessagingSettings({});
    assert.equal(now.settings.optOutScope, (fulfilled[0] as PromiseFulfilledResult<{ settings: { optOutScope: string } }>).value.settings.optOutScope);
  });

  test('a write without If-Match is 428; a bad field is a 400 naming it; a non-admin is 403', async () => {
    const response = await fetch(`${t.backend.baseUrl}/settings/messaging`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
    assert.equal(response.status, 428);
    const { etag } = await t.client.getMessagingSettings({});
    const bad = await rejectsWith(t.client.updateMessagingSettings({ ...structuredClone(input), customKeywords: { optOut: ['  '], optOutAll: [], optIn: [], help: [] } }, etag, {}), 400, 'validation');
    assert.equal(bad.fieldErrors[0]?.field, 'customKeywords.optOut[0]');
    t.as('manager');
    await rejectsWith(t.client.updateMessagingSettings(structuredClone(input), etag, {}), 403, 'forbidden');
  });

  test('a custom keyword takes effect on the next inbound message', async () => {
    const { etag } = await t.client.getMessagingSettings({});
    await t.client.updateMessagingSettings(structuredClone(input), etag, {});
    const result = await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: '+14162030001', body: 'alto' }, {});
    assert.equal(result.action, 'opted-out');
    assert.equal(result.scope, 'organization');
    assert.equal(result.changedChannelIds.length, 9, 'every channel of the organization, her email included');
  });
});

describe('contract: custom keywords that clash', () => {
  const t = useContractBackend({ contacts: 50 });
  const keywords = (custom: Partial<MessagingSettingsInput['customKeywords']>): MessagingSettingsInput => ({
    optOutScope: 'channel-type',
    phrasePolicy: 'review',
    customKeywords: { optOut: [], optOutAll: [], optIn: [], help: [], ...custom },
  });

  test('a default keyword under another intent is 422 on its field, code keyword-clash, and nothing is saved', async () => {
    const { etag } = await t.client.getMessagingSettings({});
    const error = await rejectsWith(t.client.updateMessagingSettings(keywords({ optIn: ['YEP', 'stop!'] }), etag, {}), 422, 'validation');
    assert.deepEqual(
      error.fieldErrors.map((e) => [e.field, e.code, e.params]),
      [['customKeywords.optIn[1]', 'keyword-clash', { keyword: 'STOP', intent: 'opt-out' }]],
    );
    const after = await t.client.getMessagingSettings({});
    assert.equal(after.etag, etag, 'nothing was saved');
    assert.deepEqual(after.settings.customKeywords.optIn, []);
  });

  test('two custom keywords of different intents that read the same: the later one is named', async () => {
    const { etag } = await t.client.getMessagingSettings({});
    const error = await rejectsWith(t.client.updateMessagingSettings(keywords({ optOut: ['ALTO'], help: ['Alto'] }), etag, {}), 422, 'validation');
    assert.deepEqual(error.fieldErrors.map((e) => e.field), ['customKeywords.help[0]']);
  });

  test('a repeat of a default is a duplicate; a sentence or markup is a format error', async () => {
    const { etag } = await t.client.getMessagingSettings({});
    const error = await rejectsWith(t.client.updateMessagingSettings(keywords({ optOut: ['Unsubscribe', 'please take me off', '<b>'] }), etag, {}), 422, 'validation');
    assert.deepEqual(error.fieldErrors.map((e) => [e.field, e.code]), [
      ['customKeywords.optOut[0]', 'duplicate'],
      ['customKeywords.optOut[1]', 'format'],
      ['customKeywords.optOut[2]', 'format'],
    ]);
  });

  test('a clash is reported before a stale ETag: the admin fixes the keyword first', async () => {
    const { etag } = await t.client.getMessagingSettings({});
    await t.client.updateMessagingSettings(keywords({}), etag, {});
    await rejectsWith(t.client.updateMessagingSettings(keywords({ help: ['START'] }), etag, {}), 422, 'validation');
  });
});

describe('contract: GET /settings/messaging/scope-impact', () => {
  const t = useContractBackend({ contacts: 50 });
  const reply = (from: string, channelId: string, body: string) => t.integration.receiveInboundMessage({ channelId, from, body }, {});

  test('replays the last 30 days of keyword opt-outs under the saved scope and the proposed one', async () => {
    // Ava's phone and email, and a number no contact has; a HELP and a phrase are not keyword opt-outs.
    await reply('+14162030001', 'ch-downtown-sms', 'STOP');
    await reply('+14169870001', 'ch-airport-whatsapp', 'stop');
    await reply('+14162030007', 'ch-downtown-sms', 'HELP');
    await reply('+14162030007', 'ch-downtown-sms', 'please stop texting me');
    const impact = await t.client.getOptOutScopeImpact('organization', {});
    assert.equal(impact.days, 30);
    assert.equal(Date.parse(impact.to) - Date.parse(impact.from), 30 * 86_400_000);
    const channels = t.backend.store.channels;
    const sms = channels.filter((c) => c.type === 'sms').length;
    const whatsapp = channels.filter((c) => c.type === 'whatsapp').length;
    const phoneChannels = channels.filter((c) => c.type !== 'email').length;
    const email = channels.length - phoneChannels;
    assert.deepEqual(impact.current, { scope: 'channel-type', replies: 2, contacts: 2, subscriptions: sms + whatsapp });
    assert.deepEqual(impact.proposed, { scope: 'organization', replies: 2, contacts: 2, subscriptions: phoneChannels + email + phoneChannels });
  });

  test('what the preview counts for the channel scope is what a STOP then changes', async () => {
    const before = await t.client.getOptOutScopeImpact('channel', {});
    await reply('+14162030001', 'ch-uptown-sms', 'STOP');
    const after = await t.client.getOptOutScopeImpact('channel', {});
    assert.equal(after.proposed.subscriptions - before.proposed.subscriptions, 1);
  });

  test('replies older than 30 days are not counted', async () => {
    await reply('+14162030001', 'ch-downtown-sms', 'STOP');
    const later = Date.now() + 31 * 86_400_000;
    t.backend.store.now = () => later;
    const impact = await t.client.getOptOutScopeImpact('channel', {});
    assert.equal(impact.current.replies, 0);
  });

  test('the seed’s own STOP replies are replayed too, when they are recent', async () => {
    const seedNow = Date.parse('2026-11-01T15:00:00Z');
    t.backend.store.now = () => seedNow;
    const impact = await t.client.getOptOutScopeImpact('channel', {});
    // Liam, William and Félix replied 10 days before the seed's day.
    assert.ok(impact.current.replies >= 3, String(impact.current.replies));
    assert.ok(impact.proposed.subscriptions < impact.current.subscriptions, 'the channel scope reaches less than the saved channel-type scope');
  });

  test('managers and agents may read it; the integration may not', async () => {
    t.as('agent');
    assert.equal((await t.client.getOptOutScopeImpact('channel', {})).proposed.scope, 'channel');
    await rejectsWith(t.integration.getOptOutScopeImpact('channel', {}), 403, 'forbidden');
  });
});
