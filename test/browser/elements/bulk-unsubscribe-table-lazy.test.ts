// The bulk job's code (review, progress, undo) loads when it is first needed, not with the table:
// a page that only browses contacts does not pay for it, and a page that cannot load it says so.
// A file of its own: each test file runs in a fresh page, so nothing else has loaded the module
// (the failure is bulk-unsubscribe-table-lazy-failure.test.ts: a page keeps a failed module load).
import { expect } from '@open-wc/testing';
import '../../../src/define.js';
import { renderBulkTable } from '../helpers/bulk-table.js';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { forgetJobId } from '../../../src/elements/bulk-unsubscribe-table/job-store.js';

let mock: BrowserMock;

before(async () => {
  // The test runner's own modules fill the default buffer of 250 entries; the module's must fit.
  performance.setResourceTimingBufferSize(100_000);
  mock = await startBrowserMock({ params: new URLSearchParams('reset=1'), persist: false });
  mock.backend.reset({ contacts: 200 });
  await mock.backend.flush();
  await forgetJobId('u-admin');
});
after(() => mock.stop());

const JOB_MODULE = 'bulk-job-controller';
const jobModuleRequested = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes(JOB_MODULE));


describe('bulk-unsubscribe-table loads the bulk job on demand', () => {
  it('browsing and selecting never loads it; Bulk actions > Unsubscribe loads it and opens the review', async () => {
    const { harness } = await renderBulkTable();
    await harness.selectRows([0, 1]);
    expect(jobModuleRequested(), 'loaded before it was needed').to.equal(false);
    await harness.openBulkUnsubscribe();
    const review = await harness.review();
    expect(review.headline).to.contain('2');
    expect(jobModuleRequested()).to.equal(true);
  });
});
