// Storybook's mock backend, in the built Storybook (storybook-static, built by `npm test` before
// this runs): a story opens on a fresh seed whatever was clicked in the story before, and "Keep
// changes" is the opt-in that carries a change across stories.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../stories/static-server.js';
import { CHROMIUM_ARGS } from './support/demo.js';

const STATIC = 'storybook-static';

function twoStories(): [string, string] {
  assert.ok(existsSync(`${STATIC}/index.json`), `${STATIC} is missing: build Storybook first (npm run build-storybook)`);
  const index = JSON.parse(readFileSync(`${STATIC}/index.json`, 'utf8')) as { entries: Record<string, { id: string; type: string }> };
  const [first, second] = Object.values(index.entries).filter((e) => e.type === 'story');
  assert.ok(first && second, 'two stories to move between');
  return [first.id, second.id];
}

async function openStory(page: Page, url: string, id: string, mockData?: 'kept') {
  await page.goto(`${url}/iframe.html?id=${id}&viewMode=story&globals=a11y.manual:!true${mockData ? `;mockData:${mockData}` : ''}`);
  await page.waitForFunction(
    (storyId) => {
      const render = (window as { __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string; phase?: string } } }).__STORYBOOK_PREVIEW__?.currentRender;
      return render?.id === storyId && render.phase === 'finished';
    },
    id,
    { polling: 'raf' },
  );
}

/** Whether Ava is blocked, as the mock backend answers the page. */
function avaBlocked(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const response = await fetch('/api/contacts/c-000001');
    return ((await response.json()) as { contact: { blocked: unknown } }).contact.blocked !== null;
  });
}

async function blockAva(page: Page) {
  const status = await page.evaluate(async () => {
    const response = await fetch('/api/contacts/c-000001/block', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ reason: 'Clicked in a story' }),
    });
    return response.status;
  });
  assert.equal(status, 200);
}

describe('Storybook: what the mock backend holds when a story opens', () => {
  let browser: Browser;
  let server: StaticServer;
  let stories: [string, string];
  before(async () => {
    stories = twoStories();
    server = await serveStatic(`${process.cwd()}/${STATIC}`);
    browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('by default each story opens on a fresh seed: a change made in one story is gone in the next', async () => {
    const page = await (await browser.newContext()).newPage();
    await openStory(page, server.url, stories[0]);
    await blockAva(page);
    assert.equal(await avaBlocked(page), true);
    await openStory(page, server.url, stories[1]);
    assert.equal(await avaBlocked(page), false);
    await page.context().close();
  });

  test('"Keep changes" carries a change into the next story, for QA sessions', async () => {
    const page = await (await browser.newContext()).newPage();
    await openStory(page, server.url, stories[0], 'kept');
    await blockAva(page);
    await openStory(page, server.url, stories[1], 'kept');
    assert.equal(await avaBlocked(page), true);
    await page.context().close();
  });
});
