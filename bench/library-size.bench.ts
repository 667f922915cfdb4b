// The library as hosts load it: the single-file bundle for a `<script type="module">` tag (every
// element, the engine, the client and Lit, as `npm run build` writes it), and each package entry
// with everything it imports, bundled and minified as a host's bundler would. min+gzip.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { bundle } from './bundle-size.js';
import type { BenchResult } from './engine.bench.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** min+gzip of dist/optout-elements.bundle.js, built into a scratch folder with the project's config. */
async function singleFile(): Promise<number> {
  const outDir = mkdtempSync(join(tmpdir(), 'optout-bundle-'));
  try {
    await build({ root, configFile: join(root, 'vite.config.ts'), mode: 'bundle', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    return gzipSync(readFileSync(join(outDir, 'optout-elements.bundle.js')), { level: 9 }).length / 1024;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const ENTRIES: [string, string, string[]?][] = [
  // Two elements alone, each within its own issue's budget (≤ 20 and < 30 kB): what the whole
  // library's budget has to be read against.
  [
    'contact-preferences + bulk-unsubscribe-table alone',
    `import { ContactPreferences } from './src/elements/contact-preferences/contact-preferences.ts';
    import { BulkUnsubscribeTable } from './src/elements/bulk-unsubscribe-table/bulk-unsubscribe-table.ts';
    customElements.define('contact-preferences', ContactPreferences);
    customElements.define('bulk-unsubscribe-table', BulkUnsubscribeTable);`,
  ],
  ['optout-elements (every class, engine, client)', `export * from './src/index.ts';`],
  ['optout-elements/define (every tag registered)', `import './src/define.ts';`],
  ['optout-elements/app', `export * from './src/app/index.ts';`],
  ['optout-elements/engine', `export * from './src/engine/index.ts';`],
  ['optout-elements/react (React itself not counted)', `export * from './src/react/index.ts';`, ['react', 'react-dom']],
  ['optout-elements/testing', `export * from './src/testing/index.ts';`],
  ['optout-elements/mocks (msw not counted)', `export * from './mocks/index.ts';`, ['msw', 'msw/*']],
];

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [
    { name: 'single-file bundle (dist/optout-elements.bundle.js, fr-CA inlined), min+gzip', value: await singleFile(), unit: 'kB', target: '≤ 40 kB' },
  ];
  const { entry, lazy } = await bundle(`export * from './src/bundle.ts';`);
  results.push({ name: '… the same, bundled by a host (what most visits never use loaded on demand), at load', value: entry, unit: 'kB', target: '≤ 40 kB' });
  // The libraries' share, to read the total against: what is left is the elements' own code.
  const libraries = await bundle(`import { LitElement, html, css, nothing, render, svg } from 'lit';
    import { property, query, state } from 'lit/decorators.js';
    import { localized, msg, str, configureLocalization } from '@lit/localize';
    import { Task } from '@lit/task';
    import { ContextConsumer, ContextProvider } from '@lit/context';
    import { VirtualizerController } from '@tanstack/lit-virtual';
    import createClient from 'openapi-fetch';
    console.log(LitElement, html, css, nothing, render, svg, property, query, state, localized, msg, str, configureLocalization, Task, ContextConsumer, ContextProvider, VirtualizerController, createClient);`);
  results.push({ name: '… of which Lit, @lit/*, @tanstack/lit-virtual and openapi-fetch', value: libraries.entry, unit: 'kB' });
  results.push({ name: '… loaded on demand (the parts most visits never use, the fr-CA strings)', value: lazy, unit: 'kB' });
  for (const [name, contents, external] of ENTRIES) {
    results.push({ name: `${name}, at load, min+gzip`, value: (await bundle(contents, external ? { external } : {})).entry, unit: 'kB' });
  }
  return results;
}
