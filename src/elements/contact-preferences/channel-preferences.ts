// Changing a contact's channel preferences (the channel types they asked not to be contacted by)
// from <contact-preferences>: the dialog and the request. Whether a change is allowed, and with
// what note, is the engine's to say (channel-exclusions.ts); this only asks it. Loaded when a user
// allowed to change them is about to (contact-preferences.ts): most visits only read.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { TEXT_LIMITS } from '../../engine/limits.js';
import { exclusionChange, exclusionNoteDecision, normalizeExclusions, permissionsForExclusionChange, type ExclusionChange } from '../../engine/channel-exclusions.js';
import type { ChannelType } from '../../engine/index.js';
import { isAbortError, isOptOutApiError } from '../../client/errors.js';
import type { ContactDetail, Me, Permission } from '../../client/types.js';
import type { OptOutContextController } from '../shared/optout-context-controller.js';
import { channelTypeLabel, formatList, lengthLimitLabel } from '../shared/labels.js';
import { warningIcon } from '../shared/icons.js';
import { OptOutChannelExclusionsChangeEvent, OptOutChannelExclusionsRequestEvent } from './contact-preferences.events.js';

export interface ChannelPreferencesOptions {
  /** The provider's client, cache and session, as the element sees them. */
  context: OptOutContextController;
  /** The id of the contact the element shows. */
  contactId(): string;
  /** The contact as the element shows it now. */
  detail(): ContactDetail | undefined;
  /** Tells screen-reader users what was done. */
  announce(text: string): void;
  /** The words for a failed request that is not about channel preferences in particular. */
  errorText(error: unknown): string;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** The channel preferences dialog and the request it makes. */
export class ChannelPreferencesController implements ReactiveController {
  private readonly task: Task<readonly [string, ChannelType[], string, string, ExclusionChange], { change: ExclusionChange; detail: ContactDetail }>;
  /** The exclusions as the user is choosing them, from when the dialog opens. */
  private draft: ReadonlySet<ChannelType> = new Set();
  private problem = '';
  private noteMissing = false;

  constructor(
    private readonly host: Host,
    private readonly options: ChannelPreferencesOptions,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      autoRun: false,
      task: async ([contactId, excludedChannelTypes, note, etag, change], { signal }) => {
        const { context } = this.options;
        try {
          // Made on the version the user reviewed: a preference the contact stated meanwhile is never undone.
          const body = note.trim() ? { excludedChannelTypes, note } : { excludedChannelTypes };
          const detail = await context.client!.setChannelExclusions(contactId, body, { signal, ifMatch: etag });
          context.cache?.putContact(detail);
          return { change, detail };
        } catch (error) {
          const current = isOptOutApiError(error) && error.is('precondition-failed') ? error.problem?.current : undefined;
          if (current) {
            context.cache?.putContact(current);
            // The choices were made on what is no longer true: start them again from what is.
            if (current.contact.id === contactId) this.resetDraft(current);
          }
          throw error;
        }
      },
      onComplete: ({ change, detail }) => {
        this.dialog?.close();
        const excluded = detail.contact.excludedChannelTypes;
        this.options.announce(
          excluded.length > 0
            ? msg(str`Channel preferences saved: not contacted by ${formatList(excluded.map(channelTypeLabel))}.`)
            : msg('Channel preferences saved: no channel type is excluded.'),
        );
        this.host.dispatchEvent(new OptOutChannelExclusionsChangeEvent(change.added, change.removed, detail));
      },
    });
  }

  hostDisconnected(): void {
    // A change already sent stands or falls on the server; only its answer is no longer awaited here.
    if (this.task.status === TaskStatus.PENDING) this.task.abort(new DOMException('contact-preferences was disconnected', 'AbortError'));
  }

  /** Opens the dialog on the contact's preferences as shown, with an empty note. */
  open(): void {
    const detail = this.currentDetail();
    if (!detail) return;
    this.resetDraft(detail);
    this.problem = '';
    this.noteMissing = false;
    const note = this.noteField;
    if (note) note.value = '';
    this.host.requestUpdate();
    this.dialog?.showModal();
  }

  /** Forgets the open dialog's choices when the element shows another contact. */
  contactChanged(): void {
    this.dialog?.close();
    this.draft = new Set();
    this.problem = '';
    this.noteMissing = false;
  }

  renderDialog(detail: ContactDetail, types: readonly ChannelType[], me: Me | undefined) {
    const before = detail.contact.excludedChannelTypes;
    const change = exclusionChange(before, normalizeExclusions([...this.draft]));
    const mayRemove = this.may(me, 'contact:resubscribe');
    const busy = this.task.status === TaskStatus.PENDING;
    const failed = this.task.status === TaskStatus.ERROR && !isAbortError(this.task.error);
    const problem = this.problem || (failed ? this.errorText(this.task.error) : '');
    const locked = (type: ChannelType) => before.includes(type) && !mayRemove;
    const name = detail.contact.name;
    const removed = formatList(change.removed.map(channelTypeLabel));
    return html`<dialog
      id="channel-preferences-dialog"
      part="dialog"
      aria-labelledby="channel-preferences-title"
      aria-describedby="channel-preferences-lead"
      @close=${this.handleClosed}
    >
      <form @submit=${this.handleSubmit} novalidate>
        <h3 id="channel-preferences-title">${msg('Channel preferences')}</h3>
        <p id="channel-preferences-lead">
          ${msg(str`Choose the channel types ${name} asked not to be contacted by. No channel of a chosen type messages them, at any location.`)}
        </p>
        <fieldset>
          <legend>${msg('Do not contact by')}</legend>
          ${types.map(
            (type) => html`<label class="check">
              <input
                type="checkbox"
                .checked=${this.draft.has(type)}
                ?disabled=${busy || locked(type)}
                aria-describedby=${locked(type) ? 'channel-preferences-locked' : nothing}
                @change=${(e: Event) => this.handleToggle(type, e)}
              />
              ${channelTypeLabel(type)}
            </label>`,
          )}
        </fieldset>
        ${types.some(locked)
          ? html`<p id="channel-preferences-locked" class="hint">
              ${msg('Only managers and admins can remove a channel preference: the contact asked for it, and removing it lets the organization contact them that way again.')}
            </p>`
          : nothing}
        ${change.removed.length > 0
          ? html`<label for="channel-preferences-note" class="field-label">${msg('Consent note')}</label>
              <p id="channel-preferences-note-hint" class="hint">
                ${msg(str`Required: removing ${removed} lets the organization contact ${name} that way again. Say how and when they agreed; the note is kept in the audit log.`)}
              </p>
              <textarea
                id="channel-preferences-note"
                rows="3"
                maxlength=${TEXT_LIMITS.note}
                aria-describedby="channel-preferences-note-hint channel-preferences-note-limit"
                aria-invalid=${this.noteMissing ? 'true' : 'false'}
              ></textarea>
              <p id="channel-preferences-note-limit" class="hint">${lengthLimitLabel(TEXT_LIMITS.note)}</p>`
          : nothing}
        ${problem
          ? html`<p class="problem" role="alert">${warningIcon} <span>${problem}</span></p>`
          : nothing}
        <div class="dialog-buttons">
          <button type="button" @click=${() => this.dialog?.close()}>${msg('Cancel')}</button>
          <button type="submit" class="primary" aria-disabled=${busy ? 'true' : nothing}>${msg('Save channel preferences')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('#channel-preferences-dialog');
  }

  private get noteField(): HTMLTextAreaElement | null {
    return this.host.renderRoot.querySelector<HTMLTextAreaElement>('#channel-preferences-note');
  }

  private may(me: Me | undefined, permission: Permission): boolean {
    return me?.permissions.includes(permission) ?? false;
  }

  private errorText(error: unknown): string {
    if (isOptOutApiError(error)) {
      if (error.is('precondition-failed')) {
        return msg('This contact changed while the dialog was open. The choices now show what is true; review them and save again.');
      }
      if (error.is('note-required')) return msg('A consent note is required to remove a channel preference.');
    }
    return this.options.errorText(error);
  }

  private currentDetail(): ContactDetail | undefined {
    return this.options.detail();
  }

  private resetDraft(detail: ContactDetail) {
    this.draft = new Set(detail.contact.excludedChannelTypes);
  }

  private handleToggle(type: ChannelType, e: Event) {
    const next = new Set(this.draft);
    if ((e.target as HTMLInputElement).checked) next.add(type);
    else next.delete(type);
    this.draft = next;
    this.problem = '';
    this.host.requestUpdate();
  }

  private readonly handleSubmit = (e: Event) => {
    e.preventDefault();
    const detail = this.currentDetail();
    if (!detail || this.task.status === TaskStatus.PENDING) return;
    const contactId = this.options.contactId();
    const after = normalizeExclusions([...this.draft]);
    const change = exclusionChange(detail.contact.excludedChannelTypes, after);
    const note = this.noteField?.value ?? '';
    this.noteMissing = false;
    if (change.added.length === 0 && change.removed.length === 0) {
      this.problem = msg('Nothing to save: choose or clear a channel type first.');
    } else if (!permissionsForExclusionChange(change).every((permission) => this.may(this.options.context.me, permission))) {
      this.problem = msg('You are not allowed to make this change: only managers and admins can remove a channel preference.');
    } else if (!exclusionNoteDecision(change, note).allowed) {
      this.problem = msg('Write the consent note first: without it no channel preference is removed.');
      this.noteMissing = true;
      this.noteField?.focus();
    } else {
      this.problem = '';
    }
    this.host.requestUpdate();
    if (this.problem) return;
    if (!this.host.dispatchEvent(new OptOutChannelExclusionsRequestEvent(contactId, after, change.added, change.removed, note))) return;
    void this.task.run([contactId, after, note, detail.etag, change]);
  };

  private readonly handleClosed = () => {
    this.problem = '';
    this.noteMissing = false;
    this.host.requestUpdate();
  };
}
