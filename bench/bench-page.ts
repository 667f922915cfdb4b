// The browser side of the element benches: the project served by Vite (production mode, so Lit's
// dev-mode checks are off) and headless Chromium (Debian's, or CHROME_PATH). Each bench page under
// bench/ measures in the page and resolves `window.benchResult` with its figures.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Serves the project and opens a browser for `use`; both are closed afterwards, however `use` ends. */
export async function withBenchBrowser<T>(use: (open: (path: string) => Promise<Page>, browser: Browser) => Promise<T>): Promise<T> {
  const server = await createServer({ root, mode: 'production', logLevel: 'silent', server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 5173;
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const open = async (path: string) => {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/${path}`);
      return page;
    };
    return await use(open, browser);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The figures a bench page resolves `window.benchResult` with. */
export function benchResult<T>(page: Page): Promise<T> {
  return page.evaluate(() => (window as unknown as { benchResult: Promise<unknown> }).benchResult) as Promise<T>;
}

/** Opens `bench/<name>.html` alone and returns its figures. */
export function runBenchPage<T>(name: string): Promise<T> {
  return withBenchBrowser(async (open) => benchResult<T>(await open(`bench/${name}.html`)));
}
