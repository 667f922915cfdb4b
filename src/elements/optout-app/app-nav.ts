import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { can } from '../../engine/permissions.js';
import { OptOutContextController } from '../shared/optout-context-controller.js';
import { tokens } from '../shared/tokens.styles.js';
import type { AppPage } from './app-router.js';

/** Where each link of the navigation goes. */
export interface AppNavLinks {
  readonly contacts: string;
  readonly requests: string;
  readonly settings: string;
}

/**
 * optout-app's navigation, in the seed's words: Contacts → All contacts, Opt-out requests (for
 * the roles that decide them), Settings → Messaging. Its own element because it reads the session
 * from the app's provider, which only what is inside the provider can.
 *
 * Internal to optout-app: registered by it, not by `define`.
 */
@localized()
export class OptOutAppNav extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--_space-1);
      }
      .group {
        display: block;
        padding: var(--_space-2) var(--_space-2) 0;
        font-weight: 600;
        color: var(--_color-muted);
      }
      a {
        display: block;
        padding: var(--_space-1) var(--_space-2);
        border-radius: var(--_radius);
        color: var(--_color-accent);
        text-decoration: none;
      }
      a:hover {
        text-decoration: underline;
      }
      a[aria-current] {
        background: color-mix(in srgb, var(--_color-accent) 12%, var(--_color-surface));
        color: var(--_color-text);
        font-weight: 600;
      }
      ul ul a {
        padding-inline-start: var(--_space-4);
      }
    `,
  ];

  private readonly context = new OptOutContextController(this);

  /** The page shown. */
  @property({ attribute: false }) current: AppPage = 'contacts';

  /** The links' URLs, under the app's base path. */
  @property({ attribute: false }) links: AppNavLinks = { contacts: '', requests: '', settings: '' };

  protected override render() {
    const me = this.context.me;
    const decides = me !== undefined && can(me.role, 'review:decide');
    return html`<nav aria-label=${msg('Opt-outs')}>
      <ul>
        <li>
          <span class="group">${msg('Contacts', { id: 'app-nav-contacts' })}</span>
          <ul>
            <li>${this.renderLink(this.links.contacts, msg('All contacts'), this.current === 'contacts' ? 'page' : this.current === 'contact' ? 'true' : undefined)}</li>
          </ul>
        </li>
        ${decides ? html`<li>${this.renderLink(this.links.requests, msg('Opt-out requests'), this.current === 'requests' ? 'page' : undefined)}</li>` : nothing}
        <li>
          <span class="group">${msg('Settings')}</span>
          <ul>
            <li>${this.renderLink(this.links.settings, msg('Messaging'), this.current === 'settings' ? 'page' : undefined)}</li>
          </ul>
        </li>
      </ul>
    </nav>`;
  }

  private renderLink(href: string, label: string, current: 'page' | 'true' | undefined) {
    return html`<a href=${href} aria-current=${current ?? nothing}>${label}</a>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optout-app-nav': OptOutAppNav;
  }
}
