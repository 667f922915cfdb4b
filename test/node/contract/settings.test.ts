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
