// Deciding pending plain-language opt-out requests ("please stop texting me"): one request as a
// list item with its deadline and what applying it stops, the Unsubscribe and Dismiss buttons, the
// dismiss dialog, and the requests they send. <contact-preferences> shows a contact's requests with
// it and <optout-review-queue> the organization's, so both decide the same way.
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { TEXT_LIMITS } from '../../engine/limits.js';
import { isAbortError, isOptOutApiError } from '../../client/errors.js';
import type { Me, Organization, ReviewItem } from '../../client/types.js';
import type { OptOutContextController } from './optout-context-controller.js';
import { formatList, lengthLimitLabel } from './labels.js';
import { formatDate } from './format.js';
import { warningIcon } from './icons.js';
import { moveFocusAfterChange } from './focus.js';
import { OptOutReviewApplyEvent, OptOutReviewApplyRequestEvent, OptOutReviewDismissEvent, OptOutReviewDismissRequestEvent } from './review.events.js';

export type ReviewDecision = 'apply' | 'dismiss';

export interface ReviewDecisionsOptions {
  /** The provider's client, cache and session, as the element sees them. */
  context: OptOutContextController;
  /** Tells screen-reader users what was done. */
  announce(text: string): void;
  /** The words for a failed request that is not about reviews in particular. */
  errorText(error: unknown): string;
  /** After a decision was made, or found already made by someone else (the list is stale). */
  changed?(review: ReviewItem): void;
  /** Where focus goes when the decided request leaves the list with the button that decided it. */
  focusAfter?(): HTMLElement | null;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** The buttons, dialog and requests that apply or dismiss pending opt-out requests. */
export class ReviewDecisionsController implements ReactiveController {
  private readonly task: Task<readonly [ReviewItem, ReviewDecision, string], { decided: ReviewItem; decision: ReviewDecision }>;
  /** The request the dismiss dialog is about. */
  private toDismiss?: ReviewItem;
  private dismissProblem = '';

  constructor(
    private readonly host: Host,
    private readonly options: ReviewDecisionsOptions,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      autoRun: false,
      task: async ([review, decision, note], { signal }) => {
        const { context } = options;
        const client = context.client!;
        try {
          const decided = decision === 'apply' ? await client.applyReview(review.id, undefined, { signal }) : await client.dismissReview(review.id, note, { signal });
          return { decided, decision };
        } finally {
          // Applied, dismissed, or decided meanwhile by someone else: the contact shows what is true now.
          if (review.contactId) context.cache?.invalidateContact(review.contactId);
        }
      },
      onComplete: ({ decided, decision }) => {
        if (decision === 'apply') {
          const names = formatList(decided.affectedChannelIds.map((id) => this.channelName(id)));
          options.announce(msg(str`Request applied: unsubscribed from ${names}.`));
          host.dispatchEvent(new OptOutReviewApplyEvent(decided));
        } else {
          this.dialog?.close();
          options.announce(msg('Request dismissed: nothing was unsubscribed.'));
          host.dispatchEvent(new OptOutReviewDismissEvent(decided));
        }
        options.changed?.(decided);
        // The request leaves the list, and the button that decided it with it.
        if (options.focusAfter) void moveFocusAfterChange(host, options.focusAfter);
      },
      onError: (error) => {
        // Decided meanwhile by someone else: the list that offered it is stale.
        if (isOptOutApiError(error) && error.is('conflict') && this.lastReview) options.changed?.(this.lastReview);
      },
    });
  }

  /** The request of the decision under way or last made. */
  private lastReview?: ReviewItem;

  hostConnected(): void {}

  /** Whether a decision is on its way. */
  get busy(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /**
   * One pending request as a list item: what the person wrote, when and where, the deadline in
   * the location's time zone, what applying it stops, and the buttons for those who may decide.
   * `heading` comes first, e.g. the contact's name in the organization's queue.
   */
  renderRequest(review: ReviewItem, organization: Organization, me: Me | undefined, heading?: TemplateResult): TemplateResult {
    const mayDecide = me?.permissions.includes('review:decide') ?? false;
    const channel = organization.channels.find((c) => c.id === review.channelId);
    const timeZone = review.timeZone;
    const received = formatDate(review.receivedAt, timeZone);
    const deadline = formatDate(review.dueAt, timeZone);
    const via = channel?.name ?? review.channelId;
    const affected = formatList(review.affectedChannelIds.map((id) => this.channelName(id, organization)));
    const busy = this.busy;
    return html`<li class="request">
      ${heading ?? nothing}
      <q class="quote" part="quote" id="request-${review.id}" translate="no">${review.body}</q>
      <span class="muted">${msg(str`Received ${received} on ${via}`)}</span>
      <span class="deadline">${warningIcon} ${msg(str`Decide by ${deadline}`)}</span>
      <span class="muted">${msg(str`Unsubscribing would stop messages on: ${affected}`)}</span>
      ${mayDecide
        ? html`<span class="request-actions">
            <button type="button" class="danger" aria-disabled=${busy ? 'true' : nothing} aria-describedby="request-${review.id}" @click=${() => this.apply(review)}>${msg('Unsubscribe')}</button>
            <button type="button" aria-disabled=${busy ? 'true' : nothing} aria-describedby="request-${review.id}" @click=${() => this.openDismiss(review)}>${msg('Dismiss')}</button>
          </span>`
        : html`<span class="muted">${msg('A manager or admin decides on this request.')}</span>`}
    </li>`;
  }

  /** Why the last Unsubscribe failed, if it did (a failed dismissal shows in its dialog). */
  renderFailure(): TemplateResult | typeof nothing {
    if (this.task.status !== TaskStatus.ERROR || isAbortError(this.task.error) || this.toDismiss !== undefined) return nothing;
    return html`<p class="problem" role="alert">${this.errorText(this.task.error)}</p>`;
  }

  /** The dismiss dialog; `nameOf` names the contact when the list shows several contacts' requests. */
  renderDismissDialog(nameOf?: (review: ReviewItem) => string | undefined): TemplateResult {
    const review = this.toDismiss;
    const name = review ? nameOf?.(review) : undefined;
    const failed = this.task.status === TaskStatus.ERROR && !isAbortError(this.task.error);
    const problem = this.dismissProblem || (failed && review ? this.errorText(this.task.error) : '');
    return html`<dialog id="dismiss-dialog" part="dialog" aria-labelledby="dismiss-title" aria-describedby="dismiss-lead" @close=${this.handleClosed}>
      <form @submit=${this.handleSubmit} novalidate>
        <h3 id="dismiss-title">${msg('Dismiss request')}</h3>
        <p id="dismiss-lead">
          ${name
            ? msg(str`Dismissing keeps ${name} subscribed. Say why this message is not a request to stop:`)
            : msg('Dismissing keeps the contact subscribed. Say why this message is not a request to stop:')}
          ${review ? html`<q class="quote" translate="no">${review.body}</q>` : nothing}
        </p>
        <label for="dismiss-note" class="field-label">${msg('Reason')}</label>
        <textarea id="dismiss-note" rows="2" maxlength=${TEXT_LIMITS.note} aria-describedby="dismiss-note-limit" aria-invalid=${this.dismissProblem ? 'true' : 'false'}></textarea>
        <p id="dismiss-note-limit" class="hint">${lengthLimitLabel(TEXT_LIMITS.note)}</p>
        ${problem ? html`<p class="problem" role="alert">${problem}</p>` : nothing}
        <div class="dialog-buttons">
          <button type="button" @click=${() => this.dialog?.close()}>${msg('Cancel')}</button>
          <button type="submit" class="primary" aria-disabled=${this.busy ? 'true' : nothing}>${msg('Dismiss request')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private errorText(error: unknown): string {
    if (isOptOutApiError(error) && error.is('conflict')) return msg('Someone already decided this request. The list now shows it as it is.');
    return this.options.errorText(error);
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('#dismiss-dialog');
  }

  private get noteField(): HTMLTextAreaElement | null {
    return this.host.renderRoot.querySelector<HTMLTextAreaElement>('#dismiss-note');
  }

  private channelName(id: string, organization?: Organization): string {
    const org = organization ?? (this.options.context.organization?.status === 'ready' ? this.options.context.organization.value.organization : undefined);
    return org?.channels.find((c) => c.id === id)?.name ?? id;
  }

  private apply(review: ReviewItem) {
    if (this.busy || !this.host.dispatchEvent(new OptOutReviewApplyRequestEvent(review))) return;
    this.toDismiss = undefined;
    this.lastReview = review;
    void this.task.run([review, 'apply', '']);
  }

  private openDismiss(review: ReviewItem) {
    if (this.busy) return;
    this.toDismiss = review;
    this.dismissProblem = '';
    const note = this.noteField;
    if (note) note.value = '';
    this.host.requestUpdate();
    this.dialog?.showModal();
  }

  private readonly handleSubmit = (e: Event) => {
    e.preventDefault();
    const review = this.toDismiss;
    if (!review || this.busy) return;
    const note = this.noteField?.value ?? '';
    if (!note.trim()) {
      this.dismissProblem = msg('Say why this message is not a request to stop.');
      this.host.requestUpdate();
      // Focus on the field to fill in, as the other dialogs do.
      this.noteField?.focus();
      return;
    }
    this.dismissProblem = '';
    this.host.requestUpdate();
    if (!this.host.dispatchEvent(new OptOutReviewDismissRequestEvent(review, note))) return;
    this.lastReview = review;
    void this.task.run([review, 'dismiss', note]);
  };

  private readonly handleClosed = () => {
    this.dismissProblem = '';
    if (!this.busy) this.toDismiss = undefined;
    this.host.requestUpdate();
  };
}
