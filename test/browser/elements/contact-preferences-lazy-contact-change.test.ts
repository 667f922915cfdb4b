// While contact-preferences is still loading its consent dialogs, the element may move to another
// contact: a dialog asked for on the first never opens on the second. A file of its own: the
// module must not be loaded yet.
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

describe('contact-preferences moved to another contact while its dialogs load', () => {
  it('opens no dialog on a contact it was not asked for on', async () => {
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
    el.contactId = WELL_KNOWN.whatsappExcluded;
    await waitFor(() => harness.summary().includes('7 of 9'), 'Charlotte Morin shown');
    release();
    // Once the code is in, a dialog asked for on Charlotte Morin opens at once: by then, one asked
    // for on Liam Gagnon would have.
    const dialog = await harness.openChannelPreferences();
    expect(dialog.isOpen()).to.equal(true);
    expect(harness.dialog('Re-subscribe contact'), 'the one asked for on Liam Gagnon').to.equal(null);
    expect(asked).to.equal(1);
  });
});
