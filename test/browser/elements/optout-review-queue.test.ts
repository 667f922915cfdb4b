// <optout-review-queue> against the mock backend: the organization's pending opt-out requests,
// decided as a manager does, with the backend's state checked after each decision.
import { computeAccessibleDescription } from 'dom-accessibility-api';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import { setLocale } from '../../../src/localization/localization.js';
import { HttpOptOutClient } from '../../../src/client/index.js';
import type { OptOutProvider } from '../../../src/elements/optout-provider/optout-provider.js';
import { ContactPreferencesHarness, OptOutReviewQueueHarness, fill, getByRole, queryByRole, textOf, waitFor } from '../../../src/testing/index.js';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';
import { runElementConformance } from '../conformance/element-conformance.js';
import { holdNextPages } from '../helpers/held-pages.js';

let mock: BrowserMock;
const integration = new HttpOptOutClient({ baseUrl: '/api', token: 'mock:u-integration', retry: { baseDelayMs: 1, maxDelayMs: 5 } });
const admin = new HttpOptOutClient({ baseUrl: '/api', token: 'mock:u-admin' });

before(async () => {
  mock = await startBrowserMock({ params: new URLSearchParams('reset=1'), persist: false });
});
after(() => mock.stop());

beforeEach(async () => {
  mock.backend.reset();
  await mock.backend.flush();
});
afterEach(() => setLocale('en'));

const store = () => mock.backend.store;
const phoneOf = (contactId: string) => store().contact(contactId).destinations.find((d) => d.kind === 'phone' && d.valid)!.value;
const pendingIds = () => store().db.reviews.filter((r) => r.status === 'pending').map((r) => r.id);

/** Queues a plain-language request from the contact's phone, as the messaging integration reports it. */
async function queue(from: string, body = 'please stop texting me', channelId = 'ch-downtown-sms'): Promise<string> {
  const result = await integration.receiveInboundMessage({ channelId, from, body }, {});
  expect(result.action).to.equal('queued-for-review');
  return result.reviewId!;
}

async function render({ token = 'mock:u-manager', pageSize }: { token?: string; pageSize?: number } = {}) {
  const provider = await fixture<OptOutProvider>(html`<optout-provider api-base="/api" token=${token}>
    <optout-review-queue contact-href="/crm/contacts/{id}" page-size=${pageSize ?? 20}></optout-review-queue>
  </optout-provider>`);
  const el = provider.querySelector('optout-review-queue')!;
  const harness = await new OptOutReviewQueueHarness(el).loaded();
  return { provider, el, harness };
}

/** Requests the page sent whose path ends with `suffix`, from now on. */
function requestsTo(suffix: string): string[] {
  const seen: string[] = [];
  mock.worker.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname.endsWith(suffix)) seen.push(request.method);
  });
  return seen;
}

runElementConformance({
  tag: 'optout-review-queue',
  firstRequest: 'listReviews',
  noProviderMessage: /inside an <optout-provider> element/,
  settled: async (el) => {
    await new OptOutReviewQueueHarness(el).loaded();
  },
});

describe('optout-review-queue', () => {
  it("lists every pending request with who wrote what, where, and the deadline, and says how many", async () => {
    await queue(phoneOf(WELL_KNOWN.subscribed));
    await queue(phoneOf(WELL_KNOWN.whatsappExcluded), 'can you take me off your list', 'ch-airport-sms');
    const { harness } = await render();
    const count = pendingIds().length;
    expect(count).to.be.greaterThanOrEqual(2);
    expect(harness.title()).to.equal(`Opt-out requests (${count})`);
    expect(harness.requests()).to.have.length(Math.min(count, 20));
    const ava = harness.request('Ava Tremblay');
    expect(ava.text()).to.match(/^Ava Tremblay \+1 \d{3} \d{3} \d{4} please stop texting me Received .* on Downtown SMS Decide by .* Unsubscribing would stop messages on: Downtown SMS, Airport SMS, and Uptown SMS Unsubscribe Dismiss$/);
    expect(harness.request('Charlotte Morin').text()).to.contain('on Airport SMS');
  });

  it('lists them soonest deadline first, as the backend orders them', async () => {
    await queue(phoneOf(WELL_KNOWN.subscribed));
    await queue(phoneOf(WELL_KNOWN.whatsappExcluded), 'can you take me off your list', 'ch-airport-sms');
    const { el } = await render();
    const expected = [...store().db.reviews].filter((r) => r.status === 'pending').sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    const shown = new OptOutReviewQueueHarness(el).requests().map((r) => r.text());
    expected.slice(0, shown.length).forEach((review, i) => expect(shown[i]).to.contain(review.body));
  });

  it("links each contact to its page in the host, where the host says it is", async () => {
    await queue(phoneOf(WELL_KNOWN.subscribed));
    const { harness } = await render();
    const link = getByRole(harness.request('Ava Tremblay').item, 'link', { name: 'Ava Tremblay' });
    expect(link.getAttribute('href')).to.equal(`/crm/contacts/${WELL_KNOWN.subscribed}`);
  });

  it('Unsubscribe applies the request: the contact is unsubscribed, the request leaves the list, and it is announced', async () => {
    const reviewId = await queue(phoneOf(WELL_KNOWN.subscribed));
    const { harness } = await render();
    const before = pendingIds().length;
    const applies = requestsTo(`/reviews/${reviewId}/apply`);
    harness.request('Ava Tremblay').unsubscribe();
    await waitFor(() => !harness.requests().some((r) => r.text().includes('Ava Tremblay')), 'the request gone from the list');
    expect(applies).to.deep.equal(['POST']);
    expect(store().db.reviews.find((r) => r.id === reviewId)?.status).to.equal('applied');
    const detail = store().detail(WELL_KNOWN.subscribed);
    expect(detail.eligibility.find((e) => e.channelId === 'ch-downtown-sms')?.canMessage).to.equal(false);
    // The seed's rule, all channels of the same type: every SMS channel.
    expect(harness.announcement()).to.equal('Request applied: unsubscribed from Downtown SMS, Airport SMS, and Uptown SMS.');
    await waitFor(() => harness.title() === `Opt-out requests (${before - 1})`, 'the count one less');
  });

  it('from the keyboard, focus goes to the title once the decided request has left the list', async () => {
    await queue(phoneOf(WELL_KNOWN.subscribed));
    const { el, harness } = await render();
    const button = getByRole(harness.request('Ava Tremblay').item, 'button', { name: 'Unsubscribe' });
    button.focus();
    button.click();
    await waitFor(() => !harness.requests().some((r) => r.text().includes('Ava Tremblay')), 'the request gone from the list');
    await waitFor(() => el.shadowRoot!.activeElement !== null, 'focus kept in the queue');
    expect(textOf(el.shadowRoot!.activeElement)).to.equal(harness.title());
  });

  it('from the keyboard, a failed Unsubscribe keeps focus on its button and its request in the list', async () => {
    await queue(phoneOf(WELL_KNOWN.subscribed));
    const { el, harness } = await render();
    mock.backend.faults.set({ errorRate: 1 });
    const button = getByRole(harness.request('Ava Tremblay').item, 'button', { name: 'Unsubscribe' });
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => button.getAttribute('aria-disabled') === 'true', 'the button busy');
    expect(el.shadowRoot!.activeElement).to.equal(button, 'focus kept while busy');
    await waitFor(() => harness.problem() !== '', 'the failure shown', 10000);
    mock.backend.faults.reset();
    expect(button.hasAttribute('aria-disabled')).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(button, 'focus kept after the failure');
    expect(harness.request('Ava Tremblay').text()).to.contain('please stop');
  });

  it('Dismiss needs a reason, sends nothing without one, and keeps the contact subscribed', async () => {
    const reviewId = await queue(phoneOf(WELL_KNOWN.subscribed), 'can you take me off this list');
    const { el, harness } = await render();
    const dismissals = requestsTo(`/reviews/${reviewId}/dismiss`);
    const dialog = await harness.request('Ava Tremblay').openDismiss();
    // From the keyboard, without a reason: focus on the button, Enter.
    getByRole(dialog, 'button', { name: 'Dismiss request' }).focus();
    await sendKeys({ press: 'Enter' });
    // The queue holds many contacts' requests: the dialog says whose this is.
    expect(computeAccessibleDescription(dialog)).to.equal(
      'Dismissing keeps Ava Tremblay subscribed. Say why this message is not a request to stop: can you take me off this list',
    );
    await waitFor(() => getByRole(dialog, 'alert').textContent?.includes('Say why this message is not a request to stop'), 'the missing reason said');
    expect(dismissals).to.deep.equal([]);
    expect(el.shadowRoot!.activeElement === getByRole(dialog, 'textbox', { name: 'Reason' }), 'focus on the reason to write').to.equal(true);
    fill(getByRole(dialog, 'textbox', { name: 'Reason' }), 'Asking about the waiting list for a table');
    getByRole(dialog, 'button', { name: 'Dismiss request' }).click();
    await waitFor(() => !harness.requests().some((r) => r.text().includes('Ava Tremblay')), 'the request gone from the list');
    const review = store().db.reviews.find((r) => r.id === reviewId);
    expect(review?.status).to.equal('dismissed');
    expect(review?.decisionNote).to.equal('Asking about the waiting list for a table');
    expect(store().detail(WELL_KNOWN.subscribed).eligibility.every((e) => e.canMessage)).to.equal(true);
  });

  it('fires a cancelable request event: preventDefault() sends nothing and leaves the request pending', async () => {
    const reviewId = await queue(phoneOf(WELL_KNOWN.subscribed));
    const { harness, provider } = await render();
    const applies = requestsTo(`/reviews/${reviewId}/apply`);
    let seen: string | undefined;
    provider.addEventListener('optout-review-apply-request', (e) => {
      seen = e.review.id;
      e.preventDefault();
    });
    harness.request('Ava Tremblay').unsubscribe();
    expect(seen).to.equal(reviewId);
    expect(applies).to.deep.equal([]);
    expect(store().db.reviews.find((r) => r.id === reviewId)?.status).to.equal('pending');
  });

  it('a request someone else decided meanwhile says so and leaves the list; nothing is applied twice', async () => {
    const reviewId = await queue(phoneOf(WELL_KNOWN.subscribed));
    const { harness } = await render();
    await admin.dismissReview(reviewId, 'Decided on another screen', {});
    harness.request('Ava Tremblay').unsubscribe();
    await waitFor(() => /Someone already decided this request/.test(harness.problem()), 'the conflict said');
    await waitFor(() => !harness.requests().some((r) => r.text().includes('Ava Tremblay')), 'the stale request gone');
    expect(store().db.reviews.find((r) => r.id === reviewId)?.status).to.equal('dismissed');
    expect(store().detail(WELL_KNOWN.subscribed).eligibility.every((e) => e.canMessage)).to.equal(true);
  });

  it('a contact-preferences in the same provider shows the opt-out applied from the queue', async () => {
    await queue(phoneOf(WELL_KNOWN.subscribed));
    const provider = await fixture<OptOutProvider>(html`<optout-provider api-base="/api" token="mock:u-manager">
      <optout-review-queue></optout-review-queue>
      <contact-preferences contact-id=${WELL_KNOWN.subscribed}></contact-preferences>
    </optout-provider>`);
    const queueHarness = await new OptOutReviewQueueHarness(provider.querySelector('optout-review-queue')!).loaded();
    const preferences = await new ContactPreferencesHarness(provider.querySelector('contact-preferences')!).loaded();
    expect(preferences.canMessage('Downtown', 'SMS')).to.equal(true);
    queueHarness.request('Ava Tremblay').unsubscribe();
    await waitFor(() => preferences.canMessage('Downtown', 'SMS') === false, 'contact-preferences updated');
    expect(preferences.requests()).to.have.length(0);
  });

  it('shows a request from an address no contact has by that address', async () => {
    await queue('+14165550199', 'please stop texting me');
    const { harness } = await render();
    expect(harness.request('+1 416 555 0199').text()).to.contain('(no contact has this address)');
  });

  it('pages with "Show more"', async () => {
    await queue(phoneOf(WELL_KNOWN.subscribed));
    await queue(phoneOf(WELL_KNOWN.whatsappExcluded), 'can you take me off your list', 'ch-airport-sms');
    await queue(phoneOf(WELL_KNOWN.frenchStop), 'please remove me from your list', 'ch-uptown-sms');
    const total = pendingIds().length;
    const { harness } = await render({ pageSize: 2 });
    expect(harness.requests()).to.have.length(2);
    expect(harness.hasMore()).to.equal(true);
    await harness.showMore();
    expect(harness.requests().length).to.equal(Math.min(total, 4));
  });

  it('from the keyboard, "Show more" moves focus to the first request it brought', async () => {
    await queue(phoneOf(WELL_KNOWN.subscribed));
    await queue(phoneOf(WELL_KNOWN.whatsappExcluded), 'can you take me off your list', 'ch-airport-sms');
    await queue(phoneOf(WELL_KNOWN.frenchStop), 'please remove me from your list', 'ch-uptown-sms');
    const { el, harness } = await render({ pageSize: 2 });
    // The next page is held until both presses are in.
    const hold = holdNextPages(mock, '/api/reviews');
    try {
      getByRole(el, 'button', { name: 'Show more' }).focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => hold.asked() === 1, 'the next page asked for');
      const busy = getByRole(el, 'button', { name: 'Loading…' });
      expect(busy.getAttribute('aria-disabled')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(busy, 'focus stays on the button while it loads');
      await sendKeys({ press: 'Enter' });
      hold.release();
      await waitFor(() => harness.requests().length > 2, 'more requests');
      await waitFor(() => el.shadowRoot!.activeElement?.localName === 'li', 'focus on a request');
      expect(el.shadowRoot!.activeElement).to.equal(harness.requests()[2]!.item);
      expect(hold.asked()).to.equal(1);
    } finally {
      hold.done();
    }
  });

  it('a list reloaded while "Show more" loads shows each request once: the page asked for from the old list adds nothing', async () => {
    await queue(phoneOf(WELL_KNOWN.subscribed));
    await queue(phoneOf(WELL_KNOWN.whatsappExcluded), 'can you take me off your list', 'ch-airport-sms');
    await queue(phoneOf(WELL_KNOWN.frenchStop), 'please remove me from your list', 'ch-uptown-sms');
    await queue('+14165550101', 'please stop texting me');
    await queue('+14165550102', 'please stop texting me');
    const { el, harness } = await render({ pageSize: 2 });
    const hold = holdNextPages(mock, '/api/reviews', { count: 1 });
    try {
      getByRole(el, 'button', { name: 'Show more' }).click();
      await waitFor(() => hold.asked() === 1, 'the next page asked for');
      // Meanwhile another screen dismisses the first request, and the queue is told to look again.
      await admin.dismissReview(pendingIds()[0]!, 'Decided on another screen', {});
      const total = pendingIds().length;
      el.closest('optout-provider')!.revalidate();
      await waitFor(() => harness.title() === `Opt-out requests (${total})`, 'the list reloaded');
      hold.release();
      // Show more until the end: a second page can only come once the first one asked for is done.
      await waitFor(() => {
        const more = queryByRole(el, 'button', { name: 'Show more' });
        if (more) more.click();
        return !more && harness.requests().length >= total;
      }, 'every request shown');
      const shown = harness.requests().map((r) => r.text());
      expect(new Set(shown).size).to.equal(shown.length, 'each request once');
      expect(shown).to.have.length(total);
    } finally {
      hold.done();
    }
  });

  it('an agent is told that managers and admins decide these, and where a contact\'s own requests are', async () => {
    const { harness } = await render({ token: 'mock:u-agent' });
    expect(harness.message()).to.match(/^Only managers and admins decide the organization's opt-out requests/);
  });

  it('says when nothing is waiting', async () => {
    for (const id of pendingIds()) await admin.dismissReview(id, 'Cleared for the test', {});
    const { harness } = await render();
    expect(harness.message()).to.equal('No opt-out requests are waiting for a decision.');
    expect(harness.title()).to.equal('Opt-out requests (0)');
  });

  it('says when the requests could not be loaded, with a retry that works', async () => {
    mock.backend.faults.set({ errorRate: 1 });
    const provider = await fixture<OptOutProvider>(html`<optout-provider .client=${new HttpOptOutClient({ baseUrl: '/api', token: 'mock:u-manager', retry: { attempts: 0 } })}>
      <optout-review-queue></optout-review-queue>
    </optout-provider>`);
    const harness = await new OptOutReviewQueueHarness(provider.querySelector('optout-review-queue')!).loaded();
    await waitFor(() => /could not be loaded/.test(harness.message()), 'the error');
    mock.backend.faults.set({ errorRate: 0 });
    getByRole(provider.querySelector('optout-review-queue')!, 'button', { name: 'Retry' }).click();
    await waitFor(() => harness.title().startsWith('Opt-out requests ('), 'the list after the retry');
  });

  it('shows what people wrote as text, never as markup', async () => {
    await queue(phoneOf(WELL_KNOWN.subscribed), '<img src=x onerror="window.__queueXss=1"> please stop texting me');
    const { harness, el } = await render();
    expect(harness.request('Ava Tremblay').text()).to.contain('<img src=x onerror="window.__queueXss=1"> please stop texting me');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __queueXss?: number }).__queueXss).to.equal(undefined);
  });

  it('speaks Canadian French', async () => {
    await queue(phoneOf(WELL_KNOWN.subscribed));
    await setLocale('fr-CA');
    const { harness } = await render();
    expect(harness.title()).to.match(/^Demandes de désabonnement \(\d+\)$/);
    expect(harness.request('Ava Tremblay').text()).to.match(/Reçue .* sur Downtown SMS/);
  });
});
