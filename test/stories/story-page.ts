// What the story runner reads from a rendered story, inside the page. The functions given to
// page.evaluate are serialized as source; tsx wraps named functions in a `__name` helper that the
// runner defines in the page for them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'] },
  // A story is a fragment of a host's page: the page's own landmarks and first heading are the
  // host's, so the rules about them are left to the host and every other rule runs on the story.
  rules: { region: { enabled: false }, 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false } },
  resultTypes: ['violations'],
};

/** The story root, or the body of a page that has none. */
const STORY_ROOT = '#storybook-root';

/** axe-core's violations in the story root, one line each: rule, help, the first nodes. */
export async function runAxe(page: Page, disabledRules: readonly string[] = []): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(
    async ({ options, selector }) => {
      type Result = { violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] };
      const axe = (window as unknown as { axe: { run(context: Element, options: unknown): Promise<Result> } }).axe;
      const { violations } = await axe.run(document.querySelector(selector) ?? document.body, options);
      return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')})`);
    },
    { options: { ...AXE_OPTIONS, rules: { ...AXE_OPTIONS.rules, ...Object.fromEntries(disabledRules.map((rule) => [rule, { enabled: false }])) } }, selector: STORY_ROOT },
  );
}

/** Text that shows a value the code never meant to show. */
export function textProblems(text: PageText): string[] {
  return text.segments.filter((s) => /\b(?:undefined|NaN|null)\b|\[object \w+\]/.test(s)).map((s) => `shows ${JSON.stringify(s)}`);
}

export interface PageText {
  /** Every text a person can see or hear, in order, whitespace collapsed: text, labels, values. */
  segments: string[];
  /** Those that are interface text: not typed values, not inside `translate="no"`. */
  translatable: string[];
}

/** Every text of the story's composed tree (shadow roots and slots resolved), as a person gets it. */
export function collectText(page: Page): Promise<PageText> {
  return page.evaluate((selector) => {
    const segments: string[] = [];
    const translatable: string[] = [];
    // Attributes whose text is shown or announced.
    const ATTRIBUTES = ['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'placeholder', 'title', 'alt', 'label'];
    const TYPED = new Set(['', 'text', 'search', 'email', 'tel', 'url', 'number']);
    const add = (text: string, isData: boolean) => {
      const collapsed = text.replace(/\s+/g, ' ').trim();
      if (!collapsed) return;
      segments.push(collapsed);
      if (!isData) translatable.push(collapsed);
    };
    // An option has no box of its own; it shows when its list does.
    const shown = (el: Element) => (el.closest('select, datalist') ?? el).checkVisibility({ visibilityProperty: true });
    const walk = (node: Node, isData: boolean): void => {
      if (node.nodeType === Node.TEXT_NODE) {
        const parent = node.parentElement ?? (node.parentNode instanceof ShadowRoot ? node.parentNode.host : null);
        if (parent && shown(parent)) add(node.textContent ?? '', isData);
        return;
      }
      if (!(node instanceof Element)) {
        node.childNodes.forEach((child) => walk(child, isData));
        return;
      }
      if (['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT'].includes(node.tagName)) return;
      const data = isData || node.getAttribute('translate') === 'no';
      if (shown(node)) {
        for (const name of ATTRIBUTES) {
          const value = node.getAttribute(name);
          if (value) add(value, data);
        }
        if (node instanceof HTMLTextAreaElement || (node instanceof HTMLInputElement && TYPED.has(node.type))) add(node.value, true);
        if (node instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(node.type)) add(node.value, data);
      }
      if (node instanceof HTMLSlotElement) {
        const assigned = node.assignedNodes({ flatten: true });
        (assigned.length > 0 ? assigned : [...node.childNodes]).forEach((child) => walk(child, data));
        return;
      }
      (node.shadowRoot ?? node).childNodes.forEach((child) => walk(child, data));
    };
    walk(document.querySelector(selector) ?? document.body, false);
    return { segments, translatable };
  }, STORY_ROOT);
}

/**
 * Waits until every Lit element of the page has finished updating and no request is in flight,
 * twice in a row (an update may start a request whose answer starts another update).
 */
export async function settleElements(page: Page, inFlight: () => number, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  while (Date.now() < deadline) {
    const updating = await page.evaluate(async () => {
      const pending: Promise<boolean>[] = [];
      const visit = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('*')) {
          if ('updateComplete' in el) pending.push((el as Element & { updateComplete: Promise<boolean> }).updateComplete);
          if (el.shadowRoot) visit(el.shadowRoot);
        }
      };
      visit(document);
      // updateComplete resolves to false when another update was requested meanwhile.
      const done = await Promise.all(pending);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return done.includes(false);
    });
    quiet = !updating && inFlight() === 0 ? quiet + 1 : 0;
    if (quiet >= 2) return true;
  }
  return false;
}
