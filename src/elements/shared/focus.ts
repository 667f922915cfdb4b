import type { ReactiveControllerHost } from 'lit';

/**
 * Moves focus to `target()` once the host has updated, when a change takes away the control that
 * had focus (the last "Re-subscribe…" once every channel is back, a request once decided): a
 * keyboard or screen-reader user goes on from where the outcome is said, not from the top of the
 * page. Only focus in the host, or fallen to the page, moves; focus the user took elsewhere stays.
 */
export async function moveFocusAfterChange(host: ReactiveControllerHost & HTMLElement, target: () => HTMLElement | null | undefined): Promise<void> {
  await host.updateComplete;
  const active = document.activeElement;
  if (active !== null && active !== document.body && active !== host) return;
  const element = target();
  if (!element) return;
  // A heading or a sentence takes focus from script only.
  if (!element.hasAttribute('tabindex')) element.tabIndex = -1;
  element.focus();
}
