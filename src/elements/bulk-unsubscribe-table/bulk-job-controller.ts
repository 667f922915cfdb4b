// The bulk unsubscribe of <bulk-unsubscribe-table> from the moment the user chooses "Unsubscribe":
// the review dialog (channels, the server's preview, type-to-confirm), the job it starts on exactly
// the reviewed audience (`previewId`), its progress, cancel, result and undo, and reattaching to a
// job still running after a reload. The counting rule is the engine's (bulkUnsubscribeEffect),
// applied by the backend; this only shows what the backend counted.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { CHANNEL_TYPES, type ChannelType } from '../../engine/types.js';
import { isAbortError, isOptOutApiError } from '../../client/errors.js';
import { isTerminalBulkJobStatus, waitForBulkJob } from '../../client/optout-client.js';
import type { BulkJob, BulkPreview, BulkTarget, BulkTargetSelection, Organization } from '../../client/types.js';
import type { OptOutContextController } from '../shared/optout-context-controller.js';
import { byCount, channelTypeLabel, formatList } from '../shared/labels.js';
import { formatDateTime } from '../shared/format.js';
import { warningIcon } from '../shared/icons.js';
import { moveFocusAfterChange } from '../shared/focus.js';
import { OptOutBulkUnsubscribeEvent, OptOutBulkUnsubscribeRequestEvent } from './bulk-unsubscribe-table.events.js';
import { forgetJobId, keepJobId, keptJobId } from './job-store.js';
import { formatCount } from './format-count.js';

/** Above this many contacts the user types the count to confirm. */
export const TYPE_TO_CONFIRM_ABOVE = 1000;

export interface BulkJobOptions {
  context: OptOutContextController;
  /** Tells screen-reader users what happened. */
  announce(text: string): void;
  /** Called once the job started (the selection it was made from is done with). */
  started(job: BulkJob): void;
  /** Called when the job stopped moving or was undone, so the rows show what is true now. */
  settled(job: BulkJob): void;
  /** Called when a running job processed more contacts, so the rows shown can update. */
  progressed(job: BulkJob): void;
  /** How long between polls of a running job, in ms. */
  pollMs?: number;
  /** Whose jobs a reload reattaches to (the signed-in user's id), once the session is known. */
  scope(): string | undefined;
  /** Where focus goes once the job's result is closed (the "Bulk actions" button). */
  focusAfterClose(): HTMLElement | null;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

interface Progress {
  job: BulkJob;
  /** When this page first saw the job, and how far it was then: the estimate's base. */
  seenAt: number;
  seenProcessed: number;
}

export class BulkJobController implements ReactiveController {
  /** What the dialog reviews: frozen when the dialog opens, whatever the table does meanwhile. */
  private target: BulkTargetSelection | undefined;
  private selectedCount = 0;
  private allChannels = true;
  private types: ReadonlySet<ChannelType> = new Set(CHANNEL_TYPES);
  private locations: ReadonlySet<string> = new Set();
  private typed = '';
  private problem = '';
  private progress: Progress | undefined;
  private poll: AbortController | undefined;

  private readonly previewTask: Task<readonly [BulkTarget], BulkPreview>;
  private readonly startTask: Task<readonly [BulkTarget, BulkPreview], BulkJob>;
  private readonly actionTask: Task<readonly ['cancel' | 'undo', string], BulkJob>;

  constructor(
    private readonly host: Host,
    private readonly options: BulkJobOptions,
  ) {
    host.addController(this);
    this.previewTask = new Task(host, {
      autoRun: false,
      task: ([body], { signal }) => this.options.context.client!.createBulkUnsubscribePreview(body, { signal }),
    });
    this.startTask = new Task(host, {
      autoRun: false,
      task: async ([, preview], { signal }) => {
        const job = await this.options.context.client!.startBulkUnsubscribeJob(preview.id, { signal });
        const scope = this.options.scope();
        if (scope) await keepJobId(scope, job.id);
        return job;
      },
      onComplete: (job) => {
        this.dialog?.close();
        this.options.announce(msg(str`Bulk unsubscribe started for ${formatCount(job.total)} contacts.`));
        this.options.started(job);
        this.follow(job);
      },
    });
    this.actionTask = new Task(host, {
      autoRun: false,
      task: ([action, jobId], { signal }) =>
        action === 'cancel' ? this.options.context.client!.cancelBulkUnsubscribeJob(jobId, { signal }) : this.options.context.client!.undoBulkUnsubscribeJob(jobId, { signal }),
      onComplete: (job) => this.follow(job),
    });
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    // The job runs on the server whatever this page does; only watching it stops (a reload reattaches).
    this.poll?.abort(new DOMException('bulk-unsubscribe-table was disconnected', 'AbortError'));
    this.poll = undefined;
    const reason = new DOMException('bulk-unsubscribe-table was disconnected', 'AbortError');
    if (this.previewTask.status === TaskStatus.PENDING) this.previewTask.abort(reason);
  }

  /** Whether a job is queued, running or undoing (no second one is offered meanwhile). */
  get busy(): boolean {
    const job = this.progress?.job;
    return this.startTask.status === TaskStatus.PENDING || (job !== undefined && !isTerminalBulkJobStatus(job.status));
  }

  /** Reattaches to the job kept for `scope` (the signed-in user), if any: a reload during a job. */
  async reattach(scope: string, signal: AbortSignal): Promise<void> {
    const jobId = await keptJobId(scope);
    const client = this.options.context.client;
    if (!jobId || !client || signal.aborted) return;
    try {
      const job = await client.getBulkUnsubscribeJob(jobId, { signal });
      const undoable = job.undoExpiresAt !== null && Date.parse(job.undoExpiresAt) > Date.now();
      if (isTerminalBulkJobStatus(job.status) && !undoable) {
        await forgetJobId(scope);
        return;
      }
      this.follow(job);
    } catch (error) {
      if (isAbortError(error)) return;
      // A job the backend no longer knows (or may not show): nothing to reattach to.
      if (isOptOutApiError(error) && (error.is('not-found') || error.is('forbidden'))) await forgetJobId(scope);
    }
  }

  /** Opens the review for `target`, which the dialog keeps until it closes. */
  open(target: BulkTargetSelection, count: number, organization: Organization): void {
    this.target = target;
    this.selectedCount = count;
    this.allChannels = true;
    this.types = new Set(CHANNEL_TYPES.filter((t) => organization.channels.some((c) => c.type === t)));
    this.locations = new Set(organization.locations.map((l) => l.id));
    this.typed = '';
    this.problem = '';
    this.previewTask.abort(new DOMException('A new review was opened', 'AbortError'));
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      this.dialog?.showModal();
      void this.review(organization);
    });
  }

  renderProgress(organization: Organization) {
    const progress = this.progress;
    if (!progress) return nothing;
    const { job } = progress;
    const running = !isTerminalBulkJobStatus(job.status);
    const undoing = job.status === 'undoing';
    // An undo counts contacts restored out of those the job changed (see BulkJobStatus).
    const of = undoing ? job.changed : job.total;
    const busyAction = this.actionTask.status === TaskStatus.PENDING;
    const actionFailed = this.actionTask.status === TaskStatus.ERROR && !isAbortError(this.actionTask.error);
    const undoable = job.undoExpiresAt !== null && Date.parse(job.undoExpiresAt) > Date.now();
    const processed = formatCount(job.processed);
    const total = formatCount(of);
    return html`<section part="job" class="job" role="group" aria-labelledby="job-title">
      <h3 id="job-title">${this.jobTitle(job)}</h3>
      ${running
        ? html`<label class="progress-label" for="job-progress">${undoing ? msg(str`${processed} of ${total} contacts restored`) : msg(str`${processed} of ${total} contacts processed`)}</label>
            <progress id="job-progress" max=${Math.max(of, 1)} .value=${job.processed}></progress>
            <p class="muted">${this.estimate(progress, of)}</p>
            ${undoing ? nothing : html`<button type="button" aria-disabled=${busyAction ? 'true' : nothing} @click=${(e: Event) => this.act('cancel', job.id, e)}>${msg('Cancel')}</button>`}`
        : html`<dl class="result">
              <div><dt>${msg('Unsubscribed')}</dt><dd>${formatCount(job.changed)}</dd></div>
              <div><dt>${msg('Skipped (already unsubscribed, unreachable or deleted)')}</dt><dd>${formatCount(job.skipped)}</dd></div>
              ${job.status === 'failed' || job.status === 'cancelled'
                ? html`<div><dt>${msg('Not processed')}</dt><dd>${formatCount(Math.max(0, job.total - job.processed))}</dd></div>`
                : nothing}
            </dl>
            ${job.status === 'failed'
              ? html`<div class="failures" role="alert">
                  <p>${warningIcon} ${msg('The job stopped before the end. What it unsubscribed stays unsubscribed; review the audience again to finish.')}</p>
                  ${job.failureReason ? html`<ul><li translate="no">${job.failureReason}</li></ul>` : nothing}
                </div>`
              : nothing}
            <div class="dialog-buttons">
              ${undoable && job.status !== 'undone' && job.changed > 0
                ? html`<button type="button" aria-disabled=${busyAction ? 'true' : nothing} @click=${(e: Event) => this.act('undo', job.id, e)}>${msg('Undo')}</button>
                    <span class="muted">${msg(str`Undo is possible until ${formatDateTime(job.undoExpiresAt ?? '')}.`)}</span>`
                : nothing}
              <button type="button" @click=${(e: Event) => void this.dismiss(e.currentTarget as Element)}>${msg('Close')}</button>
            </div>`}
      ${actionFailed ? html`<p class="problem" role="alert">${this.errorText(this.actionTask.error)}</p>` : nothing}
      ${organization.channels.length > 0 ? html`<p class="muted">${msg(str`Channels: ${this.channelNames(job.channelIds, organization)}`)}</p>` : nothing}
    </section>`;
  }

  renderDialog(organization: Organization) {
    return html`<dialog id="review-dialog" part="dialog" aria-labelledby="review-title" @close=${this.handleClosed}>
      <form method="dialog" @submit=${(e: Event) => this.handleSubmit(e, organization)}>
        <h3 id="review-title">${msg('Review the selected audience')}</h3>
        <p class="tip" role="note">${warningIcon} ${msg('Use bulk unsubscribe carefully because it can affect many contacts at once.')}</p>
        ${this.renderChannelChoice(organization)} ${this.renderPreview(organization)}
        ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
        <div class="dialog-buttons">
          <button type="button" @click=${() => this.dialog?.close()}>${msg('Cancel')}</button>
          ${this.renderConfirmButton()}
        </div>
      </form>
    </dialog>`;
  }

  private renderChannelChoice(organization: Organization) {
    const types = CHANNEL_TYPES.filter((t) => organization.channels.some((c) => c.type === t));
    return html`<fieldset class="choice">
      <legend>${msg('Unsubscribe from')}</legend>
      <label><input type="radio" name="scope" .checked=${this.allChannels} @change=${() => this.choose(organization, true)} /> ${msg('All channels')}</label>
      <label><input type="radio" name="scope" .checked=${!this.allChannels} @change=${() => this.choose(organization, false)} /> ${msg('Chosen channel types and locations')}</label>
      ${this.allChannels
        ? nothing
        : html`<fieldset class="choice-group">
              <legend>${msg('Channel types')}</legend>
              ${types.map(
                (t) => html`<label><input type="checkbox" .checked=${this.types.has(t)} @change=${(e: Event) => this.toggleType(organization, t, e)} /> ${channelTypeLabel(t)}</label>`,
              )}
            </fieldset>
            <fieldset class="choice-group">
              <legend>${msg('Locations')}</legend>
              ${organization.locations.map(
                (l) => html`<label><input type="checkbox" .checked=${this.locations.has(l.id)} @change=${(e: Event) => this.toggleLocation(organization, l.id, e)} /> <span translate="no">${l.name}</span></label>`,
              )}
            </fieldset>`}
    </fieldset>`;
  }

  private renderPreview(organization: Organization) {
    return this.previewTask.render({
      initial: () => nothing,
      pending: () => html`<p class="muted" role="status">${msg('Counting the selected audience…')}</p>`,
      error: (error) => (isAbortError(error) ? nothing : html`<p class="problem" role="alert">${msg('The audience could not be counted.')} ${this.errorText(error)}</p>`),
      complete: (preview) => {
        const total = formatCount(preview.total);
        const willChange = formatCount(preview.willChange);
        const locationName = (id: string) => organization.locations.find((l) => l.id === id)?.name ?? id;
        const changed = preview.total !== this.selectedCount;
        return html`<div class="preview" role="group" aria-labelledby="preview-count">
          <p class="count" id="preview-count">
            ${msg(str`${willChange} of ${total} selected contacts will be unsubscribed`)}
          </p>
          ${changed
            ? html`<p class="warning" role="note">${warningIcon} ${msg(str`The list changed since it was selected: the server counts ${total} contacts now, and exactly these are the ones unsubscribed.`)}</p>`
            : nothing}
          <dl class="unaffected">
            <div><dt>${msg('Already unsubscribed (unchanged)')}</dt><dd>${formatCount(preview.alreadyUnsubscribed)}</dd></div>
            <div><dt>${msg('Unreachable: no valid destination (skipped)')}</dt><dd>${formatCount(preview.unreachable)}</dd></div>
            <div><dt>${msg('Blocked (unsubscribed too)')}</dt><dd>${formatCount(preview.blockedCount)}</dd></div>
          </dl>
          <div class="breakdown">
            <table>
              <caption>${msg('By location')}</caption>
              <thead><tr><th scope="col">${msg('Location')}</th><th scope="col">${msg('Contacts')}</th></tr></thead>
              <tbody>
                ${preview.breakdown.byLocation.map((row) => html`<tr><th scope="row" translate="no">${locationName(row.locationId)}</th><td>${formatCount(row.count)}</td></tr>`)}
              </tbody>
            </table>
            <table>
              <caption>${msg('Will change, by channel type')}</caption>
              <thead><tr><th scope="col">${msg('Channel type')}</th><th scope="col">${msg('Contacts')}</th></tr></thead>
              <tbody>
                ${preview.breakdown.byChannelType.map((row) => html`<tr><th scope="row">${channelTypeLabel(row.channelType)}</th><td>${formatCount(row.count)}</td></tr>`)}
              </tbody>
            </table>
          </div>
          <p>${msg(str`Channels that will change: ${this.channelNames(preview.channelIds, organization)}`)}</p>
          ${preview.sample.length > 0
            ? html`<p id="sample-label">${msg('Some of the selected contacts:')}</p>
                <ul class="sample" aria-labelledby="sample-label">
                  ${preview.sample.map((c) => html`<li translate="no">${c.name}</li>`)}
                </ul>`
            : nothing}
          ${preview.total > TYPE_TO_CONFIRM_ABOVE
            ? html`<label class="confirm-label" for="confirm-count">${msg(str`Type ${preview.total} to confirm`)}</label>
                <input id="confirm-count" inputmode="numeric" autocomplete="off" .value=${this.typed} @input=${this.handleTyped} />`
            : nothing}
        </div>`;
      },
    });
  }

  private renderConfirmButton() {
    const preview = this.previewTask.status === TaskStatus.COMPLETE ? this.previewTask.value : undefined;
    const starting = this.startTask.status === TaskStatus.PENDING;
    const count = preview ? formatCount(preview.total) : '';
    const label = preview
      ? byCount(
          preview.total,
          () => msg(str`Unsubscribe ${count} contact`),
          () => msg(str`Unsubscribe ${count} contacts`),
        )
      : msg('Unsubscribe');
    return html`<button type="submit" class="danger" ?disabled=${!preview || preview.total === 0} aria-disabled=${starting ? 'true' : nothing}>${label}</button>`;
  }

  private jobTitle(job: BulkJob): string {
    switch (job.status) {
      case 'queued':
      case 'running':
        return msg('Bulk unsubscribe in progress');
      case 'undoing':
        return msg('Undoing the bulk unsubscribe');
      case 'completed':
        return msg('Bulk unsubscribe finished');
      case 'cancelled':
        return msg('Bulk unsubscribe cancelled');
      case 'failed':
        return msg('Bulk unsubscribe failed');
      case 'undone':
        return msg('Bulk unsubscribe undone: every contact it changed is subscribed again');
    }
  }

  private estimate(progress: Progress, of: number): string {
    const done = progress.job.processed - progress.seenProcessed;
    const elapsed = (Date.now() - progress.seenAt) / 1000;
    if (done <= 0 || elapsed <= 0) return msg('Estimating the time left…');
    const seconds = Math.max(1, Math.round(((of - progress.job.processed) * elapsed) / done));
    return byCount(
      seconds,
      () => msg(str`About ${seconds} second left`),
      () => msg(str`About ${seconds} seconds left`),
    );
  }

  private channelNames(ids: readonly string[], organization: Organization): string {
    if (ids.length === organization.channels.length) return msg('every channel');
    return formatList(ids.map((id) => organization.channels.find((c) => c.id === id)?.name ?? id));
  }

  private errorText(error: unknown): string {
    if (isOptOutApiError(error)) {
      if (error.is('preview-expired')) return msg('The review expired: review the audience again.');
      if (error.is('forbidden')) return msg('You are not allowed to bulk unsubscribe.');
      if (error.is('undo-window-closed')) return msg('The undo window has closed: the opt-outs stay in place.');
      if (error.is('conflict')) return msg('The job changed meanwhile; its current state is shown.');
      if (error.status === 0) return msg('The server could not be reached. Check the connection and try again.');
    }
    return msg('Something went wrong on the server. Nothing was changed; try again.');
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('#review-dialog');
  }

  private channelIds(organization: Organization): string[] | undefined {
    if (this.allChannels) return undefined;
    return organization.channels.filter((c) => this.types.has(c.type) && this.locations.has(c.locationId)).map((c) => c.id);
  }

  private body(organization: Organization): BulkTarget | undefined {
    if (!this.target) return undefined;
    const channelIds = this.channelIds(organization);
    return channelIds ? { target: this.target, channelIds } : { target: this.target };
  }

  /** Counts the audience on the server for the channels chosen now. */
  private review(organization: Organization): Promise<void> | void {
    const body = this.body(organization);
    this.typed = '';
    if (!body) return;
    if (body.channelIds?.length === 0) {
      this.previewTask.abort(new DOMException('No channel chosen', 'AbortError'));
      this.problem = msg('Choose at least one channel type and one location that have channels.');
      this.host.requestUpdate();
      return;
    }
    this.problem = '';
    return this.previewTask.run([body]);
  }

  private choose(organization: Organization, all: boolean) {
    this.allChannels = all;
    void this.review(organization);
  }

  private toggleType(organization: Organization, type: ChannelType, e: Event) {
    const next = new Set(this.types);
    if ((e.target as HTMLInputElement).checked) next.add(type);
    else next.delete(type);
    this.types = next;
    void this.review(organization);
  }

  private toggleLocation(organization: Organization, id: string, e: Event) {
    const next = new Set(this.locations);
    if ((e.target as HTMLInputElement).checked) next.add(id);
    else next.delete(id);
    this.locations = next;
    void this.review(organization);
  }

  private readonly handleTyped = (e: Event) => {
    this.typed = (e.target as HTMLInputElement).value;
    this.problem = '';
    this.host.requestUpdate();
  };

  private handleSubmit(e: Event, organization: Organization) {
    e.preventDefault();
    const preview = this.previewTask.status === TaskStatus.COMPLETE ? this.previewTask.value : undefined;
    const body = this.body(organization);
    // Once started, pressing again (or Enter in the count field) starts nothing more.
    if (!preview || !body || this.startTask.status === TaskStatus.PENDING) return;
    if (preview.total > TYPE_TO_CONFIRM_ABOVE && this.typed.replace(/[\s,.\u00a0\u202f]/g, '') !== String(preview.total)) {
      this.problem = msg(str`Type ${preview.total} exactly to confirm: nothing is unsubscribed until you do.`);
      this.host.requestUpdate();
      this.host.renderRoot.querySelector<HTMLInputElement>('#confirm-count')?.focus();
      return;
    }
    if (!this.host.dispatchEvent(new OptOutBulkUnsubscribeRequestEvent(body, preview.total, preview.id))) return;
    void this.startTask.run([body, preview]);
  }

  private readonly handleClosed = () => {
    this.problem = '';
    this.typed = '';
    if (this.previewTask.status === TaskStatus.PENDING) this.previewTask.abort(new DOMException('The review was closed', 'AbortError'));
    this.host.requestUpdate();
  };

  /**
   * Cancels or undoes the job. The view that follows has no such button any more: focus goes to
   * the job's title, which says what the job is doing now.
   */
  private async act(action: 'cancel' | 'undo', jobId: string, event: Event) {
    if (this.actionTask.status === TaskStatus.PENDING) return;
    const button = event.currentTarget as Element;
    await this.actionTask.run([action, jobId]);
    if (this.actionTask.status === TaskStatus.COMPLETE) {
      void moveFocusAfterChange(this.host, () => this.host.renderRoot.querySelector<HTMLElement>('#job-title'), button);
    }
  }

  private async dismiss(button: Element) {
    this.progress = undefined;
    this.host.requestUpdate();
    // The result, and its Close, are gone: focus goes back to where a bulk action starts.
    void moveFocusAfterChange(this.host, () => this.options.focusAfterClose(), button);
    const scope = this.options.scope();
    if (scope) await forgetJobId(scope);
  }

  /** Shows `job` and polls it until it stops moving. */
  private follow(job: BulkJob) {
    const sameJob = this.progress?.job.id === job.id && this.progress.job.status === job.status;
    this.progress = sameJob && this.progress ? { ...this.progress, job } : { job, seenAt: Date.now(), seenProcessed: job.processed };
    this.host.requestUpdate();
    this.poll?.abort(new DOMException('Following another state of the job', 'AbortError'));
    if (isTerminalBulkJobStatus(job.status)) {
      this.finished(job);
      return;
    }
    const poll = (this.poll = new AbortController());
    waitForBulkJob(this.options.context.client!, job.id, {
      signal: poll.signal,
      intervalMs: this.options.pollMs ?? 250,
      onProgress: (next) => {
        if (poll.signal.aborted || !this.progress) return;
        const restarted = next.status !== this.progress.job.status && next.status === 'undoing';
        if (next.processed !== this.progress.job.processed && !isTerminalBulkJobStatus(next.status)) this.options.progressed(next);
        this.progress = restarted ? { job: next, seenAt: Date.now(), seenProcessed: next.processed } : { ...this.progress, job: next };
        this.host.requestUpdate();
      },
    }).then(
      (last) => {
        if (!poll.signal.aborted) this.finished(last);
      },
      (error: unknown) => {
        if (isAbortError(error)) return;
        this.options.announce(msg('The progress of the bulk unsubscribe could not be read; it goes on on the server.'));
      },
    );
  }

  private finished(job: BulkJob) {
    const changed = formatCount(job.changed);
    if (job.status === 'completed') this.options.announce(msg(str`Bulk unsubscribe finished: ${changed} contacts unsubscribed.`));
    else if (job.status === 'cancelled') this.options.announce(msg(str`Bulk unsubscribe cancelled after ${changed} contacts were unsubscribed.`));
    else if (job.status === 'failed') this.options.announce(msg('Bulk unsubscribe failed before the end.'));
    else if (job.status === 'undone') this.options.announce(msg('Bulk unsubscribe undone.'));
    this.options.settled(job);
    this.host.dispatchEvent(new OptOutBulkUnsubscribeEvent(job));
  }
}
