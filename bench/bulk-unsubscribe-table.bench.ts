// bulk-unsubscribe-table: what a host ships for it (min+gzip, with everything it imports), and in
// headless Chromium with 100,000 contacts held in the page (no HTTP): first rows, a search,
// 40 jumps to the last row, select all matching and deselect 10, the JS heap, and a whole bulk
// unsubscribe through the element. The mock backend's own bulk figures (HTTP, 100,000 contacts)
// are in mock-backend.bench.ts.
import type { BenchResult } from './engine.bench.js';
import { bundle } from './bundle-size.js';
import { benchResult, withBenchBrowser } from './bench-page.js';


/** min+gzip of what the element needs at load, and of what it loads on demand (the bulk job, the fr-CA strings). */
async function bundleSize(): Promise<BenchResult[]> {
  const { entry, lazy } = await bundle(`import { BulkUnsubscribeTable } from './src/elements/bulk-unsubscribe-table/bulk-unsubscribe-table.ts';
    customElements.define('bulk-unsubscribe-table', BulkUnsubscribeTable);`);
  return [
    { name: 'bulk-unsubscribe-table + all it imports (Lit, virtualizer, idb-keyval, menu button), min+gzip', value: entry, unit: 'kB', target: '< 30 kB' },
    { name: '… loaded on demand (the bulk job, the fr-CA strings), min+gzip', value: lazy, unit: 'kB' },
  ];
}

interface PageFigures {
  firstRows: number;
  firstLongest: number;
  keystroke: number;
  jumpsLongest: number;
  blank: number;
  lastRendered: boolean;
  lastLoaded: number;
  listCalls: number;
  selectAll: number;
  deselect: number;
  selected: number;
  bulk: number;
  bulkCalls: number;
  callsByMethod: Record<string, number>;
}

async function inBrowser(): Promise<BenchResult[]> {
  return withBenchBrowser(async (open) => {
    const page = await open('bench/bulk-unsubscribe-table.html');
    // The heap is read when the page has scrolled to the end, before the bulk unsubscribe writes
    // its consent records into the in-memory contacts.
    await page.evaluate(() => (window as unknown as { scrolled: Promise<unknown> }).scrolled);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    await page.evaluate(() => (window as unknown as { continueBench: () => void }).continueBench());
    const f = await benchResult<PageFigures>(page);
    // The same page with the in-memory contacts but no element: what the element itself holds.
    const bare = await open('bench/bulk-unsubscribe-table.html?baseline');
    await bare.evaluate(() => (window as unknown as { baseline: Promise<unknown> }).baseline);
    const bareCdp = await bare.context().newCDPSession(bare);
    await bareCdp.send('HeapProfiler.collectGarbage');
    const baseline = (await bareCdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const mb = (bytes: number) => bytes / 1024 / 1024;
    return [
      { name: 'first rows painted after the element connects (100,000 contacts)', value: f.firstRows, unit: 'ms', target: '< 80 ms' },
      { name: '… longest long task meanwhile', value: f.firstLongest, unit: 'ms' },
      { name: 'search keystroke → updated rows, after the debounce', value: f.keystroke, unit: 'ms', target: '< 100 ms' },
      { name: '40 jumps top → row 100,000 two frames apart: longest long task', value: f.jumpsLongest, unit: 'ms', target: 'none over 50 ms' },
      { name: '… jumps that left the viewport blank after two frames', value: f.blank, unit: 'jumps', target: '0' },
      { name: '… last row rendered (1 = yes)', value: f.lastRendered ? 1 : 0, unit: '' },
      { name: '… then its data loaded (cursor pages walked in order)', value: f.lastLoaded, unit: 'ms' },
      { name: '… list requests made (100 rows a page)', value: f.listCalls, unit: 'requests' },
      { name: 'select all matching', value: f.selectAll, unit: 'ms', target: '< 5 ms' },
      { name: 'then deselect 10 rows', value: f.deselect, unit: 'ms', target: '< 20 ms' },
      { name: 'JS heap after scrolling to the end (page, in-memory contacts included)', value: mb(heap.usedSize), unit: 'MB' },
      { name: '… of which the element (minus the same page with the contacts alone)', value: mb(heap.usedSize - baseline.usedSize), unit: 'MB', target: '< 25 MB' },
      { name: `whole bulk unsubscribe of ${f.selected.toLocaleString('en-US')} through the element (in-memory client)`, value: f.bulk, unit: 'ms' },
      { name: `… client calls (${Object.entries(f.callsByMethod).map(([m, n]) => `${m} ${n}`).join(', ')})`, value: f.bulkCalls, unit: 'calls' },
    ];
  });
}

export async function run(): Promise<BenchResult[]> {
  return [...(await bundleSize()), ...(await inBrowser())];
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  for (const r of await run()) console.log(`${r.name}: ${r.value.toFixed(2)} ${r.unit}${r.target ? ` (target ${r.target})` : ''}`);
}
