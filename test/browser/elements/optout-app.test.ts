// <optout-app> through the lifecycles a host calls (mount, update, unmount), against the mock
// backend, read and driven through OptOutAppHarness by roles and names. The URL is the test page's
// own: each test puts it where it needs and puts it back.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import { mount, unmount, update, type OptOutAppProps } from '../../../src/app/index.js';
import { HttpOptOutClient } from '../../../src/client/index.js';
import { setLocale } from '../../../src/localization/localization.js';
import type { OptOutApp } from '../../../src/elements/optout-app/optout-app.js';
import type { OptOutAppNavigateEvent } from '../../../src/elements/optout-app/optout-app.events.js';
import { OptOutAppHarness, getByRole, textOf, waitFor } from '../../../src/testing/index.js';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';

const BASE = '/test-crm';
const startUrl = location.href;
let mock: BrowserMock;
const mounted: HTMLElement[] = [];

before(async () => {
  mock = await startBrowserMock({ params: new URLSearchParams('reset=1'), persist: false });
});
after(async () => {
  await mock.stop();
  history.replaceState(null, '', startUrl);
});

beforeEach(async () => {
  mock.backend.reset();
  await mock.backend.flush();
});

afterEach(async () => {
  for (const domElement of mounted.splice(0)) {
    await unmount({ domElement });
    domElement.remove();
  }
  history.replaceState(null, '', startUrl);
  await setLocale('en');
});

/** Mounts an app in a new element of the page, at `path` (the URL a person opened). */
async function open(path: string, props: Partial<OptOutAppProps> = {}) {
  history.replaceState(null, '', path);
  const domElement = document.createElement('div');
  document.body.append(domElement);
  mounted.push(domElement);
  await mount({ domElement, basePath: BASE, apiBase: '/api', ...props });
  const app = domElement.querySelector('optout-app') as OptOutApp;
  return { domElement, app, harness: new OptOutAppHarness(app) };
}

/** Opens a contact from All contacts as a person does: search for the name, click it. */
async function openFromList(harness: OptOutAppHarness, name: string) {
  const table = await harness.contacts();
  await table.search(name);
  await harness.clickLink(name);
}

/** Queues a plain-language request from the contact's phone, as the messaging integration reports it. */
async function queueRequest(contactId: string) {
  const from = mock.backend.store.contact(contactId).destinations.find((d) => d.kind === 'phone' && d.valid)!.value;
  const integration = new HttpOptOutClient({ baseUrl: '/api', token: 'mock:u-integration' });
  const result = await integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from, body: 'please stop texting me' }, {});
  expect(result.action).to.equal('queued-for-review');
}

const onPath = (path: string) => waitFor(() => location.pathname === path, `the URL ${path}`);

describe('optout-app', () => {
  describe('routes', () => {
    it('a deep link to a contact shows its preferences, titled with its name, and the actions menu beside them', async () => {
      const { harness } = await open(`${BASE}/contacts/${WELL_KNOWN.partlyUnsubscribed}`);
      const preferences = await harness.preferences();
      expect(preferences.contactName()).to.equal('Liam Gagnon');
      expect(preferences.summary()).to.equal('Can be messaged on 8 of 9 channels');
      await harness.loaded('Liam Gagnon');
      const actions = await (await harness.actions()).ready();
      expect(actions.button()?.disabled).to.equal(false);
      expect(harness.hrefOf('Back to All contacts')).to.equal(`${BASE}/contacts`);
      expect(harness.currentNavLink()).to.equal('All contacts');
      // First load: the host's focus is left alone.
      expect(harness.headingFocused()).to.equal(false);
    });

    it('the base path, with or without its slash, is replaced by All contacts without a history entry', async () => {
      for (const path of [BASE, `${BASE}/`]) {
        const length = history.length;
        const { harness, domElement } = await open(`${path}?keep=1#here`);
        expect(location.pathname).to.equal(`${BASE}/contacts`);
        expect(location.search + location.hash).to.equal('?keep=1#here');
        expect(history.length).to.equal(length);
        await harness.loaded('All contacts');
        expect(harness.currentNavLink()).to.equal('All contacts');
        await unmount({ domElement });
      }
    });

    it('clicking a row opens the contact page: the URL changes, the heading takes the focus', async () => {
      const { harness } = await open(`${BASE}/contacts`);
      const length = history.length;
      await openFromList(harness, 'Ava Tremblay');
      await onPath(`${BASE}/contacts/${WELL_KNOWN.subscribed}`);
      expect(history.length).to.equal(length + 1);
      expect((await harness.preferences()).contactName()).to.equal('Ava Tremblay');
      await waitFor(() => harness.headingFocused(), 'the page heading focused');
      await harness.loaded('Ava Tremblay');
    });

    it('back and forward show the page of each URL, and reload (a new mount at the URL) shows it again', async () => {
      const { harness, domElement } = await open(`${BASE}/contacts`);
      await openFromList(harness, 'Ava Tremblay');
      await harness.preferences();
      await harness.follow('Messaging', 'Messaging');
      await harness.settings();
      history.back();
      await onPath(`${BASE}/contacts/${WELL_KNOWN.subscribed}`);
      expect((await harness.preferences()).contactName()).to.equal('Ava Tremblay');
      history.back();
      await onPath(`${BASE}/contacts`);
      await harness.loaded('All contacts');
      await harness.contacts();
      history.forward();
      await onPath(`${BASE}/contacts/${WELL_KNOWN.subscribed}`);
      await harness.loaded('Ava Tremblay');
      await unmount({ domElement });
      const again = await open(location.href);
      expect((await again.harness.preferences()).contactName()).to.equal('Ava Tremblay');
    });

    it('follows a host that pushes a URL and dispatches popstate (single-spa navigateToUrl)', async () => {
      const { harness } = await open(`${BASE}/contacts`);
      await harness.contacts();
      history.pushState(null, '', `${BASE}/settings/messaging`);
      dispatchEvent(new PopStateEvent('popstate'));
      await harness.loaded('Messaging');
      await harness.settings();
      expect(harness.currentNavLink()).to.equal('Messaging');
      await waitFor(() => harness.headingFocused(), 'the page heading focused');
    });

    it('a path it does not know says so and links to All contacts', async () => {
      const { harness } = await open(`${BASE}/nowhere`);
      await harness.loaded('Page not found');
      expect(harness.message()).to.match(/no such page/);
      await harness.follow('Go to All contacts', 'All contacts');
      expect(location.pathname).to.equal(`${BASE}/contacts`);
    });

    it('revalidate() shows a change made behind its back, such as a reply its integration received', async () => {
      const { app, harness } = await open(`${BASE}/contacts/${WELL_KNOWN.subscribed}`);
      const preferences = await harness.preferences();
      await harness.loaded(mock.backend.store.contact(WELL_KNOWN.subscribed).name);
      const before = preferences.summary();
      const from = mock.backend.store.contact(WELL_KNOWN.subscribed).destinations.find((d) => d.kind === 'phone' && d.valid)!.value;
      mock.backend.messaging.receive({ channelId: 'ch-downtown-sms', from, body: 'STOP' });
      app.revalidate();
      await waitFor(() => preferences.summary() !== before, 'the summary to change');
      expect(preferences.summary()).to.match(/^Can be messaged on \d+ of 9 channels$/);
      expect(harness.headingFocused()).to.equal(false);
    });

    it('after the contact is deleted it goes to All contacts, and Back does not return to the deleted contact', async () => {
      const { harness } = await open(`${BASE}/contacts`);
      await openFromList(harness, 'Liam Gagnon');
      await harness.preferences();
      const length = history.length;
      const actions = await (await harness.actions()).ready();
      const dialog = (await actions.choose('Delete'))!;
      dialog.fill(/Type Liam Gagnon to confirm/, 'Liam Gagnon');
      dialog.confirm();
      await onPath(`${BASE}/contacts`);
      await harness.loaded('All contacts');
      expect(mock.backend.store.hasContact(WELL_KNOWN.partlyUnsubscribed)).to.equal(false);
      expect(history.length).to.equal(length);
      await waitFor(() => harness.headingFocused(), 'the page heading focused');
    });

    it('after a merge into another contact it shows the surviving contact', async () => {
      const { harness } = await open(`${BASE}/contacts/${WELL_KNOWN.unsubscribedEverywhere}`);
      await harness.preferences();
      const app = harness.element as OptOutApp;
      // The menu merges another contact into this one; the page stays on the survivor.
      const { OptOutMergeEvent } = await import('../../../src/elements/contact-actions-menu/contact-actions-menu.events.js');
      const menu = (await harness.actions()).element;
      const survivor = await new HttpOptOutClient({ baseUrl: '/api' }).getContact(WELL_KNOWN.subscribed, {});
      menu.dispatchEvent(new OptOutMergeEvent(WELL_KNOWN.unsubscribedEverywhere, survivor));
      await onPath(`${BASE}/contacts/${WELL_KNOWN.subscribed}`);
      expect((await harness.preferences()).contactName()).to.equal('Ava Tremblay');
      expect(app.isConnected).to.equal(true);
    });
  });

  describe('links', () => {
    it('every link of every page stays under the base path', async () => {
      const { harness } = await open(`${BASE}/contacts`);
      const pages: [string, () => Promise<unknown>][] = [
        ['All contacts', () => harness.contacts()],
        ['Opt-out requests', () => harness.requests()],
        ['Messaging', () => harness.settings()],
      ];
      const checked: string[] = [];
      for (const [name, shown] of pages) {
        await harness.follow(name, name);
        await shown();
        checked.push(...harness.hrefs());
      }
      await harness.clickLink('All contacts');
      await openFromList(harness, 'Liam Gagnon');
      const preferences = await harness.preferences();
      checked.push(...harness.hrefs());
      expect(harness.hrefOf('Opt-out preferences')).to.equal(`${BASE}/settings/messaging`);
      expect(preferences.contactName()).to.equal('Liam Gagnon');
      const outside = checked.filter((href) => {
        const url = new URL(href);
        return url.origin === location.origin && !url.pathname.startsWith(`${BASE}/`);
      });
      expect(checked.length).to.be.greaterThan(8);
      expect(outside).to.deep.equal([]);
    });

    it('the settings link of a contact opens Settings > Messaging inside the app', async () => {
      const { harness } = await open(`${BASE}/contacts/${WELL_KNOWN.partlyUnsubscribed}`);
      await harness.preferences();
      await harness.follow('Opt-out preferences', 'Messaging');
      expect(location.pathname).to.equal(`${BASE}/settings/messaging`);
      await harness.settings();
    });

    it("leaves the host's own links alone, even same-origin ones", async () => {
      const { harness } = await open(`${BASE}/contacts`);
      await harness.contacts();
      const link = document.createElement('a');
      link.href = '/host-page';
      link.textContent = 'Host page';
      document.body.append(link);
      let prevented: boolean | undefined;
      const look = (e: Event) => {
        prevented = e.defaultPrevented;
        // The test page must not actually leave.
        e.preventDefault();
      };
      window.addEventListener('click', look);
      try {
        link.click();
      } finally {
        window.removeEventListener('click', look);
        link.remove();
      }
      expect(prevented).to.equal(false);
      expect(location.pathname).to.equal(`${BASE}/contacts`);
    });

    it('a review request names its contact with a link to the contact page in the app', async () => {
      await queueRequest(WELL_KNOWN.subscribed);
      const { harness } = await open(`${BASE}/requests`);
      const queue = await harness.requests();
      expect(queue.requests().length).to.be.greaterThan(0);
      const contactLinks = harness.hrefs().filter((href) => new URL(href).pathname.startsWith(`${BASE}/contacts/c-`));
      expect(contactLinks).to.deep.equal([`${location.origin}${BASE}/contacts/${WELL_KNOWN.subscribed}`]);
      await harness.follow('Ava Tremblay', 'Ava Tremblay');
      expect((await harness.preferences()).contactName()).to.equal('Ava Tremblay');
    });
  });

  describe('accessibility', () => {
    it('passes axe-core on every page, and has one navigation landmark and one page heading', async () => {
      // @ts-expect-error axe-core's browser build ships no module types of its own
      await import('axe-core/axe.min.js');
      const axe = (window as unknown as { axe: { run(context: Element): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      await queueRequest(WELL_KNOWN.subscribed);
      const { harness, app } = await open(`${BASE}/contacts/${WELL_KNOWN.partlyUnsubscribed}`);
      const pages: [string, () => Promise<unknown>][] = [
        ['Liam Gagnon', () => harness.preferences()],
        ['All contacts', () => harness.contacts()],
        ['Opt-out requests', () => harness.requests()],
        ['Messaging', () => harness.settings()],
      ];
      for (const [title, shown] of pages) {
        if (title !== 'Liam Gagnon') await harness.follow(title, title);
        await shown();
        await harness.loaded(title);
        expect(harness.nav()).to.not.equal(null);
        const results = await axe.run(app);
        expect(results.violations.map((v) => `${title}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).to.deep.equal([]);
      }
    });
  });

  describe('focus, with the elements inside the app', () => {
    /** The focused element itself, however deep in shadow roots. */
    const focused = () => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active;
    };

    it('a keyword added with the button gives focus back to its field', async () => {
      const { harness } = await open(`${BASE}/settings/messaging`);
      const settings = await harness.settings();
      const group = getByRole(settings.element.shadowRoot!, 'group', { name: 'Opt-out keywords' });
      settings.type('optOut', 'ALTO');
      await (settings.element as LitElement).updateComplete;
      getByRole(group, 'button', { name: 'Add' }).focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => settings.keywords('optOut').includes('ALTO'), 'ALTO added');
      await waitFor(() => focused() === getByRole(group, 'textbox', { name: 'Add to Opt-out keywords' }), 'focus back in the field');
    });

    it('re-subscribing the last channel moves focus to the summary', async () => {
      const { harness } = await open(`${BASE}/contacts/${WELL_KNOWN.partlyUnsubscribed}`);
      const preferences = await harness.preferences();
      preferences.resubscribeButton()!.focus();
      const dialog = await preferences.openResubscribe();
      dialog.choose('Downtown SMS').writeNote('Asked in store, Dec 2');
      dialog.submit();
      await waitFor(() => preferences.resubscribeButton() === null, 'nothing left to re-subscribe');
      await waitFor(() => focused()?.id === 'summary', 'focus on the summary');
      expect(textOf(focused())).to.equal('Can be messaged on 9 of 9 channels');
    });
  });

  describe('roles', () => {
    const names = async (token: string) => {
      const { harness, domElement } = await open(`${BASE}/contacts`, { token });
      await waitFor(() => harness.navLinks().length === (token === 'mock:u-agent' ? 2 : 3), `the navigation for ${token}`);
      const links = harness.navLinks();
      await unmount({ domElement });
      return links;
    };

    it('shows Opt-out requests to managers and admins, not to agents; Messaging to everyone', async () => {
      expect(await names('mock:u-admin')).to.deep.equal(['All contacts', 'Opt-out requests', 'Messaging']);
      expect(await names('mock:u-manager')).to.deep.equal(['All contacts', 'Opt-out requests', 'Messaging']);
      expect(await names('mock:u-agent')).to.deep.equal(['All contacts', 'Messaging']);
    });

    it('an agent sees Settings > Messaging read-only', async () => {
      const { harness } = await open(`${BASE}/settings/messaging`, { token: 'mock:u-agent' });
      const settings = await harness.settings();
      expect(settings.isReadOnly()).to.equal(true);
    });
  });

  describe('the host', () => {
    it('fires optout-app-navigate with the path and the title, and leaves document.title alone', async () => {
      const title = document.title;
      const seen: string[] = [];
      const listen = (e: OptOutAppNavigateEvent) => seen.push(`${e.path} ${e.title}`);
      document.addEventListener('optout-app-navigate', listen);
      try {
        const { harness } = await open(`${BASE}/contacts/${WELL_KNOWN.partlyUnsubscribed}`);
        await harness.loaded('Liam Gagnon');
        await harness.follow('Messaging', 'Messaging');
        await waitFor(() => seen.length >= 3, 'three navigations');
      } finally {
        document.removeEventListener('optout-app-navigate', listen);
      }
      const contact = `${BASE}/contacts/${WELL_KNOWN.partlyUnsubscribed}`;
      expect(seen).to.deep.equal([`${contact} Contact`, `${contact} Liam Gagnon`, `${BASE}/settings/messaging Messaging`]);
      expect(document.title).to.equal(title);
    });

    it('the locale prop translates the app', async () => {
      const { harness } = await open(`${BASE}/contacts`, { locale: 'fr-CA' });
      await waitFor(() => harness.navLinks().includes('Tous les contacts'), 'the navigation in French');
      expect(harness.title()).to.equal('Tous les contacts');
    });

    it('mounting twice on one element keeps one app; update changes its props', async () => {
      const { domElement, app } = await open(`${BASE}/contacts`);
      await mount({ domElement, basePath: BASE, apiBase: '/api' });
      expect(domElement.querySelectorAll('optout-app')).to.have.length(1);
      expect(domElement.querySelector('optout-app')).to.equal(app);
      await update({ domElement, basePath: BASE, apiBase: '/api', locale: 'fr-CA' });
      await waitFor(() => new OptOutAppHarness(app).navLinks().includes('Tous les contacts'), 'the update applied');
    });

    it('two apps on one page each follow only the URLs under their own base path', async () => {
      const a = await open(`/test-a/contacts/${WELL_KNOWN.partlyUnsubscribed}`, { basePath: '/test-a' });
      const b = await open(location.href, { basePath: '/test-b' });
      expect((await a.harness.preferences()).contactName()).to.equal('Liam Gagnon');
      // B's base is not in the URL: it shows its first page, and leaves the URL alone.
      await b.harness.loaded('All contacts');
      expect(location.pathname).to.equal(`/test-a/contacts/${WELL_KNOWN.partlyUnsubscribed}`);
      await b.harness.follow('Messaging', 'Messaging');
      expect(location.pathname).to.equal('/test-b/settings/messaging');
      await a.harness.loaded('Liam Gagnon');
      expect(a.harness.headingFocused()).to.equal(false);
      history.back();
      await onPath(`/test-a/contacts/${WELL_KNOWN.partlyUnsubscribed}`);
      await a.harness.loaded('Liam Gagnon');
      expect(b.harness.title()).to.equal('Messaging');
      await a.harness.clickLink('All contacts');
      await onPath('/test-a/contacts');
      await a.harness.loaded('All contacts');
      expect(b.harness.title()).to.equal('Messaging');
    });

    it('unmount leaves no listener on window or document and aborts every request in flight', async () => {
      const added = new Map<string, number>();
      const targets = [window, document] as const;
      const originals = targets.map((t) => ({ add: t.addEventListener, remove: t.removeEventListener }));
      const key = (t: EventTarget, type: string, listener: unknown) => {
        let id = ids.get(listener);
        if (id === undefined) ids.set(listener, (id = ids.size));
        return `${t === window ? 'window' : 'document'} ${type} #${id}`;
      };
      const ids = new Map<unknown, number>();
      targets.forEach((t, i) => {
        const { add, remove } = originals[i]!;
        t.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
          if (listener) added.set(key(t, type, listener), (added.get(key(t, type, listener)) ?? 0) + 1);
          return add.call(this, type, listener as EventListenerOrEventListenerObject, options);
        } as typeof t.addEventListener;
        t.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
          if (listener && added.has(key(t, type, listener))) added.delete(key(t, type, listener));
          return remove.call(this, type, listener as EventListenerOrEventListenerObject, options);
        } as typeof t.removeEventListener;
      });
      const fetch = globalThis.fetch;
      const signals: AbortSignal[] = [];
      globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
        if (signal) signals.push(signal);
        return fetch(input, init);
      };
      const release = mock.backend.faults.hold();
      try {
        history.replaceState(null, '', `${BASE}/contacts/${WELL_KNOWN.partlyUnsubscribed}`);
        const domElement = document.createElement('div');
        document.body.append(domElement);
        await mount({ domElement, basePath: BASE, apiBase: '/api' });
        await waitFor(() => signals.length >= 3, 'the requests of the contact page in flight');
        expect([...added.keys()].length).to.be.greaterThan(0);
        await unmount({ domElement });
        domElement.remove();
        await waitFor(() => signals.every((s) => s.aborted), 'every request aborted');
        expect([...added.keys()]).to.deep.equal([]);
      } finally {
        release();
        globalThis.fetch = fetch;
        targets.forEach((t, i) => {
          t.addEventListener = originals[i]!.add;
          t.removeEventListener = originals[i]!.remove;
        });
      }
    });
  });
});
