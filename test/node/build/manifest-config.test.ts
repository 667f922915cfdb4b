// The custom-elements manifest's plugin: the committed custom-elements.json must come out the same
// on every machine, whatever order the file system lists the elements' files in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import config from '../../../custom-elements-manifest.config.mjs';

type Module = { kind: string; path: string; declarations?: { kind: string; name: string }[] };

function link(modules: Module[]): string[] {
  const manifest = { schemaVersion: '1.0.0', modules: structuredClone(modules) };
  for (const plugin of config.plugins) plugin.packageLinkPhase?.({ customElementsManifest: manifest });
  return manifest.modules.map((m) => m.path);
}

const paths = [
  'src/elements/optout-provider/contact-cache.ts',
  'src/elements/optout-provider/optout-provider.ts',
  'src/elements/contact-preferences/contact-preferences.ts',
  'src/elements/contact-preferences/contact-preferences.on-demand.ts',
  'src/elements/bulk-unsubscribe-table/selection.ts',
];

test('modules come out sorted by path, whichever order the analyzer read the files in', () => {
  const modules = paths.map((path) => ({ kind: 'javascript-module', path, declarations: [] }));
  const sorted = [...paths].sort();
  assert.deepEqual(link(modules), sorted);
  assert.deepEqual(link([...modules].reverse()), sorted);
});
