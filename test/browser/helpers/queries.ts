// Queries by role and accessible name that see through shadow roots, the way assistive
// technology does. Tests find controls as a person would, never by CSS selectors.
import { computeAccessibleName, getRole, isInaccessible } from 'dom-accessibility-api';
import { sendKeys, sendMouse } from '@web/test-runner-commands';

export type NameMatcher = string | RegExp;

/** Every element under `root`, descending into open shadow roots and slotted light DOM once. */
function* walk(root: Node): Generator<Element> {
  const children = root instanceof Element && root.shadowRoot ? [root.shadowRoot, ...root.children] : [...(root as ParentNode).children];
  for (const child of children) {
    if (child instanceof ShadowRoot) {
      yield* walk(child);
      continue;
    }
    yield child;
    yield* walk(child);
  }
}

function matches(name: string, expected: NameMatcher | undefined): boolean {
  if (expected === undefined) return true;
  return typeof expected === 'string' ? name.trim() === expected : expected.test(name);
}

/** Every accessible element with `role` (and `name`, when given) under `root`. */
export function queryAllByRole(root: Node, role: string, options: { name?: NameMatcher } = {}): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const el of walk(root)) {
    if (!(el instanceof HTMLElement) || getRole(el) !== role || isInaccessible(el)) continue;
    if (matches(computeAccessibleName(el), options.name)) found.push(el);
  }
  return found;
}

/** The one element with `role` and `name`, or null; throws if there are several. */
export function queryByRole(root: Node, role: string, options: { name?: NameMatcher } = {}): HTMLElement | null {
  const all = queryAllByRole(root, role, options);
  if (all.length > 1) throw new Error(`Found ${all.length} elements with role "${role}"${describe(options.name)}`);
  return all[0] ?? null;
}

/** The one element with `role` and `name`; throws naming what was missing. */
export function getByRole(root: Node, role: string, options: { name?: NameMatcher } = {}): HTMLElement {
  const el = queryByRole(root, role, options);
  if (!el) throw new Error(`No element with role "${role}"${describe(options.name)}`);
  return el;
}

/** Visible text of `el`, whitespace collapsed. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function describe(name: NameMatcher | undefined): string {
  return name === undefined ? '' : ` and name ${String(name)}`;
}

/** Clicks the centre of `el` with the real mouse (through the browser's input pipeline). */
export async function click(el: Element): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  const rect = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] });
}

/** Focuses `el` and types `text` with the real keyboard. */
export async function type(el: HTMLElement, text: string): Promise<void> {
  el.focus();
  await sendKeys({ type: text });
}

/** Presses a key (e.g. 'Enter', 'ArrowDown', 'Tab') on whatever has focus. */
export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}
