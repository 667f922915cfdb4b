import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { isAbortError, isOptOutApiError } from '../../client/errors.js';
import type { RequestOptions } from '../../client/optout-client.js';
import type { ContactDetail, Me } from '../../client/types.js';
import type { OrganizationData } from '../../context/context.js';
import type { OptOutContextController } from '../shared/optout-context-controller.js';
import { warningIcon } from '../shared/icons.js';

/** What every action dialog needs from the element that hosts it. */
export interface ActionDialogOptions {
  context: OptOutContextController;
  contactId: () => string;
  /** The contact as shown now (from the provider's cache). */
  detail: () => ContactDetail | undefined;
  organization: () => OrganizationData | undefined;
  /** Says the outcome in the element's live region. */
  announce: (text: string) => void;
  /** Whether the signed-in user's role allows the action (the server decides regardless). */
  allowed: () => boolean;
}

type Host = ReactiveControllerHost & HTMLElement;

function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * One `Idempotency-Key` per intended change: asking again for exactly the same change (Retry,
 * or reopening the dialog after a failure) sends the same key, so an answer lost on the way
 * never applies the change twice; a different change gets a new key.
 */
class IdempotencyKeys {
  private key = '';
  private fingerprint = '';

  for(args: readonly unknown[]): string {
    const fingerprint = JSON.stringify(args);
    if (!this.key || fingerprint !== this.fingerprint) {
      this.key = newKey();
      this.fingerprint = fingerprint;
    }
    return this.key;
  }

  /** The change was made: the next one is another change. */
  clear(): void {
    this.key = '';
    this.fingerprint = '';
  }
}

/**
 * The common part of the action dialogs: a native `<dialog>` opened with `showModal()`, one
 * request run as a `@lit/task` with an idempotency key kept across retries, and the error shown
 * in the dialog (which stays open, with what was typed) until it succeeds or is closed.
 */
export abstract class ActionDialog<A extends readonly unknown[], R> implements ReactiveController {
  /** The dialog element's id in the host's shadow root. */
  abstract readonly id: string;
  /** A problem found before sending (e.g. the name typed does not match). */
  protected problem = '';
  protected failure: unknown = undefined;
  private readonly keys = new IdempotencyKeys();
  protected readonly task: Task<A, R>;

  constructor(
    protected readonly host: Host,
    protected readonly options: ActionDialogOptions,
  ) {
    host.addController(this);
    this.task = new Task<A, R>(host, {
      autoRun: false,
      task: async (args, { signal }) => {
        this.failure = undefined;
        try {
          return await this.send(args, { signal, idempotencyKey: this.keys.for(args) });
        } catch (error) {
          const current = isOptOutApiError(error) && error.is('precondition-failed') ? error.problem?.current : undefined;
          // The contact changed meanwhile: show it as it is, and let the user decide again.
          if (current) this.options.context.cache?.putContact(current);
          if (!isAbortError(error)) this.failure = error;
          throw error;
        }
      },
      onComplete: (result) => {
        this.keys.clear();
        this.completed(result);
      },
    });
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.task.abort(new DOMException('contact-actions-menu was disconnected', 'AbortError'));
  }

  /**
   * Opens the dialog. What was typed before a failure is kept (so a retry asks for the same
   * change); otherwise the fields start empty. `preset` then fills in what the host passed.
   */
  open(preset?: () => void): void {
    if (this.failure === undefined && this.task.status !== TaskStatus.PENDING) this.reset();
    preset?.();
    this.problem = '';
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const dialog = this.dialog();
      if (dialog && !dialog.open) dialog.showModal();
    });
  }

  close(): void {
    this.dialog()?.close();
  }

  /**
   * Sends nothing and says why, then puts focus on the field to fix (`selector`, inside the
   * dialog): the alert is heard, and the keyboard is where the answer goes.
   */
  protected refuse(problem: string, selector: string): void {
    this.problem = problem;
    this.requestUpdate();
    void this.host.updateComplete.then(() => this.dialog()?.querySelector<HTMLElement>(selector)?.focus());
  }

  get isOpen(): boolean {
    return this.dialog()?.open ?? false;
  }

  /** Clears the fields for a new change. */
  protected abstract reset(): void;
  /** Fires the request event and, unless a listener prevented it, returns the task's arguments. */
  protected abstract send(args: A, options: RequestOptions & { signal: AbortSignal; idempotencyKey: string }): Promise<R>;
  /** After success: update the cache, announce, fire the result event, close. */
  protected abstract completed(result: R): void;

  /** Runs the change unless `request` (the cancelable request event) was prevented. */
  protected submit(args: A, request: Event): void {
    if (!this.host.dispatchEvent(request)) return;
    void this.task.run(args);
  }

  protected get busy(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  protected dialog(): HTMLDialogElement | null {
    return this.host.shadowRoot?.getElementById(this.id) as HTMLDialogElement | null;
  }

  protected requestUpdate(): void {
    this.host.requestUpdate();
  }

  /** The `<dialog>` around `body`, titled, with the problem and the buttons. */
  protected renderFrame(title: string, body: TemplateResult, confirm: { label: string; danger?: boolean; disabled?: boolean; noCancel?: boolean }): TemplateResult {
    const problem = this.problem || (this.failure !== undefined ? this.errorText(this.failure) : '');
    const retry = this.failure !== undefined && !this.problem;
    return html`<dialog id=${this.id} part="dialog" aria-labelledby="${this.id}-title" aria-describedby="${this.id}-lead" @close=${() => this.handleClosed()}>
      <form method="dialog" @submit=${(e: Event) => this.handleSubmit(e)} novalidate>
        <h3 id="${this.id}-title">${title}</h3>
        ${this.options.allowed()
          ? nothing
          : html`<p class="warning">${warningIcon}<span>${msg('Your role does not include this action; the server will refuse it.')}</span></p>`}
        ${body}
        ${problem ? html`<p class="problem" role="alert">${problem}</p>` : nothing}
        <div class="dialog-buttons">
          ${confirm.noCancel ? nothing : html`<button type="button" @click=${() => this.close()}>${msg('Cancel')}</button>`}
          <button type="submit" class=${confirm.danger ? 'danger' : 'primary'} ?disabled=${confirm.disabled === true} aria-disabled=${this.busy ? 'true' : nothing}>
            ${this.busy ? msg('Working…') : retry ? msg('Retry') : confirm.label}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  /** Reads the form and submits; implemented per action. */
  protected abstract confirm(): void;

  protected me(): Me | undefined {
    return this.options.context.me;
  }

  protected channelName(id: string): string {
    return this.options.organization()?.organization.channels.find((c) => c.id === id)?.name ?? id;
  }

  protected errorText(error: unknown): string {
    if (isOptOutApiError(error)) {
      if (error.is('forbidden')) return msg('The server refused: your role does not allow this action. Nothing was changed.');
      if (error.is('precondition-failed')) return msg('This contact changed while the dialog was open. The dialog now shows it as it is; review it and confirm again.');
      if (error.is('not-found')) return msg('This contact no longer exists: it was deleted or merged into another contact.');
      if (error.is('unauthenticated')) return msg('You are signed out. Sign in again, then retry.');
      if (error.is('validation')) return msg('The server did not accept what was entered. Check it and try again.');
      if (error.is('conflict')) return this.conflictText();
      if (error.status === 0) return msg('The server could not be reached. Check the connection, then retry: a retry cannot apply the change twice.');
    }
    return msg('The server did not confirm the change. Retry: a retry cannot apply it twice.');
  }

  protected conflictText(): string {
    return msg('This cannot be done as the contact is now.');
  }

  private handleSubmit(e: Event): void {
    e.preventDefault();
    if (this.busy) return;
    this.confirm();
  }

  private handleClosed(): void {
    this.problem = '';
    this.requestUpdate();
  }
}
