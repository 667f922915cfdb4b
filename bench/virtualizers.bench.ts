// The virtualizer comparison that chose @tanstack/lit-virtual over @lit-labs/virtualizer for
// bulk-unsubscribe-table (figures in the commit that removed the second one). Run by hand with
// both installed: node --import tsx bench/virtualizers.bench.ts
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const server = await createServer({ root, mode: 'production', logLevel: 'silent', server: { host: '127.0.0.1', port: 0 } });
await server.listen();
const address = server.httpServer?.address();
const port = typeof address === 'object' && address ? address.port : 5173;
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
for (let round = 0; round < 6; round++) {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/bench/virtualizers.html`);
  console.log(JSON.stringify(await page.evaluate(() => (window as unknown as { benchResult: Promise<unknown> }).benchResult)));
  await page.close();
}
await browser.close();
await server.close();
