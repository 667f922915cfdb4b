// The React components take a callback for every event their element documents (the manifest,
// generated from the class JSDoc), under the name the README promises: a new event on an element
// that its component does not pass on fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { COMPONENT_EVENTS, callbackName } from '../../../src/react/index.js';

const manifest = JSON.parse(readFileSync(new URL('../../../custom-elements.json', import.meta.url), 'utf8')) as {
  modules: { declarations?: { tagName?: string; events?: { name: string }[] }[] }[];
};
const documented = new Map(manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.tagName ? [[d.tagName, (d.events ?? []).map((e) => e.name)] as const] : [])));

test('each component takes a callback for exactly the events its element documents', () => {
  for (const [tag, events] of Object.entries(COMPONENT_EVENTS)) {
    if (tag === 'optout-app') continue;
    assert.deepEqual([...events].sort(), [...(documented.get(tag) ?? [])].sort(), tag);
  }
});

test("the app's component takes the callbacks of every element it composes, whose events leave its shadow root", () => {
  const composed = ['contact-preferences', 'contact-actions-menu', 'bulk-unsubscribe-table', 'optout-settings', 'optout-review-queue'];
  const expected = new Set([...composed.flatMap((tag) => documented.get(tag) ?? []), ...(documented.get('optout-app') ?? [])]);
  assert.deepEqual(new Set(COMPONENT_EVENTS['optout-app']), expected);
});

test('callback names are the event type in camel case after on', () => {
  assert.equal(callbackName('optout-unsubscribe'), 'onOptoutUnsubscribe');
  assert.equal(callbackName('optout-bulk-unsubscribe-request'), 'onOptoutBulkUnsubscribeRequest');
  assert.equal(callbackName('optout-add-to-sequence'), 'onOptoutAddToSequence');
});
