// When the bulk job's code (loaded on demand) cannot be loaded, the table says so where the job
// would show, opens no review and starts nothing.
// A file of its own: a page keeps a failed module load for its whole life.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../../src/define.js';
import { renderBulkTable } from '../helpers/bulk-table.js';
import { waitFor } from '../../../src/testing/index.js';
import { getByRole, queryByRole } from '../../../src/testing/queries.js';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { forgetJobId } from '../../../src/elements/bulk-unsubscribe-table/job-store.js';

let mock: BrowserMock;

before(async () => {
  mock = await startBrowserMock({ params: new URLSearchParams('reset=1'), persist: false });
  mock.backend.reset({ contacts: 200 });
  await mock.backend.flush();
  await forgetJobId('u-admin');
});
after(() => mock.stop());

const JOB_MODULE = 'bulk-job-controller';


describe('bulk-unsubscribe-table when the bulk job cannot be loaded', () => {
  it('says so, opens no review and starts no job', async () => {
    const { el, harness } = await renderBulkTable();
    await harness.selectRows([0, 1]);
    let refused = 0;
    // The module's request fails (a dropped connection), through the mock's worker.
    mock.worker.use(
      http.get(new RegExp(`${JOB_MODULE}\\.ts`), () => {
        refused += 1;
        return HttpResponse.error();
      }),
    );
    harness.bulkActionsButton().click();
    const menu = await waitFor(() => queryByRole(el, 'menu'), 'the bulk actions menu');
    getByRole(menu, 'menuitem', { name: 'Unsubscribe' }).click();
    const alert = await waitFor(() => queryByRole(el, 'alert'), 'the failure said');
    expect(refused).to.equal(1);
    expect(alert.textContent).to.contain('Bulk unsubscribe could not be loaded');
    expect(alert.textContent).to.contain('Reload the page');
    expect(harness.dialog(), 'no review opens without its code').to.equal(null);
    expect(mock.backend.store.db.jobs).to.have.length(0);
  });
});
