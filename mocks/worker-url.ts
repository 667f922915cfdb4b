// MSW registers its service worker with `navigator.serviceWorker.register(url)`, a Trusted Types
// sink: under `require-trusted-types-for 'script'` a plain string is refused. MSW turns whatever
// URL it is given back into a string (`url.toString()`), so a TrustedScriptURL cannot be handed
// to it; instead, while it starts, its one register() call is given the URL through this named
// policy, which vouches for one URL only: the mock's own worker script on this origin. (A default
// policy would vouch for every sink on the page, and hide real violations.)

/** The Trusted Types policy name; the CSP's `trusted-types` directive must list it. */
export const MOCK_WORKER_POLICY = 'optout-mock-worker';

type ScriptUrl = string | URL;
interface ScriptUrlPolicy {
  createScriptURL(url: string): object;
}
interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
}

// A policy name may be created once per page (the CSP has no 'allow-duplicates'), and this module
// can be evaluated twice (hot reload, two bundles): the policy is kept on the global, like the
// localization runtime.
const KEY = Symbol.for('optout-elements.mock-worker-policy');
type WithPolicy = typeof globalThis & { trustedTypes?: TrustedTypesLike; [KEY]?: ScriptUrlPolicy };

function workerPolicy(trustedTypes: TrustedTypesLike): ScriptUrlPolicy {
  const global = globalThis as WithPolicy;
  return (global[KEY] ??= trustedTypes.createPolicy(MOCK_WORKER_POLICY, {
    createScriptURL(url) {
      const resolved = new URL(url, location.href);
      if (resolved.origin !== location.origin || !resolved.pathname.endsWith('/mockServiceWorker.js')) {
        throw new TypeError(`${MOCK_WORKER_POLICY} only vouches for this origin's mockServiceWorker.js, not ${url}`);
      }
      return url;
    },
  }));
}

/**
 * Runs `start` (MSW's `worker.start`) so that registering `workerUrl` passes Trusted Types.
 * Any other URL reaches register() as given, and a page that enforces Trusted Types refuses it.
 */
export async function withTrustedWorkerUrl<T>(workerUrl: string, start: () => Promise<T>): Promise<T> {
  const { trustedTypes } = globalThis as WithPolicy;
  const container = globalThis.navigator?.serviceWorker;
  if (!trustedTypes || !container) return start();
  const trusted = workerPolicy(trustedTypes).createScriptURL(workerUrl);
  const register = ServiceWorkerContainer.prototype.register;
  container.register = function (url: ScriptUrl, options?: RegistrationOptions) {
    return register.call(this, (String(url) === workerUrl ? trusted : url) as ScriptUrl, options);
  };
  try {
    return await start();
  } finally {
    // The own property shadowed the prototype's method; removing it restores the platform's.
    delete (container as Partial<ServiceWorkerContainer>).register;
  }
}
