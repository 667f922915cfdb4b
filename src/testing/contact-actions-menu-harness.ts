import { msg } from '@lit/localize';
import { computeAccessibleDescription } from 'dom-accessibility-api';
import { getByRole, nameOf, queryAllByRole, queryByRole, textOf, waitFor, type NameMatcher } from './queries.js';

/** One item of the contact actions menu, as assistive technology reads it. */
export interface MenuItemState {
  name: string;
  disabled: boolean;
  /** Why it is disabled ('' when it is not). */
  reason: string;
}

function fill(field: HTMLElement, text: string): void {
  (field as HTMLTextAreaElement | HTMLInputElement).value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** One open confirmation dialog of `<contact-actions-menu>`. */
export class ActionDialogHarness {
  constructor(readonly element: HTMLDialogElement) {}

  /** The dialog's title ("Block contact"). */
  title(): string {
    return nameOf(this.element);
  }

  /** The sentence saying what will happen (the dialog's description). */
  description(): string {
    return computeAccessibleDescription(this.element);
  }

  /** All the dialog's text, whitespace collapsed. */
  text(): string {
    return textOf(this.element);
  }

  /** The error shown in the dialog, or ''. */
  problem(): string {
    return textOf(queryByRole(this.element, 'alert'));
  }

  /** Types into the text field (text box or combobox) labelled `label`. */
  fill(label: NameMatcher, text: string): void {
    const field = queryByRole(this.element, 'textbox', { name: label }) ?? getByRole(this.element, 'combobox', { name: label });
    fill(field, text);
  }

  /** Ticks (or unticks) the check box or radio button labelled `label`. */
  check(label: NameMatcher, on = true): void {
    const box = (queryByRole(this.element, 'checkbox', { name: label }) ?? getByRole(this.element, 'radio', { name: label })) as HTMLInputElement;
    if (box.checked !== on) box.click();
  }

  /** The options of a combobox's list now shown. */
  options(): string[] {
    return queryAllByRole(this.element, 'option').map((option) => textOf(option));
  }

  /** Waits for a combobox option whose text matches, and picks it. */
  async pick(text: NameMatcher): Promise<void> {
    const option = await waitFor(
      () => queryAllByRole(this.element, 'option').find((o) => (typeof text === 'string' ? textOf(o).startsWith(text) : text.test(textOf(o)))),
      `an option ${String(text)}`,
    );
    option.click();
  }

  /** The list (by its accessible name) inside the dialog, item by item. */
  list(name: NameMatcher): string[] {
    const list = queryByRole(this.element, 'list', { name });
    return list ? queryAllByRole(list, 'listitem').filter((li) => li.parentElement === list).map((li) => textOf(li)) : [];
  }

  /** The confirming button (its name says the action, or "Retry" after a failure). */
  confirmButton(): HTMLButtonElement {
    const buttons = queryAllByRole(this.element, 'button').filter((b) => nameOf(b) !== msg('Cancel'));
    const last = buttons.at(-1);
    if (!last) throw new Error(`No confirm button in the ${this.title()} dialog`);
    return last as HTMLButtonElement;
  }

  /** Clicks the confirming button. */
  confirm(): void {
    this.confirmButton().click();
  }

  /** Clicks Cancel. */
  cancel(): void {
    getByRole(this.element, 'button', { name: msg('Cancel') }).click();
  }

  get isOpen(): boolean {
    return this.element.open;
  }
}

/** Everything a test reads from, and does to, one `<contact-actions-menu>`, by roles and names. */
export class ContactActionsMenuHarness {
  constructor(readonly element: HTMLElement) {}

  /** Waits until the menu button can be used, or a state message is shown. */
  async ready(timeoutMs = 5000): Promise<this> {
    await waitFor(() => (this.button() && !this.button()!.hasAttribute('disabled')) || this.message(), 'contact-actions-menu to be ready', timeoutMs);
    return this;
  }

  /** The menu button ("Contact actions"), or null while it is not shown. */
  button(): HTMLButtonElement | null {
    return queryByRole(this.element, 'button', { name: msg('Contact actions') }) as HTMLButtonElement | null;
  }

  /** A state message shown instead of the menu (no provider, contact not found…), or ''. */
  message(): string {
    return textOf(queryAllByRole(this.element, 'alert').find((el) => !el.closest('dialog')));
  }

  /** The last outcome said in the live region ("Ava Tremblay is blocked."). */
  announcement(): string {
    const region = queryAllByRole(this.element, 'status').find((el) => !el.closest('dialog'));
    return textOf(region);
  }

  /** Opens the menu with a click, and waits until it shows. */
  async open(): Promise<void> {
    await this.ready();
    if (this.isOpen()) return;
    this.button()?.click();
    await waitFor(() => this.isOpen(), 'the contact actions menu to open');
  }

  /** Whether the menu is shown. */
  isOpen(): boolean {
    return this.button()?.getAttribute('aria-expanded') === 'true' && queryByRole(this.element, 'menu') !== null;
  }

  /** The menu's items in order (open it first). */
  items(): MenuItemState[] {
    const menu = queryByRole(this.element, 'menu');
    if (!menu) throw new Error('The contact actions menu is not open');
    return queryAllByRole(menu, 'menuitem').map((item) => ({
      name: nameOf(item),
      disabled: item.getAttribute('aria-disabled') === 'true',
      reason: item.getAttribute('aria-disabled') === 'true' ? computeAccessibleDescription(item) : '',
    }));
  }

  /** Opens the menu if needed, chooses the item named `name` and, unless it is disabled, waits for its dialog. */
  async choose(name: NameMatcher): Promise<ActionDialogHarness | null> {
    await this.open();
    const item = getByRole(getByRole(this.element, 'menu'), 'menuitem', { name });
    item.click();
    if (item.getAttribute('aria-disabled') === 'true') return null;
    return this.waitForDialog();
  }

  /** The open dialog, or null. */
  dialog(): ActionDialogHarness | null {
    const open = [...(this.element.shadowRoot?.querySelectorAll('dialog') ?? [])].find((d) => d.open);
    return open ? new ActionDialogHarness(open) : null;
  }

  /** Waits for a dialog to be open and returns it. */
  async waitForDialog(): Promise<ActionDialogHarness> {
    return waitFor(() => this.dialog(), 'an action dialog to open');
  }
}
