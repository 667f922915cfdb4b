import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { OptOutClient } from '../../client/optout-client.js';

/**
 * The opt-out area of a CRM as one element: Contacts, a contact's page, Settings > Messaging and
 * the opt-out requests queue, under `base-path`.
 *
 * First version: connects to the backend and shows the contacts list; routing comes next.
 *
 * @summary The whole opt-out area, for hosts that mount it as a microfrontend.
 * @tag optout-app
 */
export class OptOutApp extends LitElement {
  /** The path the app owns (`/crm`); links and history stay under it. */
  @property({ attribute: 'base-path', reflect: true }) basePath = '/';

  /** The contract's base URL for the built-in client. */
  @property({ attribute: 'api-base', reflect: true }) apiBase = '/api';

  /** A bearer token for the built-in client. */
  @property({ attribute: false }) token?: string;

  /** The host's own client, instead of `api-base`. */
  @property({ attribute: false }) client?: OptOutClient;

  /** `en` or `fr-CA`. */
  @property({ reflect: true }) locale = 'en';

  override render() {
    return html`<optout-provider .apiBase=${this.apiBase} .token=${this.token} .client=${this.client}>
      <bulk-unsubscribe-table></bulk-unsubscribe-table>
    </optout-provider>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'optout-app': OptOutApp;
  }
}
