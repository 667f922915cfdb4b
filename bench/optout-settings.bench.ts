// Settings > Messaging > Opt-out preferences: what a host ships for the element (with everything
// it imports, Lit included, min+gzip), and the scope impact replay at 100,000 contacts (the
// backend's answer through the real client, and the engine alone on every reply of the seed).
import { pathToFileURL } from 'node:url';
import { HttpOptOutClient } from '../src/client/index.js';
import { compareScopes, type ReplayedReply } from '../src/engine/index.js';
import { NODE_API_BASE, startMockServer } from '../mocks/node.js';
import { SEED_NOW } from '../mocks/seed/seed.js';
import type { BenchResult } from './engine.bench.js';
import { bundle } from './bundle-size.js';

export async function run(): Promise<BenchResult[]> {
  const element = await bundle(`import { OptOutSettings } from './src/elements/optout-settings/optout-settings.ts';
    customElements.define('optout-settings', OptOutSettings);`);
  const withProvider = await bundle(`import { OptOutSettings } from './src/elements/optout-settings/optout-settings.ts';
    import { OptOutProvider } from './src/elements/optout-provider/optout-provider.ts';
    customElements.define('optout-provider', OptOutProvider);
    customElements.define('optout-settings', OptOutSettings);`);
  const results: BenchResult[] = [
    { name: 'optout-settings + all it imports (Lit and the classifier included), min+gzip', value: element.entry, unit: 'kB' },
    { name: '… with optout-provider and the HTTP client, min+gzip', value: withProvider.entry, unit: 'kB' },
    { name: '… loaded on demand (fr-CA strings), min+gzip', value: element.lazy, unit: 'kB' },
  ];
  const { backend, close } = startMockServer({ contacts: 100_000 });
  const client = new HttpOptOutClient({ baseUrl: NODE_API_BASE });
  try {
    // The seed's history ends on its own day: the 30 days before it hold its latest replies.
    backend.store.now = () => SEED_NOW;
    await client.getOptOutScopeImpact('organization', {});
    const rounds = 10;
    let t0 = performance.now();
    let impact = await client.getOptOutScopeImpact('organization', {});
    for (let i = 1; i < rounds; i++) impact = await client.getOptOutScopeImpact(i % 2 ? 'channel' : 'organization', {});
    const perCall = (performance.now() - t0) / rounds;
    results.push({
      name: `GET scope-impact, 100,000 contacts, ${impact.current.replies} replies in 30 days (mean of ${rounds})`,
      value: perCall,
      unit: 'ms',
      target: '< 100 ms',
    });

    const replies: ReplayedReply[] = [];
    for (const event of backend.store.db.audit) {
      if (event.action !== 'inbound-received' || !event.destination || !event.channelIds[0]) continue;
      const intent = (event.details as { intent?: string }).intent;
      if (intent !== 'opt-out' && intent !== 'opt-out-all') continue;
      replies.push({ from: event.destination, channelId: event.channelIds[0], intent, senders: backend.store.contactsWithDestination(event.destination) });
    }
    t0 = performance.now();
    const all = compareScopes(replies, 'channel', 'organization', backend.store.channels);
    results.push({
      name: `engine compareScopes, every seed reply (${replies.length.toLocaleString('en-US')}; ${all.proposed.subscriptions.toLocaleString('en-US')} pairs under organization)`,
      value: performance.now() - t0,
      unit: 'ms',
    });
  } finally {
    close();
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await run()) console.log(`${r.name}: ${r.value.toFixed(2)} ${r.unit}${r.target ? ` (target ${r.target})` : ''}`);
}
