// contact-preferences: what a host ships for it (the element and everything it imports, Lit
// included, minified and gzipped), and how long it takes from connect to the channels grid with
// the mock backend at 0 latency, in headless Chromium.
import { bundle } from './bundle-size.js';
import { runBenchPage } from './bench-page.js';
import type { BenchResult } from './engine.bench.js';

async function bundleSize(): Promise<BenchResult[]> {
  const element = await bundle(`import { ContactPreferences } from './src/elements/contact-preferences/contact-preferences.ts';
    customElements.define('contact-preferences', ContactPreferences);`);
  const withProvider = await bundle(`import { ContactPreferences } from './src/elements/contact-preferences/contact-preferences.ts';
    import { OptOutProvider } from './src/elements/optout-provider/optout-provider.ts';
    customElements.define('optout-provider', OptOutProvider);
    customElements.define('contact-preferences', ContactPreferences);`);
  // The floor every element pays: what of Lit and its helper packages the element uses.
  const libraries = await bundle(`import { LitElement, html, css, nothing } from 'lit';
    import { property, query, state } from 'lit/decorators.js';
    import { localized, msg, str } from '@lit/localize';
    import { Task } from '@lit/task';
    import { ContextConsumer } from '@lit/context';
    console.log(LitElement, html, css, nothing, property, query, state, localized, msg, str, Task, ContextConsumer);`);
  return [
    { name: 'contact-preferences + all it imports (Lit included), min+gzip', value: element.entry, unit: 'kB', target: '≤ 20 kB' },
    { name: '… of which Lit, @lit/localize, @lit/task and @lit/context alone', value: libraries.entry, unit: 'kB' },
    { name: '… with optout-provider and the HTTP client, min+gzip', value: withProvider.entry, unit: 'kB' },
    { name: '… loaded on demand (the consent dialogs and pending requests, the fr-CA strings), min+gzip', value: element.lazy, unit: 'kB' },
  ];
}

async function timeToGrid(): Promise<BenchResult[]> {
  const result = await runBenchPage<{ first: number; median: number; p90: number; rounds: number }>('contact-preferences');
  return [
    { name: 'connect → grid shown, first (cold)', value: result.first, unit: 'ms' },
    { name: `connect → grid shown, median of ${result.rounds}`, value: result.median, unit: 'ms' },
    { name: `connect → grid shown, p90 of ${result.rounds}`, value: result.p90, unit: 'ms' },
  ];
}

export async function run(): Promise<BenchResult[]> {
  return [...(await bundleSize()), ...(await timeToGrid())];
}
