// contact-actions-menu: what a host ships for it (the element and everything it imports, Lit
// included, minified and gzipped), and the time from a click on a menu item to its dialog open
// with the mock backend at 0 latency, in headless Chromium.
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle-size.js';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import type { BenchResult } from './engine.bench.js';

const root = fileURLToPath(new URL('..', import.meta.url));

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
  const server = await createServer({ root, mode: 'production', logLevel: 'silent', server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 5173;
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/bench/contact-actions-menu.html`);
    const results = (await page.evaluate(() => (window as unknown as { benchResult: Promise<unknown> }).benchResult)) as Record<
      string,
      { first: number; median: number; p90: number; rounds: number }
    >;
    return Object.entries(results).flatMap(([item, r]) => [
      { name: `click "${item}" → dialog open and painted, first`, value: r.first, unit: 'ms' },
      { name: `click "${item}" → dialog open and painted, median of ${r.rounds}`, value: r.median, unit: 'ms' },
    ]);
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  return [...(await bundleSize()), ...(await clickToDialog())];
}
