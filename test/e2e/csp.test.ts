// The demo as a user serves it: built with `vite build --mode demo` and served by `vite preview`,
// under the strict Content-Security-Policy with Trusted Types that the README gives hosts. Using
// the CRM with the app mounted, its QA controls, and the playground must cause no violation: a refused sink or script is a broken element for every
// host with that policy. The dev server (`npm start`) sends the same policy and is held to it too.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../../scripts/content-security-policy.mjs';
import { CHROMIUM_ARGS } from './support/demo.js';

interface Observed {
  violations: string[];
  errors: string[];
}

declare global {
  interface Window {
    /** Filled by the init script, before any of the page's own code runs. */
    observedViolations?: string[];
  }
}

/** Opens `url` in a fresh context, recording policy violations, uncaught errors, console errors and failed requests. */
async function open(browser: Browser, url: string): Promise<{ page: Page; observed: () => Promise<Observed> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  // Init scripts run before the page's scripts and are not subject to its policy.
  await page.addInitScript(() => {
    window.observedViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.observedViolations?.push(`${e.effectiveDirective} refused ${e.blockedURI} (${JSON.stringify(e.sample)}) at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  await page.goto(url);
  return {
    page,
    // The event is dispatched a task after the violation; evaluating is at least one task later.
    observed: async () => ({ violations: await page.evaluate(() => window.observedViolations ?? []), errors }),
  };
}

/** Uses the playground as a person would: channel, reply, scope, language. */
async function usePlayground(page: Page) {
  await page.getByRole('status').filter({ hasText: /Mock backend: [\d,]+ contacts/ }).waitFor();
  await page.getByRole('heading', { name: 'Inbound reply playground', exact: true }).waitFor();
  await page.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'Airport SMS (SMS, +14165550201)' });
  await page.getByRole('textbox', { name: 'Reply' }).fill('stop please');
  await page.getByRole('radio', { name: 'All channels of the same type' }).check();
  await page.getByRole('button', { name: 'STOP ALL' }).click();
  await page.getByRole('status').filter({ hasText: 'Unsubscribes the contact from 9 channels' }).waitFor();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr-CA');
  await page.getByRole('combobox', { name: 'Canal' }).waitFor();
}

/** Uses the CRM as a newcomer would: the app's contacts, the sidebar, the QA controls, French. */
async function useCrm(page: Page) {
  await page.getByRole('heading', { name: 'All contacts' }).first().waitFor();
  await page.getByRole('searchbox', { name: 'Search' }).fill('Tremblay');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messaging' }).click();
  await page.waitForURL(/\/crm\/settings\/messaging$/);
  await page.getByRole('button', { name: 'QA controls' }).click();
  await page.getByRole('searchbox', { name: 'Find a contact' }).fill('Liam');
  await page.getByRole('button', { name: 'Send reply' }).waitFor();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr-CA');
  await page.getByRole('button', { name: 'Contrôles QA' }).waitFor();
}

const figures = { cspViolations: 0 };

describe('demo under the strict Content-Security-Policy with Trusted Types', () => {
  let browser: Browser;
  let outDir: string;
  let built: PreviewServer;
  let dev: ViteDevServer;
  let builtUrl: string;
  let devUrl: string;

  before(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'optout-demo-'));
    await build({ configFile: 'vite.config.ts', mode: 'demo', logLevel: 'error', build: { outDir, emptyOutDir: true } });
    built = await preview({ configFile: 'vite.config.ts', mode: 'demo', logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
    builtUrl = built.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? assert.fail('vite preview reported no URL');
    dev = await createServer({ configFile: 'vite.config.ts', logLevel: 'error', server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false } });
    await dev.listen();
    devUrl = dev.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? assert.fail('the dev server reported no URL');
    browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await built?.close();
    await dev?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
    mkdirSync('reports/figures', { recursive: true });
    writeFileSync('reports/figures/e2e-csp.json', `${JSON.stringify(figures, null, 2)}\n`);
  });

  test('the built demo sends the documented policy on the page, its scripts and the mock worker', async () => {
    for (const path of ['/', '/mockServiceWorker.js']) {
      const response = await fetch(`${builtUrl}${path}`);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, path);
    }
    const html = await (await fetch(`${builtUrl}/`)).text();
    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    assert.ok(script, 'the page loads its code from a file, not inline');
    assert.doesNotMatch(html.replace(/<script[^>]*src="[^"]+"[^>]*><\/script>/g, ''), /<script/, 'no inline script');
    assert.equal((await fetch(`${builtUrl}${script}`)).headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  });

  test('the built demo: the CRM, its app and the QA controls work with zero violations, errors or console errors', async () => {
    const { page, observed } = await open(browser, `${builtUrl}/?reset=1`);
    await useCrm(page);
    const { violations, errors } = await observed();
    figures.cspViolations += violations.length;
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('the built demo: the playground works with zero violations, errors or console errors', async () => {
    const { page, observed } = await open(browser, `${builtUrl}/playground?reset=1`);
    await usePlayground(page);
    const { violations, errors } = await observed();
    figures.cspViolations += violations.length;
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  test('the dev server (npm start): the CRM and the playground work with zero violations, errors or console errors', async () => {
    for (const [path, use] of [['/?reset=1', useCrm], ['/playground', usePlayground]] as const) {
      const { page, observed } = await open(browser, `${devUrl}${path}`);
      await use(page);
      const { violations, errors } = await observed();
      figures.cspViolations += violations.length;
      assert.deepEqual(violations, [], path);
      assert.deepEqual(errors, [], path);
      await page.context().close();
    }
  });

  test('a violation on that page is seen: a markup string given to innerHTML is refused and reported', async () => {
    const { page, observed } = await open(browser, `${builtUrl}/`);
    await page.getByRole('heading', { name: 'All contacts' }).first().waitFor();
    const refused = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<img src=x>';
        return false;
      } catch {
        return true;
      }
    });
    assert.equal(refused, true, 'Trusted Types refuses the string');
    const { violations } = await observed();
    assert.equal(violations.length, 1, violations.join('\n'));
    assert.match(violations[0] ?? '', /^require-trusted-types-for refused trusted-types-sink/);
    await page.context().close();
  });
});
