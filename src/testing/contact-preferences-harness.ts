import { msg } from '@lit/localize';
import { computeAccessibleDescription } from 'dom-accessibility-api';
import { fill, getByRole, nameOf, queryAllByRole, queryByRole, textOf, waitFor } from './queries.js';
import { PendingRequestHarness } from './pending-request-harness.js';

export { PendingRequestHarness };

/** Everything a test reads from, and does to, one `<contact-preferences>`, by roles and names. */
export class ContactPreferencesHarness {
  constructor(readonly element: HTMLElement) {}

  /**
   * Waits until the element shows the contact's channels, with its pending requests when it has
   * some (their decisions load on demand), or a state message (not found, forbidden, signed out,
   * error, no provider), not the loading one.
   */
  async loaded(timeoutMs = 5000): Promise<this> {
    await waitFor(() => this.isShown(), 'contact-preferences to show its channels or a message', timeoutMs);
    return this;
  }

  /** Whether the element shows what `loaded()` waits for. */
  isShown(): boolean {
    if (this.message()) return true;
    if (!this.grid()) return false;
    const requests = queryByRole(this.element, 'group', { name: msg('Pending opt-out requests') });
    return !requests || queryByRole(requests, 'list') !== null || queryByRole(requests, 'alert') !== null;
  }

  /** The title ("Communication preferences"). */
  title(): string {
    return textOf(getByRole(this.element, 'heading', { name: msg('Communication preferences') }));
  }

  /** The text of the state message shown instead of the preferences, or '' when there is none. */
  message(): string {
    const loading = msg('Loading communication preferences…');
    const messages = [...queryAllByRole(this.element, 'alert'), ...queryAllByRole(this.element, 'status')]
      .filter((el) => !this.insideDialog(el))
      .map((el) => textOf(el))
      .filter((text) => text !== '' && text !== loading);
    return messages[0] ?? '';
  }

  /** Whether the loading message is shown. */
  isLoading(): boolean {
    return queryAllByRole(this.element, 'status').some((el) => textOf(el) === msg('Loading communication preferences…'));
  }

  /** The button of the state message that tries again. */
  retryButton(): HTMLElement | null {
    return queryByRole(this.element, 'button', { name: msg('Retry') });
  }

  /** The contact's name (the first group, named by it: the contact comes before the rest). */
  contactName(): string {
    const [contact] = queryAllByRole(this.element, 'group');
    if (!contact) throw new Error('No contact shown');
    return nameOf(contact);
  }

  /** Each destination as read: "+1 416 203 0002 (valid phone number)", "+1416203 is not a valid phone number". */
  destinations(): string[] {
    const list = getByRole(this.element, 'list', { name: msg('Destinations') });
    return queryAllByRole(list, 'listitem').map((li) => textOf(li));
  }

  /** The block notice ("Blocked by … on …: …"), or '' when the contact is not blocked. */
  blockedStatus(): string {
    return textOf(queryByRole(this.element, 'note', { name: msg('Blocked') }));
  }

  /** The summary sentence ("Can be messaged on 5 of 9 channels"). */
  summary(): string {
    return computeAccessibleDescription(getByRole(this.element, 'article', { name: msg('Communication preferences') }));
  }

  /** The organization's rule in force, in one sentence (with the link's text for admins). */
  rule(): string {
    return textOf(queryByRole(this.element, 'note', { name: msg('Rule in force:') }));
  }

  /** The "Opt-out preferences" link (admins only), or null. */
  settingsLink(): HTMLElement | null {
    return queryByRole(this.element, 'link', { name: msg('Opt-out preferences') });
  }

  /** The channels table, or null while it is not shown. */
  grid(): HTMLElement | null {
    return queryByRole(this.element, 'table');
  }

  /** The location names, in row order. */
  locations(): string[] {
    return this.rows().map((row) => textOf(getByRole(row, 'rowheader')));
  }

  /** The channel type names, in column order. */
  channelTypes(): string[] {
    return queryAllByRole(this.requireGrid(), 'columnheader').map((th) => textOf(th));
  }

  /** The cell of one location and channel type, e.g. `cell('Downtown', 'SMS')`. */
  cell(location: string, channelType: string): HTMLElement {
    const grid = this.requireGrid();
    const header = queryAllByRole(grid, 'row')[0];
    const column = header ? [...header.children].findIndex((th) => textOf(th) === channelType) : -1;
    if (column < 0) throw new Error(`No channel type column "${channelType}" (columns: ${this.channelTypes().join(', ')})`);
    const row = this.rows().find((r) => textOf(getByRole(r, 'rowheader')) === location);
    if (!row) throw new Error(`No location row "${location}" (rows: ${this.locations().join(', ')})`);
    const cell = row.children[column];
    if (!(cell instanceof HTMLElement)) throw new Error(`No cell for ${location} / ${channelType}`);
    return cell;
  }

  /** `true` (can message), `false` (cannot) or `null` (the location has no channel of that type). */
  canMessage(location: string, channelType: string): boolean | null {
    const cell = this.cell(location, channelType);
    const text = textOf(cell);
    if (text.includes(msg('Cannot message:'))) return false;
    if (text.includes(msg('Can message'))) return true;
    return null;
  }

  /** The cell's headline as shown: "Can message", "Unsubscribed", "Blocked · Unsubscribed"… */
  headline(location: string, channelType: string): string {
    const cell = this.cell(location, channelType);
    const button = queryByRole(cell, 'button');
    return (button ? nameOf(button) : textOf(cell)).replace(msg('Cannot message:'), '').replace(channelType, '').trim();
  }

  /** Opens the cell's disclosure (like a click) and returns every reason's sentence, in the engine's order. */
  async reasonFor(location: string, channelType: string): Promise<string[]> {
    const cell = this.cell(location, channelType);
    const button = queryByRole(cell, 'button');
    if (!button) return [];
    if (button.getAttribute('aria-expanded') !== 'true') button.click();
    const list = await waitFor(() => queryByRole(this.cell(location, channelType), 'list'), `the reasons of ${location} ${channelType}`);
    return queryAllByRole(list, 'listitem').map((li) => textOf(li));
  }

  /** The consent history entries shown, newest first. */
  history(): string[] {
    const section = queryByRole(this.element, 'group', { name: msg('History') });
    const list = section ? queryByRole(section, 'list') : null;
    return list ? queryAllByRole(list, 'listitem').map((li) => textOf(li)) : [];
  }

  /** Clicks "Show more" under the history and waits for more entries. */
  async showMoreHistory(): Promise<string[]> {
    const before = this.history().length;
    const section = getByRole(this.element, 'group', { name: msg('History') });
    getByRole(section, 'button', { name: msg('Show more') }).click();
    await waitFor(() => this.history().length > before, 'more history entries');
    return this.history();
  }

  /** Whether the history offers "Show more". */
  hasMoreHistory(): boolean {
    const section = queryByRole(this.element, 'group', { name: msg('History') });
    return Boolean(section && queryByRole(section, 'button', { name: msg('Show more') }));
  }

  /** The pending plain-language requests, each as its text and the actions offered. */
  requests(): PendingRequestHarness[] {
    const section = queryByRole(this.element, 'group', { name: msg('Pending opt-out requests') });
    if (!section) return [];
    const list = queryByRole(section, 'list');
    return list ? queryAllByRole(list, 'listitem').map((li) => new PendingRequestHarness(this, li)) : [];
  }

  /** The "Re-subscribe…" button, or null when it is not offered. */
  resubscribeButton(): HTMLElement | null {
    return queryByRole(this.element, 'button', { name: msg('Re-subscribe…') });
  }

  /** Opens the re-subscribe dialog. */
  async openResubscribe(): Promise<ResubscribeDialogHarness> {
    const button = this.resubscribeButton();
    if (!button) throw new Error('"Re-subscribe…" is not offered');
    button.click();
    const dialog = await waitFor(() => queryByRole(this.element, 'dialog', { name: msg('Re-subscribe contact') }), 'the re-subscribe dialog');
    return new ResubscribeDialogHarness(dialog);
  }

  /** The "Change channel preferences…" button (disabled, with its reason, for users not allowed to). */
  channelPreferencesButton(): HTMLElement | null {
    return queryByRole(this.element, 'button', { name: msg('Change channel preferences…') });
  }

  /** Opens the channel preferences dialog. */
  async openChannelPreferences(): Promise<ChannelPreferencesDialogHarness> {
    const button = this.channelPreferencesButton();
    if (!button) throw new Error('"Change channel preferences…" is not offered');
    if ((button as HTMLButtonElement).disabled) throw new Error(`"Change channel preferences…" is disabled: ${computeAccessibleDescription(button)}`);
    button.click();
    const dialog = await waitFor(() => queryByRole(this.element, 'dialog', { name: msg('Channel preferences') }), 'the channel preferences dialog');
    return new ChannelPreferencesDialogHarness(dialog, this.element);
  }

  /** The open dialog with this name, or null. */
  dialog(name: string): HTMLElement | null {
    return queryByRole(this.element, 'dialog', { name });
  }

  /** What the element last announced to screen readers after an action. */
  announcement(): string {
    return queryAllByRole(this.element, 'status')
      .map((el) => textOf(el))
      .filter((text) => text !== msg('Loading communication preferences…'))
      .join(' ');
  }

  private rows(): HTMLElement[] {
    return queryAllByRole(this.requireGrid(), 'row').slice(1);
  }

  private requireGrid(): HTMLElement {
    const grid = this.grid();
    if (!grid) throw new Error(`The channels table is not shown${this.message() ? `: ${this.message()}` : ''}`);
    return grid;
  }

  private insideDialog(el: Element): boolean {
    for (let node: Node | null = el; node; node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null)) {
      if (node instanceof HTMLDialogElement) return true;
    }
    return false;
  }
}

/** The open re-subscribe dialog. */
export class ResubscribeDialogHarness {
  constructor(readonly dialog: HTMLElement) {}

  /** The channels offered, by name. */
  channels(): string[] {
    return queryAllByRole(this.dialog, 'checkbox').map((box) => nameOf(box));
  }

  /** Ticks the channel with this name. */
  choose(channelName: string): this {
    const box = getByRole(this.dialog, 'checkbox', { name: channelName }) as HTMLInputElement;
    if (!box.checked) box.click();
    return this;
  }

  /** Writes the consent note. */
  writeNote(note: string): this {
    fill(getByRole(this.dialog, 'textbox', { name: msg('Consent note') }), note);
    return this;
  }

  /** The dialog's explanatory text (why a note is needed, what a keyword opt-out means). */
  text(): string {
    return textOf(this.dialog);
  }

  /** The primary button's label ("Re-subscribe 2 channels"). */
  primaryLabel(): string {
    const primary = queryAllByRole(this.dialog, 'button').find((button) => nameOf(button) !== msg('Cancel'));
    return primary ? nameOf(primary) : '';
  }

  /** Clicks the primary button ("Re-subscribe 2 channels"). */
  submit(): void {
    const primary = queryAllByRole(this.dialog, 'button').find((button) => nameOf(button) !== msg('Cancel'));
    if (!primary) throw new Error('The re-subscribe dialog has no primary button');
    primary.click();
  }

  /** Clicks "Cancel". */
  cancel(): void {
    getByRole(this.dialog, 'button', { name: msg('Cancel') }).click();
  }

  /** The problem shown in the dialog (a missing note, a failed request), or ''. */
  problem(): string {
    return textOf(queryByRole(this.dialog, 'alert'));
  }

  /** Whether the dialog is still open. */
  isOpen(): boolean {
    return (this.dialog as HTMLDialogElement).open;
  }
}

/** The open channel preferences dialog: one checkbox per channel type, ticked when the contact does not want it. */
export class ChannelPreferencesDialogHarness {
  constructor(
    readonly dialog: HTMLElement,
    private readonly element: HTMLElement,
  ) {}

  /** The channel types offered, by name, in order. */
  channelTypes(): string[] {
    return queryAllByRole(this.dialog, 'checkbox').map((box) => nameOf(box));
  }

  /** The channel types ticked (the contact is not to be contacted by them). */
  excluded(): string[] {
    return queryAllByRole(this.dialog, 'checkbox')
      .filter((box) => (box as HTMLInputElement).checked)
      .map((box) => nameOf(box));
  }

  /** Whether the channel type's checkbox can be changed by this user. */
  isEnabled(channelType: string): boolean {
    return !(this.checkbox(channelType) as HTMLInputElement).disabled;
  }

  /** Why the channel type's checkbox is disabled, as assistive technology reads it, or ''. */
  reasonDisabled(channelType: string): string {
    return computeAccessibleDescription(this.checkbox(channelType));
  }

  /**
   * Ticks or clears the channel type, like a click, and waits for the dialog to show what follows
   * (the consent note field appears when a preference is being removed); throws when it is disabled.
   */
  async toggle(channelType: string): Promise<this> {
    const box = this.checkbox(channelType) as HTMLInputElement;
    if (box.disabled) throw new Error(`"${channelType}" cannot be changed: ${computeAccessibleDescription(box)}`);
    box.click();
    await (this.element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
    return this;
  }

  /** Whether the consent note field is shown (only when a channel preference is being removed). */
  hasNoteField(): boolean {
    return queryByRole(this.dialog, 'textbox', { name: msg('Consent note') }) !== null;
  }

  /** Writes the consent note; throws when the field is not shown. */
  writeNote(note: string): this {
    fill(getByRole(this.dialog, 'textbox', { name: msg('Consent note') }), note);
    return this;
  }

  /** The dialog's text (what it does, and why a note is needed when one is). */
  text(): string {
    return textOf(this.dialog);
  }

  /** Clicks "Save channel preferences". */
  submit(): void {
    getByRole(this.dialog, 'button', { name: msg('Save channel preferences') }).click();
  }

  /** Clicks "Cancel". */
  cancel(): void {
    getByRole(this.dialog, 'button', { name: msg('Cancel') }).click();
  }

  /** The problem shown in the dialog (a missing note, a failed request), or ''. */
  problem(): string {
    return textOf(queryByRole(this.dialog, 'alert'));
  }

  /** Whether the dialog is still open. */
  isOpen(): boolean {
    return (this.dialog as HTMLDialogElement).open;
  }

  private checkbox(channelType: string): HTMLElement {
    return getByRole(this.dialog, 'checkbox', { name: channelType });
  }
}
