// While contact-preferences is still loading its consent dialogs, the user may ask for one and
// then another: only the dialog asked for last opens, never two on top of each other. A file of
// its own: the module must not be loaded yet (the contact changing meanwhile is
// contact-preferences-lazy-contact-change.test.ts).
import { expect, fixture, html } from '@open-wc/testing';
import { http, passthrough } from 'msw';
import '../../../src/define.js';
import type { ContactPreferences } from '../../../src/elements/contact-preferences/contact-preferences.js';
import { ContactPreferencesHarness, waitFor } from '../../../src/testing/index.js';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';

let mock: BrowserMock;

before(async () => {
  mock = await startBrowserMock({ params: new URLSearchParams('reset=1'), persist: false });
  mock.backend.reset();
  await mock.backend.flush();
});
after(() => mock.stop());

describe('contact-preferences asked for two dialogs while they load', () => {
  it('opens only the dialog asked for last', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    // The module arrives only when the test lets it: a slow connection.
    mock.worker.use(
      http.get(/contact-preferences\.on-demand/, async () => {
        asked += 1;
        await held;
        return passthrough();
      }),
    );
    const provider = await fixture(html`<optout-provider api-base="/api" token="mock:u-manager">
      <contact-preferences contact-id=${WELL_KNOWN.partlyUnsubscribed}></contact-preferences>
    </optout-provider>`);
    const el = provider.querySelector('contact-preferences') as ContactPreferences;
    const harness = await new ContactPreferencesHarness(el).loaded();

    harness.resubscribeButton()!.click();
    await waitFor(() => asked === 1, 'the dialogs requested');
    harness.channelPreferencesButton()!.click();
    release();

    const dialog = await waitFor(() => harness.dialog('Channel preferences'), 'the dialog asked for last');
    expect((dialog as HTMLDialogElement).open).to.equal(true);
    expect(harness.dialog('Re-subscribe contact'), 'the one asked for first').to.equal(null);
    expect(asked).to.equal(1);
  });
});
