// Every free-text field a request can write is bounded: at its limit it is accepted, one
// character past it the backend answers 422 `validation` with a field error naming the field and
// the limit, and nothing changes. The limits the elements show (src/engine/limits.ts) are the
// contract's own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { TEXT_LIMITS } from '../../../src/engine/limits.js';
import { OptOutApiError } from '../../../src/client/index.js';
import type { Problem } from '../../../src/client/types.js';
import { NODE_API_BASE } from '../../../mocks/node.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';
import { signTwilioRequest } from '../../../mocks/twilio.js';
import { etagOf, rejectsWith, useContractBackend, type ContractHarness } from './harness.js';

const AVA = '+14162030001';
const NO_KEYWORDS = { optOut: [], optOutAll: [], optIn: [], help: [] };

type Schemas = Record<string, { properties?: Record<string, { maxLength?: number }>; maxLength?: number }>;
const schemas = (parse(readFileSync(new URL('../../../api/openapi.yaml', import.meta.url), 'utf8')) as { components: { schemas: Schemas } }).components.schemas;
const maxLength = (schema: string, property?: string) => (property ? schemas[schema]?.properties?.[property]?.maxLength : schemas[schema]?.maxLength);

interface BoundedField<P = unknown> {
  /** The field as the 422 names it. */
  field: string;
  limit: number;
  /** Where the contract says the limit. */
  schema: [string, string?];
  /** What the request needs first (a pending review, the settings' ETag). */
  prepare?: (t: ContractHarness) => Promise<P>;
  /** Makes the request with `text` in the field; resolves when it is accepted. */
  send(t: ContractHarness, text: string, prepared: P): Promise<unknown>;
}

const bounded = <P>(field: BoundedField<P>) => field as BoundedField;

async function pendingReview(t: ContractHarness): Promise<string> {
  const { reviewId } = await t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body: 'please stop texting me' }, {});
  assert.ok(reviewId);
  return reviewId;
}

/** Posts Twilio's webhook, signed; rejects like the client does. */
async function twilio(text: string): Promise<void> {
  const url = `${NODE_API_BASE}/webhooks/twilio/inbound`;
  const body = new URLSearchParams({ From: AVA, To: '+14165550101', Body: text, MessageSid: `SM${text.length}` });
  const response = await fetch(url, { method: 'POST', headers: await signTwilioRequest(url, body), body });
  if (response.ok) return;
  const problem = (await response.json()) as Problem;
  throw new OptOutApiError({ status: response.status, type: problem.type, title: problem.title, detail: problem.detail, problem });
}

const FIELDS: BoundedField[] = [
  bounded({
    field: 'note',
    limit: TEXT_LIMITS.note,
    schema: ['UnsubscribeRequest', 'note'],
    send: (t, note) => t.client.unsubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-downtown-sms'], note }, {}),
  }),
  bounded({
    field: 'note',
    limit: TEXT_LIMITS.note,
    schema: ['ResubscribeRequest', 'note'],
    send: async (t, note) => t.client.resubscribeContact(WELL_KNOWN.partlyUnsubscribed, { channelIds: ['ch-downtown-sms'], note }, { ifMatch: await etagOf(t.client, WELL_KNOWN.partlyUnsubscribed) }),
  }),
  bounded({ field: 'reason', limit: TEXT_LIMITS.blockReason, schema: ['BlockRequest', 'reason'], send: (t, reason) => t.client.blockContact(WELL_KNOWN.subscribed, { reason }, {}) }),
  bounded({
    field: 'note',
    limit: TEXT_LIMITS.note,
    schema: ['ReviewApplyRequest', 'note'],
    prepare: pendingReview,
    send: (t, note, reviewId: string) => t.client.applyReview(reviewId, note, {}),
  }),
  bounded({
    field: 'note',
    limit: TEXT_LIMITS.note,
    schema: ['ReviewDismissRequest', 'note'],
    prepare: pendingReview,
    send: (t, note, reviewId: string) => t.client.dismissReview(reviewId, note, {}),
  }),
  bounded({
    field: 'customKeywords.optOut[0]',
    limit: TEXT_LIMITS.keyword,
    schema: ['Keyword'],
    prepare: async (t) => (await t.client.getMessagingSettings({})).etag,
    send: (t, keyword, etag: string) =>
      t.client.updateMessagingSettings({ optOutScope: 'channel-type', phrasePolicy: 'review', customKeywords: { ...NO_KEYWORDS, optOut: [keyword] } }, etag, {}),
  }),
  bounded({
    field: 'body',
    limit: TEXT_LIMITS.inboundBody,
    schema: ['InboundMessage', 'body'],
    send: (t, body) => t.integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA, body }, {}),
  }),
  bounded({ field: 'Body', limit: TEXT_LIMITS.inboundBody, schema: ['TwilioInboundWebhook', 'Body'], send: (_t, body) => twilio(body) }),
];

/** What a refused request must not change (the session aside). */
function fingerprint(t: ContractHarness) {
  const { currentUserId: _session, ...state } = t.backend.store.snapshot();
  return JSON.stringify(state);
}

describe('contract: free-text fields are bounded', () => {
  const t = useContractBackend({ contacts: 40 });

  for (const field of FIELDS) {
    const [schema, property] = field.schema;
    const where = `${schema}${property ? `.${property}` : ''}`;

    test(`${where}: the contract's maxLength is the limit the elements show (${field.limit})`, () => {
      assert.equal(maxLength(schema, property), field.limit);
    });

    test(`${where}: ${field.limit} characters are accepted`, async () => {
      const prepared = await field.prepare?.(t);
      await field.send(t, 'x'.repeat(field.limit), prepared);
    });

    test(`${where}: ${field.limit + 1} characters are a 422 naming ${field.field} and the limit, and change nothing`, async () => {
      const prepared = await field.prepare?.(t);
      const before = fingerprint(t);
      const error = await rejectsWith(field.send(t, 'x'.repeat(field.limit + 1), prepared), 422, 'validation');
      assert.deepEqual(error.fieldErrors, [{ field: field.field, message: `is longer than ${field.limit} characters (${field.limit + 1})`, code: 'too-long', params: { maxLength: field.limit } }]);
      assert.equal(fingerprint(t), before, 'a refused request changes nothing');
    });
  }

  test('characters are counted as people count them: 2,000 emoji (4,000 UTF-16 units) are one note', async () => {
    await t.client.blockContact(WELL_KNOWN.subscribed, { reason: '😀'.repeat(TEXT_LIMITS.blockReason) }, {});
    const error = await rejectsWith(t.client.blockContact(WELL_KNOWN.invalidPhone, { reason: '😀'.repeat(TEXT_LIMITS.blockReason + 1) }, {}), 422, 'validation');
    assert.deepEqual(error.fieldErrors, [{ field: 'reason', message: 'is longer than 2000 characters (2001)', code: 'too-long', params: { maxLength: 2000 } }]);
  });

  test('text over its limit beside another fault is a 400 naming both', async () => {
    const error = await rejectsWith(t.client.unsubscribeContact(WELL_KNOWN.subscribed, { channelIds: [], note: 'x'.repeat(2001) }, {}), 400, 'validation');
    assert.deepEqual(new Set(error.fieldErrors.map((e) => e.field)), new Set(['channelIds', 'note']));
  });
});
