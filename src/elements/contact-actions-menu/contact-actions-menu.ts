import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { can, permissionsFor, type Permission } from '../../engine/permissions.js';
import { ROLES, type Role } from '../../engine/types.js';
import { isAbortError, isOptOutApiError } from '../../client/errors.js';
import type { ContactDetail } from '../../client/types.js';
import type { OrganizationData } from '../../context/context.js';
import { OptOutContextController } from '../shared/optout-context-controller.js';
import { MenuButtonController, type MenuItem } from '../shared/menu-button.js';
import { formatList } from '../shared/labels.js';
import type { ActionDialogOptions } from './action-dialog.js';
import { BlockDialog, UnblockDialog } from './block-dialogs.js';
import { DeleteDialog } from './delete-dialog.js';
import { MergeDialog } from './merge-dialog.js';
import { SequenceDialog } from './sequence-dialog.js';
import { UnsubscribeDialog, type UnsubscribeOptions } from './unsubscribe-dialog.js';
import { styles } from './contact-actions-menu.styles.js';
import { getLocale } from '../../localization/localization.js';

/** The menu's actions, in menu order. */
export type ContactAction = 'unsubscribe' | 'block' | 'unblock' | 'merge' | 'delete' | 'add-to-sequence';

const PERMISSION: Readonly<Record<ContactAction, Permission>> = {
  unsubscribe: 'contact:unsubscribe',
  block: 'contact:block',
  unblock: 'contact:unblock',
  merge: 'contact:merge',
  delete: 'contact:delete',
  'add-to-sequence': 'contact:add-to-sequence',
};

const PEOPLE: readonly Role[] = ROLES.filter((role) => role !== 'integration');

function roleLabel(role: Role): string {
  switch (role) {
    case 'admin':
      return msg('admins');
    case 'manager':
      return msg('managers');
    case 'agent':
      return msg('agents');
    default:
      return role;
  }
}

/**
 * The contact actions menu: **Unsubscribe contact**, **Block contact** or **Unblock contact**
 * (whichever applies), **Merge**, **Delete** and **Add to sequence**, as a WAI-ARIA menu button.
 * Each action opens a confirmation dialog that says exactly what will happen, fires a cancelable
 * `optout-<action>-request` event, then calls the backend and fires `optout-<action>` with the
 * result; every element of the same provider showing the contact updates at once. On failure the
 * dialog stays open with the error and a Retry that cannot apply the change twice.
 *
 * An action the user's role does not include is disabled with the reason (or hidden, with
 * `hide-unavailable`); the backend refuses it regardless (403), and the dialog says so.
 * Each action is also a method (`unsubscribe()`, `block()`, …) that opens its dialog, for a host's
 * own buttons. Place it inside an `<optout-provider>`.
 *
 * @summary Unsubscribe, block, unblock, merge, delete or add a contact to a sequence.
 * @tag contact-actions-menu
 *
 * @fires {OptOutUnsubscribeRequestEvent} optout-unsubscribe-request - Before unsubscribing; cancelable.
 * @fires {OptOutUnsubscribeEvent} optout-unsubscribe - The contact was unsubscribed.
 * @fires {OptOutBlockRequestEvent} optout-block-request - Before blocking; cancelable.
 * @fires {OptOutBlockEvent} optout-block - The contact was blocked.
 * @fires {OptOutUnblockRequestEvent} optout-unblock-request - Before unblocking; cancelable.
 * @fires {OptOutUnblockEvent} optout-unblock - The contact was unblocked.
 * @fires {OptOutMergeRequestEvent} optout-merge-request - Before merging another contact into this one; cancelable.
 * @fires {OptOutMergeEvent} optout-merge - Another contact was merged into this one.
 * @fires {OptOutDeleteRequestEvent} optout-delete-request - Before deleting; cancelable.
 * @fires {OptOutDeleteEvent} optout-delete - The contact was deleted (its destinations' opt-outs are kept).
 * @fires {OptOutAddToSequenceRequestEvent} optout-add-to-sequence-request - Before enrolling in a sequence; cancelable.
 * @fires {OptOutAddToSequenceEvent} optout-add-to-sequence - The contact was enrolled, with a warning per step that cannot message them.
 *
 * @csspart base - The whole element.
 * @csspart button - The menu button.
 * @csspart menu - The menu.
 * @csspart menu-item - One item of the menu.
 * @csspart dialog - Each confirmation dialog.
 * @csspart message - A state message (no provider, an error loading the contact).
 *
 * @cssproperty --optout-font - Base font (default 14 px system font).
 * @cssproperty --optout-radius - Corner radius (default 6 px).
 * @cssproperty --optout-color-text - Text colour.
 * @cssproperty --optout-color-muted - Secondary text colour.
 * @cssproperty --optout-color-border - Borders and rules.
 * @cssproperty --optout-color-surface - Background of the menu and dialogs.
 * @cssproperty --optout-color-subtle - Background of the focused item and notes.
 * @cssproperty --optout-color-accent - Primary buttons, focus rings.
 * @cssproperty --optout-color-cannot-message - Destructive buttons and errors.
 * @cssproperty --optout-color-warning - Warnings.
 *
 * @cssstate blocked - The contact is blocked.
 */
@localized()
export class ContactActionsMenu extends LitElement {
  static override styles = styles;

  private readonly context = new OptOutContextController(this, {
    onCacheChange: ({ contactId }) => {
      if (contactId === null || contactId === this.contactId) this.requestUpdate();
    },
  });

  private readonly menu = new MenuButtonController(this, { onSelect: (value) => this.openAction(value as ContactAction) });

  private readonly contactTask = new Task(this, {
    task: async ([cache, contactId]: readonly [OptOutContextController['cache'], string, number], { signal }) => {
      if (!cache || !contactId) return initialState;
      return { contactId, detail: await cache.getContact(contactId, { signal }) };
    },
    args: () => [this.context.cache, this.contactId, this.context.cache?.versionOf(this.contactId) ?? 0] as const,
  });

  private readonly dialogOptions = (action: ContactAction): ActionDialogOptions => ({
    context: this.context,
    contactId: () => this.contactId,
    detail: () => this.detail,
    organization: () => this.organizationData,
    announce: (text) => (this.announcement = text),
    allowed: () => this.allows(action),
  });

  private readonly unsubscribeDialog = new UnsubscribeDialog(this, this.dialogOptions('unsubscribe'));
  private readonly blockDialog = new BlockDialog(this, this.dialogOptions('block'));
  private readonly unblockDialog = new UnblockDialog(this, this.dialogOptions('unblock'));
  private readonly mergeDialog = new MergeDialog(this, this.dialogOptions('merge'));
  private readonly deleteDialog = new DeleteDialog(this, this.dialogOptions('delete'));
  private readonly sequenceDialog = new SequenceDialog(this, this.dialogOptions('add-to-sequence'));

  /** The id of the contact the actions apply to. */
  @property({ attribute: 'contact-id', reflect: true }) contactId = '';

  /** Hides the actions the user's role does not include, instead of showing them disabled with the reason. */
  @property({ type: Boolean, attribute: 'hide-unavailable' }) hideUnavailable = false;

  @state() private announcement = '';

  private readonly internals = this.attachInternals();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.contactTask.abort(new DOMException('contact-actions-menu was disconnected', 'AbortError'));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.contactTask.status === TaskStatus.ERROR && isAbortError(this.contactTask.error)) void this.contactTask.run();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('contactId')) this.announcement = '';
    try {
      if (this.detail?.contact.blocked) this.internals.states.add('blocked');
      else this.internals.states.delete('blocked');
    } catch {
      // Browsers without bare custom state names: a styling nicety only.
    }
  }

  /** Opens the "Unsubscribe contact" dialog, optionally with chosen channels and a note filled in. */
  unsubscribe(options: UnsubscribeOptions = {}): void {
    this.unsubscribeDialog.open(() => this.unsubscribeDialog.preset(options));
  }

  /** Opens the "Block contact" dialog, optionally with the reason filled in. */
  block(reason?: string): void {
    this.blockDialog.open(() => this.blockDialog.preset(reason));
  }

  /** Opens the "Unblock contact" dialog. */
  unblock(): void {
    this.unblockDialog.open();
  }

  /** Opens the "Merge" dialog, optionally with the contact to merge into this one already chosen. */
  merge(sourceContactId?: string): void {
    this.mergeDialog.open(() => this.mergeDialog.preset(sourceContactId));
  }

  /** Opens the "Delete" dialog. */
  delete(): void {
    this.deleteDialog.open();
  }

  /** Opens the "Add to sequence" dialog, optionally with a sequence chosen. */
  addToSequence(sequenceId?: string): void {
    this.sequenceDialog.open(() => this.sequenceDialog.preset(sequenceId));
  }

  protected override render() {
    return html`<div part="base" class="base" lang=${getLocale()}>
      ${this.renderBody()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }

  private renderBody(): TemplateResult {
    if (!this.context.hasProvider) {
      return this.renderMessage(msg('Contact actions are not available: this element must be placed inside an <optout-provider> element, which connects it to the backend.'));
    }
    const error = this.contactTask.status === TaskStatus.ERROR ? this.contactTask.error : undefined;
    if (error !== undefined && !isAbortError(error) && !this.detail) return this.renderMessage(this.loadErrorText(error));
    const ready = this.detail !== undefined && this.organizationData !== undefined && this.context.me !== undefined;
    return html`${ready ? this.menu.renderButton(msg('Contact actions')) : this.renderLoadingButton()} ${ready ? this.menu.renderMenu(this.items()) : nothing}
      ${ready ? this.renderDialogs() : nothing}`;
  }

  private renderDialogs() {
    return html`${this.unsubscribeDialog.render()} ${this.blockDialog.render()} ${this.unblockDialog.render()} ${this.mergeDialog.render()}
    ${this.deleteDialog.render()} ${this.sequenceDialog.render()}`;
  }

  private renderLoadingButton() {
    return html`<button type="button" part="button" class="menu-button" disabled aria-describedby="loading">${msg('Contact actions')}</button>
      <span id="loading" class="visually-hidden">${msg('Loading…')}</span>`;
  }

  private renderMessage(text: string): TemplateResult {
    return html`<p part="message" class="message" role="alert">${text}</p>`;
  }

  private items(): MenuItem[] {
    const blocked = Boolean(this.detail?.contact.blocked);
    const all: { value: ContactAction; label: string }[] = [
      { value: 'unsubscribe', label: msg('Unsubscribe contact') },
      blocked ? { value: 'unblock', label: msg('Unblock contact') } : { value: 'block', label: msg('Block contact') },
      { value: 'merge', label: msg('Merge') },
      { value: 'delete', label: msg('Delete') },
      { value: 'add-to-sequence', label: msg('Add to sequence') },
    ];
    return all.flatMap(({ value, label }) => {
      if (this.allows(value)) return [{ value, label }];
      return this.hideUnavailable ? [] : [{ value, label, disabledReason: this.unavailableReason(value) }];
    });
  }

  /** Whether the signed-in user's role includes the action, as the engine grants it. */
  private allows(action: ContactAction): boolean {
    const me = this.context.me;
    if (!me) return false;
    const permission = PERMISSION[action];
    // A role this version of the engine does not know: trust what the server listed for it.
    return (ROLES as readonly string[]).includes(me.role) ? can(me.role as Role, permission) : (me.permissions as readonly string[]).includes(permission);
  }

  private unavailableReason(action: ContactAction): string {
    const permission = PERMISSION[action];
    const roles = formatList(PEOPLE.filter((role) => permissionsFor(role).has(permission)).map(roleLabel));
    return roles ? msg(str`Your role does not allow this. Allowed for: ${roles}.`) : msg('Your role does not allow this.');
  }

  private openAction(action: ContactAction): void {
    const open: Record<ContactAction, () => void> = {
      unsubscribe: () => this.unsubscribe(),
      block: () => this.block(),
      unblock: () => this.unblock(),
      merge: () => this.merge(),
      delete: () => this.delete(),
      'add-to-sequence': () => this.addToSequence(),
    };
    open[action]();
  }

  private loadErrorText(error: unknown): string {
    if (isOptOutApiError(error)) {
      if (error.is('not-found')) {
        const id = this.contactId;
        return msg(str`No contact with the id “${id}”. It may have been deleted or merged into another contact.`);
      }
      if (error.is('forbidden')) return msg("You don't have permission to view this contact.");
      if (error.is('unauthenticated')) return msg('You are signed out. Sign in again to use the contact actions.');
    }
    return msg('The contact could not be loaded, so its actions are not available.');
  }

  private get detail(): ContactDetail | undefined {
    const value = this.contactTask.value;
    return value && value.contactId === this.contactId ? value.detail : this.context.cache?.peekContact(this.contactId);
  }

  private get organizationData(): OrganizationData | undefined {
    const organization = this.context.organization;
    return organization?.status === 'ready' ? organization.value : undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'contact-actions-menu': ContactActionsMenu;
  }
}
