// contact-actions-menu: what a host ships for it (the element and everything it imports, Lit
// included, minified and gzipped), and the time from a click on a menu item to its dialog open
// with the mock backend at 0 latency, in headless Chromium.
import { bundle } from './bundle-size.js';
import { runBenchPage } from './bench-page.js';
import type { BenchResult } from './engine.bench.js';

async function bundleSize(): Promise<BenchResult[]> {
  const element = await bundle(`import { ContactActionsMenu } from './src/elements/contact-actions-menu/contact-actions-menu.ts';
    customElements.define('contact-actions-menu', ContactActionsMenu);`);
  const withProvider = await bundle(`import { ContactActionsMenu } from './src/elements/contact-actions-menu/contact-actions-menu.ts';
    import { OptOutProvider } from './src/elements/optout-provider/optout-provider.ts';
    customElements.define('optout-provider', OptOutProvider);
    customElements.define('contact-actions-menu', ContactActionsMenu);`);
  return [
    { name: 'contact-actions-menu + all it imports (Lit included), min+gzip', value: element.entry, unit: 'kB' },
    { name: '… with optout-provider and the HTTP client, min+gzip', value: withProvider.entry, unit: 'kB' },
    { name: '… loaded on demand (fr-CA strings), min+gzip', value: element.lazy, unit: 'kB' },
  ];
}

async function clickToDialog(): Promise<BenchResult[]> {
  const results = await runBenchPage<Record<string, { first: number; median: number; p90: number; rounds: number }>>('contact-actions-menu');
  return Object.entries(results).flatMap(([item, r]) => [
    { name: `click "${item}" → dialog open and painted, first`, value: r.first, unit: 'ms' },
    { name: `click "${item}" → dialog open and painted, median of ${r.rounds}`, value: r.median, unit: 'ms' },
  ]);
}

export async function run(): Promise<BenchResult[]> {
  return [...(await bundleSize()), ...(await clickToDialog())];
}
