// When the code contact-preferences loads on demand (the consent dialogs, the pending requests'
// decisions) cannot be loaded, it says so where the part would show, opens no dialog, sends
// nothing, and never lets a pending request pass for none.
// A file of its own: nothing else in the page may have loaded the module (a failed load is tried
// again on the next need: each test sees its own refusal).
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../../src/define.js';
import { waitFor } from '../../../src/testing/index.js';
import { ON_DEMAND_MODULE, renderPreferences, useFreshMock } from '../helpers/contact-preferences-on-demand.js';
import { queryAllByRole, queryByRole, textOf } from '../helpers/queries.js';
import { HttpOptOutClient } from '../../../src/client/index.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';

const mock = useFreshMock();
const integration = new HttpOptOutClient({ baseUrl: '/api', token: 'mock:u-integration', retry: { baseDelayMs: 1, maxDelayMs: 5 } });



let refused = 0;
beforeEach(() => {
  refused = 0;
  // The module's request fails (a dropped connection), through the mock's worker.
  mock().worker.use(
    http.get(ON_DEMAND_MODULE, () => {
      refused += 1;
      return HttpResponse.error();
    }),
  );
});

describe('contact-preferences when the parts it loads on demand cannot be loaded', () => {
  it('a pending request is still said to be there, and that it could not be shown', async () => {
    const phone = mock().backend.store.contact(WELL_KNOWN.subscribed).destinations.find((d) => d.kind === 'phone')!.value;
    await integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: phone, body: 'please stop texting me' }, {});
    const { el, harness } = await renderPreferences(WELL_KNOWN.subscribed);
    const section = queryByRole(el, 'group', { name: 'Pending opt-out requests' });
    expect(section, 'the section is there').to.not.equal(null);
    expect(textOf(queryByRole(section!, 'alert'))).to.contain('The pending requests could not be shown');
    expect(harness.requests(), 'no request offered without its decisions').to.have.length(0);
    expect(refused).to.be.greaterThan(0);
  });

  it('a dialog asked for says so and opens nothing', async () => {
    const { el, harness } = await renderPreferences(WELL_KNOWN.partlyUnsubscribed);
    harness.resubscribeButton()!.click();
    const alert = await waitFor(() => queryAllByRole(el, 'alert').find((a) => textOf(a).includes('The dialog could not be loaded')), 'the failure said');
    expect(refused).to.be.greaterThan(0);
    expect(textOf(alert)).to.contain('Nothing was changed');
    expect(harness.dialog('Re-subscribe contact'), 'no dialog opens without its code').to.equal(null);
  });
});
