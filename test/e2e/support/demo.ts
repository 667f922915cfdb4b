// End-to-end harness: serves the demo with Vite and drives it in headless Chromium through
// playwright-core. Tests find things by role and visible text, as a person would.
import { createServer, type ViteDevServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

export interface Demo {
  readonly url: string;
  readonly browser: Browser;
  /** Opens a fresh page (own context, own IndexedDB) at `path` of the demo. */
  open(path?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startDemo(): Promise<Demo> {
  const server: ViteDevServer = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('The demo server did not report a port.');
  const url = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    url,
    browser,
    async open(path = '/') {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${url}${path}`);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
