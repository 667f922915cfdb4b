// <contact-actions-menu> against the mock backend (MSW service worker), driven through its harness
// by roles and names, with the requests it sent and the mock's state afterwards checked.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { HttpOptOutClient, OptOutApiError, type OptOutClient } from '../../../src/client/index.js';
import type { ContactActionsMenu } from '../../../src/elements/contact-actions-menu/contact-actions-menu.js';
import type { OptOutProvider } from '../../../src/elements/optout-provider/optout-provider.js';
import { setLocale } from '../../../src/localization/localization.js';
import { ContactActionsMenuHarness, ContactPreferencesHarness, waitFor } from '../../../src/testing/index.js';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';
import { runElementConformance } from '../conformance/element-conformance.js';
import { press, textOf } from '../helpers/queries.js';

let mock: BrowserMock;

before(async () => {
  mock = await startBrowserMock({ params: new URLSearchParams('reset=1'), persist: false });
});
after(() => mock.stop());

interface Sent {
  method: string;
  path: string;
  body: string;
  idempotencyKey: string | null;
  ifMatch: string | null;
}
let sent: Sent[] = [];
const onRequest = ({ request }: { request: Request }) => {
  const url = new URL(request.url);
  if (!url.pathname.startsWith('/api/') || request.method === 'GET') return;
  const entry: Sent = { method: request.method, path: url.pathname, body: '', idempotencyKey: request.headers.get('Idempotency-Key'), ifMatch: request.headers.get('If-Match') };
  sent.push(entry);
  void request.clone().text().then((text) => (entry.body = text));
};

beforeEach(async () => {
  mock.backend.reset();
  await mock.backend.flush();
  sent = [];
  mock.worker.events.on('request:start', onRequest);
});
afterEach(() => {
  mock.worker.events.removeListener('request:start', onRequest);
  mock.backend.faults.reset();
  setLocale('en');
});

const store = () => mock.backend.store;
const ALL_CHANNELS = ['ch-downtown-sms', 'ch-downtown-whatsapp', 'ch-downtown-voice', 'ch-downtown-email', 'ch-airport-sms', 'ch-airport-whatsapp', 'ch-airport-email', 'ch-uptown-sms', 'ch-uptown-email'];
const phoneOf = (id: string) => store().contact(id).destinations.find((d) => d.kind === 'phone')!.value;
const auditOf = (id: string, action: string) => store().db.audit.filter((e) => e.contactId === id && e.action === action);

async function render(contactId: string, { token = '', client, attrs = '' }: { token?: string; client?: OptOutClient; attrs?: string } = {}) {
  const provider = await fixture<OptOutProvider>(
    client
      ? html`<optout-provider .client=${client}>
          <contact-actions-menu contact-id=${contactId} ?hide-unavailable=${attrs === 'hide-unavailable'}></contact-actions-menu>
          <contact-preferences contact-id=${contactId}></contact-preferences>
        </optout-provider>`
      : html`<optout-provider api-base="/api" token=${token}>
          <contact-actions-menu contact-id=${contactId} ?hide-unavailable=${attrs === 'hide-unavailable'}></contact-actions-menu>
          <contact-preferences contact-id=${contactId}></contact-preferences>
        </optout-provider>`,
  );
  const el = provider.querySelector('contact-actions-menu') as ContactActionsMenu;
  const menu = await new ContactActionsMenuHarness(el).ready();
  const preferences = await new ContactPreferencesHarness(provider.querySelector('contact-preferences')!).loaded();
  return { provider, el, menu, preferences };
}

/** A client over the mock whose calls can be watched and whose next answer of one method can be lost. */
function watchedClient() {
  const http = new HttpOptOutClient({ baseUrl: '/api', retry: { baseDelayMs: 1, maxDelayMs: 5 } });
  const loseNext = new Set<string>();
  const signals: { method: string; args: unknown[]; signal: AbortSignal | undefined }[] = [];
  const client = new Proxy(http, {
    get(target, method, receiver) {
      const original = Reflect.get(target, method, receiver) as unknown;
      if (typeof original !== 'function' || typeof method !== 'string') return original;
      return async (...args: unknown[]) => {
        signals.push({ method, args, signal: (args.at(-1) as { signal?: AbortSignal } | undefined)?.signal });
        const result = await (original as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (loseNext.delete(method)) {
          // The backend applied it; the answer never arrived.
          throw new OptOutApiError({ status: 0, type: 'urn:optout:problem:network', title: 'Network error' });
        }
        return result;
      };
    },
  });
  return { client: client as OptOutClient, loseNext, signals };
}

runElementConformance({
  tag: 'contact-actions-menu',
  contactIds: [WELL_KNOWN.subscribed, WELL_KNOWN.partlyUnsubscribed],
  noProviderMessage: /inside an <optout-provider> element/,
  settled: async (el) => {
    await new ContactActionsMenuHarness(el).ready();
  },
});

describe('contact-actions-menu', () => {
  describe('the menu', () => {
    it("lists the seed's actions for an admin, all available", async () => {
      const { menu } = await render(WELL_KNOWN.subscribed);
      await menu.open();
      expect(menu.items()).to.deep.equal(
        ['Unsubscribe contact', 'Block contact', 'Merge', 'Delete', 'Add to sequence'].map((name) => ({ name, disabled: false, reason: '' })),
      );
    });

    it('offers Unblock contact instead of Block contact for a blocked contact', async () => {
      const { menu } = await render(WELL_KNOWN.blocked);
      await menu.open();
      expect(menu.items().map((i) => i.name)).to.deep.equal(['Unsubscribe contact', 'Unblock contact', 'Merge', 'Delete', 'Add to sequence']);
    });

    it('for an agent: unsubscribe and block only; the rest disabled with the reason, or hidden', async () => {
      const { menu } = await render(WELL_KNOWN.subscribed, { token: 'mock:u-agent' });
      await menu.open();
      const reason = 'Your role does not allow this. Allowed for: admins and managers.';
      expect(menu.items()).to.deep.equal([
        { name: 'Unsubscribe contact', disabled: false, reason: '' },
        { name: 'Block contact', disabled: false, reason: '' },
        { name: 'Merge', disabled: true, reason },
        { name: 'Delete', disabled: true, reason },
        { name: 'Add to sequence', disabled: true, reason },
      ]);
      expect(await menu.choose('Delete')).to.equal(null);
      expect(menu.dialog()).to.equal(null);

      const hidden = await render(WELL_KNOWN.subscribed, { token: 'mock:u-agent', attrs: 'hide-unavailable' });
      await hidden.menu.open();
      expect(hidden.menu.items().map((i) => i.name)).to.deep.equal(['Unsubscribe contact', 'Block contact']);
    });

    it('for a manager: everything, like an admin', async () => {
      const { menu } = await render(WELL_KNOWN.blocked, { token: 'mock:u-manager' });
      await menu.open();
      expect(menu.items().every((i) => !i.disabled)).to.equal(true);
    });

    it('works from the keyboard, and focus returns to the menu button when the dialog closes', async () => {
      const { el, menu } = await render(WELL_KNOWN.subscribed);
      menu.button()!.focus();
      await press('ArrowUp');
      await waitFor(() => el.shadowRoot!.activeElement?.textContent?.includes('Add to sequence'), 'the last item focused');
      await press('Home');
      await press('ArrowDown');
      await waitFor(() => el.shadowRoot!.activeElement?.textContent?.includes('Block contact'), 'the second item focused');
      await press('Enter');
      const dialog = await menu.waitForDialog();
      expect(dialog.title()).to.equal('Block contact');
      await press('Escape');
      await waitFor(() => !dialog.isOpen, 'the dialog closed');
      await waitFor(() => el.shadowRoot!.activeElement === menu.button(), 'focus back on the menu button');
      expect(sent).to.deep.equal([]);
    });
  });

  describe('Unsubscribe contact', () => {
    it('from all channels (the default): one request without channel ids, every pair unsubscribed, the preferences updated', async () => {
      const { el, menu, preferences } = await render(WELL_KNOWN.subscribed);
      const events: string[] = [];
      el.addEventListener('optout-unsubscribe-request', () => events.push('request'));
      el.addEventListener('optout-unsubscribe', (e) => events.push(`done:${e.contact.contact.id}`));
      const dialog = (await menu.choose('Unsubscribe contact'))!;
      expect(dialog.description()).to.contain('Ava Tremblay will no longer receive messages');
      expect(dialog.list('Will be unsubscribed')).to.have.length(9);
      dialog.fill('Note (optional)', 'Asked on the phone');
      dialog.confirm();
      await waitFor(() => !dialog.isOpen, 'the dialog closed');
      expect(sent.map((s) => `${s.method} ${s.path}`)).to.deep.equal([`POST /api/contacts/${WELL_KNOWN.subscribed}/unsubscribe`]);
      expect(JSON.parse(sent[0]!.body)).to.deep.equal({ note: 'Asked on the phone' });
      const ava = store().contact(WELL_KNOWN.subscribed);
      for (const channel of ALL_CHANNELS) {
        const destination = ava.destinations.find((d) => d.kind === (channel.endsWith('email') ? 'email' : 'phone'))!.value;
        expect(store().currentConsent(destination, channel)).to.deep.include({ status: 'unsubscribed', source: 'agent', actor: { type: 'user', id: 'u-admin' }, note: 'Asked on the phone' });
      }
      expect(auditOf(WELL_KNOWN.subscribed, 'unsubscribed').length).to.be.greaterThan(0);
      expect(events).to.deep.equal(['request', `done:${WELL_KNOWN.subscribed}`]);
      expect(menu.announcement()).to.equal('Ava Tremblay was unsubscribed from every channel.');
      await waitFor(() => preferences.summary() === 'Cannot be messaged on any channel: unsubscribed', 'contact-preferences updated without a reload');
    });

    it('from chosen channels, with the preview of what changes and what is already unsubscribed', async () => {
      const { menu, preferences } = await render(WELL_KNOWN.partlyUnsubscribed);
      const dialog = (await menu.choose('Unsubscribe contact'))!;
      dialog.check('Chosen channels');
      await waitFor(() => dialog.text().includes('Downtown'), 'the channels grouped by location');
      dialog.check(/^SMS Downtown SMS$/);
      dialog.check(/^SMS Airport SMS$/);
      await waitFor(() => dialog.list('Will be unsubscribed').length === 1, 'the preview');
      expect(dialog.list('Will be unsubscribed')).to.deep.equal(['Airport SMS: +1 416 203 0002']);
      expect(dialog.list('Already unsubscribed (stays as it is):')).to.deep.equal(['Downtown SMS: +1 416 203 0002']);
      const phone = phoneOf(WELL_KNOWN.partlyUnsubscribed);
      const before = store().currentConsent(phone, 'ch-downtown-sms');
      dialog.confirm();
      await waitFor(() => !dialog.isOpen, 'the dialog closed');
      expect(JSON.parse(sent[0]!.body)).to.deep.equal({ channelIds: ['ch-downtown-sms', 'ch-airport-sms'] });
      expect(store().currentConsent(phone, 'ch-airport-sms')?.status).to.equal('unsubscribed');
      expect(store().currentConsent(phone, 'ch-downtown-sms')).to.deep.equal(before, "the contact's own STOP stands as it was");
      expect(store().currentConsent(phone, 'ch-uptown-sms')).to.equal(undefined, 'nothing widened');
      await waitFor(() => preferences.summary() === 'Can be messaged on 7 of 9 channels', 'contact-preferences updated');
    });

    it('chosen channels with none ticked sends nothing, says so, and puts focus on the first channel', async () => {
      const { el, menu } = await render(WELL_KNOWN.subscribed);
      const dialog = (await menu.choose('Unsubscribe contact'))!;
      dialog.check('Chosen channels');
      await waitFor(() => dialog.text().includes('Airport'), 'the choice shown');
      dialog.confirmButton().focus();
      await press('Enter');
      await waitFor(() => dialog.problem() !== '', 'the problem');
      expect(dialog.problem()).to.equal('Choose at least one channel, or choose All channels.');
      expect(sent).to.deep.equal([]);
      await waitFor(() => (el.shadowRoot!.activeElement as HTMLInputElement | null)?.type === 'checkbox', 'focus on a channel to tick');
    });

    it('preventDefault() on optout-unsubscribe-request stops it: nothing sent, the dialog stays open', async () => {
      const { el, menu } = await render(WELL_KNOWN.subscribed);
      el.addEventListener('optout-unsubscribe-request', (e) => e.preventDefault());
      const dialog = (await menu.choose('Unsubscribe contact'))!;
      dialog.confirm();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await el.updateComplete;
      expect(sent).to.deep.equal([]);
      expect(dialog.isOpen).to.equal(true);
      expect(store().currentConsent(phoneOf(WELL_KNOWN.subscribed), 'ch-downtown-sms')).to.equal(undefined);
    });

    it('a failure keeps the dialog, the note and the choice; Retry sends the same key and changes once', async () => {
      const client = new HttpOptOutClient({ baseUrl: '/api', retry: { baseDelayMs: 1, maxDelayMs: 5 } });
      const { menu, preferences } = await render(WELL_KNOWN.subscribed, { client });
      const dialog = (await menu.choose('Unsubscribe contact'))!;
      dialog.check('Chosen channels');
      await waitFor(() => dialog.text().includes('Airport'), 'the choice shown');
      dialog.check(/^SMS Airport SMS$/);
      dialog.fill('Note (optional)', 'Asked by email');
      // More failures than the client's own attempts: the user sees it.
      mock.backend.faults.set({ failNext: 10 });
      dialog.confirm();
      await waitFor(() => dialog.problem() !== '', 'the failure shown');
      mock.backend.faults.set({ failNext: 0 });
      expect(dialog.problem()).to.equal('The server did not confirm the change. Retry: a retry cannot apply it twice.');
      expect(dialog.isOpen).to.equal(true);
      expect(preferences.summary()).to.equal('Can be messaged on 9 of 9 channels', 'nothing shown as done');
      expect(menu.announcement()).to.equal('');
      expect(dialog.confirmButton().textContent!.trim()).to.equal('Retry');
      expect((dialog.element.querySelector('textarea') as HTMLTextAreaElement).value).to.equal('Asked by email');
      const failedAttempts = sent.length;
      dialog.confirm();
      await waitFor(() => !dialog.isOpen, 'the dialog closed after Retry');
      expect(sent.length).to.equal(failedAttempts + 1);
      expect(new Set(sent.map((s) => s.idempotencyKey)).size).to.equal(1, 'every attempt and the Retry carry one key');
      expect(JSON.parse(sent.at(-1)!.body)).to.deep.equal({ channelIds: ['ch-airport-sms'], note: 'Asked by email' });
      expect(auditOf(WELL_KNOWN.subscribed, 'unsubscribed')).to.have.length(1);
      expect(store().currentConsent(phoneOf(WELL_KNOWN.subscribed), 'ch-airport-sms')?.note).to.equal('Asked by email');
      expect(store().currentConsent(phoneOf(WELL_KNOWN.subscribed), 'ch-downtown-sms')).to.equal(undefined, 'nothing widened');
    });

    it('from the keyboard, focus stays on the confirm button while it works and after it fails, when it reads "Retry"', async () => {
      const { el, menu } = await render(WELL_KNOWN.subscribed);
      const dialog = (await menu.choose('Unsubscribe contact'))!;
      mock.backend.faults.set({ failNext: 10 });
      const button = dialog.confirmButton();
      button.focus();
      await press('Enter');
      await waitFor(() => button.getAttribute('aria-disabled') === 'true', 'the button busy');
      expect(el.shadowRoot!.activeElement).to.equal(button, 'focus kept while busy');
      await waitFor(() => dialog.problem() !== '', 'the failure shown');
      mock.backend.faults.set({ failNext: 0 });
      expect(textOf(button)).to.equal('Retry');
      expect(el.shadowRoot!.activeElement).to.equal(button, 'focus kept after the failure');
    });
  });

  describe('Block contact and Unblock contact', () => {
    it('block with a reason: says it is not an opt-out, blocks, audits, and Unblock contact is offered next', async () => {
      const { el, menu, preferences } = await render(WELL_KNOWN.partlyUnsubscribed, { token: 'mock:u-agent' });
      const done: string[] = [];
      el.addEventListener('optout-block', (e) => done.push(e.contact.contact.blocked?.reason ?? ''));
      const dialog = (await menu.choose('Block contact'))!;
      expect(dialog.description()).to.equal('Messages from Liam Gagnon will no longer reach your inbox, and Liam Gagnon cannot be messaged on any channel while blocked.');
      expect(dialog.text()).to.contain('Blocking is not an opt-out.');
      dialog.fill('Reason', 'Abusive replies');
      dialog.confirm();
      await waitFor(() => !dialog.isOpen, 'the dialog closed');
      expect(store().contact(WELL_KNOWN.partlyUnsubscribed).blocked).to.deep.include({ blockedBy: { type: 'user', id: 'u-agent' }, reason: 'Abusive replies' });
      expect(auditOf(WELL_KNOWN.partlyUnsubscribed, 'blocked')).to.have.length(1);
      expect(done).to.deep.equal(['Abusive replies']);
      expect(menu.announcement()).to.equal('Liam Gagnon is blocked.');
      await waitFor(() => preferences.blockedStatus().includes('Abusive replies'), 'contact-preferences shows the block');
      await menu.open();
      expect(menu.items()[1]).to.deep.equal({ name: 'Unblock contact', disabled: true, reason: 'Your role does not allow this. Allowed for: admins and managers.' });
    });

    it('unblock says what does not change, and leaves every opt-out as it was', async () => {
      const { menu, preferences } = await render(WELL_KNOWN.blocked);
      const dialog = (await menu.choose('Unblock contact'))!;
      expect(dialog.text()).to.contain('Nothing else changes');
      const consentBefore = store().consentOfDestination(phoneOf(WELL_KNOWN.blocked));
      dialog.confirm();
      await waitFor(() => !dialog.isOpen, 'the dialog closed');
      expect(sent.map((s) => `${s.method} ${s.path}`)).to.deep.equal([`POST /api/contacts/${WELL_KNOWN.blocked}/unblock`]);
      expect(store().contact(WELL_KNOWN.blocked).blocked).to.equal(null);
      expect(store().consentOfDestination(phoneOf(WELL_KNOWN.blocked))).to.deep.equal(consentBefore);
      await waitFor(() => preferences.blockedStatus() === '', 'contact-preferences shows it unblocked');
      await menu.open();
      expect(menu.items()[1]!.name).to.equal('Block contact');
    });

    it('an answer lost after the backend blocked: Retry sends the same key and the contact is blocked once', async () => {
      const { client, loseNext } = watchedClient();
      loseNext.add('blockContact');
      const { menu } = await render(WELL_KNOWN.subscribed, { client });
      const dialog = (await menu.choose('Block contact'))!;
      dialog.fill('Reason', 'Spam');
      dialog.confirm();
      await waitFor(() => dialog.problem() !== '', 'the lost answer reported');
      expect(dialog.problem()).to.contain('The server could not be reached');
      expect(store().contact(WELL_KNOWN.subscribed).blocked).to.include({ reason: 'Spam' });
      dialog.confirm();
      await waitFor(() => !dialog.isOpen, 'the dialog closed after Retry');
      expect(sent.map((s) => s.idempotencyKey)).to.have.length(2);
      expect(sent[0]!.idempotencyKey).to.equal(sent[1]!.idempotencyKey);
      expect(auditOf(WELL_KNOWN.subscribed, 'blocked')).to.have.length(1);
    });
  });

  describe('permissions enforced by the backend', () => {
    it("an agent's direct merge() and delete() are refused with 403, shown as such, and nothing changes", async () => {
      const { el, menu } = await render(WELL_KNOWN.partlyUnsubscribed, { token: 'mock:u-agent' });
      el.delete();
      const dialog = await menu.waitForDialog();
      expect(dialog.text()).to.contain('Your role does not include this action; the server will refuse it.');
      dialog.fill(/Type Liam Gagnon to confirm/, 'Liam Gagnon');
      dialog.confirm();
      await waitFor(() => dialog.problem() !== '', 'the refusal shown');
      expect(dialog.problem()).to.equal('The server refused: your role does not allow this action. Nothing was changed.');
      expect(sent.map((s) => s.method)).to.deep.equal(['DELETE']);
      expect(store().hasContact(WELL_KNOWN.partlyUnsubscribed)).to.equal(true);
    });
  });

  describe('Delete', () => {
    it('a contact with an opt-out: the name must be typed; deleting keeps the opt-outs of its destinations', async () => {
      const { el, menu, preferences } = await render(WELL_KNOWN.partlyUnsubscribed);
      const deleted: string[] = [];
      el.addEventListener('optout-delete', (e) => deleted.push(e.contactId));
      const dialog = (await menu.choose('Delete'))!;
      expect(dialog.description()).to.contain('The opt-outs of their phone numbers and email addresses are kept');
      dialog.fill(/Type Liam Gagnon to confirm/, 'Liam');
      // From the keyboard: focus on the button, Enter.
      dialog.confirmButton().focus();
      await press('Enter');
      await waitFor(() => dialog.problem() !== '', 'the mismatch');
      expect(sent).to.deep.equal([]);
      await waitFor(() => el.shadowRoot!.activeElement?.id === 'delete-name', 'focus on the name to type');
      const phone = phoneOf(WELL_KNOWN.partlyUnsubscribed);
      const optOutsBefore = store().consentOfDestination(phone);
      dialog.fill(/Type Liam Gagnon to confirm/, 'Liam Gagnon');
      dialog.confirm();
      await waitFor(() => !dialog.isOpen, 'the dialog closed');
      expect(sent.map((s) => `${s.method} ${s.path}`)).to.deep.equal([`DELETE /api/contacts/${WELL_KNOWN.partlyUnsubscribed}`]);
      expect(sent[0]!.ifMatch).to.be.a('string').and.not.equal('');
      expect(store().hasContact(WELL_KNOWN.partlyUnsubscribed)).to.equal(false);
      expect(store().consentOfDestination(phone)).to.deep.equal(optOutsBefore, 'every opt-out kept');
      expect(optOutsBefore.some((r) => r.status === 'unsubscribed')).to.equal(true);
      expect(auditOf(WELL_KNOWN.partlyUnsubscribed, 'deleted')).to.have.length(1);
      expect(deleted).to.deep.equal([WELL_KNOWN.partlyUnsubscribed]);
      await waitFor(() => preferences.message().startsWith('No contact with the id'), 'contact-preferences says it is gone');
    });

    it('a STOP that arrives while the dialog is open stops the delete (412): the dialog shows the opt-out and now asks for the name', async () => {
      const { menu } = await render(WELL_KNOWN.subscribed);
      const dialog = (await menu.choose('Delete'))!;
      expect(dialog.element.querySelector('input')).to.equal(null);
      const integration = new HttpOptOutClient({ baseUrl: '/api', token: 'mock:u-integration' });
      await integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: phoneOf(WELL_KNOWN.subscribed), body: 'STOP' }, {});
      dialog.confirm();
      await waitFor(() => dialog.problem() !== '', 'the stale version reported');
      expect(dialog.problem()).to.contain('This contact changed while the dialog was open');
      expect(store().hasContact(WELL_KNOWN.subscribed)).to.equal(true);
      await waitFor(() => dialog.element.querySelector('input') !== null, 'the typed confirmation now asked for');
    });

    it('a contact without opt-outs needs no typed name', async () => {
      const { menu } = await render(WELL_KNOWN.subscribed);
      const dialog = (await menu.choose('Delete'))!;
      expect(dialog.element.querySelector('input')).to.equal(null);
      dialog.confirm();
      await waitFor(() => !dialog.isOpen, 'the dialog closed');
      expect(store().hasContact(WELL_KNOWN.subscribed)).to.equal(false);
    });
  });

  describe('Merge', () => {
    it('finds the other contact with the combobox, previews the strictest result, and keeps every opt-out of both', async () => {
      const { el, menu, preferences } = await render(WELL_KNOWN.subscribed);
      const merged: string[] = [];
      el.addEventListener('optout-merge', (e) => merged.push(e.sourceContactId));
      const dialog = (await menu.choose('Merge'))!;
      dialog.fill('Contact to merge', 'William Gau');
      await dialog.pick('William Gauthier');
      await waitFor(() => dialog.text().includes('After the merge'), 'the preview');
      expect(dialog.text()).to.contain('Ava Tremblay stays; William Gauthier is removed.');
      const kept = dialog.list('Opt-outs kept (any opt-out of either contact):');
      const williamPhone = phoneOf(WELL_KNOWN.unsubscribedEverywhere);
      const williamOptOuts = store().consentOfDestination(williamPhone).filter((r) => r.status === 'unsubscribed');
      expect(kept.filter((line) => line.endsWith('+1 416 203 0006'))).to.have.length(williamOptOuts.length);
      dialog.confirm();
      await waitFor(() => !dialog.isOpen, 'the dialog closed');
      const merge = sent.find((s) => s.path.endsWith('/merge'))!;
      expect(JSON.parse(merge.body)).to.deep.equal({ sourceContactId: WELL_KNOWN.unsubscribedEverywhere });
      expect(merge.ifMatch).to.be.a('string').and.not.equal('');
      expect(store().hasContact(WELL_KNOWN.unsubscribedEverywhere)).to.equal(false);
      expect(store().contact(WELL_KNOWN.subscribed).destinations.map((d) => d.value)).to.include(williamPhone);
      expect(store().consentOfDestination(williamPhone).filter((r) => r.status === 'unsubscribed')).to.deep.equal(williamOptOuts);
      expect(merged).to.deep.equal([WELL_KNOWN.unsubscribedEverywhere]);
      await waitFor(() => preferences.destinations().length === 4, 'contact-preferences shows the merged destinations');
    });

    it('aborts the search of every keystroke but the last', async () => {
      const { client, signals } = watchedClient();
      const { menu } = await render(WELL_KNOWN.subscribed, { client });
      const dialog = (await menu.choose('Merge'))!;
      for (const text of ['L', 'Li', 'Lia', 'Liam']) {
        dialog.fill('Contact to merge', text);
        await (menu.element as ContactActionsMenu).updateComplete;
      }
      await dialog.pick('Liam Gagnon');
      const searches = signals.filter((s) => s.method === 'listContacts');
      expect(searches.map((s) => (s.args[0] as { query: string }).query)).to.deep.equal(['L', 'Li', 'Lia', 'Liam']);
      expect(searches.slice(0, -1).every((s) => s.signal?.aborted)).to.equal(true);
    });

    it('the combobox works from the keyboard', async () => {
      const { menu, el } = await render(WELL_KNOWN.subscribed);
      const dialog = (await menu.choose('Merge'))!;
      const input = dialog.element.querySelector('input[role="combobox"]') as HTMLInputElement;
      input.focus();
      dialog.fill('Contact to merge', 'Liam Gagnon');
      await waitFor(() => dialog.options().length > 0, 'the options');
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      await press('ArrowDown');
      await waitFor(() => input.getAttribute('aria-activedescendant') === 'merge-option-0', 'the first option active');
      await press('Enter');
      await waitFor(() => input.value === 'Liam Gagnon' && input.getAttribute('aria-expanded') === 'false', 'the option chosen');
      expect(dialog.isOpen).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal(input);
    });
  });

  describe('Add to sequence', () => {
    it('with no sequence chosen sends nothing, says so, and puts focus on the first sequence', async () => {
      const { el, menu } = await render(WELL_KNOWN.partlyUnsubscribed);
      const dialog = (await menu.choose('Add to sequence'))!;
      dialog.confirmButton().focus();
      await press('Enter');
      await waitFor(() => dialog.problem() === 'Choose a sequence.', 'the problem');
      await waitFor(() => (el.shadowRoot!.activeElement as HTMLInputElement | null)?.name === 'sequence', 'focus on a sequence');
      expect(sent).to.deep.equal([]);
    });

    it('shows each step before confirming, enrolls, and shows the warnings the backend returned', async () => {
      const { el, menu } = await render(WELL_KNOWN.partlyUnsubscribed);
      const enrolled: number[] = [];
      el.addEventListener('optout-add-to-sequence', (e) => enrolled.push(e.enrollment.warnings.length));
      const dialog = (await menu.choose('Add to sequence'))!;
      dialog.check('Welcome series');
      await waitFor(() => dialog.list('Steps').length === 3, 'the steps');
      const steps = dialog.list('Steps');
      expect(steps[0]).to.match(/^Step 1: Downtown SMS: cannot message Unsubscribed: replied STOP to Downtown SMS/);
      expect(steps[1]).to.equal('Step 2: Downtown Email: can message');
      dialog.confirm();
      await waitFor(() => dialog.text().includes('but these steps cannot message them'), 'the warnings');
      expect(dialog.list('Warnings')[0]).to.match(/^Step 1: Downtown SMS/);
      expect(store().db.enrollments.filter((e) => e.contactId === WELL_KNOWN.partlyUnsubscribed && e.sequenceId === 'seq-welcome')).to.have.length(1);
      expect(auditOf(WELL_KNOWN.partlyUnsubscribed, 'sequence-enrolled')).to.have.length(1);
      expect(enrolled).to.deep.equal([1]);
      dialog.confirm();
      await waitFor(() => !dialog.isOpen, 'closed');
    });

    it('enrolling twice is refused by the backend and said so', async () => {
      const { el, menu } = await render(WELL_KNOWN.subscribed);
      el.addToSequence('seq-reminder');
      let dialog = await menu.waitForDialog();
      dialog.confirm();
      await waitFor(() => !dialog.isOpen, 'enrolled without warnings');
      el.addToSequence('seq-reminder');
      dialog = await menu.waitForDialog();
      dialog.confirm();
      await waitFor(() => dialog.problem() !== '', 'the conflict');
      expect(dialog.problem()).to.equal('The contact is already in this sequence.');
      expect(store().db.enrollments.filter((e) => e.contactId === WELL_KNOWN.subscribed)).to.have.length(1);
    });
  });

  it('speaks French', async () => {
    await setLocale('fr-CA');
    const { menu } = await render(WELL_KNOWN.subscribed);
    await menu.open();
    expect(menu.items().map((i) => i.name)).to.deep.equal(['Désabonner le contact', 'Bloquer le contact', 'Fusionner', 'Supprimer', 'Ajouter à une séquence']);
  });
});
