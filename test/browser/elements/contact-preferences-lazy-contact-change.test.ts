// While contact-preferences is still loading its consent dialogs, the element may move to another
// contact: a dialog asked for on the first never opens on the second. A file of its own: the
// module must not be loaded yet.
import { expect } from '@open-wc/testing';
import '../../../src/define.js';
import { waitFor } from '../../../src/testing/index.js';
import { holdOnDemandModule, renderPreferences, useFreshMock } from '../helpers/contact-preferences-on-demand.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';

const mock = useFreshMock();


describe('contact-preferences moved to another contact while its dialogs load', () => {
  it('opens no dialog on a contact it was not asked for on', async () => {
    // The module arrives only when the test lets it: a slow connection.
    const module = holdOnDemandModule(mock());
    const { el, harness } = await renderPreferences(WELL_KNOWN.partlyUnsubscribed);

    harness.resubscribeButton()!.click();
    await waitFor(() => module.asked() === 1, 'the dialogs requested');
    el.contactId = WELL_KNOWN.whatsappExcluded;
    await waitFor(() => harness.summary().includes('7 of 9'), 'Charlotte Morin shown');
    module.release();
    // Once the code is in, a dialog asked for on Charlotte Morin opens at once: by then, one asked
    // for on Liam Gagnon would have.
    const dialog = await harness.openChannelPreferences();
    expect(dialog.isOpen()).to.equal(true);
    expect(harness.dialog('Re-subscribe contact'), 'the one asked for on Liam Gagnon').to.equal(null);
    expect(module.asked()).to.equal(1);
  });
});
