// The browser mock backend at 100,000 contacts, as the demo runs it (Vite, service worker,
// IndexedDB) in headless Chromium: a single mutation's latency, the first start on an empty
// IndexedDB, and a reload's time to its first answer.
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { startDemo } from '../test/e2e/support/demo.js';
import type { BenchResult } from './engine.bench.js';

const CONTACTS = 100_000;
const MUTATIONS = 20;
/** Reloads measured; the median is printed (one is at the mercy of whatever else the machine does). */
const RELOADS = 5;
const TIMEOUT_MS = 180_000;

declare global {
  interface Window {
    /** Milliseconds from the navigation's start to the mock backend's first answer. */
    benchFirstAnswer?: number;
  }
}

/**
 * Runs in every document the page loads, before its own scripts: as soon as the mock backend is
 * up (`startBrowserMock` measures `optout-mock:ready` once its worker is started), asks it for the
 * first page of subscribed contacts (a status filter, which needs every contact's standing) and
 * notes when the answer came. A string, so that what tsx adds to compiled functions (`__name`)
 * does not reach the page.
 */
const NOTE_FIRST_ANSWER = `
new PerformanceObserver((entries, observer) => {
  if (entries.getEntriesByName('optout-mock:ready').length === 0) return;
  observer.disconnect();
  fetch('/api/contacts?status=subscribed&limit=50').then(async (response) => {
    await response.json();
    if (response.ok) window.benchFirstAnswer = performance.now();
  });
}).observe({ type: 'measure', buffered: true });`;

/** Milliseconds from navigation to the first answer, and how long of that `startBrowserMock` took. */
async function firstAnswer(page: Page): Promise<{ answer: number; mock: number }> {
  const handle = await page.waitForFunction(() => window.benchFirstAnswer, undefined, { timeout: TIMEOUT_MS, polling: 50 });
  const answer = (await handle.jsonValue()) as number;
  const mock = await page.evaluate(() => performance.getEntriesByName('optout-mock:ready')[0]?.duration ?? Number.NaN);
  return { answer, mock };
}

/** Blocks `count` contacts one request at a time; the milliseconds each answer took. */
function blockEach(page: Page, count: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    const list = (await (await fetch(`/api/contacts?status=subscribed&limit=${count}`)).json()) as { items: { id: string }[] };
    const times: number[] = [];
    for (const { id } of list.items) {
      const t0 = performance.now();
      const response = await fetch(`/api/contacts/${id}/block`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ reason: 'bench' }),
      });
      await response.json();
      if (!response.ok) throw new Error(`block ${id} answered ${response.status}`);
      times.push(performance.now() - t0);
    }
    return times;
  }, count);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
}

export async function run(): Promise<BenchResult[]> {
  const demo = await startDemo();
  try {
    // Vite compiles the demo's modules on their first request: not what is measured here.
    const warm = await demo.open('/?reset=1&contacts=100');
    await warm.getByRole('status').filter({ hasText: /Mock backend: [\d,]+ contacts/ }).waitFor({ timeout: TIMEOUT_MS });
    await warm.context().close();

    const context = await demo.browser.newContext();
    await context.addInitScript(NOTE_FIRST_ANSWER);
    const page = await context.newPage();
    await page.goto(`${demo.url}/?contacts=${CONTACTS}`, { timeout: TIMEOUT_MS });
    const firstStart = await firstAnswer(page);

    // The first mutation after a fresh start also writes the base (the whole database); the
    // others are measured once the backend has also built what it builds when idle.
    const [first] = await blockEach(page, 1);
    await page.waitForFunction(() => performance.getEntriesByName('optout-mock:prepared').length > 0, undefined, { timeout: TIMEOUT_MS, polling: 50 });
    const times = (await blockEach(page, MUTATIONS)).sort((a, b) => a - b);
    if (times.length !== MUTATIONS || first === undefined) throw new Error(`only ${times.length} contacts to block`);
    const blocked = await page.evaluate(() => fetch('/api/contacts?status=blocked&limit=1').then(async (r) => ((await r.json()) as { total: number }).total));

    const reloads: { answer: number; mock: number }[] = [];
    for (let i = 0; i < RELOADS; i++) {
      await page.reload({ timeout: TIMEOUT_MS });
      reloads.push(await firstAnswer(page));
      // What was answered before the reload must still be there after it.
      const kept = await page.evaluate(() => fetch('/api/contacts?status=blocked&limit=1').then(async (r) => ((await r.json()) as { total: number }).total));
      if (kept !== blocked) throw new Error(`${blocked} contacts were blocked before the reload, ${kept} after it`);
    }
    const reload = {
      answer: percentile(reloads.map((r) => r.answer).sort((a, b) => a - b), 0.5),
      mock: percentile(reloads.map((r) => r.mock).sort((a, b) => a - b), 0.5),
    };
    await context.close();

    const count = CONTACTS.toLocaleString('en-US');
    return [
      { name: `single mutation (block), ${count} contacts: median of ${MUTATIONS}`, value: percentile(times, 0.5), unit: 'ms', target: '< 100 ms' },
      { name: `single mutation (block), ${count} contacts: p95 of ${MUTATIONS}`, value: percentile(times, 0.95), unit: 'ms', target: '< 100 ms' },
      { name: `single mutation (block), ${count} contacts: slowest of ${MUTATIONS}`, value: percentile(times, 1), unit: 'ms' },
      { name: `first mutation after a fresh start (also saves the base), ${count} contacts`, value: first, unit: 'ms' },
      { name: `first start, empty IndexedDB, ${count} contacts: navigation to first answer`, value: firstStart.answer, unit: 'ms' },
      { name: '  of which startBrowserMock (seed, index, worker)', value: firstStart.mock, unit: 'ms' },
      { name: `reload, ${count} contacts saved: navigation to first answer (median of ${RELOADS})`, value: reload.answer, unit: 'ms', target: '< 2,000 ms' },
      { name: '  of which startBrowserMock (load, index, worker)', value: reload.mock, unit: 'ms' },
    ];
  } finally {
    await demo.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await run()) console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit}${r.target ? ` (target ${r.target})` : ''}`);
}
