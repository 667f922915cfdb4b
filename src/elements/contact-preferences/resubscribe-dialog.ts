// Re-subscribing a contact from <contact-preferences>: the dialog (which channels, and the consent
// note that records how the contact agreed) and the request it makes. Whether an opt-out may be
// reversed by this user with this note is the engine's to say (consent.ts); this only asks it.
// Loaded when a user allowed to re-subscribe is about to (contact-preferences.ts): most visits
// only read.
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { canResubscribe } from '../../engine/consent.js';
import { TEXT_LIMITS } from '../../engine/limits.js';
import { isAbortError, isOptOutApiError } from '../../client/errors.js';
import type { ContactDetail } from '../../client/types.js';
import type { OptOutContextController } from '../shared/optout-context-controller.js';
import { byCount, formatList, lengthLimitLabel } from '../shared/labels.js';
import { warningIcon } from '../shared/icons.js';
import { moveFocusAfterChange } from '../shared/focus.js';
import { unsubscribedChannelIds } from './channel-grid.js';
import { OptOutResubscribeEvent, OptOutResubscribeRequestEvent } from './contact-preferences.events.js';

export interface ResubscribeDialogOptions {
  /** The provider's client and cache, as the element sees them. */
  context: OptOutContextController;
  /** The id of the contact the element shows. */
  contactId(): string;
  /** The contact as the element shows it now. */
  detail(): ContactDetail | undefined;
  /** A channel's name, for the choices and the announcement. */
  channelName(id: string): string;
  /** Tells screen-reader users what was done. */
  announce(text: string): void;
  /** The words for a failed request that is not about re-subscribing in particular. */
  errorText(error: unknown): string;
  /** Where focus goes when "Re-subscribe…" goes with the last channel re-subscribed. */
  focusAfter(): HTMLElement | null;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** The re-subscribe dialog and the request it makes. */
export class ResubscribeDialogController {
  private readonly task: Task<readonly [string, string[], string, string], { channelIds: string[]; detail: ContactDetail }>;
  /** The channels the user has ticked, from when the dialog opens. */
  private selected: ReadonlySet<string> = new Set();
  /** A problem with what the user entered, said before anything is sent. */
  private problem = '';

  constructor(
    private readonly host: Host,
    private readonly options: ResubscribeDialogOptions,
  ) {
    this.task = new Task(host, {
      autoRun: false,
      task: async ([contactId, channelIds, note, etag], { signal }) => {
        const { context } = this.options;
        try {
          // Made on the version the user reviewed: a STOP that arrived meanwhile is never undone.
          const detail = await context.client!.resubscribeContact(contactId, { channelIds, note }, { signal, ifMatch: etag });
          context.cache?.putContact(detail);
          return { channelIds, detail };
        } catch (error) {
          const current = isOptOutApiError(error) && error.is('precondition-failed') ? error.problem?.current : undefined;
          if (current) context.cache?.putContact(current);
          throw error;
        }
      },
      onComplete: ({ channelIds, detail }) => {
        this.dialog?.close();
        const names = formatList(channelIds.map((id) => this.options.channelName(id)));
        this.options.announce(msg(str`Re-subscribed to ${names}.`));
        this.host.dispatchEvent(new OptOutResubscribeEvent(channelIds, detail));
        // "Re-subscribe…" goes with the last channel: focus must not go with it.
        if (unsubscribedChannelIds(detail).length === 0) void moveFocusAfterChange(this.host, () => this.options.focusAfter());
      },
    });
  }

  /** Opens the dialog on the contact as shown, with its only channel ticked when it has one. */
  open(): void {
    const detail = this.options.detail();
    if (!detail) return;
    const ids = unsubscribedChannelIds(detail);
    this.selected = new Set(ids.length === 1 ? ids : []);
    this.problem = '';
    this.host.requestUpdate();
    this.dialog?.showModal();
  }

  /** Forgets the open dialog's choices when the element shows another contact. */
  contactChanged(): void {
    this.dialog?.close();
    this.selected = new Set();
    this.problem = '';
    // A note is one contact's consent: it never carries over to the next.
    const note = this.noteField;
    if (note) note.value = '';
  }

  renderDialog(detail: ContactDetail) {
    const ids = unsubscribedChannelIds(detail);
    const count = ids.filter((id) => this.selected.has(id)).length;
    const busy = this.task.status === TaskStatus.PENDING;
    const failed = this.task.status === TaskStatus.ERROR && !isAbortError(this.task.error);
    const problem = this.problem || (failed ? this.errorText(this.task.error) : '');
    const name = detail.contact.name;
    return html`<dialog id="resubscribe-dialog" part="dialog" aria-labelledby="resubscribe-title" aria-describedby="resubscribe-lead" @close=${this.handleClosed}>
      <form @submit=${this.handleSubmit} novalidate>
        <h3 id="resubscribe-title">${msg('Re-subscribe contact')}</h3>
        <p id="resubscribe-lead">${msg(str`Choose the channels on which ${name} agreed to be messaged again.`)}</p>
        <fieldset>
          <legend>${msg('Channels')}</legend>
          ${ids.length > 2 ? html`<button type="button" class="link-button" @click=${() => this.select(ids)}>${msg('Select all')}</button>` : nothing}
          ${ids.map(
            (id) => html`<label class="check">
              <input type="checkbox" .checked=${this.selected.has(id)} @change=${(e: Event) => this.handleToggle(id, e)} />
              ${this.options.channelName(id)}
            </label>`,
          )}
        </fieldset>
        <label for="consent-note" class="field-label">${msg('Consent note')}</label>
        <p id="consent-note-hint" class="hint">
          ${msg('Required: say how and when the contact agreed to be messaged again. The note is kept in the audit log as the record of their consent.')}
        </p>
        <textarea
          id="consent-note"
          rows="3"
          maxlength=${TEXT_LIMITS.note}
          aria-describedby="consent-note-hint consent-note-limit"
          aria-invalid=${this.problem ? 'true' : 'false'}
        ></textarea>
        <p id="consent-note-limit" class="hint">${lengthLimitLabel(TEXT_LIMITS.note)}</p>
        <p class="warning">
          ${warningIcon}
          <span>${msg('An opt-out by keyword (such as STOP) normally ends only when the contact replies START themselves. Re-subscribe only if they gave you their consent in another way.')}</span>
        </p>
        ${problem ? html`<p class="problem" role="alert">${problem}</p>` : nothing}
        <div class="dialog-buttons">
          <button type="button" @click=${() => this.dialog?.close()}>${msg('Cancel')}</button>
          <button type="submit" class="primary" aria-disabled=${busy ? 'true' : nothing}>
            ${count > 0
              ? byCount(
                  count,
                  () => msg(str`Re-subscribe ${count} channel`),
                  () => msg(str`Re-subscribe ${count} channels`),
                )
              : msg('Re-subscribe')}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  private errorText(error: unknown): string {
    if (isOptOutApiError(error)) {
      if (error.is('note-required')) return msg('A consent note is required.');
      if (error.is('precondition-failed')) {
        return msg('This contact changed while the dialog was open (for example, a new reply). The channels now show what is true; review them before re-subscribing.');
      }
    }
    return this.options.errorText(error);
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('#resubscribe-dialog');
  }

  private get noteField(): HTMLTextAreaElement | null {
    return this.host.renderRoot.querySelector<HTMLTextAreaElement>('#consent-note');
  }

  private select(ids: readonly string[]) {
    this.selected = new Set(ids);
    this.host.requestUpdate();
  }

  private handleToggle(id: string, e: Event) {
    const next = new Set(this.selected);
    if ((e.target as HTMLInputElement).checked) next.add(id);
    else next.delete(id);
    this.select([...next]);
  }

  private readonly handleSubmit = (e: Event) => {
    e.preventDefault();
    const detail = this.options.detail();
    if (!detail || this.task.status === TaskStatus.PENDING) return;
    const contactId = this.options.contactId();
    const note = this.noteField?.value ?? '';
    const channelIds = unsubscribedChannelIds(detail).filter((id) => this.selected.has(id));
    this.problem = '';
    if (channelIds.length === 0) {
      this.problem = msg('Choose at least one channel.');
    } else {
      // The engine decides whether each opt-out may be reversed by this user with this note.
      const records = detail.consent.filter((r) => channelIds.includes(r.channelId) && r.status === 'unsubscribed');
      const refused = records.map((record) => canResubscribe(record, { kind: 'agent', note })).find((d) => !d.allowed);
      if (refused && !refused.allowed && refused.reason === 'note-required') {
        this.problem = msg('Write the consent note first: without it nothing is re-subscribed.');
        this.noteField?.focus();
      }
    }
    this.host.requestUpdate();
    if (this.problem) return;
    if (!this.host.dispatchEvent(new OptOutResubscribeRequestEvent(contactId, channelIds, note))) return;
    void this.task.run([contactId, channelIds, note, detail.etag]);
  };

  private readonly handleClosed = () => {
    const note = this.noteField;
    if (note && this.task.status === TaskStatus.COMPLETE) note.value = '';
    this.problem = '';
    this.host.requestUpdate();
  };
}
