// Queries by role and accessible name that see through open shadow roots, the way assistive
// technology does, so harnesses find what a person finds and never depend on CSS selectors.
import { computeAccessibleName, getRole, isInaccessible } from 'dom-accessibility-api';

export type NameMatcher = string | RegExp;

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

/** The one element with `role` (and `name`), or null; throws when there are several. */
export function queryByRole(root: Node, role: string, options: { name?: NameMatcher } = {}): HTMLElement | null {
  const all = queryAllByRole(root, role, options);
  if (all.length > 1) throw new Error(`Found ${all.length} elements with role "${role}"${describe(options.name)}`);
  return all[0] ?? null;
}

/** The one element with `role` (and `name`); throws naming what is missing. */
export function getByRole(root: Node, role: string, options: { name?: NameMatcher } = {}): HTMLElement {
  const el = queryByRole(root, role, options);
  if (!el) throw new Error(`No element with role "${role}"${describe(options.name)}`);
  return el;
}

/** The accessible name of `el`. */
export function nameOf(el: Element): string {
  return computeAccessibleName(el);
}

/** Visible text of `el`, whitespace collapsed. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function describe(name: NameMatcher | undefined): string {
  return name === undefined ? '' : ` and name ${String(name)}`;
}

/**
 * Waits until `condition` returns something truthy, polling on animation frames, and resolves
 * with it; fails naming what it waited for and the last error the condition threw.
 */
export async function waitFor<T>(condition: () => T | Promise<T>, what: string, timeoutMs = 5000): Promise<NonNullable<T>> {
  const start = performance.now();
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (performance.now() - start > timeoutMs) {
      const last = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what}${last}`);
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Sets a text field's value the way typing does: the value, then an `input` event. */
export function fill(field: HTMLElement, text: string): void {
  (field as HTMLTextAreaElement | HTMLInputElement).value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
