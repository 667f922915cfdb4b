// Every story is a test. Serves the Storybook build (storybook-static, from `npm test`'s build
// step), opens every story its index lists in headless Chromium, in English and in Canadian
// French, and fails a story on: an axe-core violation (WCAG 2.2 A and AA, best practices), an
// uncaught error or console error, a request that reached the network instead of the mock
// backend, text such as `undefined` or `[object Object]`, and text left in English in French.
// Prints one line per story and a total, and writes reports/stories.xml (JUnit), counted by
// `npm test`, and reports/figures/stories.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/support/demo.js';
import { leftInEnglish } from './identical-in-french.js';
import { serveStatic } from './static-server.js';
import { collectText, runAxe, settleElements, textProblems, type PageText } from './story-page.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const staticDir = join(root, 'storybook-static');
const reports = join(root, 'reports');
const LOCALES = ['en', 'fr-CA'] as const;
type Locale = (typeof LOCALES)[number];
const RENDER_TIMEOUT_MS = 30_000;

interface StoryEntry {
  id: string;
  title: string;
  name: string;
  type: string;
  tags?: string[];
}

interface Render {
  problems: string[];
  axeViolations: number;
  text: PageText | undefined;
}

interface StoryResult {
  entry: StoryEntry;
  problems: string[];
  axeViolations: number;
  seconds: number;
}

/** Where problems seen outside the page (the server, blocked requests) go: the render under way. */
let currentProblems: string[] = [];

function storyEntries(): StoryEntry[] {
  const indexPath = join(staticDir, 'index.json');
  if (!existsSync(indexPath)) throw new Error(`${indexPath} is missing: build Storybook first (npm run build-storybook).`);
  const index = JSON.parse(readFileSync(indexPath, 'utf8')) as { entries: Record<string, StoryEntry> };
  return Object.values(index.entries).filter((e) => e.type === 'story');
}

async function renderStory(context: BrowserContext, url: string, entry: StoryEntry, locale: Locale): Promise<Render> {
  const problems: string[] = [];
  // Each render has a page of its own, and the previous one is closed without its unload
  // handlers: navigating away made the leaving page tell MSW's worker it was closing, and with no
  // client left the worker unregistered itself, so the next story's first request could race its
  // registration. A request still on its way when its page closes is passed on by the worker and
  // is told apart by its referrer (see the server's handler in main()).
  currentProblems = problems;
  const page = await context.newPage();
  let inFlight = 0;
  page.on('request', () => inFlight++);
  page.on('requestfinished', () => inFlight--);
  page.on('requestfailed', () => inFlight--);
  page.on('pageerror', (error: Error) => problems.push(`uncaught error: ${error.message}`));
  page.on('console', (message) => {
    // The browser logs every 4xx/5xx answer as "Failed to load resource": a story of an error
    // state provokes them on purpose, and what the page shows of them is checked by its text.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource:')) problems.push(`console error: ${message.text()}`);
  });
  try {
    // The addon's own axe run is switched off: this runner runs axe itself, once, after render.
    await page.goto(`${url}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story&globals=locale:${locale};a11y.manual:!true`);
    const finished = await page
      .waitForFunction(
        (id) => {
          const render = (window as { __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string; phase?: string } } }).__STORYBOOK_PREVIEW__?.currentRender;
          return render?.id === id && (render.phase === 'finished' || render.phase === 'aborted');
        },
        entry.id,
        { timeout: RENDER_TIMEOUT_MS, polling: 'raf' },
      )
      .then(
        () => true,
        () => false,
      );
    if (!finished) {
      problems.push(`did not finish rendering within ${RENDER_TIMEOUT_MS / 1000} s`);
      return { problems, axeViolations: 0, text: undefined };
    }
    const shownError = await page.evaluate(() => (document.body.classList.contains('sb-show-errordisplay') ? (document.querySelector('#error-message')?.textContent ?? 'an error') : null));
    if (shownError) problems.push(`the story shows an error: ${shownError.trim()}`);
    if (!(await settleElements(page, () => inFlight))) problems.push('did not settle: elements kept updating or requests kept running');
    const violations = await runAxe(page);
    problems.push(...violations.map((v) => `axe ${v}`));
    const text = await collectText(page);
    problems.push(...textProblems(text));
    return { problems, axeViolations: violations.length, text };
  } finally {
    currentProblems = [];
    await page.close({ runBeforeUnload: false });
  }
}

const xml = (s: string) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);

function writeReports(results: StoryResult[]) {
  mkdirSync(join(reports, 'figures'), { recursive: true });
  const failures = results.filter((r) => r.problems.length > 0).length;
  const cases = results.map((r) => {
    const name = xml(`${r.entry.name} (${LOCALES.join(', ')})`);
    const open = `    <testcase classname="${xml(r.entry.title)}" name="${name}" time="${r.seconds.toFixed(3)}"`;
    if (r.problems.length === 0) return `${open}/>`;
    return `${open}>\n      <failure message="${xml(r.problems[0] ?? '')}">${xml(r.problems.join('\n'))}</failure>\n    </testcase>`;
  });
  writeFileSync(
    join(reports, 'stories.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite name="stories" tests="${results.length}" failures="${failures}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`,
  );
  const figures = { storiesChecked: results.length, axeViolations: results.reduce((n, r) => n + r.axeViolations, 0) };
  writeFileSync(join(reports, 'figures', 'stories.json'), `${JSON.stringify(figures, null, 2)}\n`);
  return figures;
}

async function main() {
  const entries = storyEntries();
  // Anything the build does not hold reached the network: an API call the mock did not answer.
  // (The browser asks for /favicon.ico on its own, whatever the story does.) A request MSW's
  // worker passed on itself has the worker's script as its referrer: either no handler matched,
  // which the page reports as a console error (mocks/browser.ts), or its page had closed while
  // it was on its way (a retry of the last render), which belongs to no story. Only a request
  // the worker never saw (a page it did not control) is counted here, against the render under way.
  const { url, close } = await serveStatic(staticDir, (method, path, referer) => {
    if (path === '/favicon.ico' || referer.endsWith('/mockServiceWorker.js')) return;
    currentProblems.push(`request reached the network instead of the mock: ${method} ${path}`);
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const results: StoryResult[] = [];
  try {
    const context = await browser.newContext();
    // Anything not served by the Storybook build's own server is the network: refused, and a failure.
    await context.route(
      (target) => target.origin !== url,
      async (route) => {
        currentProblems.push(`request reached the network instead of the mock: ${route.request().method()} ${route.request().url()}`);
        await route.abort();
      },
    );
    // tsx names functions with a helper the page does not have (see story-page.ts).
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    for (const entry of entries) {
      const started = Date.now();
      const renders = new Map<Locale, Render>();
      for (const locale of LOCALES) renders.set(locale, await renderStory(context, url, entry, locale));
      const problems = LOCALES.flatMap((locale) => (renders.get(locale)?.problems ?? []).map((p) => `${locale}: ${p}`));
      const en = renders.get('en')?.text;
      const fr = renders.get('fr-CA')?.text;
      // A story tagged `fixed-locale` shows one language whatever the toolbar says (the French story).
      const fixedLocale = entry.tags?.includes('fixed-locale') ?? false;
      if (en && fr && !fixedLocale) for (const text of leftInEnglish(en, fr)) problems.push(`fr-CA: left in English: ${JSON.stringify(text)}`);
      const seconds = (Date.now() - started) / 1000;
      const axeViolations = LOCALES.reduce((n, locale) => n + (renders.get(locale)?.axeViolations ?? 0), 0);
      results.push({ entry, problems, axeViolations, seconds });
      console.log(`${problems.length === 0 ? '✔' : '✘'} ${entry.title} › ${entry.name} (${seconds.toFixed(1)} s)`);
      for (const problem of problems) console.log(`    ${problem}`);
    }
  } finally {
    await browser.close();
    await close();
  }
  const figures = writeReports(results);
  const failed = results.filter((r) => r.problems.length > 0).length;
  console.log(`\nstories: ${results.length} checked in ${LOCALES.join(' and ')}, ${results.length - failed} passed, ${failed} failed; axe violations: ${figures.axeViolations}`);
  process.exit(failed > 0 || results.length === 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
