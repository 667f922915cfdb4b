// The demo's mock backend and what QA does to it. The URL parameters mocks/README.md lists still
// work (`?as=agent&offline=1`), but they are read once and taken out of the address bar: a reload
// of `/crm/contacts?reset=1` would otherwise throw the data away again, and the app's own links
// drop the query anyway. What must outlive a reload is kept here instead: the seed size (the mock
// re-seeds when asked for another size than it saved), and the faults, for this tab only.
import { startBrowserMock, type BrowserMock } from '../mocks/browser.js';
import type { FaultSettings } from '../mocks/faults.js';
import { DEFAULT_CONTACT_COUNT, WELL_KNOWN } from '../mocks/seed/seed.js';
import type { MockUser } from '../mocks/store/types.js';

/** The seed sizes QA chooses between. */
export const SEED_SIZES = [200, DEFAULT_CONTACT_COUNT, 10_000, 100_000] as const;

/** The users QA signs in as; `null` is signed out (every API call answers 401). */
export const QA_ROLES = ['admin', 'manager', 'agent'] as const;
export type QaRole = (typeof QA_ROLES)[number];

/** The mock's URL parameters: read once at start, then removed from the address bar. */
const MOCK_PARAMS = ['reset', 'contacts', 'as', 'latency', 'errorRate', 'offline', 'failNext', 'rateLimit', 'jobStepMs', 'locale'];

const SIZE_KEY = 'optout-demo.contacts';
const FAULTS_KEY = 'optout-demo.faults';
const LOCALE_KEY = 'optout-demo.locale';

/**
 * Plain-language replies a fresh demo database has received, so that "Opt-out requests" shows what
 * it is for before QA sends one. The seed itself has none: tests count on an empty queue. Oldest
 * first, as the audit log is kept.
 */
const DEMO_REQUESTS = [
  { channelId: 'ch-downtown-sms', body: 'Please stop texting me, I moved to Calgary', daysAgo: 6 },
  { channelId: 'ch-uptown-sms', body: "Arrêtez de m'écrire s'il vous plaît", daysAgo: 2 },
  { channelId: 'ch-airport-sms', body: 'take me off your list', daysAgo: 0.2 },
];

/** Each {@link DEMO_REQUESTS} reply, from a seeded contact with a valid phone, through the backend's inbound path. */
function receiveDemoRequests(mock: BrowserMock) {
  const well = new Set<string>(Object.values(WELL_KNOWN));
  const { store } = mock.backend;
  const phones = store
    .matching({})
    .filter((id) => !well.has(id))
    .map((id) => store.contact(id))
    .filter((c) => !c.blocked)
    .flatMap((c) => c.destinations.find((d) => d.kind === 'phone' && d.valid)?.value ?? []);
  DEMO_REQUESTS.forEach((request, i) => {
    // Spread over the list, so the three are not neighbours by name.
    const from = phones[Math.floor((phones.length * (i + 1)) / (DEMO_REQUESTS.length + 1))];
    if (!from) return;
    const at = Date.now() - request.daysAgo * 86_400_000;
    // Received then, so the contact's history dates the message as the request does.
    const clock = store.now;
    store.now = () => at;
    try {
      mock.backend.messaging.receive({ channelId: request.channelId, from, body: request.body, receivedAt: new Date(at).toISOString() });
    } finally {
      store.now = clock;
    }
  });
}

/** A contact the QA panel can send a reply as. */
export interface QaContact {
  id: string;
  name: string;
  phone?: string;
  email?: string;
}

function storedNumber(storage: Storage, key: string): number | undefined {
  const value = Number(storage.getItem(key));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

function storedFaults(): Partial<FaultSettings> | undefined {
  try {
    const text = sessionStorage.getItem(FAULTS_KEY);
    return text ? (JSON.parse(text) as Partial<FaultSettings>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The running mock backend with the operations of the QA panel. Reads are synchronous (the store
 * lives in this page); changes go through the control API (`/__mock`), the same one QA scripts
 * and Storybook use, which is never subject to faults. Fires `change` after every answer the mock
 * gives, so what the panel shows (the user, the contact count, a "fail the next N" counting down)
 * stays true, and `inbound-reply` after the backend took a contact's reply (consent may have
 * changed under what the page shows).
 */
export class MockSession extends EventTarget {
  private constructor(readonly mock: BrowserMock) {
    super();
    const inbound = [`${mock.backend.baseUrl}/inbound-messages`, `${mock.backend.baseUrl}/webhooks/twilio/inbound`];
    mock.worker.events.on('response:mocked', ({ request, response }) => {
      this.dispatchEvent(new Event('change'));
      if (request.method === 'POST' && response.ok && inbound.includes(new URL(request.url).pathname)) this.dispatchEvent(new Event('inbound-reply'));
    });
    // pagehide rather than each change: "fail the next N" counts down on every request.
    addEventListener('pagehide', () => sessionStorage.setItem(FAULTS_KEY, JSON.stringify(this.faults)));
  }

  /** Starts the mock from the page's URL parameters and what was kept, then cleans the URL. */
  static async start(): Promise<MockSession> {
    const params = new URLSearchParams(location.search);
    const requested = Number(params.get('contacts'));
    if (Number.isFinite(requested) && requested > 0) localStorage.setItem(SIZE_KEY, String(requested));
    const locale = params.get('locale');
    if (locale) localStorage.setItem(LOCALE_KEY, locale);
    const contacts = storedNumber(localStorage, SIZE_KEY) ?? DEFAULT_CONTACT_COUNT;
    const clean = new URL(location.href);
    for (const name of MOCK_PARAMS) clean.searchParams.delete(name);
    history.replaceState(history.state, '', clean.pathname + clean.search + clean.hash);

    const mock = await startBrowserMock({ params, contacts });
    if (mock.backend.store.db.reviews.length === 0) receiveDemoRequests(mock);
    const kept = params.get('reset') === '1' ? undefined : storedFaults();
    if (kept) {
      // What this tab had set, then what the URL asks for on top.
      mock.backend.faults.set(kept);
      mock.backend.faults.fromSearchParams(params);
    }
    return new MockSession(mock);
  }

  get contactCount(): number {
    return this.mock.backend.store.contactCount();
  }

  /** The seed size the data was made with (deleting contacts does not change it). */
  get seedSize(): number {
    return this.mock.backend.store.db.seed.contacts;
  }

  get organizationName(): string {
    return this.mock.backend.store.db.organization.name;
  }

  get user(): MockUser | null {
    const { db } = this.mock.backend.store;
    return db.users.find((u) => u.id === db.currentUserId) ?? null;
  }

  get users(): MockUser[] {
    return this.mock.backend.store.db.users.filter((u) => (QA_ROLES as readonly string[]).includes(u.role));
  }

  get faults(): FaultSettings {
    return { ...this.mock.backend.faults.settings };
  }

  /** The locale kept from the last visit (or `?locale=`). */
  get locale(): string {
    return localStorage.getItem(LOCALE_KEY) ?? 'en';
  }

  set locale(locale: string) {
    localStorage.setItem(LOCALE_KEY, locale);
  }

  /** Signs in as `userId` (`null`: signs out) and reloads, as signing in again would. */
  async switchUser(userId: string | null): Promise<void> {
    await this.control('PUT', '/__mock/session', { userId });
    location.reload();
  }

  /** Changes the faults named; the others stay as they are. */
  async setFaults(faults: Partial<FaultSettings>): Promise<void> {
    await this.control('PUT', '/__mock/faults', faults);
    this.dispatchEvent(new Event('change'));
  }

  /** Re-seeds `contacts` contacts (default: the current size) and reloads the page. */
  async reset(contacts = this.seedSize): Promise<void> {
    localStorage.setItem(SIZE_KEY, String(contacts));
    await this.control('POST', '/__mock/reset', { contacts });
    location.reload();
  }

  /**
   * Up to `limit` contacts whose name, phone, email or id contains `query`, read from the store
   * itself: the QA panel finds contacts even while a fault makes the API fail.
   */
  findContacts(query: string, limit = 20): QaContact[] {
    const { store } = this.mock.backend;
    const q = query.trim();
    const id = q.toLowerCase();
    const exact = /^c-\d+$/.test(id) && store.hasContact(id) ? [store.summary(id)] : [];
    // Without a query, the seed's well-known contacts: each shows one case QA checks.
    const found = q ? store.listContacts({ query: q }, null, limit).items : Object.values(WELL_KNOWN).filter((c) => store.hasContact(c)).map((c) => store.summary(c));
    const seen = new Set<string>();
    return [...exact, ...found]
      .filter((c) => !seen.has(c.id) && seen.add(c.id))
      .slice(0, limit)
      .map((c) => ({ id: c.id, name: c.name, ...(c.phone ? { phone: c.phone } : {}), ...(c.email ? { email: c.email } : {}) }));
  }

  private async control(method: string, path: string, body: unknown): Promise<void> {
    const response = await fetch(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`The mock backend answered ${method} ${path} with ${response.status}.`);
  }
}
