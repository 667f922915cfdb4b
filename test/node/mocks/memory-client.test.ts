// The in-page stand-in server of the bulk table's bench and 100,000-contact stories
// (mocks/memory-client.ts): pages are slices of one memoized, sorted match, and a consent change
// (a bulk job) makes the next answer see it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MemoryOptOutClient } from '../../../mocks/memory-client.js';
import type { ContactListQuery } from '../../../src/client/types.js';

const options = {};

async function all(memory: MemoryOptOutClient, query: ContactListQuery): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await memory.listContacts({ ...query, limit: 40, ...(cursor ? { cursor } : {}) }, options);
    ids.push(...page.items.map((c) => c.id));
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
}

describe('MemoryOptOutClient', () => {
  test('pages one order by cursor, each contact once; -name is the same order reversed', async () => {
    const memory = new MemoryOptOutClient({ contacts: 250 });
    const first = await memory.listContacts({ limit: 40 }, options);
    assert.equal(first.total, 250);
    assert.equal(first.items.length, 40);
    const byName = await all(memory, {});
    assert.equal(byName.length, 250);
    assert.equal(new Set(byName).size, 250);
    assert.deepEqual(await all(memory, { sort: '-name' }), [...byName].reverse());
    // Asking again in the first order after the reversed one answers the first order still.
    assert.deepEqual(await all(memory, {}), byName);
  });

  test('a search matches a name or phone digits; status sort puts the blocked after the subscribed', async () => {
    const memory = new MemoryOptOutClient({ contacts: 250 });
    const zoe = await memory.listContacts({ query: 'zoé', limit: 200 }, options);
    assert.ok(zoe.total > 0 && zoe.items.every((c) => c.name.toLowerCase().includes('zoé')), 'every match is a Zoé');
    const phone = await memory.listContacts({ query: '(416) 200-0041', limit: 5 }, options);
    assert.deepEqual(phone.items.map((c) => c.phone), ['+14162000041']);
    const statuses = (await memory.listContacts({ sort: 'status', limit: 250 }, options)).items.map((c) => c.status);
    assert.ok(statuses.includes('blocked') && statuses.indexOf('blocked') > statuses.lastIndexOf('subscribed'), 'the blocked come after every subscribed contact');
  });

  test('after a bulk job, the same query answers with the contacts it unsubscribed', async () => {
    const memory = new MemoryOptOutClient({ contacts: 250, chunk: 2 });
    const unsubscribed = { status: ['unsubscribed' as const] };
    assert.equal((await memory.listContacts(unsubscribed, options)).total, 0);
    const ids = ['m-000002', 'm-000003', 'm-000004'];
    const preview = await memory.createBulkUnsubscribePreview({ target: { kind: 'ids', ids } }, options);
    assert.equal(preview.willChange, 3);
    const job = await memory.startBulkUnsubscribeJob(preview.id, options);
    for (let status = job.status; status === 'running'; ) {
      status = (await memory.getBulkUnsubscribeJob(job.id, options)).status;
    }
    const after = await memory.listContacts(unsubscribed, options);
    assert.deepEqual(after.items.map((c) => c.id).sort(), ids);
    assert.ok(after.items.every((c) => c.unsubscribedChannelCount > 0));
  });
});
