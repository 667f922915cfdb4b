// The pre-send eligibility check at the size the contract allows: 1,000 (channel, destination or
// contact) pairs in one request, through the real client and the mock backend in Node, at 100,000
// contacts. The first request also builds the destination index; the figure is the median after it.
import { pathToFileURL } from 'node:url';
import { HttpOptOutClient, type EligibilityCheckItem } from '../src/client/index.js';
import { NODE_API_BASE, startMockServer } from '../mocks/node.js';
import type { BenchResult } from './engine.bench.js';

const PAIRS = 1000;

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const { backend, close } = startMockServer({ contacts: 100_000 });
  const integration = new HttpOptOutClient({ baseUrl: NODE_API_BASE, token: 'mock:u-integration' });
  try {
    const ids = backend.store.matching({});
    const channels = backend.store.channels;
    // Half by destination (a spread of the contacts' phones and emails), half by contact id.
    const items: EligibilityCheckItem[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const contact = backend.store.contact(ids[(i * 97) % ids.length] as string);
      const channel = channels[i % channels.length] as (typeof channels)[number];
      const destination = contact.destinations.find((d) => (channel.type === 'email') === (d.kind === 'email'));
      items.push(i % 2 === 0 && destination ? { channelId: channel.id, destination: destination.value } : { channelId: channel.id, contactId: contact.id });
    }
    let t0 = performance.now();
    const first = await integration.checkEligibility(items, {});
    results.push({ name: `first check of ${PAIRS.toLocaleString('en-US')} pairs, 100,000 contacts (builds the destination index)`, value: performance.now() - t0, unit: 'ms' });
    const times: number[] = [];
    for (let round = 0; round < 9; round++) {
      t0 = performance.now();
      await integration.checkEligibility(items, {});
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const blocked = first.items.filter((answer) => !answer.canSend).length;
    results.push({ name: `check of ${PAIRS.toLocaleString('en-US')} pairs, 100,000 contacts (median of ${times.length}; ${blocked} cannot send)`, value: times[Math.floor(times.length / 2)] as number, unit: 'ms', target: '< 100 ms' });
  } finally {
    close();
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await run()) console.log(`${r.name}: ${r.value.toFixed(2)} ${r.unit}${r.target ? ` (target ${r.target})` : ''}`);
}
