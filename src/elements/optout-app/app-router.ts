import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A page of the app, as its URL names it. */
export type AppRoute =
  | { readonly page: 'contacts' }
  | { readonly page: 'contact'; readonly contactId: string }
  | { readonly page: 'settings' }
  | { readonly page: 'requests' }
  | { readonly page: 'not-found'; readonly path: string };

export type AppPage = AppRoute['page'];

// The URLPattern API (Chromium, Safari 26, Firefox 142; Node 23.8+). TypeScript 5.9's DOM library
// does not declare it yet; this is the part used here.
interface UrlPatternResult {
  pathname: { groups: Record<string, string | undefined> };
}
interface UrlPattern {
  exec(input: { pathname: string }): UrlPatternResult | null;
}
type UrlPatternConstructor = new (init: { pathname: string }) => UrlPattern;

const PATTERN_SYNTAX = /[:*(){}+?\\]/g;

/** `/crm/` and `/crm` are one base; `/` is the empty base, so routes are `/contacts`… */
export function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export interface AppRouterOptions {
  /** The path the app owns, as the host set it. */
  basePath: () => string;
  /** Called after the route changed (not on the first resolve). */
  navigated?: (route: AppRoute) => void;
}

/**
 * The app's router: routes are URLPatterns under the base path; it follows the history on
 * `popstate` and pushes only URLs under its base. Unlike @lit-labs/router's Router it does not
 * listen to every link click on the window: the app hands it the clicks made inside itself, so two
 * apps (or the host's own router) on one page never take each other's links.
 */
export class AppRouter implements ReactiveController {
  private patterns?: { base: string; list: readonly (readonly [UrlPattern, (groups: Record<string, string | undefined>) => AppRoute])[] };
  private current: AppRoute = { page: 'contacts' };
  private resolved = false;
  /** Set on connect: `location` is read on the next update, once the host's properties (its base path) are all set. */
  private stale = true;
  private resolvedBase?: string;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: AppRouterOptions,
  ) {
    host.addController(this);
  }

  /** The page shown; it stays the last one while the URL is outside the base path. */
  get route(): AppRoute {
    return this.current;
  }

  /** The base path, normalized (no trailing slash; `''` for `/`). */
  get base(): string {
    return normalizeBasePath(this.options.basePath());
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.handlePopState);
    this.stale = true;
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    if (this.stale || this.base !== this.resolvedBase) this.resolve(true);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.handlePopState);
  }

  /** The URL of a page under the base path. */
  href(route: AppRoute): string {
    switch (route.page) {
      case 'contacts':
        return `${this.base}/contacts`;
      case 'contact':
        return `${this.base}/contacts/${encodeURIComponent(route.contactId)}`;
      case 'settings':
        return `${this.base}/settings/messaging`;
      case 'requests':
        return `${this.base}/requests`;
      case 'not-found':
        return route.path;
    }
  }

  /** Whether `pathname` is the base path or under it. */
  owns(pathname: string): boolean {
    const base = this.base;
    return base === '' || pathname === base || pathname.startsWith(`${base}/`);
  }

  /** Goes to `url` when it is under the base path; returns whether it did. */
  navigate(url: string | URL, { replace = false } = {}): boolean {
    const target = new URL(url, location.href);
    if (target.origin !== location.origin || !this.owns(target.pathname)) return false;
    if (target.href !== location.href) history[replace ? 'replaceState' : 'pushState'](null, '', target.href);
    this.resolve(true);
    return true;
  }

  /** Takes over a click inside the app on a link under the base path, as a navigation in the app. */
  handleClick(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!anchor || !anchor.href || (anchor.target !== '' && anchor.target !== '_self') || anchor.hasAttribute('download') || anchor.relList.contains('external')) return;
    const target = new URL(anchor.href);
    if (target.origin !== location.origin || !this.owns(target.pathname)) return;
    event.preventDefault();
    this.navigate(target);
  }

  private resolve(notify: boolean): void {
    this.stale = false;
    this.resolvedBase = this.base;
    const { pathname } = location;
    if (!this.owns(pathname)) {
      // Another app's (or the host's) URL: keep showing what was shown.
      this.resolved = true;
      return;
    }
    const base = this.base;
    if (pathname === base || pathname === `${base}/`) {
      // `{base}` itself is All contacts, without leaving an entry to come back to.
      history.replaceState(history.state, '', `${base}/contacts${location.search}${location.hash}`);
    }
    const next = this.match(location.pathname);
    const changed = !this.resolved || !sameRoute(next, this.current);
    this.current = next;
    const first = !this.resolved;
    this.resolved = true;
    if (!changed) return;
    this.host.requestUpdate();
    if (notify && !first) this.options.navigated?.(next);
  }

  private match(pathname: string): AppRoute {
    for (const [pattern, route] of this.compiled()) {
      const result = pattern.exec({ pathname });
      if (result) return route(result.pathname.groups);
    }
    return { page: 'not-found', path: pathname };
  }

  private compiled() {
    const base = this.base;
    if (this.patterns?.base !== base) {
      const URLPattern = (globalThis as unknown as { URLPattern: UrlPatternConstructor }).URLPattern;
      const prefix = base.replace(PATTERN_SYNTAX, '\\$&');
      this.patterns = {
        base,
        list: [
          [new URLPattern({ pathname: `${prefix}/contacts{/}?` }), () => ({ page: 'contacts' })],
          [new URLPattern({ pathname: `${prefix}/contacts/:id{/}?` }), (g) => ({ page: 'contact', contactId: decodeURIComponent(g.id ?? '') })],
          [new URLPattern({ pathname: `${prefix}/settings{/}?` }), () => ({ page: 'settings' })],
          [new URLPattern({ pathname: `${prefix}/settings/messaging{/}?` }), () => ({ page: 'settings' })],
          [new URLPattern({ pathname: `${prefix}/requests{/}?` }), () => ({ page: 'requests' })],
        ],
      };
    }
    return this.patterns.list;
  }

  private readonly handlePopState = () => this.resolve(true);
}

function sameRoute(a: AppRoute, b: AppRoute): boolean {
  if (a.page !== b.page) return false;
  if (a.page === 'contact' && b.page === 'contact') return a.contactId === b.contactId;
  if (a.page === 'not-found' && b.page === 'not-found') return a.path === b.path;
  return true;
}
