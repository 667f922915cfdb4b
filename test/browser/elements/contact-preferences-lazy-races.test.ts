// While contact-preferences is still loading its consent dialogs, the user may ask for one and
// then another: only the dialog asked for last opens, never two on top of each other. A file of
// its own: the module must not be loaded yet (the contact changing meanwhile is
// contact-preferences-lazy-contact-change.test.ts).
import { expect } from '@open-wc/testing';
import '../../../src/define.js';
import { waitFor } from '../../../src/testing/index.js';
import { holdOnDemandModule, renderPreferences, useFreshMock } from '../helpers/contact-preferences-on-demand.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';

const mock = useFreshMock();


describe('contact-preferences asked for two dialogs while they load', () => {
  it('opens only the dialog asked for last', async () => {
    // The module arrives only when the test lets it: a slow connection.
    const module = holdOnDemandModule(mock());
    const { harness } = await renderPreferences(WELL_KNOWN.partlyUnsubscribed);

    harness.resubscribeButton()!.click();
    await waitFor(() => module.asked() === 1, 'the dialogs requested');
    harness.channelPreferencesButton()!.click();
    module.release();

    const dialog = await waitFor(() => harness.dialog('Channel preferences'), 'the dialog asked for last');
    expect((dialog as HTMLDialogElement).open).to.equal(true);
    expect(harness.dialog('Re-subscribe contact'), 'the one asked for first').to.equal(null);
    expect(module.asked()).to.equal(1);
  });
});
