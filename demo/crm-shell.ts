// The host: a small CRM's frame (header, main sidebar, content) around the opt-out
// microfrontend, as a host team would build it. It owns only its own navigation; the app owns
// everything under its base path and re-reads the URL on popstate (s17 interface).
import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { can, type Role } from '../src/engine/index.js';

/** Who the header shows as signed in. */
export interface ShellUser {
  name: string;
  role: Role;
}

/** Fired when the reader picks another language; the page passes it to the app and the panel. */
export class LocaleChangeEvent extends Event {
  constructor(readonly locale: string) {
    super('demo-locale-change', { bubbles: true, composed: true });
  }
}

/**
 * Goes to `href` the way the s17 interface asks a host to: push the URL, then tell everyone who
 * reads `location` (the app, this page) with a popstate, as single-spa's `navigateToUrl` does.
 */
export function navigateTo(href: string): void {
  if (href === location.pathname + location.search) return;
  history.pushState(null, '', href);
  dispatchEvent(new PopStateEvent('popstate', { state: null }));
}

export function roleLabel(role: string): string {
  switch (role) {
    case 'admin':
      return msg('Admin');
    case 'manager':
      return msg('Manager');
    case 'agent':
      return msg('Agent');
    default:
      return role;
  }
}

/**
 * The CRM frame. Its sidebar is the page's one navigation, in the seed's words: Contacts › All
 * contacts and Opt-out requests (for the roles that decide them, as the engine says), Settings ›
 * Messaging. The app's own navigation has the same links; two of them side by side would make a
 * newcomer wonder which is which, so demo.css hides the app's through its `nav` part, as a host
 * with its own sidebar would.
 *
 * @slot - The content: the mounted app, or one of the QA pages.
 */
@localized()
export class DemoCrmShell extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: 13rem minmax(0, 1fr);
      grid-template-rows: auto 1fr;
      grid-template-areas: 'header header' 'nav main';
      min-height: 100%;
      font: 400 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
      color: #1b1f24;
    }
    header {
      grid-area: header;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 24px;
      padding: 8px 20px;
      background: #0b2540;
      color: #fff;
    }
    .product {
      margin: 0;
      font-size: 16px;
      font-weight: 600;
    }
    .organization {
      margin: 0;
      color: #c9d6e3;
    }
    .end {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 20px;
      margin-left: auto;
    }
    label {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    select {
      font: inherit;
      padding: 2px 4px;
      border: 1px solid #8da2b8;
      border-radius: 6px;
      background: #fff;
      color: #1b1f24;
    }
    .user {
      margin: 0;
    }
    .user strong {
      font-weight: 600;
    }
    nav {
      grid-area: nav;
      padding: 16px 8px;
      background: #f6f8fa;
      border-right: 1px solid #d0d7de;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li + li {
      margin-top: 4px;
    }
    .group {
      display: block;
      padding: 4px 12px;
      color: #57606a;
      font-weight: 600;
    }
    .group + ul a {
      padding-left: 24px;
    }
    a {
      display: block;
      padding: 4px 12px;
      border-radius: 6px;
      color: #1b1f24;
      text-decoration: none;
    }
    a:hover {
      background: #eaeef2;
    }
    a[aria-current] {
      background: #dde7f3;
      font-weight: 600;
    }
    a:focus-visible,
    select:focus-visible {
      outline: 2px solid #0969da;
      outline-offset: 2px;
    }
    main {
      grid-area: main;
      min-width: 0;
      padding: 20px 24px;
      background: #fff;
    }
    /* Narrow screens: the sidebar becomes a bar under the header. */
    @media (max-width: 48rem) {
      :host {
        grid-template-columns: minmax(0, 1fr);
        grid-template-rows: auto auto 1fr;
        grid-template-areas: 'header' 'nav' 'main';
      }
      header {
        padding: 8px 12px;
      }
      .end {
        margin-left: 0;
      }
      nav {
        padding: 4px 8px;
        border-right: none;
        border-bottom: 1px solid #d0d7de;
      }
      nav ul,
      nav li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0 4px;
      }
      li + li {
        margin-top: 0;
      }
      .group {
        padding: 4px 0 4px 8px;
      }
      .group::after {
        content: ' ›';
      }
      .group + ul a {
        padding-left: 4px;
      }
      main {
        padding: 12px 8px;
      }
    }
  `;

  /** The signed-in user; `null` when signed out. */
  @property({ attribute: false }) user: ShellUser | null = null;

  /** The organization's name, from the backend. */
  @property({ attribute: false }) organizationName = '';

  /** The page's language. */
  @property() locale = 'en';

  /** The current path, for the sidebar's current page. */
  @property() path = '/';

  protected override render() {
    return html`<header>
        <p class="product">${msg('Demo CRM')}</p>
        ${this.organizationName ? html`<p class="organization" translate="no">${this.organizationName}</p>` : nothing}
        <div class="end">
          <label
            >${msg('Language')}
            <select @change=${this.handleLocale}>
              <!-- Each language by its own name, in any language. -->
              <option value="en" lang="en" translate="no" ?selected=${this.locale === 'en'}>English</option>
              <option value="fr-CA" lang="fr-CA" translate="no" ?selected=${this.locale === 'fr-CA'}>Français (Canada)</option>
            </select>
          </label>
          <p class="user" aria-live="polite">${this.renderUser()}</p>
        </div>
      </header>
      <nav aria-label=${msg('Main')}>
        <ul>
          <li>
            <span class="group" id="contacts-group">${msg('Contacts', { id: 'demo-nav-contacts', desc: 'The CRM sidebar’s section (fr-CA: not the count “Nombre de contacts”).' })}</span>
            <ul aria-labelledby="contacts-group">
              <li>${this.link('/crm/contacts', msg('All contacts'))}</li>
              ${this.user && can(this.user.role, 'review:decide') ? html`<li>${this.link('/crm/requests', msg('Opt-out requests'))}</li>` : nothing}
            </ul>
          </li>
          <li>
            <span class="group" id="settings-group">${msg('Settings')}</span>
            <ul aria-labelledby="settings-group">
              <li>${this.link('/crm/settings/messaging', msg('Messaging'))}</li>
            </ul>
          </li>
        </ul>
      </nav>
      <main>
        <slot></slot>
      </main>`;
  }

  private renderUser() {
    if (!this.user) return msg('Signed out');
    return html`${msg('Signed in as')} <strong translate="no">${this.user.name}</strong> · ${roleLabel(this.user.role)}`;
  }

  private link(href: string, text: string) {
    const current = this.path === href ? 'page' : this.path.startsWith(`${href}/`) ? 'true' : undefined;
    return html`<a href=${href} aria-current=${current ?? nothing} @click=${this.handleLink}>${text}</a>`;
  }

  private readonly handleLink = (event: MouseEvent) => {
    // A new tab or window is the browser's job; a plain click stays in the page.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigateTo((event.currentTarget as HTMLAnchorElement).pathname);
  };

  private readonly handleLocale = (event: Event) => {
    this.dispatchEvent(new LocaleChangeEvent((event.target as HTMLSelectElement).value));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-crm-shell': DemoCrmShell;
  }
}
