import '../src/define.js';
import { setLocale } from '../src/localization/localization.js';
import { startBrowserMock } from '../mocks/browser.js';
import { sampleChannels, sampleLocations } from '../mocks/fixtures/sample-organization.js';
import { WELL_KNOWN } from '../mocks/seed/seed.js';
import { signTwilioRequest } from '../mocks/twilio.js';
import { defineInboundReplySimulator } from '../src/elements/inbound-reply-simulator/inbound-reply-simulator.js';

const root = document.querySelector<HTMLElement>('#demo-root');
const picker = document.querySelector<HTMLSelectElement>('#locale-picker');
const params = new URLSearchParams(location.search);

/** What each well-known contact shows, for the contact picker. */
const CONTACTS: [string, string][] = [
  [WELL_KNOWN.subscribed, 'Ava Tremblay — subscribed everywhere'],
  [WELL_KNOWN.partlyUnsubscribed, 'Liam Gagnon — STOP on Downtown SMS'],
  [WELL_KNOWN.blocked, 'Olivia Roy — blocked'],
  [WELL_KNOWN.noPhone, 'Noah Côté — no phone'],
  [WELL_KNOWN.invalidPhone, 'Emma Bouchard — invalid phone'],
  [WELL_KNOWN.unsubscribedEverywhere, 'William Gauthier — STOP ALL'],
  [WELL_KNOWN.whatsappExcluded, 'Charlotte Morin — no WhatsApp, by preference'],
  [WELL_KNOWN.frenchStop, 'Félix Lavoie — ARRET, channel-type scope'],
];

function contactPicker(preferences: HTMLElement & { contactId: string }): HTMLElement {
  const form = document.createElement('form');
  form.className = 'demo-picker';
  const label = document.createElement('label');
  label.textContent = 'Contact ';
  const select = document.createElement('select');
  for (const [id, text] of CONTACTS) select.append(new Option(`${text} (${id})`, id));
  label.append(select);
  const typedLabel = document.createElement('label');
  typedLabel.textContent = 'or id ';
  const typed = document.createElement('input');
  typed.placeholder = 'c-000042';
  typed.size = 10;
  typedLabel.append(typed);
  const show = document.createElement('button');
  show.textContent = 'Show';
  form.append(label, typedLabel, show);
  select.value = preferences.contactId;
  select.addEventListener('change', () => {
    preferences.contactId = select.value;
    typed.value = '';
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (typed.value.trim()) preferences.contactId = typed.value.trim();
  });
  return form;
}

/**
 * Says when the mock stops saving to IndexedDB (private windows, a full disk) and when it saves
 * again: until then a reload would lose what QA just did.
 */
function showPersistence(persistence: EventTarget) {
  const alert = document.querySelector<HTMLElement>('#persistence-status');
  if (!alert) return;
  persistence.addEventListener('persistence-error', (event) => {
    const error = (event as Event & { error?: unknown }).error;
    const why = error instanceof Error || error instanceof DOMException ? ` (${error.name}: ${error.message})` : '';
    alert.textContent = `Changes are not being saved in this browser${why}. They are kept while this page stays open; a reload would lose them.`;
  });
  persistence.addEventListener('persistence-restored', () => {
    alert.textContent = 'Saving works again: every change is saved.';
  });
}

async function main() {
  if (!root) return;
  // The demo talks to the persistent mock backend; it must be up before the first request.
  const { backend, persistence } = await startBrowserMock();
  showPersistence(persistence);
  const status = document.querySelector<HTMLElement>('#backend-status');
  if (status) {
    const { db } = backend.store;
    const user = db.users.find((u) => u.id === db.currentUserId);
    const who = user ? `signed in as ${user.name} (${user.role})` : 'signed out: every API call answers 401';
    status.textContent = `Mock backend: ${backend.store.contactCount().toLocaleString('en-US')} contacts · ${who}`;
  }
  const locale = params.get('locale') ?? 'en';
  await setLocale(locale);
  document.documentElement.lang = locale;
  if (picker) {
    picker.value = locale;
    picker.addEventListener('change', () => {
      void setLocale(picker.value);
      document.documentElement.lang = picker.value;
    });
  }

  const provider = document.createElement('optout-provider');
  provider.apiBase = '/api';
  document.querySelector('.demo-header')?.append(viewLinks());
  if (params.get('view') === 'settings') {
    showSettings(provider);
    return;
  }
  const preferences = document.createElement('contact-preferences');
  preferences.contactId = params.get('contact') ?? WELL_KNOWN.partlyUnsubscribed;
  const contactPanel = document.createElement('section');
  contactPanel.className = 'demo-panel demo-contact';
  if (params.get('panel') === 'narrow') contactPanel.classList.add('demo-narrow');
  contactPanel.append(contactPicker(preferences), preferences);
  provider.append(contactPanel);

  const playground = document.createElement('inbound-reply-playground');
  playground.channels = sampleChannels;
  playground.locations = sampleLocations;
  const playgroundPanel = document.createElement('section');
  playgroundPanel.className = 'demo-panel demo-playground';
  playgroundPanel.append(playground);
  root.replaceChildren(provider, playgroundPanel);
}

/** Links between the demo's two pages: a contact, and Settings > Messaging with the Try-it panel. */
function viewLinks(): HTMLElement {
  const nav = document.createElement('nav');
  nav.className = 'demo-views';
  nav.setAttribute('aria-label', 'Demo pages');
  for (const [view, text] of [['', 'Contact'], ['settings', 'Settings > Messaging']] as const) {
    const link = document.createElement('a');
    const url = new URL(location.href);
    if (view) url.searchParams.set('view', view);
    else url.searchParams.delete('view');
    link.href = url.pathname + url.search;
    link.textContent = text;
    if ((params.get('view') ?? '') === view) link.setAttribute('aria-current', 'page');
    nav.append(link);
  }
  return nav;
}

/**
 * Settings > Messaging: the opt-out preferences, the Try-it panel that sends replies through the
 * mock backend, and the contact they come from, all in one provider so a saved scope and a sent
 * STOP show everywhere at once.
 */
function showSettings(provider: HTMLElement) {
  defineInboundReplySimulator();
  const settings = document.createElement('optout-settings');
  const settingsPanel = document.createElement('section');
  settingsPanel.className = 'demo-panel';
  settingsPanel.append(settings);
  const simulator = document.createElement('inbound-reply-simulator');
  simulator.contacts = [
    { id: WELL_KNOWN.subscribed, name: 'Ava Tremblay', phone: '+14162030001', email: 'ava.tremblay@example.com' },
    { id: WELL_KNOWN.partlyUnsubscribed, name: 'Liam Gagnon', phone: '+14162030002', email: 'liam.gagnon@example.com' },
    { id: WELL_KNOWN.whatsappExcluded, name: 'Charlotte Morin', phone: '+14162030007', email: 'charlotte.morin@example.com' },
    { id: WELL_KNOWN.frenchStop, name: 'Félix Lavoie', phone: '+14162030008', email: 'felix.lavoie@example.com' },
  ];
  simulator.twilioSigner = (url, form) => signTwilioRequest(url, form);
  const preferences = document.createElement('contact-preferences');
  preferences.contactId = params.get('contact') ?? WELL_KNOWN.subscribed;
  const tryPanel = document.createElement('section');
  tryPanel.className = 'demo-panel';
  tryPanel.append(simulator);
  const contactPanel = document.createElement('section');
  contactPanel.className = 'demo-panel demo-contact';
  contactPanel.append(preferences);
  provider.append(settingsPanel, tryPanel, contactPanel);
  root?.replaceChildren(provider);
}

main().catch((error: unknown) => {
  if (root) root.textContent = `The demo failed to start: ${String(error)}`;
  console.error(error);
});
