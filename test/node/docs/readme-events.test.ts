// The README lists each element's events for hosts; it must list the ones the elements document
// (custom-elements.json, generated from the class JSDoc), no more and no fewer.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const manifest = JSON.parse(readFileSync(new URL('../../../custom-elements.json', import.meta.url), 'utf8')) as {
  modules: { declarations?: { tagName?: string; events?: { name: string }[] }[] }[];
};

test("README's events table lists exactly each element's documented events", () => {
  const section = readme.slice(readme.indexOf('## Events, parts and custom properties'));
  const listed = new Map<string, string[]>();
  for (const [, tag, events] of section.matchAll(/^\| `([a-z-]+)` \| (`optout-[^|]+) \|$/gm)) {
    listed.set(tag!, [...events!.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!));
  }
  const documented = new Map<string, string[]>();
  for (const declaration of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    if (declaration.tagName && declaration.events?.length) documented.set(declaration.tagName, declaration.events.map((e) => e.name));
  }
  assert.ok(documented.size >= 5, 'the manifest documents events');
  assert.deepEqual(Object.fromEntries(listed), Object.fromEntries(documented));
});
