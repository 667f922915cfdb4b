import { ContextConsumer, ContextRoot } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OptOutClient } from '../../client/optout-client.js';
import type { Me } from '../../client/types.js';
import {
  clientContext,
  contactCacheContext,
  organizationContext,
  sessionContext,
  type CacheChange,
  type ContactCache,
  type Loadable,
  type OrganizationData,
} from '../../context/context.js';

const ROOT = Symbol.for('optout-elements.context-root');
type WithRoot = typeof globalThis & { [ROOT]?: ContextRoot };

/**
 * One ContextRoot per page, shared by every copy of the library: it keeps the requests no provider
 * answered and replays them when a provider appears, so a provider defined (or inserted) after its
 * elements still reaches them.
 */
function ensureContextRoot(): void {
  const global = globalThis as WithRoot;
  if (global[ROOT]) return;
  global[ROOT] = new ContextRoot();
  global[ROOT].attach(document.documentElement);
}

export interface OptOutContextOptions {
  /** Called on every change of the provider's contact cache (a contact's data changed or went stale). */
  onCacheChange?: (change: CacheChange) => void;
}

/**
 * What an element receives from the nearest `<optout-provider>`: the client, the contact cache,
 * the organization and the session, each updating the host when it changes.
 */
export class OptOutContextController implements ReactiveController {
  private readonly clientConsumer: ContextConsumer<typeof clientContext, ReactiveControllerHost & HTMLElement>;
  private readonly cacheConsumer: ContextConsumer<typeof contactCacheContext, ReactiveControllerHost & HTMLElement>;
  private readonly organizationConsumer: ContextConsumer<typeof organizationContext, ReactiveControllerHost & HTMLElement>;
  private readonly sessionConsumer: ContextConsumer<typeof sessionContext, ReactiveControllerHost & HTMLElement>;
  private stopListening?: () => void;
  private listenedCache?: ContactCache;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: OptOutContextOptions = {},
  ) {
    // Added before the consumers, so the ContextRoot exists before their first request.
    host.addController(this);
    this.clientConsumer = new ContextConsumer(host, { context: clientContext, subscribe: true });
    this.cacheConsumer = new ContextConsumer(host, {
      context: contactCacheContext,
      subscribe: true,
      callback: (cache) => this.listen(cache),
    });
    this.organizationConsumer = new ContextConsumer(host, { context: organizationContext, subscribe: true });
    this.sessionConsumer = new ContextConsumer(host, { context: sessionContext, subscribe: true });
  }

  /** Whether a provider has answered; until one does, the element says it needs one. */
  get hasProvider(): boolean {
    return this.clientConsumer.value !== undefined;
  }

  get client(): OptOutClient | undefined {
    return this.clientConsumer.value;
  }

  get cache(): ContactCache | undefined {
    return this.cacheConsumer.value;
  }

  get organization(): Loadable<OrganizationData> | undefined {
    return this.organizationConsumer.value;
  }

  get session(): Loadable<Me> | undefined {
    return this.sessionConsumer.value;
  }

  /** The signed-in user's data, once known. */
  get me(): Me | undefined {
    const session = this.session;
    return session?.status === 'ready' ? session.value : undefined;
  }

  hostConnected(): void {
    ensureContextRoot();
    // Reconnected: listen again to the cache we already had.
    if (this.cacheConsumer?.value) this.listen(this.cacheConsumer.value);
  }

  hostDisconnected(): void {
    this.stopListening?.();
    this.stopListening = undefined;
    this.listenedCache = undefined;
  }

  private listen(cache: ContactCache | undefined): void {
    if (cache === this.listenedCache && this.stopListening) return;
    this.stopListening?.();
    this.listenedCache = cache;
    this.stopListening = cache?.subscribe((change) => {
      this.options.onCacheChange?.(change);
      this.host.requestUpdate();
    });
  }
}
