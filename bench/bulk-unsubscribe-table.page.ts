// Runs in headless Chromium (bench/bulk-unsubscribe-table.bench.ts): <bulk-unsubscribe-table> fed
// by 100,000 contacts held in the page (MemoryOptOutClient, no HTTP), so the figures are the
// element's. Each figure is printed by the bench, never asserted.
import '../src/define.js';
import { MemoryOptOutClient } from '../mocks/memory-client.js';
import type { OptOutClient } from '../src/client/optout-client.js';
import type { BulkUnsubscribeTable } from '../src/elements/bulk-unsubscribe-table/bulk-unsubscribe-table.js';
import type { OptOutProvider } from '../src/elements/optout-provider/optout-provider.js';

const COUNT = 100_000;
const JUMPS = 40;
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error('bench: timed out');
    await frame();
  }
}

/** Counts the client's calls by method. */
function counting(client: OptOutClient, calls: Map<string, number>): OptOutClient {
  return new Proxy(client, {
    get: (target, name) => {
      const value = (target as unknown as Record<string | symbol, unknown>)[name];
      if (typeof value !== 'function' || typeof name !== 'string') return value;
      return (...args: unknown[]) => {
        calls.set(name, (calls.get(name) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

let resume: () => void = () => {};
let scrolled: (value: unknown) => void = () => {};
const win = window as unknown as { scrolled: Promise<unknown>; continueBench: () => void; benchResult: Promise<unknown>; baseline: Promise<unknown>; keep?: unknown };
win.scrolled = new Promise((resolve) => (scrolled = resolve));
win.continueBench = () => resume();
/** Lets the bench read the heap now (scrolled to the end), and waits until it did. */
const pause = () => {
  scrolled(true);
  return new Promise<void>((resolve) => (resume = resolve));
};

async function measure() {
  const memory = new MemoryOptOutClient({ contacts: COUNT });
  // The in-page stand-in for the server answers its first search over 100,000 contacts some 100 ms
  // slower than the next (the engine first flattens every search key it built); a server is warm.
  // One search before the element exists, so the keystroke figure below is the element's.
  await memory.client.listContacts({ query: 'warm-up', limit: 1 }, {});
  const calls = new Map<string, number>();
  const client = counting(memory.client, calls);
  const root = (el: BulkUnsubscribeTable) => el.shadowRoot!;
  const dataRows = (el: BulkUnsubscribeTable) => root(el).querySelectorAll('[role="row"][aria-selected]').length;
  const busy = (el: BulkUnsubscribeTable) => root(el).querySelector('[role="grid"]')?.getAttribute('aria-busy') !== 'false';

  // The provider is ready first (session, organization): the figure is the element's.
  const provider = document.createElement('optout-provider') as OptOutProvider;
  provider.client = client;
  document.body.append(provider);
  await new Promise((resolve) => setTimeout(resolve, 50));

  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask' });

  const el = document.createElement('bulk-unsubscribe-table') as BulkUnsubscribeTable;
  el.searchDelay = 0;
  let t0 = performance.now();
  provider.append(el);
  await until(() => dataRows(el) > 0);
  await frame();
  const firstRows = performance.now() - t0;
  const firstLongest = longest;

  // A keystroke, after the debounce: the query changes, the rows are the new ones.
  t0 = performance.now();
  el.query = 'zoé';
  await el.updateComplete;
  await until(() => !busy(el) && root(el).querySelector('[role="row"][aria-rowindex="2"]')?.textContent?.toLowerCase().includes('zoé') === true);
  await frame();
  const keystroke = performance.now() - t0;
  el.query = '';
  await el.updateComplete;
  await until(() => !busy(el) && dataRows(el) > 0);

  // 40 jumps two frames apart, top to the last row.
  longest = 0;
  let blank = 0;
  const scroller = root(el).querySelector<HTMLElement>('.scroller')!;
  for (let i = 1; i <= JUMPS; i++) {
    el.scrollToRow(Math.round((i * (COUNT - 1)) / JUMPS));
    await frame();
    await frame();
    const box = scroller.getBoundingClientRect();
    let covered = 0;
    for (const row of root(el).querySelectorAll<HTMLElement>('.body [role="row"]')) {
      const r = row.getBoundingClientRect();
      covered += Math.max(0, Math.min(r.bottom, box.bottom) - Math.max(r.top, box.top + 36));
    }
    if (covered < box.height - 36 - 44) blank++;
  }
  const jumpsLongest = longest;
  const lastRendered = root(el).querySelector(`[role="row"][aria-rowindex="${COUNT + 1}"]`) !== null;
  t0 = performance.now();
  await until(() => root(el).querySelector(`[role="row"][aria-rowindex="${COUNT + 1}"][aria-selected]`) !== null, 120_000);
  const lastLoaded = performance.now() - t0;
  const listCalls = calls.get('listContacts') ?? 0;
  await pause();

  // Select all matching, then deselect 10 rows.
  const header = root(el).querySelector<HTMLInputElement>('input[data-cell="-1:0"]')!;
  header.click();
  await el.updateComplete;
  const matching = [...root(el).querySelectorAll<HTMLButtonElement>('[part="banner"] button')].find((b) => !b.textContent?.includes('Clear'))!;
  t0 = performance.now();
  matching.click();
  await el.updateComplete;
  const selectAll = performance.now() - t0;
  const boxes = [...root(el).querySelectorAll<HTMLInputElement>('.body input[type="checkbox"]')].slice(0, 10);
  t0 = performance.now();
  for (const box of boxes) box.click();
  await el.updateComplete;
  const deselect = performance.now() - t0;
  const selected = el.selectedCount;

  // The whole bulk unsubscribe of 100,000 through the element (in-memory client).
  calls.clear();
  t0 = performance.now();
  el.query = '';
  const menuButton = root(el).querySelector<HTMLButtonElement>('[part="button"]')!;
  menuButton.click();
  await until(() => root(el).querySelector('[role="menuitem"]') !== null);
  root(el).querySelector<HTMLElement>('[role="menuitem"]')!.click();
  await until(() => root(el).querySelector('#confirm-count') !== null);
  const confirm = root(el).querySelector<HTMLInputElement>('#confirm-count')!;
  confirm.value = String(selected);
  confirm.dispatchEvent(new Event('input'));
  await el.updateComplete;
  root(el).querySelector<HTMLButtonElement>('#review-dialog button[type="submit"]')!.click();
  await until(() => /finished|failed|cancelled/.test(root(el).querySelector('#job-title')?.textContent ?? ''), 120_000);
  const bulk = performance.now() - t0;
  const bulkCalls = [...calls.values()].reduce((a, b) => a + b, 0);
  observer.disconnect();

  return { firstRows, firstLongest, keystroke, jumpsLongest, blank, lastRendered, lastLoaded, listCalls, selectAll, deselect, selected, bulk, bulkCalls, callsByMethod: Object.fromEntries(calls) };
}

if (location.search === '?baseline') {
  // The same contacts, no element: the heap the element adds is the difference.
  win.keep = new MemoryOptOutClient({ contacts: COUNT });
  win.baseline = Promise.resolve(true);
} else {
  win.benchResult = measure();
}
