// <optout-settings> against the mock backend (MSW service worker), read and driven through its
// harness, by roles and names, as a host team's tests would.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import { setLocale } from '../../../src/localization/localization.js';
import { HttpOptOutClient, OptOutApiError } from '../../../src/client/index.js';
import { resolveOptOutChannels, type OptOutScope } from '../../../src/engine/index.js';
import type { OptOutSettings } from '../../../src/elements/optout-settings/optout-settings.js';
import type { OptOutSettingsChangeEvent, OptOutSettingsChangeRequestEvent } from '../../../src/elements/optout-settings/optout-settings.events.js';
import type { OptOutProvider } from '../../../src/elements/optout-provider/optout-provider.js';
import { OptOutSettingsHarness, getByRole, nameOf, textOf, waitFor } from '../../../src/testing/index.js';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { runElementConformance } from '../conformance/element-conformance.js';

let mock: BrowserMock;
const integration = new HttpOptOutClient({ baseUrl: '/api', token: 'mock:u-integration', retry: { baseDelayMs: 1, maxDelayMs: 5 } });
const AVA_PHONE = '+14162030001';

before(async () => {
  mock = await startBrowserMock({ params: new URLSearchParams('reset=1'), persist: false });
});
after(() => mock.stop());

beforeEach(async () => {
  mock.backend.reset();
  await mock.backend.flush();
});
afterEach(async () => {
  mock.backend.faults.reset();
  await setLocale('en');
});

const store = () => mock.backend.store;
const SCOPES: Record<OptOutScope, string> = {
  channel: 'Only the channel messaged',
  'channel-type': 'All channels of the same type',
  organization: 'Every channel in the organization',
};

async function render({ token }: { token?: string } = {}) {
  const provider = await fixture<OptOutProvider>(html`<optout-provider api-base="/api" token=${token ?? ''}>
    <optout-settings></optout-settings>
  </optout-provider>`);
  const el = provider.querySelector('optout-settings') as OptOutSettings;
  const harness = await new OptOutSettingsHarness(el).loaded();
  return { provider, el, harness };
}

runElementConformance({
  tag: 'optout-settings',
  firstRequest: 'getMessagingSettings',
  noProviderMessage: /inside an <optout-provider> element/,
  settled: async (el) => {
    const harness = await new OptOutSettingsHarness(el).loaded();
    await harness.impact();
  },
});

describe('optout-settings', () => {
  it('is titled "Opt-out preferences" and shows the saved scope with the three scopes in the seed’s words', async () => {
    const { el, harness } = await render();
    expect(el.shadowRoot?.querySelector('h2')?.textContent).to.equal('Opt-out preferences');
    expect(harness.scopeRadios().map((r) => nameOf(r))).to.deep.equal(Object.values(SCOPES));
    expect(harness.selectedScope()).to.equal(SCOPES['channel-type']);
    expect(harness.isReadOnly()).to.equal(false);
  });

  describe('the radio group, by keyboard', () => {
    it('is one tab stop; arrows move and select, wrapping around', async () => {
      const { harness } = await render();
      const [channel, type, organization] = harness.scopeRadios();
      type!.focus();
      await sendKeys({ press: 'ArrowDown' });
      expect(harness.selectedScope()).to.equal(SCOPES.organization);
      expect(harness.element.shadowRoot?.activeElement).to.equal(organization);
      await sendKeys({ press: 'ArrowDown' });
      expect(harness.selectedScope()).to.equal(SCOPES.channel);
      expect(harness.element.shadowRoot?.activeElement).to.equal(channel);
      await sendKeys({ press: 'ArrowUp' });
      expect(harness.selectedScope()).to.equal(SCOPES.organization);
      // Tab leaves the group from the selected radio: the others are not tab stops.
      await sendKeys({ press: 'Tab' });
      expect(harness.scopeRadios()).not.to.include(harness.element.shadowRoot?.activeElement);
      await sendKeys({ press: 'Shift+Tab' });
      expect(harness.element.shadowRoot?.activeElement).to.equal(organization);
      expect(harness.hasUnsavedChanges()).to.equal(true);
    });
  });

  describe('the preview is what the backend then does', () => {
    const examples = ['Downtown SMS', 'Airport WhatsApp', 'Uptown Email'];
    for (const scope of ['channel', 'channel-type', 'organization'] as const) {
      for (const example of examples) {
        it(`${scope}, a STOP to ${example}`, async () => {
          const { harness } = await render();
          harness.chooseScope(SCOPES[scope]).chooseExample(example);
          await (harness.element as OptOutSettings).updateComplete;
          const promised = harness.previewChannels();
          const channels = store().channels;
          const via = channels.find((c) => c.name === example)!;
          expect(promised).to.deep.equal(resolveOptOutChannels(via, scope, channels).map((id) => channels.find((c) => c.id === id)!.name));
          if (scope !== 'channel-type') {
            await harness.save();
            await waitFor(() => !harness.hasUnsavedChanges(), 'the scope saved');
          }
          const from = via.type === 'email' ? 'ava.tremblay@example.com' : AVA_PHONE;
          const result = await integration.receiveInboundMessage({ channelId: via.id, from, body: 'STOP' }, {});
          // Ava's own destination of the reply's kind changed on exactly the promised channels.
          const changed = channels.filter((c) => store().currentConsent(from, c.id)?.status === 'unsubscribed').map((c) => c.name);
          const sameKind = promised.filter((name) => (channels.find((c) => c.name === name)!.type === 'email') === (via.type === 'email'));
          expect(changed).to.have.members(sameKind);
          expect(result.changedChannelIds.map((id) => channels.find((c) => c.id === id)!.name)).to.have.members(promised);
        });
      }
    }

    it('says how the chosen scope differs from today, and what STOP ALL and START do', async () => {
      const { harness } = await render();
      harness.chooseExample('Downtown SMS');
      await (harness.element as OptOutSettings).updateComplete;
      expect(harness.difference()).to.equal('The same channels as today.');
      harness.chooseScope(SCOPES.organization);
      await (harness.element as OptOutSettings).updateComplete;
      expect(harness.difference()).to.equal(
        '6 more channels than today: Downtown WhatsApp, Downtown Voice, Downtown Email, Airport WhatsApp, Airport Email, and Uptown Email.',
      );
      harness.chooseScope(SCOPES.channel);
      await (harness.element as OptOutSettings).updateComplete;
      expect(harness.difference()).to.equal('2 fewer channels than today: Airport SMS and Uptown SMS would stay subscribed.');
      const text = harness.element.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
      expect(text).to.include('STOP ALL always unsubscribes from every channel in the organization (9)');
      expect(text).to.include('START re-subscribes the contact to the same channels');
    });

    it('shows what the last 30 days of STOP replies did and would have done, computed by the backend', async () => {
      await integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: AVA_PHONE, body: 'STOP' }, {});
      const { harness } = await render();
      expect(await harness.impact()).to.equal('Over the last 30 days, 1 STOP reply unsubscribed 3 channel subscriptions. Sent by 1 contact.');
      harness.chooseScope(SCOPES.organization);
      await waitFor(async () => (await harness.impact()).includes('Under this scope they would have unsubscribed 9.'), 'the organization figure');
    });
  });

  it('save, then reload: the saved scope is shown, in the audit log with who, and every element in the provider hears of it', async () => {
    const { el, provider, harness } = await render();
    const events: OptOutSettingsChangeEvent[] = [];
    el.addEventListener('optout-settings-change', (e) => events.push(e));
    harness.chooseScope(SCOPES.organization).choosePhrasePolicy('Apply them at once');
    await harness.save();
    await waitFor(() => events.length === 1, 'the change event');
    expect(events[0]!.oldSettings.optOutScope).to.equal('channel-type');
    expect(events[0]!.newSettings.optOutScope).to.equal('organization');
    expect(store().db.settings).to.include({ optOutScope: 'organization', phrasePolicy: 'apply' });
    expect(store().db.settings.updatedBy).to.deep.equal({ type: 'user', id: 'u-admin' });
    const audit = store().db.audit.at(-1)!;
    expect(audit.action).to.equal('settings-changed');
    expect(audit.actor).to.deep.equal({ type: 'user', id: 'u-admin' });
    await waitFor(() => {
      const organization = (provider as unknown as { organizationProvider: { value: { status: string; value?: { settings?: { optOutScope: string } } } } }).organizationProvider.value;
      return organization.value?.settings?.optOutScope === 'organization';
    }, 'the provider revalidated its settings');
    el.remove();
    const again = await render();
    expect(again.harness.selectedScope()).to.equal(SCOPES.organization);
    expect(again.harness.hasUnsavedChanges()).to.equal(false);
  });

  it('from the keyboard, focus stays on Save once saved; with nothing left to save, pressing it sends nothing', async () => {
    const { el, harness } = await render();
    harness.chooseScope(SCOPES.organization);
    await harness.settled();
    const save = harness.saveButton()!;
    save.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !harness.hasUnsavedChanges() && nameOf(save) === 'Save', 'saved');
    expect(store().db.settings.optOutScope).to.equal('organization');
    expect(save.getAttribute('aria-disabled')).to.equal('true', 'it says there is nothing to save');
    expect(textOf(save.parentElement)).to.contain('Opt-out preferences saved.', 'said beside Save, not only to screen readers');
    expect(el.shadowRoot!.activeElement).to.equal(save, 'focus kept, not dropped to the page');
    // A save asks the host first (optout-settings-change-request), before anything is sent.
    const asked: Event[] = [];
    el.addEventListener('optout-settings-change-request', (e) => asked.push(e));
    await sendKeys({ press: 'Enter' });
    expect(asked).to.have.length(0);
    expect(nameOf(save)).to.equal('Save');
  });

  it('"Opt-out preferences saved." goes once the form shows settings this user did not save', async () => {
    const { el, provider, harness } = await render();
    harness.chooseScope(SCOPES.organization);
    await harness.save();
    await waitFor(() => textOf(el.shadowRoot!.querySelector('.actions')).includes('Opt-out preferences saved.'), 'saved, and said');
    // Another admin changes the scope; this page signs in again (a new client) and loads theirs.
    const other = new HttpOptOutClient({ baseUrl: '/api' });
    const current = await other.getMessagingSettings({});
    const { phrasePolicy, customKeywords } = current.settings;
    await other.updateMessagingSettings({ optOutScope: 'channel', phrasePolicy, customKeywords }, current.etag, {});
    provider.setAttribute('token', 'mock:u-admin');
    await waitFor(() => harness.selectedScope() === SCOPES.channel, 'their settings shown');
    expect(textOf(el.shadowRoot!.querySelector('.actions'))).to.not.include('saved');
  });

  it('a cancelled change request sends nothing', async () => {
    const { el, harness } = await render();
    el.addEventListener('optout-settings-change-request', (e: OptOutSettingsChangeRequestEvent) => {
      expect(e.newSettings.optOutScope).to.equal('channel');
      e.preventDefault();
    });
    const version = store().db.settingsVersion;
    harness.chooseScope(SCOPES.channel); await harness.save();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(store().db.settingsVersion).to.equal(version);
    expect(harness.hasUnsavedChanges()).to.equal(true);
  });

  it('a failed save loses nothing the admin chose', async () => {
    const { harness } = await render();
    harness.chooseScope(SCOPES.channel).type('optOut', 'ALTO');
    await harness.add('optOut');
    mock.backend.faults.set({ errorRate: 1 });
    await harness.save();
    await waitFor(() => harness.alerts().some((a) => a.includes('could not be saved')), 'the failure shown', 10000);
    mock.backend.faults.reset();
    expect(harness.selectedScope()).to.equal(SCOPES.channel);
    expect(harness.keywords('optOut')).to.include('ALTO');
    expect(harness.hasUnsavedChanges()).to.equal(true);
    expect(store().db.settings.optOutScope).to.equal('channel-type');
    await harness.save();
    await waitFor(() => !harness.hasUnsavedChanges(), 'saved on the second try');
    expect(store().db.settings.customKeywords.optOut).to.deep.equal(['ALTO']);
  });

  describe('a concurrent change (412), in two provider instances', () => {
    async function twoAdmins() {
      const container = await fixture<HTMLElement>(html`<div>
        <optout-provider api-base="/api"><optout-settings></optout-settings></optout-provider>
        <optout-provider api-base="/api"><optout-settings></optout-settings></optout-provider>
      </div>`);
      const [first, second] = [...container.querySelectorAll('optout-settings')].map((el) => new OptOutSettingsHarness(el));
      await first!.loaded();
      await second!.loaded();
      return { first: first!, second: second! };
    }

    it('shows who changed what; "reapply my change on top" saves mine over theirs without losing theirs', async () => {
      const { first, second } = await twoAdmins();
      first.chooseScope(SCOPES.organization); await first.save();
      await waitFor(() => store().db.settings.optOutScope === 'organization', 'the first admin saved');
      second.type('optOut', 'ALTO');
      await second.add('optOut');
      await second.save();
      const conflict = await waitFor(() => second.conflict(), 'the conflict shown');
      expect(conflict.textContent).to.include('Alex Admin');
      expect(second.conflictChanges()).to.deep.equal(['Scope: “All channels of the same type” → “Every channel in the organization”.']);
      expect(store().db.settings.customKeywords.optOut).to.deep.equal([], 'nothing overwritten');
      await second.reapplyMine();
      await waitFor(() => store().db.settings.customKeywords.optOut.length === 1, 'saved on top');
      expect(store().db.settings.optOutScope).to.equal('organization', 'their scope kept');
      expect(store().db.settings.customKeywords.optOut).to.deep.equal(['ALTO']);
      await waitFor(() => !second.hasUnsavedChanges() && second.conflict() === null, 'the conflict resolved');
    });

    it('"keep theirs" discards mine and shows theirs', async () => {
      const { first, second } = await twoAdmins();
      first.chooseScope(SCOPES.organization); await first.save();
      await waitFor(() => store().db.settings.optOutScope === 'organization', 'the first admin saved');
      second.chooseScope(SCOPES.channel); await second.save();
      await waitFor(() => second.conflict(), 'the conflict shown');
      await second.keepTheirs();
      await (second.element as OptOutSettings).updateComplete;
      expect(second.selectedScope()).to.equal(SCOPES.organization);
      expect(second.hasUnsavedChanges()).to.equal(false);
      expect(second.alerts()).to.deep.equal([], 'giving up mine is no failure to save');
      expect(store().db.settings.optOutScope).to.equal('organization');
    });

    it('from the keyboard, "Reapply my change on top" leaves focus on Save, and "Keep theirs" on the title', async () => {
      const { first, second } = await twoAdmins();
      const focused = () => second.element.shadowRoot!.activeElement;
      first.chooseScope(SCOPES.organization); await first.save();
      await waitFor(() => store().db.settings.optOutScope === 'organization', 'the first admin saved');
      second.chooseScope(SCOPES.channel); await second.save();
      let conflict = await waitFor(() => second.conflict(), 'the conflict shown');
      getByRole(conflict, 'button', { name: 'Keep theirs' }).focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => second.conflict() === null, 'the conflict resolved');
      await waitFor(() => focused() !== null, 'focus kept in the element');
      expect(textOf(focused())).to.equal('Opt-out preferences');
      // A second conflict, resolved the other way.
      first.chooseScope(SCOPES['channel-type']); await first.save();
      await waitFor(() => store().db.settings.optOutScope === 'channel-type', 'the first admin saved again');
      second.chooseScope(SCOPES.channel); await second.save();
      conflict = await waitFor(() => second.conflict(), 'the second conflict shown');
      getByRole(conflict, 'button', { name: 'Reapply my change on top' }).focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => store().db.settings.optOutScope === 'channel', 'mine saved on top');
      await waitFor(() => focused() !== null, 'focus kept in the element');
      expect(nameOf(focused()!)).to.match(/^(Save|Saving…)$/);
    });
  });

  describe('roles', () => {
    for (const role of ['manager', 'agent'] as const) {
      it(`a ${role} sees the settings read-only, with "Only admins can change this"`, async () => {
        const { harness } = await render({ token: `mock:u-${role}` });
        expect(harness.isReadOnly()).to.equal(true);
        expect(harness.scopeRadios().every((r) => r.matches(':disabled'))).to.equal(true);
        expect(harness.saveButton()).to.equal(null);
        expect(harness.selectedScope()).to.equal(SCOPES['channel-type']);
      });
    }

    it('a non-admin’s direct call is refused with 403 and changes nothing', async () => {
      const manager = new HttpOptOutClient({ baseUrl: '/api', token: 'mock:u-manager' });
      const { etag } = await manager.getMessagingSettings({});
      let refused: unknown;
      try {
        await manager.updateMessagingSettings({ optOutScope: 'organization', phrasePolicy: 'review', customKeywords: { optOut: [], optOutAll: [], optIn: [], help: [] } }, etag, {});
      } catch (error) {
        refused = error;
      }
      expect(refused).to.be.instanceOf(OptOutApiError);
      expect((refused as OptOutApiError).status).to.equal(403);
      expect(store().db.settings.optOutScope).to.equal('channel-type');
    });
  });

  describe('keywords', () => {
    it('validates as the admin types, with the engine’s rule', async () => {
      const { harness } = await render();
      harness.type('optIn', 'stop!');
      await (harness.element as OptOutSettings).updateComplete;
      expect(harness.isInvalid('optIn')).to.equal(true);
      expect(harness.fieldMessage('optIn')).to.equal('This reads as the default keyword STOP (Opt-out); a keyword cannot mean two things.');
      harness.type('optIn', 'please take me off');
      await (harness.element as OptOutSettings).updateComplete;
      expect(harness.fieldMessage('optIn')).to.equal('This reads as a request to stop, so it cannot start messages again or ask for help.');
      harness.type('optIn', 'yes yes yes yes');
      await (harness.element as OptOutSettings).updateComplete;
      expect(harness.fieldMessage('optIn')).to.equal('A keyword is one word or a short phrase of at most 3 words.');
      harness.type('optIn', 'YEP');
      await (harness.element as OptOutSettings).updateComplete;
      expect(harness.isInvalid('optIn')).to.equal(false);
      await harness.add('optIn');
      await (harness.element as OptOutSettings).updateComplete;
      expect(harness.keywords('optIn')).to.include('YEP');
      harness.type('help', 'yep');
      await (harness.element as OptOutSettings).updateComplete;
      expect(harness.fieldMessage('help')).to.equal('This reads as the custom keyword YEP (Opt-in); a keyword cannot mean two things.');
    });

    it('defaults cannot be removed; custom ones can', async () => {
      const { harness } = await render();
      harness.type('optOut', 'ALTO');
      await harness.add('optOut');
      await (harness.element as OptOutSettings).updateComplete;
      expect(harness.keywords('optOut').slice(0, 2)).to.deep.equal(['STOP', 'END']);
      const removable = harness.element.shadowRoot!.querySelectorAll('button.remove');
      expect(removable.length).to.equal(1);
      await harness.remove('ALTO');
      await (harness.element as OptOutSettings).updateComplete;
      expect(harness.keywords('optOut')).not.to.include('ALTO');
    });

    it('from the keyboard: Add gives focus back to the field, and removing a keyword moves it to the next one, then to the field', async () => {
      const { el, harness } = await render();
      const root = el.shadowRoot!;
      const group = getByRole(root, 'group', { name: 'Opt-out keywords' });
      const field = getByRole(group, 'textbox', { name: 'Add to Opt-out keywords' });
      for (const word of ['ALTO', 'BASTA']) {
        harness.type('optOut', word);
        await (harness.element as OptOutSettings).updateComplete;
        getByRole(group, 'button', { name: 'Add' }).focus();
        await sendKeys({ press: 'Enter' });
        await waitFor(() => harness.keywords('optOut').includes(word), `${word} added`);
        await waitFor(() => root.activeElement === field, 'focus back in the field');
      }
      getByRole(root, 'button', { name: 'Remove ALTO' }).focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => !harness.keywords('optOut').includes('ALTO'), 'ALTO removed');
      await waitFor(() => root.activeElement !== null, 'focus kept in the element');
      expect(nameOf(root.activeElement!)).to.equal('Remove BASTA');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => !harness.keywords('optOut').includes('BASTA'), 'BASTA removed');
      await waitFor(() => root.activeElement === field, 'focus on the field once no keyword is left to remove');
    });

    it('shows the backend’s 422 for a clash on the field, and saves nothing', async () => {
      // A keyword stored before the backend refused clashes: the form shows it, the backend refuses it.
      store().db.settings = { ...store().db.settings, customKeywords: { optOut: [], optOutAll: [], optIn: ['Stop now'], help: [] } };
      const { harness } = await render();
      const version = store().db.settingsVersion;
      harness.chooseScope(SCOPES.channel); await harness.save();
      await waitFor(() => harness.serverErrors('optIn').length > 0, 'the refusal on the field');
      expect(harness.serverErrors('optIn')).to.deep.equal(['“Stop now”: The server refused it: it reads as STOP, a keyword of another kind.']);
      expect(harness.alerts().some((a) => a.includes('Some keywords were refused'))).to.equal(true);
      expect(store().db.settingsVersion).to.equal(version);
      expect(harness.hasUnsavedChanges()).to.equal(true);
      await harness.remove('Stop now');
      await harness.save();
      await waitFor(() => !harness.hasUnsavedChanges(), 'saved once the keyword is removed');
      expect(store().db.settings).to.include({ optOutScope: 'channel' });
    });
  });

  describe('copy', () => {
    it('copies the team guidance with the clipboard API', async () => {
      const { harness } = await render();
      const written: string[] = [];
      const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void written.push(text) } });
      try {
        harness.copy();
        await waitFor(() => written.length === 1, 'the clipboard written');
        expect(written[0]).to.equal(harness.guidance());
        expect(written[0]).to.match(/^If a contact replies STOP to Downtown SMS, they are unsubscribed from every SMS channel \(3\)/);
        expect(harness.copyField()).to.equal(null);
      } finally {
        delete (navigator as unknown as Record<string, unknown>)['clipboard'];
        if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
      }
    });

    it('without a clipboard, selects the text in a field to copy by keyboard', async () => {
      const { harness } = await render();
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
      try {
        harness.copy();
        const field = await waitFor(() => harness.copyField(), 'the fallback field');
        await waitFor(() => harness.element.shadowRoot?.activeElement === field, 'the field focused');
        expect(field.value).to.equal(harness.guidance());
        expect(field.selectionStart).to.equal(0);
        expect(field.selectionEnd).to.equal(field.value.length);
      } finally {
        delete (navigator as unknown as Record<string, unknown>)['clipboard'];
      }
    });
  });

  it('speaks Canadian French', async () => {
    await setLocale('fr-CA');
    const { el, harness } = await render();
    await waitFor(() => el.shadowRoot?.querySelector('h2')?.textContent === 'Préférences de désabonnement', 'the French title');
    expect(harness.selectedScope()).to.equal('Tous les canaux du même type');
    harness.chooseScope('Tous les canaux de l’organisation');
    await el.updateComplete;
    expect(harness.difference()).to.match(/^6 canaux de plus qu’aujourd’hui : /);
    harness.type('optIn', 'arrêt');
    await el.updateComplete;
    expect(harness.fieldMessage('optIn')).to.equal('Ceci se lit comme le mot-clé par défaut ARRET (Désabonnement); un mot-clé ne peut pas avoir deux sens.');
  });
});
