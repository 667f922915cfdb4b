import { msg } from '@lit/localize';
import { getByRole, nameOf, queryAllByRole, queryByRole, textOf, waitFor } from './queries.js';
import { BulkUnsubscribeTableHarness } from './bulk-unsubscribe-table-harness.js';
import { ContactPreferencesHarness } from './contact-preferences-harness.js';
import { ContactActionsMenuHarness } from './contact-actions-menu-harness.js';
import { OptOutReviewQueueHarness } from './optout-review-queue-harness.js';
import { OptOutSettingsHarness } from './optout-settings-harness.js';

/** The element whose shadow root holds `el` (an element's own landmark or control). */
function hostOf(el: Element): HTMLElement {
  const root = el.getRootNode();
  if (!(root instanceof ShadowRoot)) throw new Error('Expected an element inside a shadow root');
  return root.host as HTMLElement;
}

/**
 * Everything a test reads from, and does to, one `<optout-app>`, by roles and names: its
 * navigation, the page's heading, and a harness for the element each page shows.
 */
export class OptOutAppHarness {
  constructor(readonly element: HTMLElement) {}

  /** The app's navigation landmark. */
  nav(): HTMLElement {
    return getByRole(this.element, 'navigation', { name: msg('Opt-outs') });
  }

  /** The navigation's links, in order. */
  navLinks(): string[] {
    return queryAllByRole(this.nav(), 'link').map((a) => nameOf(a));
  }

  /** The navigation link marked current (`aria-current`), or ''. */
  currentNavLink(): string {
    const current = queryAllByRole(this.nav(), 'link').find((a) => a.hasAttribute('aria-current'));
    return current ? nameOf(current) : '';
  }

  /** The page's heading (level 1). */
  heading(): HTMLElement {
    const headings = queryAllByRole(this.element, 'heading').filter((h) => h.localName === 'h1' || h.getAttribute('aria-level') === '1');
    if (headings.length !== 1) throw new Error(`Expected one page heading, found ${headings.length}`);
    return headings[0]!;
  }

  /** The page's title as its heading says it. */
  title(): string {
    return textOf(this.heading());
  }

  /** Whether the page's heading has the focus. */
  headingFocused(): boolean {
    const heading = this.heading();
    return (heading.getRootNode() as ShadowRoot).activeElement === heading;
  }

  /** The app's own message on the page (loading, not found, failed to load), or ''. */
  message(): string {
    const own = [...queryAllByRole(this.page(), 'alert'), ...queryAllByRole(this.page(), 'status')].filter((el) => hostOf(el) === this.element);
    return textOf(own[0]);
  }

  /** Clicks Retry on a page whose elements failed to load. */
  async retry(): Promise<void> {
    const button = await waitFor(() => queryAllByRole(this.page(), 'button', { name: msg('Retry') }).find((b) => hostOf(b) === this.element), 'Retry');
    button.click();
  }

  /** Whether the page's elements are still loading. */
  isLoading(): boolean {
    return queryAllByRole(this.page(), 'status').some((el) => hostOf(el) === this.element && textOf(el) === msg('Loading…'));
  }

  /** Waits until the page's elements have loaded (or failed to), with `title` as the heading when given. */
  async loaded(title?: string | RegExp, timeoutMs = 5000): Promise<this> {
    await waitFor(
      () => {
        if (this.isLoading()) return false;
        if (title === undefined) return true;
        const text = this.title();
        return typeof title === 'string' ? text === title : title.test(text);
      },
      `the page loaded${title ? ` with the heading ${String(title)}` : ''}`,
      timeoutMs,
    );
    return this;
  }

  /** Clicks the link named `name` anywhere in the app (navigation, a table row, a back link), once it is shown. */
  async clickLink(name: string | RegExp): Promise<void> {
    const link = await waitFor(() => queryAllByRole(this.element, 'link', { name })[0], `a link named ${String(name)}`);
    link.click();
  }

  /** Clicks the link named `name` and waits for the page it opens. */
  async follow(name: string | RegExp, title?: string | RegExp): Promise<this> {
    await this.clickLink(name);
    return this.loaded(title);
  }

  /** The link named `name`'s URL, as the app rendered it. */
  hrefOf(name: string | RegExp): string {
    return getByRole(this.element, 'link', { name }).getAttribute('href') ?? '';
  }

  /** Every link's URL in the app, through every element it shows. */
  hrefs(): string[] {
    return queryAllByRole(this.element, 'link').map((a) => (a as HTMLAnchorElement).href);
  }

  /** All contacts' table, once shown. */
  async contacts(): Promise<BulkUnsubscribeTableHarness> {
    const el = await waitFor(() => queryByRole(this.element, 'article', { name: msg('All contacts') }), 'All contacts');
    return new BulkUnsubscribeTableHarness(hostOf(el)).loaded();
  }

  /** The contact page's communication preferences, once loaded. */
  async preferences(): Promise<ContactPreferencesHarness> {
    const el = await waitFor(() => queryByRole(this.element, 'article', { name: msg('Communication preferences') }), 'the communication preferences');
    return new ContactPreferencesHarness(hostOf(el)).loaded();
  }

  /** The contact page's actions menu. */
  async actions(): Promise<ContactActionsMenuHarness> {
    const button = await waitFor(() => queryByRole(this.element, 'button', { name: msg('Contact actions') }), 'the contact actions menu');
    return new ContactActionsMenuHarness(hostOf(button));
  }

  /** The Opt-out requests page's queue. */
  async requests(): Promise<OptOutReviewQueueHarness> {
    const el = await waitFor(() => queryAllByRole(this.element, 'heading').find((h) => textOf(h).startsWith(msg('Opt-out requests')) && hostOf(h) !== this.element), 'the opt-out requests');
    return new OptOutReviewQueueHarness(hostOf(el)).loaded();
  }

  /** Settings > Messaging's opt-out preferences. */
  async settings(): Promise<OptOutSettingsHarness> {
    const el = await waitFor(() => queryAllByRole(this.element, 'heading', { name: msg('Opt-out preferences') }).find((h) => hostOf(h) !== this.element), 'the opt-out preferences');
    return new OptOutSettingsHarness(hostOf(el)).loaded();
  }

  private page(): HTMLElement {
    return getByRole(this.element, 'region', { name: this.title() });
  }
}
