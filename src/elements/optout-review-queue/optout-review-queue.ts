import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { isAbortError, isOptOutApiError } from '../../client/errors.js';
import type { ContactCache } from '../../context/context.js';
import type { OptOutClient } from '../../client/optout-client.js';
import type { ReviewItem, ReviewPage } from '../../client/types.js';
import { OptOutContextController } from '../shared/optout-context-controller.js';
import { ReviewDecisionsController } from '../shared/review-decisions.js';
import { moveFocusAfterChange } from '../shared/focus.js';
import { formatDestination } from '../shared/format.js';
import { styles } from './optout-review-queue.styles.js';
import { getLocale } from '../../localization/localization.js';

interface Loaded {
  page: ReviewPage;
  /** The name of each request's contact, when it still exists. */
  names: ReadonlyMap<string, string>;
}

/** The contacts' names, read through the provider's cache (shared with every element showing them). */
async function namesOf(cache: ContactCache | undefined, items: readonly ReviewItem[], signal: AbortSignal): Promise<Map<string, string>> {
  const ids = [...new Set(items.map((r) => r.contactId).filter((id): id is string => id !== null))];
  const names = new Map<string, string>();
  if (!cache) return names;
  await Promise.all(
    ids.map(async (id) => {
      try {
        names.set(id, (await cache.getContact(id, { signal })).contact.name);
      } catch (error) {
        // A contact since deleted or merged away: its request is shown by the sender's address.
        if (isAbortError(error)) throw error;
      }
    }),
  );
  return names;
}

/**
 * "Opt-out requests": the organization's pending plain-language opt-out requests ("please stop
 * texting me"), soonest deadline first, for the managers and admins who decide them. Each shows
 * who wrote what, when and on which channel, the deadline (in the time zone of the channel's
 * location), and what applying it would stop; Unsubscribe applies it, Dismiss keeps the contact
 * subscribed with a reason. A request still pending at its deadline is applied by the backend.
 *
 * Place it inside an `<optout-provider>`. Agents, whose role is one contact at a time, see a
 * contact's own requests in `contact-preferences` instead; here they are told so.
 *
 * @summary The organization's queue of opt-out requests waiting for a decision.
 * @tag optout-review-queue
 *
 * @fires {OptOutReviewApplyRequestEvent} optout-review-apply-request - Before applying a request; cancelable.
 * @fires {OptOutReviewApplyEvent} optout-review-apply - A request was applied (the contact unsubscribed).
 * @fires {OptOutReviewDismissRequestEvent} optout-review-dismiss-request - Before dismissing a request; cancelable.
 * @fires {OptOutReviewDismissEvent} optout-review-dismiss - A request was dismissed.
 *
 * @csspart base - The whole element.
 * @csspart header - The title row.
 * @csspart list - The list of requests.
 * @csspart quote - A message quoted from a contact.
 * @csspart dialog - The dismiss dialog.
 * @csspart message - A state message (loading, empty, forbidden, error, no provider).
 *
 * @cssproperty --optout-font - Base font (default 14 px system font).
 * @cssproperty --optout-radius - Corner radius (default 6 px).
 * @cssproperty --optout-color-text - Text colour.
 * @cssproperty --optout-color-muted - Secondary text colour.
 * @cssproperty --optout-color-border - Borders and rules.
 * @cssproperty --optout-color-surface - Background of the element and its dialogs.
 * @cssproperty --optout-color-subtle - Background of notes.
 * @cssproperty --optout-color-accent - Links, primary buttons, focus rings.
 * @cssproperty --optout-color-cannot-message - The Unsubscribe button.
 * @cssproperty --optout-color-warning - Deadlines.
 */
@localized()
export class OptOutReviewQueue extends LitElement {
  static override styles = styles;

  /**
   * Where a contact's page is in the host app; `{id}` is replaced by the contact's id. Without
   * it, contacts are named but not linked.
   */
  @property({ attribute: 'contact-href' }) contactHref = '';

  /** How many requests each page loads. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private older: ReviewItem[] = [];
  @state() private olderNames: ReadonlyMap<string, string> = new Map();
  @state() private cursor: string | null = null;
  @state() private announcement = '';
  /** Bumped when a request on the list may have changed (a decision here or elsewhere, a revalidation). */
  @state() private revision = 0;

  private readonly context = new OptOutContextController(this, {
    onCacheChange: ({ contactId }) => {
      if (contactId === null || this.shownContactIds().has(contactId)) this.revision++;
    },
  });

  private readonly reviews = new ReviewDecisionsController(this, {
    context: this.context,
    announce: (text) => (this.announcement = text),
    errorText: (error) => this.errorText(error),
    changed: () => this.revision++,
    // The decided request leaves the list: focus goes to its title, which counts what is left.
    focusAfter: () => this.renderRoot.querySelector<HTMLElement>('#title'),
  });

  private readonly listTask = new Task(this, {
    task: async ([client, cache, limit]: readonly [OptOutClient | undefined, ContactCache | undefined, number, number], { signal }) => {
      if (!client) return initialState;
      const page = await client.listReviews({ status: 'pending', limit }, { signal });
      return { page, names: await namesOf(cache, page.items, signal) } satisfies Loaded;
    },
    args: () => [this.context.client, this.context.cache, this.pageSize, this.revision] as const,
    onComplete: ({ page }) => {
      // The list starts over: a next page asked for from the old one would add to it twice or skip.
      if (this.moreTask.status === TaskStatus.PENDING) this.moreTask.abort(new DOMException('The list was reloaded', 'AbortError'));
      this.older = [];
      this.olderNames = new Map();
      this.cursor = page.nextCursor;
    },
  });

  private readonly moreTask = new Task(this, {
    autoRun: false,
    task: async ([cursor]: readonly [string], { signal }) => {
      const page = await this.context.client!.listReviews({ status: 'pending', cursor, limit: this.pageSize }, { signal });
      const names = await namesOf(this.context.cache, page.items, signal);
      if (signal.aborted) return page;
      this.older = [...this.older, ...page.items];
      this.olderNames = new Map([...this.olderNames, ...names]);
      this.cursor = page.nextCursor;
      return page;
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    const reason = new DOMException('optout-review-queue was disconnected', 'AbortError');
    this.listTask.abort(reason);
    this.moreTask.abort(reason);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a disconnect aborted the load: load again.
    if (this.hasUpdated && this.listTask.status === TaskStatus.ERROR && isAbortError(this.listTask.error)) void this.listTask.run();
  }

  protected override render() {
    const total = this.listTask.value?.page.total;
    return html`<section part="base" class="base" lang=${getLocale()} role="group" aria-labelledby="title">
      <header part="header" class="header">
        <h2 id="title">${total === undefined ? msg('Opt-out requests') : msg(str`Opt-out requests (${total})`)}</h2>
      </header>
      ${this.renderBody()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </section>`;
  }

  private renderBody() {
    if (!this.context.hasProvider) {
      return this.renderMessage(msg('Opt-out requests cannot be shown: this element must be placed inside an <optout-provider> element, which connects it to the backend.'), 'alert');
    }
    const { session, organization } = this.context;
    const setupError = session?.status === 'error' ? session.error : organization?.status === 'error' ? organization.error : undefined;
    if (setupError !== undefined && !isAbortError(setupError)) return this.renderProblem(setupError);
    return this.listTask.render({
      initial: () => this.renderLoading(),
      pending: () => (this.listTask.value ? this.renderList(this.listTask.value) : this.renderLoading()),
      complete: (loaded) => this.renderList(loaded),
      error: (error) => (isAbortError(error) ? this.renderLoading() : this.renderProblem(error)),
    });
  }

  private renderList({ page, names }: Loaded) {
    const organization = this.context.organization;
    if (organization?.status !== 'ready') return this.renderLoading();
    const items = [...page.items, ...this.older];
    // A decision that failed is still said when the list it emptied is gone (decided elsewhere).
    if (items.length === 0) return html`${this.reviews.renderFailure()}${this.renderMessage(msg('No opt-out requests are waiting for a decision.'))}`;
    const allNames = new Map([...names, ...this.olderNames]);
    const me = this.context.me;
    const loadingMore = this.moreTask.status === TaskStatus.PENDING;
    const moreFailed = this.moreTask.status === TaskStatus.ERROR && !isAbortError(this.moreTask.error);
    return html`<p class="muted">${msg('Soonest deadline first. A request must be honoured within 10 business days: one still pending at its deadline is applied automatically.')}</p>
      <ul part="list" class="request-list" aria-labelledby="title">
        ${items.map((review) => this.reviews.renderRequest(review, organization.value.organization, me, this.renderWho(review, allNames)))}
      </ul>
      ${this.reviews.renderFailure()}
      ${moreFailed ? html`<p class="problem" role="alert">${msg('More requests could not be loaded.')}</p>` : nothing}
      ${this.cursor
        ? html`<button type="button" class="more" aria-disabled=${loadingMore ? 'true' : nothing} @click=${this.handleShowMore}>${loadingMore ? msg('Loading…') : msg('Show more')}</button>`
        : nothing}
      ${this.reviews.renderDismissDialog((review) => (review.contactId ? allNames.get(review.contactId) : undefined))}`;
  }

  /** The contact, linked to its page when the host says where that is, or the sender's address. */
  private renderWho(review: ReviewItem, names: ReadonlyMap<string, string>): TemplateResult {
    const name = review.contactId ? names.get(review.contactId) : undefined;
    const address = formatDestination(review.destination);
    if (!name || !review.contactId) {
      return html`<span class="who"><span translate="no">${address}</span> <span class="muted">${msg('(no contact has this address)')}</span></span>`;
    }
    const href = this.contactHref ? this.contactHref.replaceAll('{id}', encodeURIComponent(review.contactId)) : '';
    return html`<span class="who">
      ${href ? html`<a href=${href} translate="no">${name}</a>` : html`<span translate="no">${name}</span>`}
      <span class="muted" translate="no">${address}</span>
    </span>`;
  }

  private renderLoading() {
    return this.renderMessage(msg('Loading opt-out requests…'));
  }

  private renderProblem(error: unknown) {
    if (isOptOutApiError(error)) {
      if (error.is('forbidden')) {
        return this.renderMessage(msg("Only managers and admins decide the organization's opt-out requests. A contact's own requests are shown in its communication preferences."), 'alert');
      }
      if (error.is('unauthenticated')) return this.renderMessage(msg('You are signed out. Sign in again to see opt-out requests.'), 'alert', () => this.retry());
    }
    return this.renderMessage(`${msg('Opt-out requests could not be loaded.')} ${this.errorText(error)}`, 'alert', () => this.retry());
  }

  private renderMessage(text: string, role: 'status' | 'alert' = 'status', retry?: () => void): TemplateResult {
    return html`<div part="message" class="message">
      <p role=${role}>${text}</p>
      ${retry ? html`<button type="button" @click=${retry}>${msg('Retry')}</button>` : nothing}
    </div>`;
  }

  private errorText(error: unknown): string {
    if (isOptOutApiError(error)) {
      if (error.is('forbidden')) return msg('You are not allowed to do this.');
      if (error.status === 0) return msg('The server could not be reached. Check the connection and try again.');
    }
    return msg('Something went wrong on the server. Nothing was changed; try again.');
  }

  private shownContactIds(): Set<string> {
    const items = [...(this.listTask.value?.page.items ?? []), ...this.older];
    return new Set(items.map((r) => r.contactId).filter((id): id is string => id !== null));
  }

  private retry() {
    const { session, organization } = this.context;
    if (session && session.status !== 'ready') session.retry();
    if (organization && organization.status !== 'ready') organization.retry();
    void this.listTask.run();
  }

  /**
   * Loads the next page. The button stays focusable while it loads (a disabled one would drop focus
   * to the page), and focus then moves to the first request it brought.
   */
  private async handleShowMore(event: Event) {
    // currentTarget is only set while the event is dispatched.
    const button = event.currentTarget as Element;
    if (!this.cursor || this.moreTask.status === TaskStatus.PENDING) return;
    const requests = () => this.renderRoot.querySelectorAll<HTMLElement>('.request-list > li');
    const shown = requests().length;
    await this.moreTask.run([this.cursor]);
    if (this.moreTask.status === TaskStatus.COMPLETE) void moveFocusAfterChange(this, () => requests()[shown], button);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optout-review-queue': OptOutReviewQueue;
  }
}
