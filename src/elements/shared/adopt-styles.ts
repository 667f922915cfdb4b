import type { CSSResult } from 'lit';

/**
 * Adds `styles` after the ones an element already has, for a part loaded on demand that brings
 * its own (a dialog's): the element does not carry them until the part is used. A sheet already
 * adopted is not added twice.
 */
export function adoptMoreStyles(renderRoot: HTMLElement | DocumentFragment, styles: readonly CSSResult[]): void {
  if (!(renderRoot instanceof ShadowRoot)) return;
  const adopted = renderRoot.adoptedStyleSheets;
  const sheets = styles.map((style) => style.styleSheet).filter((sheet): sheet is CSSStyleSheet => sheet !== undefined && !adopted.includes(sheet));
  renderRoot.adoptedStyleSheets = [...adopted, ...sheets];
}
