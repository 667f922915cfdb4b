import type { ReactiveControllerHost } from 'lit';

/** The focused element itself, inside however many shadow roots (an element in `<optout-app>`). */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Moves focus to `target()` once the host has updated, when a change takes away the control that
 * had focus (the last "Re-subscribe…" once every channel is back, a request once decided): a
 * keyboard or screen-reader user goes on from where the outcome is said, not from the top of the
 * page. Only focus in the host, or fallen to the page, moves; focus the user took elsewhere stays.
 */
export async function moveFocusAfterChange(
  host: ReactiveControllerHost & HTMLElement,
  target: () => HTMLElement | null | undefined,
  from?: Element,
): Promise<void> {
  await host.updateComplete;
  // A control just removed or disabled may still hold focus until the browser's next rendering
  // step: focus in the host's shadow root counts as the host's, however deep the host is nested.
  // With `from` (the control that started a slow change), only focus still on it moves: the user
  // may have gone on elsewhere in the host while waiting.
  const active = deepActiveElement();
  const fallen = active === null || active === document.body;
  if (from ? !fallen && active !== from : !fallen && active !== host && !host.shadowRoot?.contains(active)) return;
  const element = target();
  if (!element) return;
  // A heading or a sentence takes focus from script only.
  if (!element.hasAttribute('tabindex')) element.tabIndex = -1;
  element.focus();
}
