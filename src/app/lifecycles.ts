// single-spa-compatible lifecycles for the whole opt-out area, with no dependency on single-spa:
// single-spa (or any host) calls them with its props; each mount owns one <optout-app>.
import type { OptOutClient } from '../client/optout-client.js';
import { OptOutApp } from '../elements/optout-app/optout-app.js';
import { defineElement } from '../elements/shared/define-element.js';

/** What a host passes to `mount` and `update` (single-spa passes its own props too). */
export interface OptOutAppProps {
  /** Where the app renders; single-spa gives one per application. */
  domElement: HTMLElement;
  /** The path the app owns, e.g. `/crm`; it never navigates outside it. Default `/`. */
  basePath?: string;
  /** The contract's base URL for the built-in HTTP client. Default `/api`. */
  apiBase?: string;
  /** The host's own client, instead of `apiBase`. */
  client?: OptOutClient;
  /** A bearer token for the built-in client. */
  token?: string;
  /** `en` or `fr-CA`. */
  locale?: string;
  [key: string]: unknown;
}

const mounted = new WeakMap<HTMLElement, OptOutApp>();

function apply(app: OptOutApp, props: OptOutAppProps): void {
  app.basePath = props.basePath ?? '/';
  app.apiBase = props.apiBase ?? '/api';
  app.client = props.client;
  app.token = props.token;
  if (props.locale !== undefined) app.locale = props.locale;
}

/** Registers `<optout-app>` (each page registers its own elements when first shown); safe to call more than once. */
export function bootstrap(): Promise<void> {
  defineElement('optout-app', OptOutApp);
  return Promise.resolve();
}

/** Renders the app in `props.domElement`. Mounting the same element twice keeps one app. */
export async function mount(props: OptOutAppProps): Promise<void> {
  await bootstrap();
  let app = mounted.get(props.domElement);
  if (!app) {
    app = document.createElement('optout-app') as OptOutApp;
    mounted.set(props.domElement, app);
    // Props first: the app reads the URL against its base path as it connects.
    apply(app, props);
    props.domElement.append(app);
  } else {
    apply(app, props);
  }
  await app.updateComplete;
}

/** Applies new props to a mounted app. */
export async function update(props: OptOutAppProps): Promise<void> {
  const app = mounted.get(props.domElement);
  if (!app) return;
  apply(app, props);
  await app.updateComplete;
}

/**
 * Removes the app. Its disconnect releases everything it holds: the `popstate` listener, the
 * provider's `visibilitychange` listener, every element's timers, and every request in flight
 * (aborted).
 */
export function unmount(props: OptOutAppProps): Promise<void> {
  const app = mounted.get(props.domElement);
  mounted.delete(props.domElement);
  app?.remove();
  return Promise.resolve();
}
