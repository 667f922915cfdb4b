// optout-app: what a host ships for the microfrontend's entry (optout-elements/app: the app, its
// router and navigation, the provider and the HTTP client, Lit included) and what its pages load
// on demand, min+gzip; and the time from mount() to the first contact row visible, with the mock
// backend at 0 latency, in headless Chromium. Printed, never asserted.
import { bundle } from './bundle-size.js';
import { runBenchPage } from './bench-page.js';
import type { BenchResult } from './engine.bench.js';

async function bundleSize(): Promise<BenchResult[]> {
  const app = await bundle(`import { mount } from './src/app/index.ts'; console.log(mount);`);
  return [
    { name: 'optout-elements/app entry (lifecycles, app, provider, client, Lit), min+gzip', value: app.entry, unit: 'kB' },
    { name: '… its pages and the fr-CA strings, loaded on demand, min+gzip', value: app.lazy, unit: 'kB' },
  ];
}

async function timeToFirstRow(): Promise<BenchResult[]> {
  const result = await runBenchPage<{ first: number; median: number; p90: number; rounds: number }>('optout-app');
  return [
    { name: 'mount → first contact row visible, first (page modules loaded by the dev server)', value: result.first, unit: 'ms' },
    { name: `mount → first contact row visible, median of ${result.rounds}`, value: result.median, unit: 'ms', target: '< 300 ms' },
    { name: `mount → first contact row visible, p90 of ${result.rounds}`, value: result.p90, unit: 'ms' },
  ];
}

export async function run(): Promise<BenchResult[]> {
  return [...(await bundleSize()), ...(await timeToFirstRow())];
}
