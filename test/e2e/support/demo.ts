// End-to-end harness: serves the demo with Vite and drives it in headless Chromium through
// playwright-core. Tests find things by role and visible text, as a person would. A page's uncaught
// error or console error fails the test during which it happened.
import { afterEach } from 'node:test';
import { createServer, type ViteDevServer } from 'vite';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

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

/** Errors the open pages reported during the current test. */
const reported: string[] = [];
const openPages = new Set<Page>();

// Registered on the root test of every file that imports this harness, so it runs after each of
// the file's tests however nested: no test can forget to check, and the failure lands on the test
// whose page broke rather than on a later one.
afterEach(async () => {
  // Page events arrive asynchronously; a round trip to each open page delivers those it sent
  // before, so an error thrown by the test's last action is not missed.
  await Promise.all([...openPages].map((page) => page.evaluate(() => undefined).catch(() => undefined)));
  const errors = reported.splice(0);
  if (errors.length > 0) throw new Error(`The page reported ${errors.length} error(s):\n${errors.join('\n')}`);
});

// The browser logs every 4xx and 5xx answer as a console error; tests provoke those on purpose and
// assert the status themselves, so only errors from the page's own code count.
const NETWORK_LOG = /^Failed to load resource: the server responded with a status of \d+/;

function consoleError(message: ConsoleMessage): string | undefined {
  if (message.type() !== 'error' || NETWORK_LOG.test(message.text())) return undefined;
  const { url, lineNumber } = message.location();
  return `console.error: ${message.text()}${url ? ` (${url}:${lineNumber + 1})` : ''}`;
}

/** Pages whose test turned the mock's `offline` fault on: see `expectNetworkErrors`. */
const offlinePages = new WeakSet<Page>();
const NETWORK_ERROR_LOG = /^Failed to load resource: net::ERR_FAILED/;

/**
 * Says that `page` fails requests as network errors on purpose (the mock's `offline` fault), which
 * the browser logs as console errors; those lines then do not fail the test, every other one does.
 */
export function expectNetworkErrors(page: Page): void {
  offlinePages.add(page);
}

function watch(page: Page): void {
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  page.on('pageerror', (error) => reported.push(`uncaught ${error.stack ?? String(error)}`));
  page.on('console', (message) => {
    if (offlinePages.has(page) && NETWORK_ERROR_LOG.test(message.text())) return;
    const error = consoleError(message);
    if (error) reported.push(error);
  });
}

export interface Demo {
  readonly url: string;
  readonly browser: Browser;
  /**
   * Opens a fresh page (own context, own IndexedDB) at `path` of the demo. Its uncaught errors and
   * console errors fail the current test.
   */
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
      watch(page);
      await page.goto(`${url}${path}`);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
