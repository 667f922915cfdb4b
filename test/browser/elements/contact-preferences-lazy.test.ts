// The dialogs that change consent (re-subscribe, channel preferences) load when a user allowed to
// use them is about to (a pointer or focus on the actions, or a click), not with the element:
// reading a contact does not pay for them.
// A file of its own: each test file runs in a fresh page, so nothing else has loaded the module
// (the failure is contact-preferences-lazy-failure.test.ts: a page keeps a failed module load).
import { expect } from '@open-wc/testing';
import { resetMouse } from '@web/test-runner-commands';
import '../../../src/define.js';
import { waitFor } from '../../../src/testing/index.js';
import { ON_DEMAND_MODULE, renderPreferences, useFreshMock } from '../helpers/contact-preferences-on-demand.js';
import { hover } from '../helpers/queries.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';

const mock = useFreshMock();
/** The requests for the dialogs' module, as the mock's worker saw them. */
const moduleRequests: string[] = [];

before(() => {
  mock().worker.events.on('request:start', ({ request }) => {
    if (ON_DEMAND_MODULE.test(request.url)) moduleRequests.push(request.url);
  });
});
afterEach(() => resetMouse());


/**
 * Resolves once the mock's worker has answered a request sent after everything the page asked
 * for until now: a module requested before it has been seen by then.
 */
async function afterEarlierRequests(token: string): Promise<void> {
  await fetch('/api/me', { headers: { Authorization: `Bearer ${token}` } });
}

describe('contact-preferences loads its consent dialogs on demand', () => {
  it('reading a contact, the pointer on the channels, loads neither dialog', async () => {
    const { harness } = await renderPreferences(WELL_KNOWN.partlyUnsubscribed, 'mock:u-agent');
    await hover(harness.grid()!);
    await afterEarlierRequests('mock:u-agent');
    expect(moduleRequests, 'loaded for a user only reading').to.deep.equal([]);
  });

  it('a manager loads nothing while reading, loads them once the pointer is on the actions, and Re-subscribe… opens its dialog', async () => {
    const { harness } = await renderPreferences(WELL_KNOWN.partlyUnsubscribed, 'mock:u-manager');
    await afterEarlierRequests('mock:u-manager');
    expect(moduleRequests, 'loaded before anyone went near the actions').to.deep.equal([]);
    await hover(harness.resubscribeButton()!);
    await waitFor(() => moduleRequests.length === 1, 'the dialogs requested on the way to them');
    const dialog = await harness.openResubscribe();
    expect(dialog.isOpen()).to.equal(true);
    expect(dialog.channels().length).to.be.greaterThan(0);
    dialog.cancel();
    const preferences = await harness.openChannelPreferences();
    expect(preferences.isOpen(), 'the other dialog came in the same load').to.equal(true);
    expect(moduleRequests, 'one request for both dialogs').to.have.length(1);
  });
});
