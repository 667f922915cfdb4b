// <optout-settings> warns before the page is left with unsaved changes. Its own file: the mock's
// service worker stops serving a page once it has seen `beforeunload`, so nothing may follow it.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import type { OptOutSettings } from '../../../src/elements/optout-settings/optout-settings.js';
import type { OptOutProvider } from '../../../src/elements/optout-provider/optout-provider.js';
import { OptOutSettingsHarness } from '../../../src/testing/index.js';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';

let mock: BrowserMock;
before(async () => {
  mock = await startBrowserMock({ params: new URLSearchParams('reset=1'), persist: false });
});
after(() => mock.stop());

it('optout-settings warns on leaving with unsaved changes, and not without', async () => {
  const provider = await fixture<OptOutProvider>(html`<optout-provider api-base="/api"><optout-settings></optout-settings></optout-provider>`);
  const el = provider.querySelector('optout-settings') as OptOutSettings;
  const harness = await new OptOutSettingsHarness(el).loaded();
  // Every request the test needs is made before the first beforeunload.
  harness.chooseScope('Only the channel messaged');
  await el.updateComplete;
  const leave = () => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  };
  expect(leave()).to.equal(true);
  harness.chooseScope('All channels of the same type');
  await el.updateComplete;
  expect(harness.hasUnsavedChanges()).to.equal(false);
  expect(leave()).to.equal(false);
  harness.chooseScope('Only the channel messaged');
  await el.updateComplete;
  el.remove();
  expect(leave()).to.equal(false, 'a removed element no longer holds the page');
});
