// optout-app: what a host ships for the microfrontend's entry (optout-elements/app: the app, its
// router and navigation, the provider and the HTTP client, Lit included) and what its pages load
// on demand, min+gzip; and the time from mount() to the first contact row visible, with the mock
// backend at 0 latency, in headless Chromium. Printed, never asserted.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { bundle } from './bundle-size.js';
import type { BenchResult } from './engine.bench.js';

const root = fileURLToPath(new URL('..', import.meta.url));

async function bundleSize(): Promise<BenchResult[]> {
  const app = await bundle(`import { mount } from './src/app/index.ts'; console.log(mount);`);
  return [
    { name: 'optout-elements/app entry (lifecycles, app, provider, client, Lit), min+gzip', value: app.entry, unit: 'kB' },
    { name: '… its pages and the fr-CA strings, loaded on demand, min+gzip', value: app.lazy, unit: 'kB' },
  ];
}

async function timeToFirstRow(): Promise<BenchResult[]> {
  const server = await createServer({ root, mode: 'production', logLevel: 'silent', server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 5173;
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/bench/optout-app.html`);
    const result = (await page.evaluate(() => (window as unknown as { benchResult: Promise<unknown> }).benchResult)) as {
      first: number;
      median: number;
      p90: number;
      rounds: number;
    };
    return [
      { name: 'mount → first contact row visible, first (page modules loaded by the dev server)', value: result.first, unit: 'ms' },
      { name: `mount → first contact row visible, median of ${result.rounds}`, value: result.median, unit: 'ms', target: '< 300 ms' },
      { name: `mount → first contact row visible, p90 of ${result.rounds}`, value: result.p90, unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  return [...(await bundleSize()), ...(await timeToFirstRow())];
}
