// When the consent dialogs' code (loaded on demand) cannot be loaded, contact-preferences says so
// beside the actions, opens no dialog and sends nothing.
// A file of its own: a page keeps a failed module load.
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../../src/define.js';
import type { ContactPreferences } from '../../../src/elements/contact-preferences/contact-preferences.js';
import { ContactPreferencesHarness, waitFor } from '../../../src/testing/index.js';
import { queryByRole } from '../helpers/queries.js';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';

let mock: BrowserMock;

before(async () => {
  mock = await startBrowserMock({ params: new URLSearchParams('reset=1'), persist: false });
  mock.backend.reset();
  await mock.backend.flush();
});
after(() => mock.stop());

describe('contact-preferences when its consent dialogs cannot be loaded', () => {
  it('says so, opens no dialog and changes nothing', async () => {
    const provider = await fixture(html`<optout-provider api-base="/api" token="mock:u-manager">
      <contact-preferences contact-id=${WELL_KNOWN.partlyUnsubscribed}></contact-preferences>
    </optout-provider>`);
    const el = provider.querySelector('contact-preferences') as ContactPreferences;
    const harness = await new ContactPreferencesHarness(el).loaded();
    const before = JSON.stringify(mock.backend.store.db.consent);
    let refused = 0;
    // The module's request fails (a dropped connection), through the mock's worker.
    mock.worker.use(
      http.get(/contact-preferences\.dialogs/, () => {
        refused += 1;
        return HttpResponse.error();
      }),
    );
    harness.resubscribeButton()!.click();
    const alert = await waitFor(() => queryByRole(el, 'alert'), 'the failure said');
    expect(refused).to.equal(1);
    expect(alert.textContent).to.contain('The dialog could not be loaded');
    expect(alert.textContent).to.contain('Nothing was changed');
    expect(harness.dialog('Re-subscribe contact'), 'no dialog opens without its code').to.equal(null);
    expect(JSON.stringify(mock.backend.store.db.consent)).to.equal(before);
  });
});
