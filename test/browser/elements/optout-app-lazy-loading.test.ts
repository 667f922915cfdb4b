// What <optout-app> downloads for each page, in a page of its own (a test file gets a fresh
// page): nothing here imports an element module, so every one the app needs is fetched by the app.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { mount, unmount } from '../../../src/app/index.js';
import { OptOutAppHarness, waitFor } from '../../../src/testing/index.js';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';

const BASE = '/lazy-crm';
const startUrl = location.href;
const fetched: string[] = [];
// An observer sees every resource, however full the page's resource timing buffer already is.
const observer = new PerformanceObserver((list) => fetched.push(...list.getEntries().map((e) => new URL(e.name).pathname)));
observer.observe({ type: 'resource', buffered: true });

let mock: BrowserMock;
let domElement: HTMLElement;

before(async () => {
  mock = await startBrowserMock({ params: new URLSearchParams('reset=1'), persist: false });
});
after(async () => {
  observer.disconnect();
  await unmount({ domElement });
  domElement.remove();
  await mock.stop();
  history.replaceState(null, '', startUrl);
});

const loadedModule = (file: string) => fetched.some((path) => path.endsWith(file));

describe('optout-app: lazy loading', () => {
  it('the contact page loads contact-preferences and the actions menu, not the bulk table, its virtualizer or the settings', async () => {
    history.replaceState(null, '', `${BASE}/contacts/${WELL_KNOWN.partlyUnsubscribed}`);
    domElement = document.createElement('div');
    document.body.append(domElement);
    await mount({ domElement, basePath: BASE, apiBase: '/api' });
    const harness = new OptOutAppHarness(domElement.querySelector('optout-app')!);
    expect((await harness.preferences()).contactName()).to.equal('Liam Gagnon');
    await waitFor(() => loadedModule('/contact-preferences.ts') && loadedModule('/contact-actions-menu.ts'), 'the contact page modules seen');
    expect(fetched.filter((path) => /\/src\/elements\/(bulk-unsubscribe-table|optout-settings|optout-review-queue)\/|lit-virtual|virtual-core/.test(path))).to.deep.equal([]);
  });

  it('All contacts then loads the bulk table and its virtualizer; Settings > Messaging its form only', async () => {
    const harness = new OptOutAppHarness(domElement.querySelector('optout-app')!);
    await harness.follow('All contacts', 'All contacts');
    await harness.contacts();
    await waitFor(() => loadedModule('/bulk-unsubscribe-table.ts') && fetched.some((p) => p.includes('lit-virtual')), 'the bulk table modules seen');
    expect(loadedModule('/optout-settings.ts')).to.equal(false);
    await harness.follow('Messaging', 'Messaging');
    await harness.settings();
    expect(loadedModule('/optout-settings.ts')).to.equal(true);
    expect(loadedModule('/optout-review-queue.ts')).to.equal(false);
  });

  it("a page whose module fails to load says so with Retry; the heading and navigation stay usable", async () => {
    const harness = new OptOutAppHarness(domElement.querySelector('optout-app')!);
    let refused = 0;
    mock.worker.use(
      http.get(/\/optout-review-queue\.ts$/, () => {
        refused++;
        return HttpResponse.error();
      }),
    );
    await harness.clickLink('Opt-out requests');
    await waitFor(() => harness.message().includes('could not be loaded'), 'the load failure said');
    expect(refused).to.be.greaterThan(0);
    expect(harness.title()).to.equal('Opt-out requests');
    expect(harness.navLinks()).to.deep.equal(['All contacts', 'Opt-out requests', 'Messaging']);
    mock.worker.resetHandlers(...mock.backend.handlers);
    await harness.retry();
    await harness.requests();
  });
});
