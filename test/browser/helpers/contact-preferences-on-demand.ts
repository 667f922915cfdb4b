// What the tests of contact-preferences' on-demand parts share: the element in a provider, and its
// on-demand module held back like a slow connection would.
import { fixture, html } from '@open-wc/testing';
import { http, passthrough } from 'msw';
import type { ContactPreferences } from '../../../src/elements/contact-preferences/contact-preferences.js';
import { ContactPreferencesHarness } from '../../../src/testing/index.js';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';

/** The module's requests, whatever name a bundler gives its chunk. */
export const ON_DEMAND_MODULE = /contact-preferences\.on-demand/;

/** `<contact-preferences>` for `contactId` in a provider signed in with `token`, shown. */
export async function renderPreferences(contactId: string, token = 'mock:u-manager') {
  const provider = await fixture(html`<optout-provider api-base="/api" token=${token}>
    <contact-preferences contact-id=${contactId}></contact-preferences>
  </optout-provider>`);
  const el = provider.querySelector('contact-preferences') as ContactPreferences;
  return { el, harness: await new ContactPreferencesHarness(el).loaded() };
}

/** Holds the module's requests until `release()`; `asked()` counts them. */
export function holdOnDemandModule(mock: BrowserMock): { asked(): number; release(): void } {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = 0;
  mock.worker.use(
    http.get(ON_DEMAND_MODULE, async () => {
      asked += 1;
      await held;
      return passthrough();
    }),
  );
  return { asked: () => asked, release };
}

/**
 * The file's mock backend, on a fresh seed: started before its tests and stopped after them.
 * Call it at the top of the file; the function it returns gives the mock inside tests and hooks.
 */
export function useFreshMock(): () => BrowserMock {
  let mock: BrowserMock | undefined;
  before(async () => {
    mock = await startBrowserMock({ params: new URLSearchParams('reset=1'), persist: false });
    mock.backend.reset();
    await mock.backend.flush();
  });
  after(() => mock?.stop());
  return () => {
    if (!mock) throw new Error('The mock backend starts before the tests of the file');
    return mock;
  };
}
