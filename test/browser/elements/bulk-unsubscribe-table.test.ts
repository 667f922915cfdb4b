// <bulk-unsubscribe-table> against the mock backend (MSW service worker), driven through its
// harness by roles and names; every action is checked against the mock's state afterwards.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { setLocale } from '../../../src/localization/localization.js';
import type { BulkUnsubscribeTable } from '../../../src/elements/bulk-unsubscribe-table/bulk-unsubscribe-table.js';
import type { OptOutBulkUnsubscribeEvent, OptOutBulkUnsubscribeRequestEvent } from '../../../src/elements/bulk-unsubscribe-table/bulk-unsubscribe-table.events.js';
import type { OptOutProvider } from '../../../src/elements/optout-provider/optout-provider.js';
import { http } from 'msw';
import { BulkUnsubscribeTableHarness, fill, getByRole, nameOf, queryAllByRole, textOf, waitFor } from '../../../src/testing/index.js';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import type { BulkJobRecord } from '../../../mocks/store/types.js';
import { runElementConformance } from '../conformance/element-conformance.js';
import { press } from '../helpers/queries.js';
import { forgetJobId } from '../../../src/elements/bulk-unsubscribe-table/job-store.js';

let mock: BrowserMock;

before(async () => {
  mock = await startBrowserMock({ params: new URLSearchParams('reset=1'), persist: false });
});
after(() => mock.stop());

beforeEach(async () => {
  mock.backend.reset({ contacts: 2000 });
  await mock.backend.flush();
  for (const user of ['u-admin', 'u-manager', 'u-agent']) await forgetJobId(user);
});
afterEach(() => {
  mock.backend.faults.reset();
  setLocale('en');
});

const store = () => mock.backend.store;

async function render({ token = '', attributes = {} }: { token?: string; attributes?: Record<string, string> } = {}) {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const provider = document.createElement('optout-provider') as OptOutProvider;
  provider.setAttribute('api-base', '/api');
  if (token) provider.setAttribute('token', token);
  const el = document.createElement('bulk-unsubscribe-table') as BulkUnsubscribeTable;
  el.setAttribute('search-delay', '20');
  // Attributes as a host page writes them in its markup (deep links).
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  provider.append(el);
  container.append(provider);
  const harness = await new BulkUnsubscribeTableHarness(el).loaded();
  shown = harness;
  return { provider, el, harness, container };
}

/** The harness of the table the test rendered last. */
let shown: BulkUnsubscribeTableHarness | undefined;

/**
 * The last job the mock ran, once it stopped moving and the table shows it. Waiting for the table
 * too: the table keeps the job's id (for a reload to reattach) before showing it, and a keep that
 * landed after the next test's beforeEach would make that test's table reattach to this job.
 */
async function lastJob(): Promise<BulkJobRecord> {
  const job = await waitFor(() => store().db.jobs.at(-1), 'a job started');
  await waitFor(() => !['queued', 'running', 'undoing'].includes(job.status), 'the job to stop');
  if (shown) await waitFor(() => shown?.jobTitle(), 'the table to show the job');
  return job;
}

/** Ids of the contacts `job` wrote an opt-out for. */
function changedBy(job: BulkJobRecord): Set<string> {
  return new Set(job.changes.map((c) => c.contactId));
}

/** Ids of every contact with a current consent record written by `jobId`. */
function contactsWithRecordsOf(jobId: string): Set<string> {
  const ids = new Set<string>();
  for (const id of store().matching({ all: true })) {
    const contact = store().contact(id);
    for (const d of contact.destinations) for (const c of store().channels) if (store().currentConsent(d.value, c.id)?.jobId === jobId) ids.add(id);
  }
  return ids;
}

runElementConformance({
  tag: 'bulk-unsubscribe-table',
  firstRequest: 'listContacts',
  subject: { attribute: 'query', values: ['ava', 'liam'] },
  noProviderMessage: /inside an <optout-provider> element/,
  settled: async (el) => {
    await new BulkUnsubscribeTableHarness(el).loaded();
  },
});

describe('bulk-unsubscribe-table', () => {
  it('is titled "All contacts" and shows the total and rows: name, destinations with validity, locations, status, last activity', async () => {
    const { harness, el } = await render();
    expect(harness.total()).to.equal('2,000 contacts');
    expect(harness.rows().length).to.be.greaterThan(5);
    await harness.search('emma.bouchard@');
    expect(harness.rows()).to.deep.equal(['Emma Bouchard']);
    const text = el.shadowRoot?.querySelector('[role="row"][aria-rowindex="2"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).to.include('invalid phone number');
    expect(text).to.include('Downtown');
  });
  it("with contact-href, each row's name links to the contact's page; without it, names are not links", async () => {
    const plain = await render();
    await plain.harness.search('emma.bouchard@');
    expect(queryAllByRole(plain.el, 'link')).to.deep.equal([]);
    const { harness, el } = await render({ attributes: { 'contact-href': '/crm/contacts/{id}' } });
    await harness.search('emma.bouchard@');
    expect(harness.rows()).to.deep.equal(['Emma Bouchard']);
    const links = queryAllByRole(el, 'link');
    expect(links.map((a) => `${nameOf(a)} ${a.getAttribute('href')}`)).to.deep.equal(['Emma Bouchard /crm/contacts/c-000005']);
    // The link is the cell's focus stop in the grid: arrow keys reach it, Enter opens it.
    links[0]!.focus();
    await press('ArrowRight');
    await waitFor(() => el.shadowRoot?.activeElement?.getAttribute('aria-colindex') === '3', 'the focus on the next cell');
    await press('ArrowLeft');
    await waitFor(() => el.shadowRoot?.activeElement === links[0], 'the focus back on the link');
  });
  it('searches after a pause, reflects search and filters in its attributes, and a host deep-links them', async () => {
    const { harness, el } = await render();
    const requests: string[] = [];
    mock.worker.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/contacts')) requests.push(url.search);
    });
    await harness.search('tremblay');
    expect(el.getAttribute('query')).to.equal('tremblay');
    expect(harness.rows().every((name) => /tremblay/i.test(name))).to.equal(true);
    await harness.filter({ location: 'Airport', channelType: 'Email', status: 'Subscribed' });
    expect(el.getAttribute('location-id')).to.equal('loc-airport');
    expect(el.getAttribute('channel-type')).to.equal('email');
    expect(el.getAttribute('status')).to.equal('subscribed');
    const expected = store().matching({ query: 'tremblay', locationId: ['loc-airport'], channelType: 'email', status: ['subscribed'] }).length;
    expect(harness.total()).to.match(new RegExp(`^${expected.toLocaleString('en-US')} contacts?$`));
    expect(requests.at(-1)).to.include('channelType=email');

    const deepLinked = await render({ attributes: { status: 'blocked' } });
    expect(deepLinked.harness.total()).to.match(new RegExp(`^${store().matching({ status: ['blocked'] }).length} contacts?$`));
  });

  it('sends a search typed quickly once, and shows only the last one typed', async () => {
    const { harness, el } = await render();
    el.searchDelay = 200;
    const queries: string[] = [];
    mock.worker.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/contacts')) queries.push(url.searchParams.get('query') ?? '');
    });
    const box = el.shadowRoot!.querySelector('input[type="search"]') as HTMLInputElement;
    for (const text of ['e', 'em', 'emm', 'emma.bouchard@']) {
      box.value = text;
      box.dispatchEvent(new Event('input'));
    }
    await waitFor(() => el.getAttribute('query') === 'emma.bouchard@', 'the last search applied');
    await harness.settled();
    expect(queries).to.deep.equal(['emma.bouchard@']);
    expect(harness.rows()).to.deep.equal(['Emma Bouchard']);
  });

  it('answers of a stale search are never shown, even when they arrive last', async () => {
    const { harness, el } = await render();
    // The mock has finished with the stale search (answered it, late) once it ends its request.
    let staleDone = false;
    const onEnd = ({ request }: { request: Request }) => {
      if (new URL(request.url).searchParams.get('query') === 'ava tremblay') staleDone = true;
    };
    mock.worker.events.on('request:end', onEnd);
    mock.backend.faults.set({ latencyMs: 300 });
    el.query = 'ava tremblay';
    await el.updateComplete;
    mock.backend.faults.reset();
    el.query = 'emma.bouchard@';
    await harness.settled();
    // The slow answer has come back, and must not replace the newer one.
    await waitFor(() => staleDone, 'the slow answer to have come back');
    mock.worker.events.removeListener('request:end', onEnd);
    await harness.settled();
    expect(harness.rows()).to.deep.equal(['Emma Bouchard']);
  });

  it('unsubscribes exactly the rows picked (checkboxes and a Shift+click range), and no other contact', async () => {
    const { harness, el } = await render();
    const requested: OptOutBulkUnsubscribeRequestEvent[] = [];
    const done: OptOutBulkUnsubscribeEvent[] = [];
    el.addEventListener('optout-bulk-unsubscribe-request', (e) => requested.push(e));
    el.addEventListener('optout-bulk-unsubscribe', (e) => done.push(e));
    const ids = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="row"][aria-selected="true"]')].map((row) => Number(row.getAttribute('aria-rowindex')) - 2);
    await harness.selectRows([0]);
    await harness.selectRows([2, 5], { shift: true });
    expect(ids()).to.deep.equal([0, 2, 3, 4, 5]);
    expect(harness.announcement()).to.equal('5 contacts selected.');
    // The ids of those rows, in list order, from the mock's own list.
    const order = store().listContacts({}, null, 10).items.map((c) => c.id);
    const picked = [0, 2, 3, 4, 5].map((i) => order[i]!);
    await harness.openBulkUnsubscribe();
    const review = await harness.review();
    expect(review.headline).to.match(/ of 5 selected contacts will be unsubscribed$/);
    expect(review.typeToConfirm).to.equal(false);
    expect(review.sample.length).to.equal(5);
    await harness.confirm();
    const job = await lastJob();
    expect(job.status).to.equal('completed');
    expect([...job.contactIds].sort()).to.deep.equal([...picked].sort());
    expect(requested).to.have.length(1);
    expect(requested[0]!.count).to.equal(5);
    expect(requested[0]!.bulkTarget.target).to.deep.include({ kind: 'ids' });
    // Only picked contacts carry the job's opt-outs.
    const touched = contactsWithRecordsOf(job.id);
    expect([...touched].every((id) => picked.includes(id))).to.equal(true);
    expect(touched.size).to.equal(job.changed);
    await harness.waitForJob(/^Bulk unsubscribe finished$/);
    expect(harness.result()['Unsubscribed']).to.equal(String(job.changed));
    await waitFor(() => done.length === 1, 'the result event');
    expect(done[0]!.job.id).to.equal(job.id);
  });

  it('clears the selection when the search or a filter changes, and says so', async () => {
    const { harness } = await render();
    await harness.selectRows([0, 1]);
    expect(harness.selectedRows()).to.have.length(2);
    await harness.filter({ status: 'Blocked' });
    expect(harness.selectedRows()).to.deep.equal([]);
    expect(harness.announcement()).to.equal('Selection cleared because the search or filters changed.');
    const [item] = await harness.menuItems();
    expect(item).to.deep.include({ name: 'Unsubscribe', disabled: true });
    expect(item!.description).to.equal('Select contacts first.');
  });

  it('select all matching keeps the filter; rows deselected afterwards stay subscribed', async () => {
    const { harness } = await render();
    await harness.filter({ location: 'Uptown', status: 'Subscribed' });
    const filter = { locationId: ['loc-uptown'], status: ['subscribed' as const] };
    const matching = store().matching(filter);
    expect(harness.headerCheckbox()).to.equal('unchecked');
    await harness.selectRows([0]);
    expect(harness.headerCheckbox()).to.equal('mixed');
    await harness.selectAllMatching();
    expect(harness.banner()).to.equal(`All ${matching.length.toLocaleString('en-US')} matching contacts are selected. Clear selection`);
    await harness.deselect([1, 2]);
    // Rows 1 and 2 of the filtered list, in the mock's own order.
    const keptIds = store().listContacts(filter, null, 10).items.slice(1, 3).map((c) => c.id);
    expect(harness.banner()).to.match(/^[\d,]+ of [\d,]+ matching contacts are selected\./);
    await harness.openBulkUnsubscribe();
    const review = await harness.review();
    expect(review.headline).to.include(`of ${(matching.length - keptIds.length).toLocaleString('en-US')} selected`);
    await harness.confirm(String(matching.length - keptIds.length));
    const job = await lastJob();
    expect(job.contactIds.length).to.equal(matching.length - keptIds.length);
    for (const id of keptIds) {
      expect(job.contactIds).not.to.include(id);
      expect(store().standing(id).status, `${id} stays subscribed`).to.equal('subscribed');
    }
    expect([...changedBy(job)].every((id) => matching.includes(id))).to.equal(true);
  });

  it('runs the filter chosen before "Select all", even when the filter changes while the review is open', async () => {
    const { harness, el } = await render();
    await harness.filter({ location: 'Airport', channelType: 'Email' });
    const before = store().matching({ locationId: ['loc-airport'], channelType: 'email' });
    await harness.selectAllMatching();
    await harness.openBulkUnsubscribe();
    await harness.review();
    // The host (or a deep link) changes the filter meanwhile.
    el.locationId = '';
    el.channelType = 'sms';
    await el.updateComplete;
    expect(harness.dialog(), 'the review stays open').to.not.equal(null);
    await harness.confirm(String(before.length));
    const job = await lastJob();
    expect([...job.contactIds].sort()).to.deep.equal([...before].sort());
  });

  it('above 1,000 contacts asks for the count typed before anything is unsubscribed', async () => {
    const { harness } = await render();
    await harness.selectAllMatching();
    await harness.openBulkUnsubscribe();
    const review = await harness.review();
    expect(review.typeToConfirm).to.equal(true);
    expect(getByRole(harness.dialog()!, 'button', { name: 'Unsubscribe 2,000 contacts' })).to.not.equal(null);
    await harness.confirm('200');
    expect(harness.reviewProblem()).to.equal('Type 2000 exactly to confirm: nothing is unsubscribed until you do.');
    expect(store().db.jobs).to.have.length(0);
    await harness.confirm('2,000');
    const job = await lastJob();
    expect(job.total).to.equal(2000);
  });

  it('Enter pressed again in the count field while the job starts starts one job, not two', async () => {
    const { harness, el } = await render();
    const asked: number[] = [];
    el.addEventListener('optout-bulk-unsubscribe-request', (e) => asked.push(e.count));
    await harness.selectAllMatching();
    await harness.openBulkUnsubscribe();
    await harness.review();
    // The job's start is held until both presses are in.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let starts = 0;
    mock.worker.use(
      http.post('/api/bulk-unsubscribe/jobs', async () => {
        starts += 1;
        await held;
      }),
    );
    try {
      const field = getByRole(harness.dialog()!, 'textbox');
      fill(field, '2000');
      field.focus();
      await press('Enter');
      await waitFor(() => starts === 1, 'the job asked to start');
      await press('Enter');
      release();
      const job = await lastJob();
      expect(job.total).to.equal(2000);
      expect(asked).to.deep.equal([2000]);
      expect(starts).to.equal(1);
      expect(store().db.jobs).to.have.length(1);
    } finally {
      release();
      mock.worker.resetHandlers(...mock.backend.handlers);
    }
  });

  it('a host that cancels the request event stops the job before it starts', async () => {
    const { harness, el } = await render();
    el.addEventListener('optout-bulk-unsubscribe-request', (e) => e.preventDefault());
    await harness.selectRows([0]);
    await harness.openBulkUnsubscribe();
    await harness.confirm();
    expect(store().db.jobs).to.have.length(0);
  });

  it('unsubscribes from chosen channel types and locations only', async () => {
    const { harness } = await render();
    await harness.search('ava.tremblay@');
    await harness.selectRows(['Ava Tremblay']);
    await harness.openBulkUnsubscribe();
    await harness.chooseChannels(['SMS'], ['Downtown']);
    const review = await harness.review();
    expect(review.headline).to.equal('1 of 1 selected contacts will be unsubscribed');
    expect(getByRole(harness.dialog()!, 'button', { name: 'Unsubscribe 1 contact' })).to.not.equal(null);
    await harness.confirm();
    const job = await lastJob();
    expect(job.channelIds).to.deep.equal(['ch-downtown-sms']);
    expect(store().currentConsent('+14162030001', 'ch-downtown-sms')?.status).to.equal('unsubscribed');
    expect(store().currentConsent('+14162030001', 'ch-airport-sms')).to.equal(undefined);
  });

  it('offers no Undo when the job changed nothing (every selected contact already unsubscribed)', async () => {
    const { harness } = await render();
    await harness.search('william.gauthier@');
    await harness.selectRows(['William Gauthier']);
    await harness.openBulkUnsubscribe();
    const review = await harness.review();
    expect(review.headline).to.equal('0 of 1 selected contacts will be unsubscribed');
    await harness.confirm();
    await harness.waitForJob(/^Bulk unsubscribe finished$/);
    expect(store().db.jobs.at(-1)?.changed).to.equal(0);
    expect(() => harness.jobButton('Undo'), 'nothing to undo').to.throw();
    expect(harness.jobButton('Close')).to.not.equal(null);
  });

  it('cancels a running job, then undoes what it changed and nothing else', async () => {
    mock.backend.reset({ contacts: 7000 });
    await mock.backend.flush();
    mock.backend.faults.set({ jobStepMs: 400 });
    const { harness } = await render();
    await harness.selectAllMatching();
    await harness.openBulkUnsubscribe();
    await harness.confirm('7000');
    await harness.waitForJob(/^Bulk unsubscribe in progress$/);
    await waitFor(() => (harness.progress()?.value ?? 0) > 0, 'some contacts processed');
    harness.jobButton('Cancel').click();
    await harness.waitForJob(/^Bulk unsubscribe cancelled$/);
    const job = store().db.jobs.at(-1)!;
    expect(job.status).to.equal('cancelled');
    expect(job.processed).to.be.lessThan(7000);
    const changed = changedBy(job);
    expect(contactsWithRecordsOf(job.id)).to.deep.equal(changed);
    mock.backend.faults.reset();
    harness.jobButton('Undo').click();
    await harness.waitForJob(/^Bulk unsubscribe undone/);
    expect(job.status).to.equal('undone');
    expect(contactsWithRecordsOf(job.id).size).to.equal(0);
  });

  it('from the keyboard, Cancel and then Undo each move focus to the job’s title, which says what it does now, and Close back to Bulk actions', async () => {
    mock.backend.reset({ contacts: 7000 });
    await mock.backend.flush();
    mock.backend.faults.set({ jobStepMs: 400 });
    const { harness, el } = await render();
    await harness.selectAllMatching();
    await harness.openBulkUnsubscribe();
    await harness.confirm('7000');
    await harness.waitForJob(/^Bulk unsubscribe in progress$/);
    await waitFor(() => (store().db.jobs.at(-1)?.changes.length ?? 0) > 0, 'some contacts unsubscribed, for Undo to undo');
    const focusedText = () => textOf(el.shadowRoot!.activeElement);
    harness.jobButton('Cancel').focus();
    await press('Enter');
    await harness.waitForJob(/^Bulk unsubscribe cancelled$/);
    await waitFor(() => focusedText() === 'Bulk unsubscribe cancelled', 'focus on the title');
    mock.backend.faults.reset();
    harness.jobButton('Undo').focus();
    await press('Enter');
    await waitFor(() => /^(Undoing the bulk unsubscribe|Bulk unsubscribe undone)/.test(harness.jobTitle()), 'the undo under way');
    await waitFor(() => focusedText() === harness.jobTitle(), 'focus on the title');
    await lastJob();
    await harness.waitForJob(/^Bulk unsubscribe undone/);
    harness.jobButton('Close').focus();
    await press('Enter');
    await waitFor(() => !harness.jobTitle(), 'the result closed');
    await waitFor(() => el.shadowRoot!.activeElement === harness.bulkActionsButton(), 'focus back on Bulk actions');
  });

  it('rows shown update as the job changes them, before it finishes', async () => {
    mock.backend.reset({ contacts: 7000 });
    await mock.backend.flush();
    mock.backend.faults.set({ jobStepMs: 600 });
    const { harness, el } = await render();
    // The first rows on screen, as they stand before the job: not yet unsubscribed, not blocked.
    const before = store().listContacts({}, null, 15).items.filter((c) => c.status !== 'unsubscribed' && c.status !== 'blocked');
    await harness.selectAllMatching();
    await harness.openBulkUnsubscribe();
    await harness.confirm('7000');
    const job = await waitFor(() => store().db.jobs.find((j) => j.processed > 0 && j.status === 'running'), 'a first chunk done, the job still running');
    // Those the first chunk changed, by the mock's own record of it.
    const changedNow = new Set(job.changes.map((c) => c.contactId));
    const shown = before.filter((c) => changedNow.has(c.id)).map((c) => c.id);
    expect(shown.length, 'some rows on screen were in the first chunk').to.be.greaterThan(0);
    const statusOf = (id: string) => {
      const index = store().listContacts({}, null, 15).items.findIndex((c) => c.id === id);
      return el.shadowRoot!.querySelector(`[role="row"][aria-rowindex="${index + 2}"]`)?.getAttribute('data-status');
    };
    await waitFor(() => shown.every((id) => statusOf(id) === 'unsubscribed'), 'the changed rows shown as unsubscribed');
    expect(store().db.jobs.at(-1)!.status, 'while the job still runs').to.equal('running');
  });

  it('reattaches to a job still running after a reload', async () => {
    mock.backend.reset({ contacts: 7000 });
    await mock.backend.flush();
    mock.backend.faults.set({ jobStepMs: 300 });
    const first = await render();
    await first.harness.selectAllMatching();
    await first.harness.openBulkUnsubscribe();
    await first.harness.confirm('7000');
    await first.harness.waitForJob(/^Bulk unsubscribe in progress$/);
    // The page goes away (a reload): the element and its provider are gone, the job goes on.
    first.container.remove();
    const again = await render();
    await again.harness.waitForJob(/^Bulk unsubscribe in progress$/);
    expect(again.harness.progress()?.max).to.equal(7000);
    mock.backend.faults.reset();
    await again.harness.waitForJob(/^Bulk unsubscribe finished$/, 15000);
    expect(again.harness.result()['Unsubscribed']).to.equal(store().db.jobs.at(-1)!.changed.toLocaleString('en-US'));
  });

  it('can be used with the keyboard only: grid movement, Space to select, the menu and the review', async () => {
    const { harness, el } = await render();
    const header = el.shadowRoot!.querySelector<HTMLInputElement>('input[data-cell="-1:0"]')!;
    header.focus();
    await press('ArrowDown');
    await press('Space');
    await press('ArrowRight');
    await press('ArrowDown');
    await press('Space');
    expect(harness.selectedRows()).to.deep.equal(harness.rows().slice(0, 2));
    expect(harness.announcement()).to.equal('2 contacts selected.');
    harness.bulkActionsButton().focus();
    await press('Enter');
    await waitFor(() => el.shadowRoot?.activeElement?.getAttribute('role') === 'menuitem', 'the first menu item focused');
    await press('Enter');
    await harness.review();
    const dialog = harness.dialog()!;
    await waitFor(() => dialog.contains(el.shadowRoot!.activeElement), 'focus inside the dialog');
    // Tab to the confirm button and press it.
    for (let i = 0; i < 10 && !/^Unsubscribe \d+ contacts$/.test(el.shadowRoot!.activeElement?.textContent?.trim() ?? ''); i++) await press('Tab');
    await press('Enter');
    const job = await lastJob();
    expect(job.total).to.equal(2);
    await waitFor(() => !harness.dialog(), 'the dialog closed');
  });

  it('keeps one tab stop in the grid, on the header checkbox when the focused row has scrolled away', async () => {
    const { el } = await render();
    const tabStops = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="grid"] [tabindex="0"]')].map((e) => e.dataset.cell);
    el.shadowRoot!.querySelector<HTMLInputElement>('input[data-cell="-1:0"]')!.focus();
    await press('ArrowDown');
    await press('ArrowRight');
    expect(tabStops()).to.deep.equal(['0:1']);
    el.scrollToRow(1500);
    await waitFor(() => el.shadowRoot!.querySelector('[role="row"][aria-rowindex="1502"]'), 'row 1,500 rendered');
    await el.updateComplete;
    expect(tabStops()).to.deep.equal(['-1:0']);
  });

  it('an agent sees Unsubscribe disabled, with the reason', async () => {
    const { harness } = await render({ token: 'mock:u-agent' });
    await harness.selectRows([0]);
    const [item] = await harness.menuItems();
    expect(item).to.deep.include({ name: 'Unsubscribe', disabled: true });
    expect(item!.description).to.equal('Only managers and admins can bulk unsubscribe contacts.');
  });

  it('shows an empty list, a filter that matches nothing, and an error with a retry', async () => {
    const { harness } = await render({ attributes: { query: 'no such contact anywhere' } });
    expect(harness.message()).to.include('No contacts match the search and filters.');
    mock.backend.faults.set({ errorRate: 1 });
    const failing = await render();
    expect(failing.harness.message()).to.include('could not be loaded');
    mock.backend.faults.reset();
  });

  it('in French, counts and labels are French', async () => {
    await setLocale('fr-CA');
    const { harness } = await render();
    // The harness reads text as a person does, spaces (the French thousands separator too) collapsed.
    expect(harness.total()).to.equal('2 000 contacts');
    expect(harness.element.shadowRoot?.querySelector('h2')?.textContent).to.equal('Tous les contacts');
    await harness.selectRows([0, 1]);
    expect(harness.announcement()).to.equal('2 contacts sélectionnés.');
    await harness.search('emma.bouchard@');
    expect(harness.announcement()).to.equal('Sélection effacée, car la recherche ou les filtres ont changé.');
    await harness.selectRows([0]);
    await harness.openBulkUnsubscribe();
    expect((await harness.review()).headline).to.equal('1 des 1 contacts sélectionnés seront désabonnés');
  });
});
