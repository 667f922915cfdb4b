import { msg, str } from '@lit/localize';
import { getByRole, nameOf, queryAllByRole, queryByRole, textOf, waitFor } from './queries.js';

type KeywordList = 'optOut' | 'optOutAll' | 'optIn' | 'help';

function listTitle(list: KeywordList): string {
  switch (list) {
    case 'optOut':
      return msg('Opt-out keywords');
    case 'optOutAll':
      return msg('Opt-out from everything keywords');
    case 'optIn':
      return msg('Opt-in keywords');
    case 'help':
      return msg('Help keywords');
  }
}

/**
 * Everything a test reads from, and does to, one `<optout-settings>`, by roles and names. Actions
 * that press a button wait for the element's pending render first, as a person sees the button
 * enabled only once it is.
 */
export class OptOutSettingsHarness {
  constructor(readonly element: HTMLElement) {}

  /** Resolves when the element has rendered what was done to it so far. */
  async settled(): Promise<this> {
    await (this.element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
    return this;
  }

  /** Waits until the settings (or a state message) are shown, not the loading message. */
  async loaded(timeoutMs = 5000): Promise<this> {
    await waitFor(() => this.scopeGroup() ?? this.message(), 'optout-settings to show its settings or a message', timeoutMs);
    return this;
  }

  /** The text of the state message shown instead of the settings, or ''. */
  message(): string {
    if (this.scopeGroup()) return '';
    const loading = msg('Loading opt-out preferences…');
    return [...queryAllByRole(this.element, 'alert'), ...queryAllByRole(this.element, 'status')].map((el) => textOf(el)).find((t) => t !== '' && t !== loading) ?? '';
  }

  /** The scope radio group (a fieldset: role group). */
  scopeGroup(): HTMLElement | null {
    return queryByRole(this.element, 'group', { name: msg('When a contact replies STOP, unsubscribe them from') });
  }

  /** The scope radios, in order. */
  scopeRadios(): HTMLInputElement[] {
    const group = this.scopeGroup();
    return group ? (queryAllByRole(group, 'radio') as HTMLInputElement[]) : [];
  }

  /** The label of the selected scope. */
  selectedScope(): string {
    const checked = this.scopeRadios().find((r) => r.checked);
    return checked ? nameOf(checked) : '';
  }

  /** Chooses a scope by its label, as a click does. */
  chooseScope(label: string): this {
    const radio = this.scopeRadios().find((r) => nameOf(r) === label);
    if (!radio) throw new Error(`No scope "${label}"`);
    radio.click();
    return this;
  }

  /** Whether the form is read-only ("Only admins can change this"). */
  isReadOnly(): boolean {
    return (this.element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').includes(msg('Only admins can change this.'));
  }

  /** Chooses the preview's example channel by name. */
  chooseExample(channelName: string): this {
    const select = getByRole(this.element, 'combobox', { name: msg('A contact replies STOP to') }) as HTMLSelectElement;
    const option = [...select.options].find((o) => textOf(o) === channelName);
    if (!option) throw new Error(`No channel "${channelName}"`);
    select.value = option.value;
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    return this;
  }

  /** The channels the preview says a STOP to the example channel unsubscribes, without "(new)". */
  previewChannels(): string[] {
    const heading = getByRole(this.element, 'heading', { name: msg('Preview on your channels') });
    const section = heading.closest('section');
    const [list] = section ? queryAllByRole(section, 'list') : [];
    if (!list) return [];
    return queryAllByRole(list, 'listitem').map((li) => textOf(li.querySelector('span')));
  }

  /** The preview's difference from the saved scope ("3 more channels than today: …"). */
  difference(): string {
    const heading = getByRole(this.element, 'heading', { name: msg('Preview on your channels') });
    const section = heading.closest('section');
    const paragraph = [...(section?.querySelectorAll('p') ?? [])].find((p) => p.classList.contains('difference'));
    return textOf(paragraph);
  }

  /** The impact sentence of the last 30 days, once it is shown. */
  async impact(timeoutMs = 5000): Promise<string> {
    return waitFor(() => {
      const heading = queryByRole(this.element, 'heading', { name: msg('What the last 30 days would have done') });
      const section = heading?.closest('section');
      const text = textOf(section?.querySelector('p'));
      return text && !text.startsWith(msg('Replaying the last 30 days of STOP replies…')) ? text : '';
    }, 'the impact of the last 30 days', timeoutMs);
  }

  /** The sentence for teams. */
  guidance(): string {
    const heading = getByRole(this.element, 'heading', { name: msg('Guidance for your teams') });
    return textOf(heading.closest('section')?.querySelector('p'));
  }

  /** Presses Copy. */
  copy(): this {
    getByRole(this.element, 'button', { name: msg('Copy') }).click();
    return this;
  }

  /** The fallback text field of Copy, when the clipboard is unavailable. */
  copyField(): HTMLTextAreaElement | null {
    return queryAllByRole(this.element, 'textbox').find((t) => t instanceof HTMLTextAreaElement) as HTMLTextAreaElement | undefined ?? null;
  }

  /** The keywords a list shows, defaults included. */
  keywords(list: KeywordList): string[] {
    const ul = getByRole(this.element, 'list', { name: listTitle(list) });
    return queryAllByRole(ul, 'listitem').map((li) => textOf(li.querySelector('span')));
  }

  private addField(list: KeywordList): HTMLInputElement {
    const title = listTitle(list);
    return getByRole(this.element, 'textbox', { name: msg(str`Add to ${title}`) }) as HTMLInputElement;
  }

  /** Types into a list's add field, as typing does. */
  type(list: KeywordList, text: string): this {
    const field = this.addField(list);
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    return this;
  }

  /** What the add field says about what is typed (the problem, or the hint). */
  fieldMessage(list: KeywordList): string {
    const field = this.addField(list);
    const id = field.getAttribute('aria-describedby') ?? '';
    return textOf(field.getRootNode() instanceof ShadowRoot ? (field.getRootNode() as ShadowRoot).getElementById(id) : null);
  }

  /** Whether what is typed in the list's field is marked invalid. */
  isInvalid(list: KeywordList): boolean {
    return this.addField(list).getAttribute('aria-invalid') === 'true';
  }

  /** Presses the list's Add button. */
  async add(list: KeywordList): Promise<this> {
    await this.settled();
    const group = getByRole(this.element, 'group', { name: listTitle(list) });
    getByRole(group, 'button', { name: msg('Add') }).click();
    return this;
  }

  /** Removes a custom keyword. */
  async remove(word: string): Promise<this> {
    await this.settled();
    getByRole(this.element, 'button', { name: msg(str`Remove ${word}`) }).click();
    return this;
  }

  /** The backend's refusals shown on a list. */
  serverErrors(list: KeywordList): string[] {
    const group = getByRole(this.element, 'group', { name: listTitle(list) });
    return queryAllByRole(group, 'alert').flatMap((alert) => queryAllByRole(alert, 'listitem').map((li) => textOf(li)));
  }

  /** Chooses the plain-language request policy by its label. */
  choosePhrasePolicy(label: string): this {
    const group = getByRole(this.element, 'group', { name: msg('Plain-language requests (“please stop texting me”)') });
    const radio = queryAllByRole(group, 'radio').find((r) => nameOf(r) === label);
    if (!radio) throw new Error(`No policy "${label}"`);
    radio.click();
    return this;
  }

  /** The Save button, or null for a read-only user. */
  saveButton(): HTMLButtonElement | null {
    return (queryByRole(this.element, 'button', { name: msg('Save') }) ?? queryByRole(this.element, 'button', { name: msg('Saving…') })) as HTMLButtonElement | null;
  }

  /** Presses Save. */
  async save(): Promise<this> {
    await this.settled();
    const button = this.saveButton();
    if (!button) throw new Error('No Save button');
    button.click();
    return this;
  }

  /** Whether "You have unsaved changes." is shown. */
  hasUnsavedChanges(): boolean {
    return (this.element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').includes(msg('You have unsaved changes.'));
  }

  /** The alerts shown (save errors, conflicts). */
  alerts(): string[] {
    return queryAllByRole(this.element, 'alert').map((a) => textOf(a));
  }

  /** The conflict panel after a 412, or null. */
  conflict(): HTMLElement | null {
    return queryAllByRole(this.element, 'alert').find((a) => nameOf(a) === msg('Someone else saved these settings first')) ?? null;
  }

  /** What the conflict panel says the other admin changed, one line each. */
  conflictChanges(): string[] {
    const panel = this.conflict();
    return panel ? queryAllByRole(panel, 'listitem').map((li) => textOf(li)) : [];
  }

  /** Puts the admin's change on top of the other one and saves. */
  async reapplyMine(): Promise<this> {
    await this.settled();
    getByRole(this.element, 'button', { name: msg('Reapply my change on top') }).click();
    return this;
  }

  /** Keeps the other admin's version. */
  async keepTheirs(): Promise<this> {
    await this.settled();
    getByRole(this.element, 'button', { name: msg('Keep theirs') }).click();
    return this;
  }
}
