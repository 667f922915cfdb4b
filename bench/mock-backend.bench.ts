// Mock backend figures: a bulk unsubscribe of 100,000 contacts by filter through the real
// client (time and request count), and filter/search queries over 100,000 contacts.
import { pathToFileURL } from 'node:url';
import { HttpOptOutClient, waitForBulkJob } from '../src/client/index.js';
import { NODE_API_BASE, startMockServer } from '../mocks/node.js';
import type { BenchResult } from './engine.bench.js';

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  let t0 = performance.now();
  const { backend, server, close } = startMockServer({ contacts: 100_000 });
  results.push({ name: 'seed + index 100,000 contacts', value: performance.now() - t0, unit: 'ms' });
  let requests = 0;
  server.events.on('request:start', () => void requests++);
  const client = new HttpOptOutClient({ baseUrl: NODE_API_BASE });
  try {
    const queries = [
      { query: 'tremblay' },
      { query: '416 2' },
      { query: 'example.com', status: ['unsubscribed' as const] },
      { status: ['blocked' as const] },
      { locationId: ['loc-uptown'], tag: 'vip' },
      { channelId: 'ch-downtown-sms', status: ['unsubscribed' as const] },
    ];
    const rounds = 5;
    let matched = 0;
    t0 = performance.now();
    for (let i = 0; i < rounds; i++) for (const q of queries) matched += backend.store.listContacts(q, null, 50).total;
    const perQuery = (performance.now() - t0) / (rounds * queries.length);
    results.push({ name: `filter/search query, 100,000 contacts (mean of ${rounds * queries.length}; ${Math.round(matched / rounds)} matches/round)`, value: perQuery, unit: 'ms', target: '< 50 ms' });

    requests = 0;
    t0 = performance.now();
    const preview = await client.createBulkUnsubscribePreview({ target: { kind: 'filter', filter: { status: ['subscribed'] }, excludedIds: [] } }, {});
    const previewMs = performance.now() - t0;
    const previewRequests = requests;
    requests = 0;
    t0 = performance.now();
    const job = await client.startBulkUnsubscribeJob(preview.id, {});
    const done = await waitForBulkJob(client, job.id, { intervalMs: 100 });
    const jobMs = performance.now() - t0;
    if (done.status !== 'completed' || done.processed !== preview.total) throw new Error(`bulk job ended ${done.status} at ${done.processed}/${preview.total}`);
    results.push({ name: `bulk preview of ${preview.total.toLocaleString('en-US')} contacts (${previewRequests} request)`, value: previewMs, unit: 'ms' });
    results.push({ name: `bulk unsubscribe job, ${done.changed.toLocaleString('en-US')} changed`, value: jobMs, unit: 'ms', target: '< 3,000 ms' });
    results.push({ name: 'requests for the job (1 start + progress polls every 100 ms)', value: requests, unit: 'requests' });

    // An explicit list as long as the contract allows: the request is validated against the
    // contract's schemas, and the ids checked for repeats and existence.
    const ids = backend.store.matching({}).slice(0, 100_000);
    t0 = performance.now();
    const explicit = await client.createBulkUnsubscribePreview({ target: { kind: 'ids', ids } }, {});
    results.push({ name: `bulk preview of ${explicit.total.toLocaleString('en-US')} explicit ids (validated)`, value: performance.now() - t0, unit: 'ms' });
  } finally {
    close();
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await run()) console.log(`${r.name}: ${r.value.toFixed(2)} ${r.unit}${r.target ? ` (target ${r.target})` : ''}`);
}
