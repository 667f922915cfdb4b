import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { Task } from '@lit/task';
import { HttpOptOutClient } from '../../client/http-client.js';
import type { OptOutClient } from '../../client/optout-client.js';
import { isAbortError, isOptOutApiError } from '../../client/errors.js';
import {
  clientContext,
  contactCacheContext,
  organizationContext,
  sessionContext,
  type Loadable,
  type OrganizationData,
} from '../../context/context.js';
import { ClientContactCache } from './contact-cache.js';

/**
 * Gives every optout element inside it what it needs: the API client, one shared cache of
 * contacts, the organization (locations, channels, messaging settings) and the session (the
 * signed-in user, role and permissions, from `/me`). Two elements showing one contact read the
 * same cached data, and what one element changes shows in every other at once. Everything is
 * fetched again when the page becomes visible after being hidden, so a tab left open catches up.
 *
 * Configure it with `api-base` (and optionally `token`) for the built-in HTTP client, or set the
 * `client` property to the host's own `OptOutClient`. It renders its children as they are.
 *
 * @summary Connects the optout elements inside it to a backend.
 * @tag optout-provider
 *
 * @slot - The optout elements (and anything else) that use this backend.
 */
export class OptOutProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  private readonly clientProvider = new ContextProvider(this, { context: clientContext });
  private readonly cacheProvider = new ContextProvider(this, { context: contactCacheContext });
  private readonly organizationProvider = new ContextProvider(this, {
    context: organizationContext,
    initialValue: { status: 'loading', retry: () => void this.organizationTask.run() },
  });
  private readonly sessionProvider = new ContextProvider(this, {
    context: sessionContext,
    initialValue: { status: 'loading', retry: () => void this.sessionTask.run() },
  });

  private readonly organizationTask = new Task(this, {
    task: async ([client], { signal }) => {
      if (!client) throw new Error('optout-provider has no client');
      const [organization, settings] = await Promise.all([
        client.getOrganization({ signal }),
        // A user who may not read the settings still sees everything else.
        client.getMessagingSettings({ signal }).then(
          (versioned) => versioned.settings,
          (error: unknown) => {
            if (isOptOutApiError(error) && error.is('forbidden')) return null;
            throw error;
          },
        ),
      ]);
      return { organization, settings } satisfies OrganizationData;
    },
    args: () => [this.activeClient] as const,
    onComplete: (value) => this.organizationProvider.setValue({ status: 'ready', value }),
    onError: (error) => this.provideError((v) => this.organizationProvider.setValue(v), error, () => void this.organizationTask.run()),
  });

  private readonly sessionTask = new Task(this, {
    task: ([client], { signal }) => {
      if (!client) throw new Error('optout-provider has no client');
      return client.getMe({ signal });
    },
    args: () => [this.activeClient] as const,
    onComplete: (value) => this.sessionProvider.setValue({ status: 'ready', value }),
    onError: (error) => this.provideError((v) => this.sessionProvider.setValue(v), error, () => void this.sessionTask.run()),
  });

  /** Where the API is mounted, for the built-in HTTP client: `/api` or an absolute URL. Ignored when `client` is set. */
  @property({ attribute: 'api-base', reflect: true }) apiBase = '/api';

  /** A bearer token for the built-in HTTP client. Prefer the `client` property with a token function for tokens that expire. */
  @property({ attribute: 'token' }) token?: string;

  /** The host's own `OptOutClient`; when set, `api-base` and `token` are not used. */
  @property({ attribute: false }) client?: OptOutClient;

  private activeClient?: OptOutClient;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.handleVisibilityChange);
    // A settings change inside (the opt-out scope) changes what every element explains.
    this.addEventListener('optout-settings-change', this.handleSettingsChange);
    // Reconnected after an abort on disconnect: what was being fetched is fetched again.
    if (this.hasUpdated) this.revalidate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.handleVisibilityChange);
    this.removeEventListener('optout-settings-change', this.handleSettingsChange);
    this.organizationTask.abort();
    this.sessionTask.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.activeClient || changed.has('client') || changed.has('apiBase') || changed.has('token')) {
      const client = this.client ?? new HttpOptOutClient({ baseUrl: this.apiBase, ...(this.token ? { token: this.token } : {}) });
      if (client !== this.activeClient) {
        this.activeClient = client;
        this.clientProvider.setValue(client);
        this.cacheProvider.setValue(new ClientContactCache(client));
        this.organizationProvider.setValue({ status: 'loading', retry: () => void this.organizationTask.run() });
        this.sessionProvider.setValue({ status: 'loading', retry: () => void this.sessionTask.run() });
      }
    }
  }

  /** Fetches the organization, the session and every cached contact again; elements keep showing what they have meanwhile. */
  revalidate(): void {
    this.cacheProvider.value?.revalidate();
    void this.organizationTask.run();
    void this.sessionTask.run();
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  private provideError(set: (value: Loadable<never>) => void, error: unknown, retry: () => void) {
    // An abort is this provider leaving or starting over, not a failure to report.
    if (isAbortError(error)) return;
    set({ status: 'error', error, retry });
  }

  private readonly handleSettingsChange = () => void this.organizationTask.run();

  private readonly handleVisibilityChange = () => {
    if (document.visibilityState === 'visible') this.revalidate();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'optout-provider': OptOutProvider;
  }
}
