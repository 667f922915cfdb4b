import { msg, str } from '@lit/localize';
import { getByRole, nameOf, queryAllByRole, queryByRole, textOf, waitFor } from './queries.js';

/** Sets a field's value the way typing does: the value, then an `input` event. */
function fill(field: HTMLElement, text: string): void {
  (field as HTMLInputElement).value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** What the review dialog shows once the server counted the audience. */
export interface BulkReview {
  /** "1,234 of 2,000 selected contacts will be unsubscribed". */
  headline: string;
  /** The unaffected counts and the blocked count, by their labels. */
  counts: Record<string, string>;
  /** The names of the sample. */
  sample: string[];
  /** Whether the count must be typed to confirm. */
  typeToConfirm: boolean;
}

/** Filters of `filter()`, by the labels of their controls' options (as a person picks them). */
export interface BulkFilterChoice {
  location?: string;
  channelType?: string;
  status?: string;
  tag?: string;
}

/**
 * Everything a test reads from, and does to, one `<bulk-unsubscribe-table>`, by roles and names
 * (in the active locale), never CSS selectors.
 */
export class BulkUnsubscribeTableHarness {
  constructor(readonly element: HTMLElement) {}

  /** Waits until the grid shows its rows (not busy) or a state message. */
  async loaded(timeoutMs = 5000): Promise<this> {
    await waitFor(() => (this.grid()?.getAttribute('aria-busy') === 'false' && this.rowElements().length > 0) || this.message(), 'bulk-unsubscribe-table to show rows or a message', timeoutMs);
    return this;
  }

  /** The grid, or null while it is not shown. */
  grid(): HTMLElement | null {
    return queryByRole(this.element, 'grid');
  }

  /** The state message shown instead of rows ('' when there is none). */
  message(): string {
    const shown = [...queryAllByRole(this.element, 'alert')].filter((el) => !el.closest('dialog')).map(textOf);
    const empty = this.element.shadowRoot?.querySelector('[part="message"]');
    return shown[0] ?? (empty && textOf(empty) !== msg('Loading contacts…') ? textOf(empty) : '');
  }

  /** The total count as shown ("2,000 contacts"). */
  total(): string {
    return textOf(this.element.shadowRoot?.querySelector('#total'));
  }

  /** The names of the rows rendered now, in order. */
  rows(): string[] {
    return this.rowElements().map((row) => textOf(queryAllByRole(row, 'gridcell')[1]));
  }

  /** The names of the rendered rows that are selected. */
  selectedRows(): string[] {
    return this.rowElements()
      .filter((row) => row.getAttribute('aria-selected') === 'true')
      .map((row) => textOf(queryAllByRole(row, 'gridcell')[1]));
  }

  /** The last announcement of the live region. */
  announcement(): string {
    const statuses = queryAllByRole(this.element, 'status').filter((el) => !el.closest('dialog'));
    return textOf(statuses[statuses.length - 1]);
  }

  /** The select-all banner's text, or ''. */
  banner(): string {
    return textOf(this.element.shadowRoot?.querySelector('[part="banner"]'));
  }

  /** The header checkbox: 'checked', 'mixed' or 'unchecked'. */
  headerCheckbox(): 'checked' | 'mixed' | 'unchecked' {
    const box = getByRole(this.element, 'checkbox', { name: msg('Select every loaded row') }) as HTMLInputElement;
    return box.indeterminate ? 'mixed' : box.checked ? 'checked' : 'unchecked';
  }

  /** Types `text` in the search box and waits until the list shows its results. */
  async search(text: string): Promise<void> {
    const box = getByRole(this.element, 'searchbox', { name: new RegExp(`^${msg('Search')}`) });
    fill(box, text);
    await waitFor(() => (this.element.getAttribute('query') ?? '') === text, `the search "${text}" applied`);
    await this.settled();
  }

  /** Picks filters by their visible labels and waits until the list shows the result. */
  async filter(choice: BulkFilterChoice): Promise<void> {
    const pick = async (label: string, option: string | undefined) => {
      if (option === undefined) return;
      const select = getByRole(this.element, 'combobox', { name: new RegExp(`^${label}`) }) as HTMLSelectElement;
      const index = [...select.options].findIndex((o) => o.textContent?.trim() === option);
      if (index < 0) throw new Error(`No option "${option}" in ${label} (${[...select.options].map((o) => o.textContent?.trim()).join(', ')})`);
      select.selectedIndex = index;
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await this.settled();
    };
    await pick(msg('Location'), choice.location);
    await pick(msg('Channel type'), choice.channelType);
    await pick(msg('Status'), choice.status);
    if (choice.tag !== undefined) {
      const field = getByRole(this.element, 'textbox', { name: new RegExp(`^${msg('Tag')}`) }) as HTMLInputElement;
      field.value = choice.tag;
      field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await this.settled();
    }
  }

  /**
   * Checks the rows given by name or by position among the rows rendered now (0-based; names can
   * repeat in a contact list); `shift` clicks the last one with Shift held, selecting the range
   * from the previous click.
   */
  async selectRows(rows: readonly (string | number)[], { shift = false } = {}): Promise<void> {
    rows.forEach((row, i) => {
      const box = this.checkboxOf(row);
      const withShift = shift && i === rows.length - 1;
      if (!withShift && box.checked) return;
      this.click(box, withShift);
    });
    await this.settled();
  }

  /** Unchecks the rows given by name or position. */
  async deselect(rows: readonly (string | number)[]): Promise<void> {
    for (const row of rows) {
      const box = this.checkboxOf(row);
      if (box.checked) this.click(box, false);
    }
    await this.settled();
  }

  /** The contact names of rows given by position, as rendered now. */
  namesAt(positions: readonly number[]): string[] {
    const rows = this.rows();
    return positions.map((p) => rows[p] ?? '');
  }

  /** Checks the header checkbox (every loaded row), then the banner's "Select all N matching". */
  async selectAllMatching(): Promise<void> {
    if (this.headerCheckbox() !== 'checked') this.click(getByRole(this.element, 'checkbox', { name: msg('Select every loaded row') }), false);
    const button = await waitFor(() => this.matchingButton(), 'the "Select all matching" button');
    button.click();
    await this.settled();
  }

  /** The "Bulk actions" button. */
  bulkActionsButton(): HTMLElement {
    return getByRole(this.element, 'button', { name: msg('Bulk actions') });
  }

  /** Opens "Bulk actions" and returns its items: label, whether disabled, and the reason shown. */
  async menuItems(): Promise<{ name: string; disabled: boolean; description: string }[]> {
    this.bulkActionsButton().click();
    const menu = await waitFor(() => queryByRole(this.element, 'menu'), 'the bulk actions menu');
    return queryAllByRole(menu, 'menuitem').map((item) => {
      const description = textOf(this.element.shadowRoot?.getElementById(item.getAttribute('aria-describedby') ?? ''));
      // The reason is shown inside the item, so its name ends with it: the label is what comes before.
      const name = nameOf(item);
      return { name: description && name.endsWith(description) ? name.slice(0, -description.length).trim() : name, disabled: item.getAttribute('aria-disabled') === 'true', description };
    });
  }

  /** Chooses Bulk actions › Unsubscribe and waits for the review dialog to open. */
  async openBulkUnsubscribe(): Promise<HTMLDialogElement> {
    this.bulkActionsButton().click();
    const menu = await waitFor(() => queryByRole(this.element, 'menu'), 'the bulk actions menu');
    getByRole(menu, 'menuitem', { name: msg('Unsubscribe') }).click();
    return waitFor(() => this.dialog(), 'the review dialog open');
  }

  /** The open review dialog, or null. */
  dialog(): HTMLDialogElement | null {
    const dialog = queryByRole(this.element, 'dialog', { name: msg('Review the selected audience') }) as HTMLDialogElement | null;
    return dialog?.open ? dialog : null;
  }

  /** Waits for the server's count in the open review and reads it. */
  async review(): Promise<BulkReview> {
    const dialog = await waitFor(() => this.dialog(), 'the review dialog open');
    const group = await waitFor(() => dialog.querySelector<HTMLElement>('.preview'), 'the audience counted');
    const counts: Record<string, string> = {};
    for (const row of group.querySelectorAll('dl div')) counts[textOf(row.querySelector('dt'))] = textOf(row.querySelector('dd'));
    const sampleList = queryByRole(group, 'list', { name: msg('Some of the selected contacts:') });
    return {
      headline: textOf(group.querySelector('#preview-count')),
      counts,
      sample: sampleList ? queryAllByRole(sampleList, 'listitem').map(textOf) : [],
      typeToConfirm: queryByRole(group, 'textbox') !== null,
    };
  }

  /** Chooses "Chosen channel types and locations" in the review and ticks only those given (by label). */
  async chooseChannels(types: readonly string[], locations: readonly string[]): Promise<void> {
    const dialog = await waitFor(() => this.dialog(), 'the review dialog open');
    getByRole(dialog, 'radio', { name: msg('Chosen channel types and locations') }).click();
    const setGroup = async (legend: string, wanted: readonly string[]) => {
      const group = await waitFor(() => queryByRole(dialog, 'group', { name: legend }), `the ${legend} choices`);
      for (const box of queryAllByRole(group, 'checkbox') as HTMLInputElement[]) {
        if (box.checked !== wanted.includes(nameOf(box))) box.click();
      }
    };
    await setGroup(msg('Channel types'), types);
    await setGroup(msg('Locations'), locations);
  }

  /** Types `typed` in the confirmation field (when shown) and presses the unsubscribe button. */
  async confirm(typed?: string): Promise<void> {
    const dialog = await waitFor(() => this.dialog(), 'the review dialog open');
    await this.review();
    const field = queryByRole(dialog, 'textbox');
    if (field && typed !== undefined) fill(field, typed);
    // The dialog's buttons are Cancel and the one that unsubscribes ("Unsubscribe 1,234 contacts").
    const button = await waitFor(() => {
      const found = queryAllByRole(dialog, 'button').find((b) => nameOf(b) !== msg('Cancel'));
      return found && !(found as HTMLButtonElement).disabled ? found : null;
    }, 'the confirm button enabled');
    button.click();
    await this.settled();
  }

  /** The problem shown in the review dialog, or ''. */
  reviewProblem(): string {
    const dialog = this.dialog();
    return dialog ? textOf(queryAllByRole(dialog, 'alert')[0]) : '';
  }

  /** The bulk job's section title ("Bulk unsubscribe in progress", "… finished"…), or ''. */
  jobTitle(): string {
    return textOf(this.element.shadowRoot?.querySelector('#job-title'));
  }

  /** The job's progress bar, or null. */
  progress(): { value: number; max: number } | null {
    const bar = queryByRole(this.element, 'progressbar') as HTMLProgressElement | null;
    return bar ? { value: bar.value, max: bar.max } : null;
  }

  /** The job's result counts, by label. */
  result(): Record<string, string> {
    const counts: Record<string, string> = {};
    for (const row of this.element.shadowRoot?.querySelectorAll('.job dl div') ?? []) counts[textOf(row.querySelector('dt'))] = textOf(row.querySelector('dd'));
    return counts;
  }

  /** Waits until the job's title matches `title`. */
  async waitForJob(title: RegExp, timeoutMs = 10000): Promise<void> {
    await waitFor(() => title.test(this.jobTitle()), `the bulk job to be ${title}`, timeoutMs);
  }

  /** The job's "Cancel", "Undo" or "Close" button. */
  jobButton(name: 'Cancel' | 'Undo' | 'Close'): HTMLElement {
    const label = name === 'Cancel' ? msg('Cancel') : name === 'Undo' ? msg('Undo') : msg('Close');
    const section = this.element.shadowRoot?.querySelector<HTMLElement>('[part="job"]');
    if (!section) throw new Error('No bulk job shown');
    return getByRole(section, 'button', { name: label });
  }

  private matchingButton(): HTMLElement | null {
    const banner = this.element.shadowRoot?.querySelector<HTMLElement>('[part="banner"]');
    return banner ? (queryAllByRole(banner, 'button').find((b) => nameOf(b) !== msg('Clear selection')) ?? null) : null;
  }

  private rowElements(): HTMLElement[] {
    const grid = this.grid();
    return grid ? queryAllByRole(grid, 'row').filter((row) => row.getAttribute('aria-rowindex') !== '1' && queryAllByRole(row, 'checkbox').length > 0) : [];
  }

  private checkboxOf(row: string | number): HTMLInputElement {
    if (typeof row === 'number') {
      const element = this.rowElements()[row];
      if (!element) throw new Error(`No row at position ${row} (${this.rowElements().length} rendered)`);
      return getByRole(element, 'checkbox') as HTMLInputElement;
    }
    return getByRole(this.grid() ?? this.element, 'checkbox', { name: msg(str`Select ${row}`) }) as HTMLInputElement;
  }

  private click(target: HTMLElement, shiftKey: boolean) {
    if (!shiftKey) {
      target.click();
      return;
    }
    // A click with Shift held, as a mouse makes it: the checkbox toggles, and the handler reads shiftKey.
    target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, shiftKey: true }));
  }

  /** Waits until no update is pending and the list is not loading. */
  async settled(): Promise<void> {
    const el = this.element as HTMLElement & { updateComplete: Promise<boolean> };
    // updateComplete is false while another update is already queued (the list task starting).
    await waitFor(() => el.updateComplete, 'the element to finish updating');
    await waitFor(() => this.grid()?.getAttribute('aria-busy') === 'false' || this.message(), 'the list to settle');
    await waitFor(() => el.updateComplete, 'the element to finish updating');
  }
}
