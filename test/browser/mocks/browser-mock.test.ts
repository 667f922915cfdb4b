// The browser mock backend as the demo and Storybook run it: MSW's service worker answering the
// real client, with state in IndexedDB. "Reloading" starts a second backend from what is saved,
// exactly as a page load does; test/e2e/mock-backend.test.ts reloads a real page as well.
import { expect } from '@open-wc/testing';
import { HttpOptOutClient, OptOutApiError } from '../../../src/client/index.js';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';

const client = new HttpOptOutClient({ baseUrl: '/api', retry: { baseDelayMs: 1, maxDelayMs: 5 } });
let mock: BrowserMock | undefined;

/** Starts the mock like a page load with these URL parameters. */
async function load(search: string): Promise<BrowserMock> {
  await mock?.stop();
  mock = await startBrowserMock({ params: new URLSearchParams(search) });
  return mock;
}

const canMessage = async (channelId: string) => (await client.getContact(WELL_KNOWN.subscribed, {})).eligibility.find((e) => e.channelId === channelId)?.canMessage;

describe('browser mock backend (service worker + IndexedDB)', () => {
  after(() => mock?.stop());

  it('answers the real client through the service worker', async () => {
    await load('reset=1&contacts=40');
    const me = await client.getMe({});
    expect(me.role).to.equal('admin');
    const page = await client.listContacts({ limit: 10 }, {});
    expect(page.total).to.equal(40);
    expect(page.items).to.have.length(10);
  });

  it('keeps an unsubscribe across a reload, and a reset restores the seed', async () => {
    await load('reset=1&contacts=40');
    expect(await canMessage('ch-airport-sms')).to.equal(true);
    await client.unsubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-airport-sms'] }, {});

    // A new page load: the backend starts from what IndexedDB holds, not from the seed.
    const reloaded = await load('contacts=40');
    expect(reloaded.backend.store.db.audit.some((e) => e.action === 'unsubscribed' && e.contactId === WELL_KNOWN.subscribed)).to.equal(true);
    expect(await canMessage('ch-airport-sms')).to.equal(false);
    const history = await client.listConsentHistory(WELL_KNOWN.subscribed, {}, {});
    expect(history.items[0]?.action).to.equal('unsubscribed');

    await load('reset=1&contacts=40');
    expect(await canMessage('ch-airport-sms')).to.equal(true);
  });

  it('reads faults and the signed-in user from the URL', async () => {
    const { worker, backend } = await load('reset=1&contacts=40&as=agent&failNext=2');
    const keys: (string | null)[] = [];
    worker.events.on('request:start', ({ request }) => {
      if (request.url.endsWith('/block')) keys.push(request.headers.get('Idempotency-Key'));
    });
    // Two injected 503s, retried by the client with the same idempotency key, then applied once.
    const detail = await client.blockContact(WELL_KNOWN.subscribed, { reason: 'Spam' }, {});
    expect(detail.contact.blocked?.blockedBy.id).to.equal('u-agent');
    expect(keys).to.have.length(3);
    expect(new Set(keys).size).to.equal(1);
    expect(backend.store.db.audit.filter((e) => e.action === 'blocked' && e.contactId === WELL_KNOWN.subscribed)).to.have.length(1);
    try {
      await client.unblockContact(WELL_KNOWN.subscribed, {});
      expect.fail('an agent may not unblock');
    } catch (error) {
      expect(error).to.be.instanceOf(OptOutApiError);
      expect((error as OptOutApiError).is('forbidden')).to.equal(true);
    }
  });
});
