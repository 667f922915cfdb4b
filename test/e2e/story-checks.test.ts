// The checks the story runner (test/stories/run.ts) holds every story to, shown failing on a page
// made to break them: a runner whose checks cannot fail would pass every story.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { leftInEnglish } from '../stories/identical-in-french.js';
import { collectText, runAxe, textProblems } from '../stories/story-page.js';
import { CHROMIUM_ARGS } from './support/demo.js';

const BROKEN_STORY = `<!doctype html><html lang="en"><body><div id="storybook-root">
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
  <button></button>
  <p>Sent to undefined</p>
  <p>[object Object]</p>
  <div id="host"></div>
</div></body></html>`;

/** A shadow root with a slot, so text reaches the page through both. */
async function addShadowContent(page: Page, slotted: string) {
  await page.evaluate((text) => {
    const host = document.querySelector('#host');
    const shadow = host?.attachShadow({ mode: 'open' });
    if (!host || !shadow) return;
    const heading = document.createElement('h2');
    heading.textContent = 'Unsubscribe';
    const label = document.createElement('p');
    label.setAttribute('aria-label', 'Sample replies');
    const data = document.createElement('p');
    data.setAttribute('translate', 'no');
    data.textContent = 'Opt-out keyword';
    shadow.append(heading, label, data, document.createElement('slot'));
    const light = document.createElement('span');
    light.textContent = text;
    host.append(light);
  }, slotted);
}

describe('story runner checks', () => {
  let browser: Browser;
  let page: Page;
  before(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext();
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close();
  });

  test('axe: an image without alternative text and a button without a name are violations', async () => {
    await page.setContent(BROKEN_STORY);
    const violations = await runAxe(page);
    assert.deepEqual(violations.map((v) => v.split(':')[0]).sort(), ['button-name', 'image-alt']);
  });

  test('text: undefined and [object Object] are reported, shadow and slotted text is read', async () => {
    await page.setContent(BROKEN_STORY);
    await addShadowContent(page, 'Ava Tremblay');
    const text = await collectText(page);
    assert.deepEqual(textProblems(text), ['shows "Sent to undefined"', 'shows "[object Object]"']);
    assert.deepEqual(text.segments.slice(-4), ['Unsubscribe', 'Sample replies', 'Opt-out keyword', 'Ava Tremblay'], 'shadow text, then slotted text');
    assert.ok(text.translatable.includes('Sample replies'), 'an aria-label is interface text');
    assert.ok(!text.translatable.includes('Opt-out keyword'), 'translate="no" marks data');
  });

  test('locale: interface text identical in both renders is left in English; names and data are not', async () => {
    await page.setContent(BROKEN_STORY);
    await addShadowContent(page, 'Ava Tremblay');
    const text = await collectText(page);
    assert.deepEqual(leftInEnglish(text, text).sort(), ['Sample replies', 'Sent to undefined', '[object Object]', 'Unsubscribe'].sort());
  });
});
