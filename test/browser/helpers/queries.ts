// Queries by role and accessible name that see through shadow roots, the way assistive
// technology does: the same ones hosts get from `optout-elements/testing`, plus real mouse and
// keyboard input through the test runner. Tests find controls as a person would, never by CSS
// selectors.
import { sendKeys, sendMouse } from '@web/test-runner-commands';

export { getByRole, queryAllByRole, queryByRole, textOf, type NameMatcher } from '../../../src/testing/queries.js';

/** Clicks the centre of `el` with the real mouse (through the browser's input pipeline). */
export async function click(el: Element): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  const rect = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] });
}

/** Moves the real mouse over the centre of `el`. */
export async function hover(el: Element): Promise<void> {
  el.scrollIntoView({ block: 'center' });
  const rect = el.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] });
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
