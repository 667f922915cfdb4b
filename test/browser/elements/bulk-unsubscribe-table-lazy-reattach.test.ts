// A page reloaded during a bulk job loads the job's code at once, to reattach. A user who chooses
// Bulk actions > Unsubscribe while that code is still on its way gets the review when it arrives:
// the choice is not dropped. A file of its own, so that the module has not been loaded yet.
import { expect } from '@open-wc/testing';
import { http, passthrough } from 'msw';
import '../../../src/define.js';
import { renderBulkTable } from '../helpers/bulk-table.js';
import { waitFor } from '../../../src/testing/index.js';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { forgetJobId, keepJobId } from '../../../src/elements/bulk-unsubscribe-table/job-store.js';

let mock: BrowserMock;

before(async () => {
  mock = await startBrowserMock({ params: new URLSearchParams('reset=1'), persist: false });
  mock.backend.reset({ contacts: 200 });
  await mock.backend.flush();
});
after(async () => {
  await forgetJobId('u-admin');
  await mock.stop();
});

describe('bulk-unsubscribe-table while the job code loads for a reattach', () => {
  it('opens the review once the code arrives, instead of ignoring the choice', async () => {
    // A job id kept by an earlier visit (the backend no longer has it): the table loads the job's code to look.
    await keepJobId('u-admin', 'job-from-an-earlier-visit');
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    mock.worker.use(
      http.get(/bulk-job-controller\.ts/, async () => {
        held += 1;
        await released;
        return passthrough();
      }),
    );
    const { harness } = await renderBulkTable();
    await waitFor(() => held === 1, 'the job code requested for the reattach');
    await harness.selectRows([0]);
    const opened = harness.openBulkUnsubscribe();
    release();
    await opened;
    expect((await harness.review()).headline).to.contain('1');
  });
});
