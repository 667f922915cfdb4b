// The mock backend in the browser (demo, Storybook, browser tests): MSW's service worker, with
// state persisted to IndexedDB. URL parameters: contacts=N (seed size), reset=1,
// as=admin|manager|agent|integration|signed-out (or a user id), latency=ms, errorRate=0..1,
// offline=1, failNext=N, rateLimit=N (requests a minute), jobStepMs=ms (pause between bulk job chunks).
import { setupWorker, type SetupWorker } from 'msw/browser';
import { MockBackend, type MockBackendOptions } from './backend.js';
import { MockPersistence, type MockPersistenceOptions } from './persistence.js';
import { DEFAULT_CONTACT_COUNT } from './seed/seed.js';
import { withTrustedWorkerUrl } from './worker-url.js';

export interface BrowserMockOptions extends MockBackendOptions {
  /** URL parameters to read (defaults to the page's). */
  params?: URLSearchParams;
  /** Keep state in IndexedDB (default true). */
  persist?: boolean;
  /** How the state is saved (see `MockPersistenceOptions`). */
  persistence?: MockPersistenceOptions;
  /** Where the worker script is served. */
  workerUrl?: string;
}

export interface BrowserMock {
  backend: MockBackend;
  /**
   * Saves the state. Fires `persistence-error` once when saving starts failing (a page can show
   * that changes are not being kept) and `persistence-restored` when it works again.
   */
  persistence: MockPersistence;
  worker: SetupWorker;
  /** Saves what is pending, stops saving, and stops the service worker. */
  stop(): Promise<void>;
}

export async function startBrowserMock(options: BrowserMockOptions = {}): Promise<BrowserMock> {
  performance.mark('optout-mock:start');
  const params = options.params ?? new URLSearchParams(location.search);
  const contacts = Number(params.get('contacts') ?? options.contacts ?? DEFAULT_CONTACT_COUNT);
  const persistence = new MockPersistence(options.persistence);
  const persist = options.persist ?? true;
  if (params.get('reset') === '1') await persistence.clear();
  const saved = persist ? await persistence.load() : undefined;
  // A saved database is reused only for the same seed size; asking for another size re-seeds.
  const database = saved && saved.seed.contacts === contacts ? saved : undefined;
  const backend = new MockBackend({
    ...options,
    contacts,
    ...(database ? { database } : {}),
    onChange: (b) => {
      if (persist) persistence.schedule(b.store);
      options.onChange?.(b);
    },
    flush: () => (persist ? persistence.flush() : Promise.resolve()),
    trackChanges: persist,
    prepareAtStart: false,
  });
  if (persist) {
    if (database) persistence.adopt(backend.store);
    else persistence.schedule(backend.store);
  }
  const as = params.get('as');
  const user = as && backend.store.db.users.find((u) => u.role === as || u.id === as);
  if (user) backend.store.switchUser(user.id);
  else if (as === 'signed-out') backend.store.switchUser(null);
  else if (as) console.warn(`Mock backend: no user or role "${as}"; still signed in as ${backend.store.db.currentUserId ?? 'nobody'}.`);
  backend.faults.fromSearchParams(params);
  const worker = setupWorker(...backend.handlers);
  // Other requests (the page's own assets) pass through on purpose; one for the API that no
  // handler answers would reach the real network, which the mock exists to stand in for.
  const apiPaths = [new URL(backend.baseUrl, location.href).pathname, '/__mock/'];
  worker.events.on('request:unhandled', ({ request }) => {
    const url = new URL(request.url);
    if (url.origin === location.origin && apiPaths.some((path) => url.pathname.startsWith(path))) {
      console.error(`Mock backend: no handler answers ${request.method} ${url.pathname}; the request went to the network.`);
    }
  });
  const workerUrl = options.workerUrl ?? '/mockServiceWorker.js';
  await withTrustedWorkerUrl(workerUrl, () => worker.start({ serviceWorker: { url: workerUrl }, onUnhandledRequest: 'bypass', quiet: true }));
  // How long the backend took to be ready (seeding or loading, indexing, the worker), for devtools and `npm run bench`.
  performance.measure('optout-mock:ready', 'optout-mock:start');
  // What later requests would otherwise build (indexes, standings), built once the first answer
  // is out and the page is idle, so that the first request does not wait for it either.
  const prepare = () => {
    worker.events.removeListener('response:mocked', prepare);
    whenIdle(() => {
      backend.store.prepare();
      performance.mark('optout-mock:prepared');
    });
  };
  worker.events.on('response:mocked', prepare);
  return {
    backend,
    persistence,
    worker,
    stop: async () => {
      await persistence.close();
      worker.stop();
    },
  };
}

function whenIdle(work: () => void) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 3000 });
  else setTimeout(work, 1000);
}
