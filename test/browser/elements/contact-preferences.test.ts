// <contact-preferences> against the mock backend (MSW service worker), read and driven through
// its harness, by roles and names, as a host team's tests would.
import { expect, fixture, html } from '@open-wc/testing';
import { computeAccessibleDescription } from 'dom-accessibility-api';
import '../../../src/define.js';
import { setLocale } from '../../../src/localization/localization.js';
import { HttpOptOutClient } from '../../../src/client/index.js';
import type { ContactPreferences } from '../../../src/elements/contact-preferences/contact-preferences.js';
import type { OptOutProvider } from '../../../src/elements/optout-provider/optout-provider.js';
import { ContactPreferencesHarness, OptOutProviderHarness, waitFor } from '../../../src/testing/index.js';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';
import { runElementConformance } from '../conformance/element-conformance.js';
import { getByRole, press, queryByRole, textOf } from '../helpers/queries.js';
import { holdNextPages } from '../helpers/held-pages.js';

let mock: BrowserMock;
const integration = new HttpOptOutClient({ baseUrl: '/api', token: 'mock:u-integration', retry: { baseDelayMs: 1, maxDelayMs: 5 } });

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

async function render(contactId: string, { token }: { token?: string } = {}) {
  const provider = await fixture<OptOutProvider>(html`<optout-provider api-base="/api" token=${token ?? ''}>
    <contact-preferences contact-id=${contactId}></contact-preferences>
  </optout-provider>`);
  const el = provider.querySelector('contact-preferences') as ContactPreferences;
  const harness = await new ContactPreferencesHarness(el).loaded();
  return { provider, el, harness, providerHarness: new OptOutProviderHarness(provider) };
}

/** Requests the page sent to `path` (e.g. `/resubscribe`) from now on. */
function requestsTo(suffix: string): string[] {
  const seen: string[] = [];
  mock.worker.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname.endsWith(suffix)) seen.push(request.method);
  });
  return seen;
}

runElementConformance({
  tag: 'contact-preferences',
  contactIds: [WELL_KNOWN.subscribed, WELL_KNOWN.partlyUnsubscribed],
  noProviderMessage: /inside an <optout-provider> element/,
  settled: async (el) => {
    await new ContactPreferencesHarness(el).loaded();
    await waitFor(() => new ContactPreferencesHarness(el).history().length > 0 || el.shadowRoot?.textContent?.includes('No consent changes'), 'the history');
  },
});

describe('contact-preferences', () => {
  it('is titled "Communication preferences" and shows the contact, its destinations and the grid', async () => {
    const { harness } = await render(WELL_KNOWN.subscribed);
    expect(harness.title()).to.equal('Communication preferences');
    expect(harness.contactName()).to.equal('Ava Tremblay');
    expect(harness.destinations()).to.have.length(2);
    expect(harness.destinations()[0]).to.match(/^\+1 \d{3} \d{3} \d{4} \(valid phone number\)$/);
    expect(harness.summary()).to.equal('Can be messaged on 9 of 9 channels');
    expect(harness.locations()).to.deep.equal(['Downtown', 'Airport', 'Uptown']);
    expect(harness.channelTypes()).to.deep.equal(['SMS', 'WhatsApp', 'Voice', 'Email']);
    expect(harness.canMessage('Downtown', 'SMS')).to.equal(true);
    expect(harness.canMessage('Uptown', 'Voice')).to.equal(null);
    expect(harness.blockedStatus()).to.equal('');
  });

  describe('the reason in words for each well-known contact', () => {
    it('Liam: STOP to Downtown SMS under the channel scope, that channel only', async () => {
      const { harness } = await render(WELL_KNOWN.partlyUnsubscribed);
      expect(harness.summary()).to.equal('Can be messaged on 8 of 9 channels');
      expect(harness.canMessage('Downtown', 'SMS')).to.equal(false);
      expect(harness.headline('Downtown', 'SMS')).to.equal('Unsubscribed');
      const reasons = await harness.reasonFor('Downtown', 'SMS');
      expect(reasons).to.have.length(1);
      expect(reasons[0]).to.match(/^Unsubscribed: replied STOP to Downtown SMS on \w{3} \d{1,2}, 2026 \(the rule then: only the channel messaged\)$/);
      expect(harness.canMessage('Airport', 'SMS')).to.equal(true);
    });

    it('Olivia: blocked, with who, when and why, on every channel', async () => {
      const { harness } = await render(WELL_KNOWN.blocked);
      expect(harness.blockedStatus()).to.match(/^Blocked by Morgan Manager on \w{3} \d{1,2}, 2026/);
      expect(harness.summary()).to.equal('Cannot be messaged on any channel: blocked');
      for (const location of ['Downtown', 'Airport', 'Uptown']) expect(harness.canMessage(location, 'Email')).to.equal(false);
      const reasons = await harness.reasonFor('Downtown', 'WhatsApp');
      expect(reasons[0]).to.match(/^Blocked by Morgan Manager on /);
      // Who blocked is named from the organization's members, never shown as a user id.
      await waitFor(() => harness.history().some((entry) => entry.includes('Morgan Manager')), 'the block in the history, by name');
      expect(harness.history().join(' ')).not.to.contain('u-manager');
    });

    it('Noah: no phone number, email still fine', async () => {
      const { harness } = await render(WELL_KNOWN.noPhone);
      expect(harness.canMessage('Downtown', 'SMS')).to.equal(false);
      expect(await harness.reasonFor('Downtown', 'SMS')).to.deep.equal(['No phone number']);
      expect(harness.canMessage('Downtown', 'Email')).to.equal(true);
      expect(harness.summary()).to.equal('Can be messaged on 3 of 9 channels');
    });

    it('Emma: an invalid phone number, named', async () => {
      const { harness } = await render(WELL_KNOWN.invalidPhone);
      const phone = store().contact(WELL_KNOWN.invalidPhone).destinations.find((d) => d.kind === 'phone')!.value;
      expect(harness.destinations()).to.include(`${phone} is not a valid phone number`);
      expect(await harness.reasonFor('Airport', 'WhatsApp')).to.deep.equal([`${phone} is not a valid phone number`]);
      expect(harness.headline('Airport', 'WhatsApp')).to.equal('Invalid phone number');
    });

    it('William: STOP ALL, unsubscribed everywhere', async () => {
      const { harness } = await render(WELL_KNOWN.unsubscribedEverywhere);
      expect(harness.summary()).to.equal('Cannot be messaged on any channel: unsubscribed');
      const reasons = await harness.reasonFor('Uptown', 'Email');
      expect(reasons[0]).to.match(/^Unsubscribed: replied STOP ALL to Airport SMS on .+ \(the rule then: every channel\)$/);
    });

    it('Charlotte: WhatsApp excluded by her preference', async () => {
      const { harness } = await render(WELL_KNOWN.whatsappExcluded);
      expect(harness.canMessage('Downtown', 'WhatsApp')).to.equal(false);
      expect(harness.headline('Downtown', 'WhatsApp')).to.equal("Contact's preference");
      expect(await harness.reasonFor('Airport', 'WhatsApp')).to.deep.equal(['The contact asked not to be contacted by WhatsApp']);
      expect(harness.canMessage('Downtown', 'SMS')).to.equal(true);
    });

    it('Félix: ARRET under the channel-type scope, every SMS channel but not his email', async () => {
      const { harness } = await render(WELL_KNOWN.frenchStop);
      for (const location of ['Downtown', 'Airport', 'Uptown']) {
        expect(harness.canMessage(location, 'SMS')).to.equal(false);
        expect(harness.canMessage(location, 'Email')).to.equal(true);
      }
      expect((await harness.reasonFor('Downtown', 'SMS'))[0]).to.match(/^Unsubscribed: replied ARRET to Uptown SMS on .+ \(the rule then: all SMS channels\)$/);
    });
  });

  it("states the organization's rule with the engine's sentence, and links admins to Opt-out preferences", async () => {
    const { harness } = await render(WELL_KNOWN.subscribed);
    expect(harness.rule()).to.match(/^Rule in force: If a contact replies STOP to Downtown SMS, they are unsubscribed from/);
    expect(harness.settingsLink()?.getAttribute('href')).to.equal('#/settings/messaging');
  });

  it('says each history entry in words, its facts apart: who, the destination, the channel and the rule then', async () => {
    const { harness } = await render(WELL_KNOWN.partlyUnsubscribed);
    await waitFor(() => harness.history().length > 0, 'the history');
    expect(harness.history()[0]).to.match(/ Unsubscribed from 1 channel replied STOP · \+1 416 203 0002 · Downtown SMS · rule: only the channel messaged STOP$/);
  });

  /** Enough history to page: Ava is unsubscribed and re-subscribed six times, 12 entries. */
  async function withLongHistory() {
    const admin = new HttpOptOutClient({ baseUrl: '/api' });
    for (let i = 0; i < 6; i++) {
      await admin.unsubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-airport-sms'] }, {});
      const { etag } = await admin.getContact(WELL_KNOWN.subscribed, {});
      await admin.resubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-airport-sms'], note: `Asked by phone, call ${i}` }, { ifMatch: etag });
    }
    return render(WELL_KNOWN.subscribed);
  }

  it('shows the consent history newest first, paged with "Show more"', async () => {
    const { harness } = await withLongHistory();
    await waitFor(() => harness.history().length === 10, 'the first page of history');
    expect(harness.history()[0]).to.match(/Re-subscribed to 1 channel.*Airport SMS.*Asked by phone, call 5/);
    expect(harness.hasMoreHistory()).to.equal(true);
    const all = await harness.showMoreHistory();
    expect(all).to.have.length(12);
    expect(harness.hasMoreHistory()).to.equal(false);
  });

  const holdNextHistoryPages = () => holdNextPages(mock, '/api/contacts/:contactId/consent-history');

  it('from the keyboard, "Show more" keeps focus while it loads, sends one request however often pressed, then focuses the first older entry', async () => {
    const { el, harness } = await withLongHistory();
    await waitFor(() => harness.history().length === 10, 'the first page of history');
    const hold = holdNextHistoryPages();
    try {
      const section = getByRole(el.shadowRoot!, 'group', { name: 'History' });
      getByRole(section, 'button', { name: 'Show more' }).focus();
      await press('Enter');
      await waitFor(() => hold.asked() === 1, 'the next page asked for');
      const busy = getByRole(section, 'button', { name: 'Loading…' });
      expect(busy.getAttribute('aria-disabled')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(busy, 'focus stays on the button while it loads');
      await press('Enter');
      hold.release();
      await waitFor(() => harness.history().length === 12, 'the older entries');
      await waitFor(() => el.shadowRoot!.activeElement?.localName === 'li', 'focus on an entry');
      expect(textOf(el.shadowRoot!.activeElement)).to.equal(harness.history()[10]);
      expect(harness.hasMoreHistory()).to.equal(false);
      expect(hold.asked()).to.equal(1);
    } finally {
      hold.done();
    }
  });

  it('focus the user moves elsewhere while "Show more" loads stays there', async () => {
    const { el, harness } = await withLongHistory();
    await waitFor(() => harness.history().length === 10, 'the first page of history');
    const hold = holdNextHistoryPages();
    try {
      getByRole(getByRole(el.shadowRoot!, 'group', { name: 'History' }), 'button', { name: 'Show more' }).focus();
      await press('Enter');
      await waitFor(() => hold.asked() === 1, 'the next page asked for');
      const elsewhere = getByRole(el.shadowRoot!, 'button', { name: 'Change channel preferences…' });
      elsewhere.focus();
      hold.release();
      await waitFor(() => harness.history().length === 12, 'the older entries');
      // A focus move would come in the microtasks right after the update that showed them, so
      // before the frame on which waitFor saw them.
      expect(el.shadowRoot!.activeElement).to.equal(elsewhere);
    } finally {
      hold.done();
    }
  });

  it('a history reloaded while "Show more" loads is shown whole: the older page asked for from the old one adds nothing twice and skips nothing', async () => {
    const { harness, providerHarness } = await withLongHistory();
    await waitFor(() => harness.history().length === 10, 'the first page of history');
    const hold = holdNextHistoryPages();
    try {
      getByRole(harness.element, 'button', { name: 'Show more' }).click();
      await waitFor(() => hold.asked() === 1, 'the next page asked for');
      // Meanwhile Ava replies STOP: two entries more, and the history starts over from the newest.
      const phone = store().contact(WELL_KNOWN.subscribed).destinations.find((d) => d.kind === 'phone')!.value;
      await integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: phone, body: 'STOP' }, {});
      providerHarness.pageBecameVisible();
      await waitFor(() => /Unsubscribed from 3 channels/.test(harness.history()[0] ?? ''), 'the history reloaded');
      hold.release();
      await waitFor(() => {
        const more = queryByRole(harness.element, 'button', { name: 'Show more' });
        if (more) more.click();
        return harness.history().length === 14 && !harness.hasMoreHistory();
      }, 'all 14 entries, each once');
    } finally {
      hold.done();
    }
  });

  describe('re-subscribe', () => {
    it('with a consent note: re-subscribes the chosen channel, in the mock too, and says so', async () => {
      const { el, harness } = await render(WELL_KNOWN.partlyUnsubscribed);
      const fired: string[] = [];
      el.addEventListener('optout-resubscribe-request', (e) => fired.push(`${e.type}:${e.channelIds.join()}`));
      el.addEventListener('optout-resubscribe', (e) => fired.push(`${e.type}:${e.channelIds.join()}`));
      const dialog = await harness.openResubscribe();
      expect(dialog.text()).to.contain('The note is kept in the audit log');
      expect(dialog.text()).to.contain('normally ends only when the contact replies START themselves');
      expect(dialog.text()).to.contain('Up to 2,000 characters.', 'the note’s limit is said before it is reached');
      expect(dialog.channels()).to.deep.equal(['Downtown SMS']);
      dialog.choose('Downtown SMS').writeNote('Called us on 2 Nov and asked for texts again.');
      expect(dialog.primaryLabel()).to.equal('Re-subscribe 1 channel');
      dialog.submit();
      await waitFor(() => harness.canMessage('Downtown', 'SMS') === true, 'Downtown SMS messageable again');
      expect(dialog.isOpen()).to.equal(false);
      expect(harness.announcement()).to.contain('Re-subscribed to Downtown SMS.');
      expect(fired).to.deep.equal(['optout-resubscribe-request:ch-downtown-sms', 'optout-resubscribe:ch-downtown-sms']);
      const phone = store().contact(WELL_KNOWN.partlyUnsubscribed).destinations[0]!.value;
      const record = store().currentConsent(phone, 'ch-downtown-sms');
      expect(record?.status).to.equal('subscribed');
      expect(record?.note).to.equal('Called us on 2 Nov and asked for texts again.');
      await waitFor(() => /Re-subscribed to 1 channel/.test(harness.history()[0] ?? ''), 'the history entry');
    });

    it('without a note: says a note is needed and sends nothing', async () => {
      const { harness } = await render(WELL_KNOWN.partlyUnsubscribed);
      const sent = requestsTo('/resubscribe');
      const dialog = await harness.openResubscribe();
      dialog.choose('Downtown SMS').writeNote('   ');
      dialog.submit();
      await waitFor(() => dialog.problem() !== '', 'the problem shown');
      expect(dialog.problem()).to.equal('Write the consent note first: without it nothing is re-subscribed.');
      expect(dialog.isOpen()).to.equal(true);
      expect(sent).to.deep.equal([]);
      const phone = store().contact(WELL_KNOWN.partlyUnsubscribed).destinations[0]!.value;
      expect(store().currentConsent(phone, 'ch-downtown-sms')?.status).to.equal('unsubscribed');
    });

    it('a host can cancel it from the request event', async () => {
      const { el, harness } = await render(WELL_KNOWN.partlyUnsubscribed);
      const sent = requestsTo('/resubscribe');
      el.addEventListener('optout-resubscribe-request', (e) => e.preventDefault());
      const dialog = await harness.openResubscribe();
      dialog.choose('Downtown SMS').writeNote('Asked in store');
      dialog.submit();
      // A request sent after the submit is seen after anything the submit sent.
      await new HttpOptOutClient({ baseUrl: '/api' }).getContact(WELL_KNOWN.partlyUnsubscribed, {});
      expect(sent).to.deep.equal([]);
      expect(harness.canMessage('Downtown', 'SMS')).to.equal(false);
    });

    it('from the keyboard, re-subscribing the last channel moves focus to the summary, which says where things stand', async () => {
      const { el, harness } = await render(WELL_KNOWN.partlyUnsubscribed);
      harness.resubscribeButton()!.focus();
      const dialog = await harness.openResubscribe();
      dialog.choose('Downtown SMS').writeNote('Asked in store, Dec 2');
      dialog.submit();
      await waitFor(() => harness.resubscribeButton() === null, 'nothing left to re-subscribe');
      await waitFor(() => el.shadowRoot!.activeElement !== null, 'focus kept in the element');
      expect(textOf(el.shadowRoot!.activeElement)).to.equal('Can be messaged on 9 of 9 channels');
    });

    it('a note written for one contact is not there when the dialog opens for another', async () => {
      // William first, so that coming back to him shows him at once, from the provider's cache.
      const { el, harness } = await render(WELL_KNOWN.unsubscribedEverywhere);
      el.contactId = WELL_KNOWN.partlyUnsubscribed;
      await waitFor(() => harness.summary().startsWith('Can be messaged on 8'), 'Liam Gagnon shown');
      const first = await harness.openResubscribe();
      first.writeNote('Liam agreed at the counter');
      first.cancel();
      el.contactId = WELL_KNOWN.unsubscribedEverywhere;
      await waitFor(() => harness.summary().startsWith('Cannot be messaged'), 'William Gauthier shown');
      const second = await harness.openResubscribe();
      const note = queryByRole(second.dialog, 'textbox', { name: 'Consent note' }) as HTMLTextAreaElement;
      expect(note.value).to.equal('');
    });

    it('a failed request keeps the dialog and the note, and shows nothing as done', async () => {
      const { harness } = await render(WELL_KNOWN.partlyUnsubscribed);
      mock.backend.faults.set({ errorRate: 1 });
      const dialog = await harness.openResubscribe();
      dialog.choose('Downtown SMS').writeNote('Asked in store');
      dialog.submit();
      await waitFor(() => dialog.problem() !== '', 'the failure shown', 10000);
      mock.backend.faults.reset();
      expect(dialog.problem()).to.equal('Something went wrong on the server. Nothing was changed; try again.');
      expect(dialog.isOpen()).to.equal(true);
      expect(harness.canMessage('Downtown', 'SMS')).to.equal(false);
    });
  });

  it('from the keyboard, a failed re-subscribe leaves focus on its button, which said it was busy while it worked', async () => {
    const { el, harness } = await render(WELL_KNOWN.partlyUnsubscribed);
    mock.backend.faults.set({ errorRate: 1 });
    const dialog = await harness.openResubscribe();
    dialog.choose('Downtown SMS').writeNote('Asked in store');
    const button = getByRole(el.shadowRoot!.querySelector('dialog')!, 'button', { name: 'Re-subscribe 1 channel' });
    button.focus();
    await press('Enter');
    await waitFor(() => button.getAttribute('aria-disabled') === 'true', 'the button busy');
    expect(el.shadowRoot!.activeElement).to.equal(button, 'focus kept while busy');
    await waitFor(() => dialog.problem() !== '', 'the failure shown', 10000);
    mock.backend.faults.reset();
    expect(button.hasAttribute('aria-disabled')).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(button, 'focus kept after the failure');
  });

  describe('re-subscribe while the contact replies', () => {
    it('a STOP that arrives while the dialog is open wins: nothing is re-subscribed and the grid shows it', async () => {
      const { harness } = await render(WELL_KNOWN.partlyUnsubscribed);
      const dialog = await harness.openResubscribe();
      dialog.choose('Downtown SMS').writeNote('Called us and asked for texts again.');
      // Meanwhile Liam replies STOP on Airport SMS (the channel scope: that one channel).
      const phone = store().contact(WELL_KNOWN.partlyUnsubscribed).destinations[0]!.value;
      await integration.receiveInboundMessage({ channelId: 'ch-airport-sms', from: phone, body: 'STOP' }, {});
      dialog.submit();
      await waitFor(() => dialog.problem() !== '', 'the stale version reported');
      expect(dialog.problem()).to.contain('This contact changed while the dialog was open');
      expect(dialog.isOpen()).to.equal(true);
      expect(store().currentConsent(phone, 'ch-downtown-sms')?.status).to.equal('unsubscribed', 'nothing re-subscribed');
      await waitFor(() => harness.canMessage('Airport', 'SMS') === false, 'the new STOP shown from the answer, without a reload');
    });
  });

  describe('channel preferences', () => {
    it('an agent adds WhatsApp: saved in the mock, shown in the grid, and the events say so', async () => {
      const { el, harness } = await render(WELL_KNOWN.subscribed, { token: 'mock:u-agent' });
      const fired: string[] = [];
      el.addEventListener('optout-channel-exclusions-request', (e) => fired.push(`${e.type}:${e.excludedChannelTypes.join()}:+${e.added.join()}-${e.removed.join()}`));
      el.addEventListener('optout-channel-exclusions-change', (e) => fired.push(`${e.type}:+${e.added.join()}-${e.removed.join()}`));
      const dialog = await harness.openChannelPreferences();
      expect(dialog.channelTypes()).to.deep.equal(['SMS', 'WhatsApp', 'Voice', 'Email']);
      expect(dialog.excluded()).to.deep.equal([]);
      await dialog.toggle('WhatsApp');
      expect(dialog.hasNoteField()).to.equal(false, 'adding narrows messaging: no note asked');
      dialog.submit();
      await waitFor(() => harness.canMessage('Downtown', 'WhatsApp') === false, 'Downtown WhatsApp excluded');
      expect(dialog.isOpen()).to.equal(false);
      expect(harness.headline('Airport', 'WhatsApp')).to.equal("Contact's preference");
      expect(harness.canMessage('Downtown', 'SMS')).to.equal(true);
      expect(harness.announcement()).to.contain('Channel preferences saved: not contacted by WhatsApp.');
      expect(store().contact(WELL_KNOWN.subscribed).excludedChannelTypes).to.deep.equal(['whatsapp']);
      expect(fired).to.deep.equal(['optout-channel-exclusions-request:whatsapp:+whatsapp-', 'optout-channel-exclusions-change:+whatsapp-']);
    });

    it('an agent cannot remove one: the checkbox is disabled and says why, and nothing is sent', async () => {
      const { harness } = await render(WELL_KNOWN.whatsappExcluded, { token: 'mock:u-agent' });
      const sent = requestsTo('/channel-exclusions');
      const dialog = await harness.openChannelPreferences();
      expect(dialog.excluded()).to.deep.equal(['WhatsApp']);
      expect(dialog.isEnabled('WhatsApp')).to.equal(false);
      expect(dialog.reasonDisabled('WhatsApp')).to.match(/^Only managers and admins can remove a channel preference/);
      let refused: unknown;
      await dialog.toggle('WhatsApp').catch((e: unknown) => (refused = e));
      expect(String(refused)).to.match(/cannot be changed/);
      expect(dialog.isEnabled('Voice')).to.equal(true);
      expect(dialog.reasonDisabled('Voice')).to.equal('');
      dialog.submit();
      await waitFor(() => dialog.problem() !== '', 'the problem shown');
      expect(dialog.problem()).to.equal('Nothing to save: choose or clear a channel type first.');
      expect(sent).to.deep.equal([]);
      expect(store().contact(WELL_KNOWN.whatsappExcluded).excludedChannelTypes).to.deep.equal(['whatsapp']);
    });

    it('a manager removes one with a consent note: the note is asked for, says why, and is kept', async () => {
      const { harness } = await render(WELL_KNOWN.whatsappExcluded, { token: 'mock:u-manager' });
      const dialog = await harness.openChannelPreferences();
      expect(dialog.isEnabled('WhatsApp')).to.equal(true);
      await dialog.toggle('WhatsApp');
      expect(dialog.hasNoteField()).to.equal(true);
      expect(dialog.text()).to.contain('Required: removing WhatsApp lets the organization contact Charlotte Morin that way again.');
      dialog.writeNote('Asked at the counter on 3 Nov to use WhatsApp again.').submit();
      await waitFor(() => harness.canMessage('Downtown', 'WhatsApp') === true, 'WhatsApp messageable again');
      expect(dialog.isOpen()).to.equal(false);
      expect(store().contact(WELL_KNOWN.whatsappExcluded).excludedChannelTypes).to.deep.equal([]);
      const event = store().db.audit.filter((e) => e.contactId === WELL_KNOWN.whatsappExcluded && e.action === 'channel-exclusions-changed').at(-1);
      expect(event?.note).to.equal('Asked at the counter on 3 Nov to use WhatsApp again.');
      expect(harness.announcement()).to.contain('Channel preferences saved: no channel type is excluded.');
    });

    it('removing one without a note: says a note is needed and sends nothing', async () => {
      const { harness } = await render(WELL_KNOWN.whatsappExcluded, { token: 'mock:u-manager' });
      const sent = requestsTo('/channel-exclusions');
      const dialog = await harness.openChannelPreferences();
      (await dialog.toggle('WhatsApp')).writeNote('   ').submit();
      await waitFor(() => dialog.problem() !== '', 'the problem shown');
      expect(dialog.problem()).to.equal('Write the consent note first: without it no channel preference is removed.');
      expect(dialog.isOpen()).to.equal(true);
      expect(sent).to.deep.equal([]);
      expect(store().contact(WELL_KNOWN.whatsappExcluded).excludedChannelTypes).to.deep.equal(['whatsapp']);
      expect(harness.canMessage('Downtown', 'WhatsApp')).to.equal(false);
    });

    it('a host can cancel it from the request event', async () => {
      const { el, harness } = await render(WELL_KNOWN.subscribed, { token: 'mock:u-agent' });
      const sent = requestsTo('/channel-exclusions');
      let asked = 0;
      el.addEventListener('optout-channel-exclusions-request', (e) => {
        asked++;
        e.preventDefault();
      });
      const dialog = await harness.openChannelPreferences();
      (await dialog.toggle('Voice')).submit();
      await waitFor(() => asked === 1, 'the request event');
      expect(sent).to.deep.equal([]);
      expect(store().contact(WELL_KNOWN.subscribed).excludedChannelTypes).to.deep.equal([]);
    });

    it('a failed request keeps the dialog and the choice, and shows nothing as done', async () => {
      const { harness } = await render(WELL_KNOWN.subscribed, { token: 'mock:u-agent' });
      mock.backend.faults.set({ errorRate: 1 });
      const dialog = await harness.openChannelPreferences();
      (await dialog.toggle('WhatsApp')).submit();
      await waitFor(() => dialog.problem() !== '', 'the failure shown', 10000);
      mock.backend.faults.reset();
      expect(dialog.problem()).to.equal('Something went wrong on the server. Nothing was changed; try again.');
      expect(dialog.isOpen()).to.equal(true);
      expect(dialog.excluded()).to.deep.equal(['WhatsApp']);
      expect(harness.canMessage('Downtown', 'WhatsApp')).to.equal(true);
      expect(harness.announcement()).not.to.contain('Channel preferences saved');
      expect(store().contact(WELL_KNOWN.subscribed).excludedChannelTypes).to.deep.equal([]);
    });

    it('when the contact changed meanwhile: nothing is saved, the dialog says so and shows what is true now', async () => {
      const { harness } = await render(WELL_KNOWN.whatsappExcluded, { token: 'mock:u-manager' });
      const dialog = await harness.openChannelPreferences();
      (await dialog.toggle('WhatsApp')).writeNote('Said on the phone that WhatsApp is fine now.');
      // Meanwhile someone else records that Charlotte does not want voice calls either.
      const admin = new HttpOptOutClient({ baseUrl: '/api' });
      const { etag } = await admin.getContact(WELL_KNOWN.whatsappExcluded, {});
      await admin.setChannelExclusions(WELL_KNOWN.whatsappExcluded, { excludedChannelTypes: ['whatsapp', 'voice'] }, { ifMatch: etag });
      dialog.submit();
      await waitFor(() => dialog.problem() !== '', 'the stale version reported');
      expect(dialog.problem()).to.contain('This contact changed while the dialog was open.');
      expect(dialog.isOpen()).to.equal(true);
      expect(dialog.excluded()).to.deep.equal(['WhatsApp', 'Voice'], 'the choices reset to what is true now');
      expect(store().contact(WELL_KNOWN.whatsappExcluded).excludedChannelTypes).to.deep.equal(['whatsapp', 'voice']);
      await waitFor(() => harness.canMessage('Downtown', 'Voice') === false, 'the new preference shown from the answer, without a reload');
    });

    it('a user without the permission sees the button disabled, with the reason', async () => {
      const http = new HttpOptOutClient({ baseUrl: '/api', token: 'mock:u-agent' });
      // A host's own role, allowed to view but not to change preferences.
      const client = Object.assign(Object.create(http) as HttpOptOutClient, {
        getMe: async (options: Parameters<HttpOptOutClient['getMe']>[0]) => {
          const me = await http.getMe(options);
          return { ...me, permissions: me.permissions.filter((p) => p !== 'contact:exclude-channels') };
        },
      });
      const provider = await fixture<OptOutProvider>(html`<optout-provider .client=${client}>
        <contact-preferences contact-id=${WELL_KNOWN.subscribed}></contact-preferences>
      </optout-provider>`);
      const harness = await new ContactPreferencesHarness(provider.querySelector('contact-preferences')!).loaded();
      const button = (await waitFor(() => harness.channelPreferencesButton(), 'the button')) as HTMLButtonElement;
      expect(button.disabled).to.equal(true);
      expect(computeAccessibleDescription(button)).to.equal('You are not allowed to change channel preferences.');
      let error: unknown;
      await harness.openChannelPreferences().catch((e: unknown) => (error = e));
      expect(String(error)).to.contain('is disabled: You are not allowed to change channel preferences.');
    });

    it('in Canadian French', async () => {
      await setLocale('fr-CA');
      const { harness } = await render(WELL_KNOWN.whatsappExcluded, { token: 'mock:u-manager' });
      await waitFor(() => harness.title() === 'Préférences de communication', 'the French title');
      const dialog = await harness.openChannelPreferences();
      expect(dialog.channelTypes()).to.deep.equal(['SMS', 'WhatsApp', 'Voix', 'Courriel']);
      (await dialog.toggle('WhatsApp')).submit();
      await waitFor(() => dialog.problem() !== '', 'the problem shown');
      expect(dialog.problem()).to.match(/^Rédigez d’abord la note de consentement/);
    });
  });

  describe('pending plain-language requests', () => {
    async function queueRequest(body = 'please stop texting me') {
      const phone = store().contact(WELL_KNOWN.subscribed).destinations.find((d) => d.kind === 'phone')!.value;
      const result = await integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: phone, body }, {});
      expect(result.action).to.equal('queued-for-review');
      return result.reviewId!;
    }

    it('Unsubscribe applies it: the channels become unsubscribed and the request goes', async () => {
      const reviewId = await queueRequest();
      const { harness } = await render(WELL_KNOWN.subscribed);
      const [request] = harness.requests();
      expect(request!.text()).to.match(/^please stop texting me Received .* on Downtown SMS Decide by .* Unsubscribing would stop messages on: Downtown SMS/);
      request!.unsubscribe();
      await waitFor(() => harness.requests().length === 0, 'the request gone');
      await waitFor(() => harness.canMessage('Downtown', 'SMS') === false, 'Downtown SMS unsubscribed');
      expect(store().db.reviews.find((r) => r.id === reviewId)?.status).to.equal('applied');
    });

    it('from the keyboard, focus goes to the summary once the applied request has left', async () => {
      await queueRequest();
      const { el, harness } = await render(WELL_KNOWN.subscribed);
      const button = getByRole(harness.requests()[0]!.item, 'button', { name: 'Unsubscribe' });
      button.focus();
      button.click();
      await waitFor(() => harness.requests().length === 0, 'the request gone');
      await waitFor(() => el.shadowRoot!.activeElement !== null, 'focus kept in the element');
      expect(textOf(el.shadowRoot!.activeElement)).to.equal(harness.summary());
    });

    it('Dismiss needs a reason and leaves the contact subscribed', async () => {
      const reviewId = await queueRequest('can you take me off this list');
      const { harness } = await render(WELL_KNOWN.subscribed);
      await harness.requests()[0]!.dismiss('Asking about a visit, not about messages');
      await waitFor(() => harness.requests().length === 0, 'the request gone');
      const review = store().db.reviews.find((r) => r.id === reviewId);
      expect(review?.status).to.equal('dismissed');
      expect(review?.decisionNote).to.equal('Asking about a visit, not about messages');
      expect(harness.canMessage('Downtown', 'SMS')).to.equal(true);
    });
  });

  it('shows a STOP that arrives while it is open once the page is visible again', async () => {
    const { harness, providerHarness } = await render(WELL_KNOWN.subscribed);
    expect(harness.canMessage('Downtown', 'SMS')).to.equal(true);
    const phone = store().contact(WELL_KNOWN.subscribed).destinations.find((d) => d.kind === 'phone')!.value;
    await integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: phone, body: 'STOP' }, {});
    providerHarness.pageBecameVisible();
    await waitFor(() => harness.canMessage('Downtown', 'SMS') === false, 'the STOP shown');
    // The seed's rule is the channel-type scope: every SMS channel.
    expect(harness.canMessage('Uptown', 'SMS')).to.equal(false);
    expect(harness.canMessage('Downtown', 'WhatsApp')).to.equal(true);
    await waitFor(() => /Unsubscribed from 3 channels.*replied STOP/.test(harness.history()[0] ?? ''), 'the history entry');
  });

  it('keeps two elements showing one contact in agreement after an action in one of them', async () => {
    const provider = await fixture<OptOutProvider>(html`<optout-provider api-base="/api">
      <contact-preferences contact-id=${WELL_KNOWN.partlyUnsubscribed}></contact-preferences>
      <contact-preferences contact-id=${WELL_KNOWN.partlyUnsubscribed}></contact-preferences>
    </optout-provider>`);
    const [a, b] = [...provider.querySelectorAll('contact-preferences')].map((el) => new ContactPreferencesHarness(el));
    await a!.loaded();
    await b!.loaded();
    const dialog = await a!.openResubscribe();
    dialog.choose('Downtown SMS').writeNote('Asked at the counter');
    dialog.submit();
    await waitFor(() => b!.canMessage('Downtown', 'SMS') === true, 'the other element updated');
  });

  it('shows the contact of the latest contact-id, not a slower earlier answer', async () => {
    mock.backend.faults.set({ latencyMs: 150 });
    const { el, harness } = await render(WELL_KNOWN.subscribed);
    el.contactId = WELL_KNOWN.blocked;
    await el.updateComplete;
    el.contactId = WELL_KNOWN.noPhone;
    await waitFor(() => harness.grid() !== null && harness.contactName() === 'Noah Côté', "Noah's preferences");
    mock.backend.faults.reset();
  });

  describe('states', () => {
    it('not found', async () => {
      const { harness } = await render('c-999999');
      expect(harness.message()).to.equal('No contact with the id “c-999999”. It may have been deleted or merged into another contact.');
    });

    it('forbidden (the messaging integration may not view contacts)', async () => {
      const { harness } = await render(WELL_KNOWN.subscribed, { token: 'mock:u-integration' });
      expect(harness.message()).to.equal("You don't have permission to view this contact's communication preferences.");
    });

    it('signed out, with a retry that works once signed in', async () => {
      store().switchUser(null);
      const { harness } = await render(WELL_KNOWN.subscribed);
      expect(harness.message()).to.equal('You are signed out. Sign in again to see communication preferences.');
      store().switchUser('u-admin');
      harness.retryButton()!.click();
      await waitFor(() => harness.grid(), 'the grid after signing in');
    });

    it('a server error, with a retry', async () => {
      mock.backend.faults.set({ errorRate: 1 });
      const { harness } = await render(WELL_KNOWN.subscribed);
      await waitFor(() => harness.message().startsWith('Communication preferences could not be loaded.'), 'the error', 10000);
      mock.backend.faults.reset();
      harness.retryButton()!.click();
      await waitFor(() => harness.grid(), 'the grid after retrying');
    });

    it('no contact selected', async () => {
      const { harness } = await render('');
      expect(harness.message()).to.equal('No contact selected.');
    });
  });

  describe('roles', () => {
    it('agent: sees everything, may neither re-subscribe nor decide requests, no settings link', async () => {
      const { harness } = await render(WELL_KNOWN.partlyUnsubscribed, { token: 'mock:u-agent' });
      await waitFor(() => harness.rule() !== '', 'the rule');
      expect(harness.resubscribeButton()).to.equal(null);
      expect(harness.element.shadowRoot?.textContent).to.contain('Only managers and admins can re-subscribe a contact.');
      expect(harness.settingsLink()).to.equal(null);
    });

    it('agent: a pending request is shown without Unsubscribe or Dismiss', async () => {
      const phone = store().contact(WELL_KNOWN.subscribed).destinations.find((d) => d.kind === 'phone')!.value;
      await integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: phone, body: 'please stop texting me' }, {});
      const { harness } = await render(WELL_KNOWN.subscribed, { token: 'mock:u-agent' });
      await waitFor(() => harness.requests().length === 1, 'the request');
      expect(harness.requests()[0]!.canDecide()).to.equal(false);
      expect(harness.requests()[0]!.text()).to.contain('A manager or admin decides on this request.');
    });

    it('manager: may re-subscribe, no settings link', async () => {
      const { harness } = await render(WELL_KNOWN.partlyUnsubscribed, { token: 'mock:u-manager' });
      await waitFor(() => harness.resubscribeButton(), 'the Re-subscribe button');
      expect(harness.settingsLink()).to.equal(null);
    });

    it('admin: may re-subscribe and has the settings link', async () => {
      const { harness } = await render(WELL_KNOWN.partlyUnsubscribed, { token: 'mock:u-admin' });
      await waitFor(() => harness.resubscribeButton() && harness.settingsLink(), 'the admin controls');
    });
  });

  it('renders in Canadian French', async () => {
    await setLocale('fr-CA');
    const { harness } = await render(WELL_KNOWN.frenchStop);
    await waitFor(() => harness.title() === 'Préférences de communication', 'the French title');
    expect(harness.summary()).to.equal('Peut recevoir des messages sur 6 des 9 canaux');
    expect(harness.channelTypes()).to.deep.equal(['SMS', 'WhatsApp', 'Voix', 'Courriel']);
    const reasons = await harness.reasonFor('Downtown', 'SMS');
    expect(reasons[0]).to.match(/^Désabonné : a répondu ARRET à Uptown SMS le .+ \(la règle alors : tous les canaux SMS\)$/);
  });

  describe('contact data is text, always', () => {
    const attack = '<img src=x onerror="window.__xss=1">';

    it('in names, notes and inbound text', async () => {
      store().contact(WELL_KNOWN.subscribed).name = attack;
      const phone = store().contact(WELL_KNOWN.subscribed).destinations.find((d) => d.kind === 'phone')!.value;
      await integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: phone, body: `<script>window.__xss=1</script> STOP texting ${attack}` }, {});
      const admin = new HttpOptOutClient({ baseUrl: '/api' });
      await admin.unsubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-airport-email'] }, {});
      const { etag } = await admin.getContact(WELL_KNOWN.subscribed, {});
      await admin.resubscribeContact(WELL_KNOWN.subscribed, { channelIds: ['ch-airport-email'], note: attack }, { ifMatch: etag });
      const { el, harness } = await render(WELL_KNOWN.subscribed);
      expect(harness.contactName()).to.equal(attack);
      await waitFor(() => harness.history().some((entry) => entry.includes(attack)), 'the note as text');
      expect(harness.requests()[0]?.text() ?? harness.history().join(' ')).to.contain('<script>window.__xss=1</script>');
      expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
      expect((window as { __xss?: number }).__xss).to.equal(undefined);
    });
  });
});
