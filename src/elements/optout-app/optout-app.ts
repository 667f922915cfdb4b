import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { Task } from '@lit/task';
import type { OptOutClient } from '../../client/optout-client.js';
import { setLocale, getLocale } from '../../localization/localization.js';
import { OptOutProvider } from '../optout-provider/optout-provider.js';
import type { OptOutContactLoadedEvent } from '../contact-preferences/contact-preferences.events.js';
import type { OptOutDeleteEvent, OptOutMergeEvent } from '../contact-actions-menu/contact-actions-menu.events.js';
import { defineElement } from '../shared/define-element.js';
import { OptOutAppNav } from './app-nav.js';
import { loadPage } from './app-pages.js';
import { AppRouter, type AppRoute } from './app-router.js';
import { OptOutAppNavigateEvent } from './optout-app.events.js';
import { styles } from './optout-app.styles.js';

/**
 * The opt-out area of a CRM as one element, in the seed's navigation: Contacts → All contacts
 * (`bulk-unsubscribe-table`; a row opens the contact), a contact's page (`contact-preferences`
 * with the `contact-actions-menu`), Opt-out requests (`optout-review-queue`, shown to managers and
 * admins) and Settings → Messaging (`optout-settings`, read-only for non-admins), each at a URL
 * under `base-path`:
 *
 * - `{base}/contacts`, `{base}/contacts/{id}`, `{base}/requests`, `{base}/settings/messaging`;
 *   `{base}` itself is replaced by `{base}/contacts`.
 *
 * Deep links, back and forward and reload work. It pushes URLs under its base path only, and takes
 * over only clicks on its own links under it; it re-reads `location` on `popstate`, so a host that
 * changes the URL calls `history.pushState()` then dispatches a `popstate` event (single-spa's
 * `navigateToUrl`). Each page's elements are loaded when the page is first shown (the contact page
 * does not download the bulk table). Focus moves to the new page's heading after a navigation
 * (not on first load). It never sets `document.title`: it fires `optout-app-navigate` with the
 * page's title instead. It contains its own `optout-provider`.
 *
 * Mount it with the lifecycles of `optout-elements/app` (`mount({ domElement, basePath })`) or as a
 * tag.
 *
 * @summary The whole opt-out area, for hosts that mount it as a microfrontend.
 * @tag optout-app
 *
 * @fires {OptOutAppNavigateEvent} optout-app-navigate - Another page is shown or its title changed: `path` and `title`, for the host's document title.
 *
 * @csspart base - The layout: navigation and page.
 * @csspart nav - The navigation.
 * @csspart page - The page: its heading and content.
 * @csspart heading - The page's heading.
 * @csspart message - Loading, a page that failed to load (with Retry), a page that does not exist.
 *
 * @cssproperty --optout-font - Base font (default 14 px system font).
 * @cssproperty --optout-radius - Corner radius (default 6 px).
 * @cssproperty --optout-color-text - Text colour.
 * @cssproperty --optout-color-muted - Secondary text colour.
 * @cssproperty --optout-color-border - Borders and rules.
 * @cssproperty --optout-color-surface - Background.
 * @cssproperty --optout-color-subtle - Background of messages.
 * @cssproperty --optout-color-accent - Links, the current page's link, focus rings.
 * @cssproperty --optout-app-nav-width - Width of the navigation beside the page (default 200 px; above the page below 640 px).
 */
@localized()
export class OptOutApp extends LitElement {
  static override styles = styles;

  private readonly router = new AppRouter(this, {
    basePath: () => this.basePath,
    navigated: () => {
      this.focusHeading = true;
    },
  });

  private readonly pageTask = new Task(this, {
    task: ([page]: readonly [AppRoute['page']]) => loadPage(page),
    args: () => [this.router.route.page] as const,
  });

  @query('h1') private heading?: HTMLHeadingElement;

  /** The path the app owns (`/crm`); its links and history entries stay under it. */
  @property({ attribute: 'base-path', reflect: true }) basePath = '/';

  /** Where the API is mounted, for the built-in HTTP client. Ignored when `client` is set. */
  @property({ attribute: 'api-base', reflect: true }) apiBase = '/api';

  /** A bearer token for the built-in HTTP client. */
  @property({ attribute: false }) token?: string;

  /** The host's own `OptOutClient`, instead of `api-base` and `token`. */
  @property({ attribute: false }) client?: OptOutClient;

  /** `en` or `fr-CA`; sets the locale of every optout element on the page. Unset, the page's locale stays as it is. */
  @property({ attribute: 'locale', reflect: true }) locale?: string;

  /** The name of the contact shown, once its preferences have loaded. */
  @state() private contactName?: { readonly id: string; readonly name: string };

  private focusHeading = false;
  private announced = '';

  constructor() {
    super();
    // On the element itself: a click on a link anywhere inside (through the shadow roots of the
    // elements it shows) reaches it, and nothing outside it does.
    this.addEventListener('click', (event) => this.router.handleClick(event));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    defineElement('optout-provider', OptOutProvider);
    defineElement('optout-app-nav', OptOutAppNav);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') && this.locale) void setLocale(this.locale);
  }

  protected override updated(): void {
    if (this.focusHeading && this.heading) {
      this.focusHeading = false;
      this.heading.focus();
    }
    const path = location.pathname;
    if (!this.router.owns(path)) return;
    const title = this.pageTitle(this.router.route);
    const key = `${path}\n${title}`;
    if (key !== this.announced) {
      this.announced = key;
      this.dispatchEvent(new OptOutAppNavigateEvent(path, title));
    }
  }

  /**
   * Fetches what the app shows again (the organization, the session and every contact it has
   * cached), keeping it on screen meanwhile: for a host that knows the data changed behind the
   * app's back, e.g. a reply its messaging integration just received. The app already does this
   * when the page becomes visible again.
   */
  revalidate(): void {
    this.renderRoot.querySelector<OptOutProvider>('optout-provider')?.revalidate();
  }

  /** Shows the page at `path` (under `base-path`), as a click on a link to it would; returns whether it did. */
  navigate(path: string): boolean {
    return this.router.navigate(path);
  }

  protected override render() {
    const route = this.router.route;
    const base = this.router.base;
    return html`<optout-provider .apiBase=${this.apiBase} .token=${this.token} .client=${this.client}>
      <div part="base" class="base" lang=${getLocale()}>
        <optout-app-nav
          part="nav"
          .current=${route.page}
          .links=${{ contacts: `${base}/contacts`, requests: `${base}/requests`, settings: `${base}/settings/messaging` }}
        ></optout-app-nav>
        <section part="page" class="page" aria-labelledby="page-title">${this.renderPage(route)}</section>
      </div>
    </optout-provider>`;
  }

  private renderPage(route: AppRoute) {
    const title = this.pageTitle(route);
    // All contacts and Opt-out requests: the element's own heading says the same words, so the
    // page's is for assistive technology (and focus) only, instead of showing the title twice.
    const repeated = route.page === 'contacts' || route.page === 'requests';
    const heading = html`<h1
      id="page-title"
      part="heading"
      class=${repeated ? 'visually-hidden' : nothing}
      tabindex="-1"
      translate=${route.page === 'contact' && this.contactName ? 'no' : nothing}
    >
      ${title}
    </h1>`;
    if (route.page === 'not-found') {
      return html`${heading}
        <div part="message" class="message" role="alert">
          <p>${msg('There is no such page in the opt-out area.')}</p>
          <a href=${this.router.href({ page: 'contacts' })}>${msg('Go to All contacts')}</a>
        </div>`;
    }
    const back = route.page === 'contact' ? html`<a class="back" href=${this.router.href({ page: 'contacts' })}>${msg('Back to All contacts')}</a>` : nothing;
    return html`${back}${heading}
      ${this.pageTask.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        complete: () => this.renderContent(route),
        error: () => html`<div part="message" class="message" role="alert">
          <p>${msg('This page could not be loaded. Check the connection, then try again.')}</p>
          <button type="button" @click=${() => void this.pageTask.run()}>${msg('Retry')}</button>
        </div>`,
      })}`;
  }

  private renderLoading() {
    return html`<div part="message" class="message" role="status"><p>${msg('Loading…')}</p></div>`;
  }

  private renderContent(route: AppRoute) {
    const contactHref = `${this.router.base}/contacts/{id}`;
    switch (route.page) {
      case 'contacts':
        return html`<bulk-unsubscribe-table contact-href=${contactHref}></bulk-unsubscribe-table>`;
      case 'contact':
        return html`<contact-preferences
          contact-id=${route.contactId}
          settings-href=${this.router.href({ page: 'settings' })}
          @optout-contact-loaded=${this.handleContactLoaded}
        >
          <contact-actions-menu
            slot="actions"
            contact-id=${route.contactId}
            @optout-delete=${this.handleDelete}
            @optout-merge=${this.handleMerge}
          ></contact-actions-menu>
        </contact-preferences>`;
      case 'settings':
        return html`<optout-settings></optout-settings>`;
      case 'requests':
        return html`<optout-review-queue contact-href=${contactHref}></optout-review-queue>`;
      case 'not-found':
        return nothing;
    }
  }

  private pageTitle(route: AppRoute): string {
    switch (route.page) {
      case 'contacts':
        return msg('All contacts');
      case 'contact':
        return this.contactName?.id === route.contactId ? this.contactName.name : msg('Contact');
      case 'settings':
        return msg('Messaging');
      case 'requests':
        return msg('Opt-out requests');
      case 'not-found':
        return msg('Page not found');
    }
  }

  private readonly handleContactLoaded = (event: OptOutContactLoadedEvent) => {
    const { id, name } = event.contact.contact;
    if (this.contactName?.id !== id || this.contactName.name !== name) this.contactName = { id, name };
  };

  private readonly handleDelete = (event: OptOutDeleteEvent) => {
    const route = this.router.route;
    // The deleted contact's page would only say it is gone; no history entry leads back to it.
    if (route.page === 'contact' && route.contactId === event.contactId) this.router.navigate(this.router.href({ page: 'contacts' }), { replace: true });
  };

  private readonly handleMerge = (event: OptOutMergeEvent) => {
    const route = this.router.route;
    const survivor = event.contact.contact.id;
    if (route.page === 'contact' && route.contactId !== survivor) this.router.navigate(this.router.href({ page: 'contact', contactId: survivor }), { replace: true });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'optout-app': OptOutApp;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optout-app': OptOutApp;
  }
}
