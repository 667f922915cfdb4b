import { msg } from '@lit/localize';
import { getByRole, queryAllByRole, queryByRole, textOf, waitFor } from './queries.js';
import { PendingRequestHarness } from './pending-request-harness.js';

/** Everything a test reads from, and does to, one `<optout-review-queue>`, by roles and names. */
export class OptOutReviewQueueHarness {
  constructor(readonly element: HTMLElement) {}

  /** Waits until the element shows its requests or a state message (empty, forbidden, error, no provider). */
  async loaded(timeoutMs = 5000): Promise<this> {
    await waitFor(() => this.list() ?? (this.message() || null), 'the opt-out requests or a message', timeoutMs);
    return this;
  }

  /** The title, with the number of requests waiting ("Opt-out requests (3)"). */
  title(): string {
    return textOf(queryAllByRole(this.element, 'heading')[0]);
  }

  /**
   * The state message shown instead of the list (empty, forbidden, error, no provider), or ''
   * while loading or when requests are shown. Alerts about a failed decision are `problem()`.
   */
  message(): string {
    if (this.list()) return '';
    const loading = msg('Loading opt-out requests…');
    // A status first: "nothing is waiting" stays the message when a failed decision's alert is beside it.
    const messages = [...queryAllByRole(this.element, 'status'), ...queryAllByRole(this.element, 'alert')]
      .map((el) => textOf(el))
      .filter((text) => text !== '' && text !== loading && text !== this.announcement());
    return messages[0] ?? '';
  }

  /** Whether the loading message is shown. */
  isLoading(): boolean {
    return queryAllByRole(this.element, 'status').some((el) => textOf(el) === msg('Loading opt-out requests…'));
  }

  /** Every alert shown: a decision that failed, and an error state's message. */
  problem(): string {
    return queryAllByRole(this.element, 'alert').map((el) => textOf(el)).join(' ');
  }

  /** The requests shown, soonest deadline first. */
  requests(): PendingRequestHarness[] {
    const list = this.list();
    return list ? queryAllByRole(list, 'listitem').map((li) => new PendingRequestHarness(this, li)) : [];
  }

  /** The request whose text (contact, message, channel) contains `text`. */
  request(text: string): PendingRequestHarness {
    const found = this.requests().find((r) => r.text().includes(text));
    if (!found) throw new Error(`No request shows "${text}"; the list shows: ${this.requests().map((r) => r.text()).join(' | ')}`);
    return found;
  }

  /** Clicks "Show more" and waits until more requests are shown. */
  async showMore(): Promise<void> {
    const before = this.requests().length;
    getByRole(this.element, 'button', { name: msg('Show more') }).click();
    await waitFor(() => this.requests().length > before, 'more requests');
  }

  /** Whether "Show more" is offered. */
  hasMore(): boolean {
    return queryByRole(this.element, 'button', { name: msg('Show more') }) !== null;
  }

  /** The open dialog with this name, or null. */
  dialog(name: string): HTMLElement | null {
    return queryByRole(this.element, 'dialog', { name });
  }

  /** What the element last announced after a decision (its live region is its last status). */
  announcement(): string {
    return textOf(queryAllByRole(this.element, 'status').at(-1));
  }

  private list(): HTMLElement | null {
    return queryAllByRole(this.element, 'list')[0] ?? null;
  }
}
