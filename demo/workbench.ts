// The QA pages: single elements outside the app, to try one thing at a time.
// - /playground: the inbound-reply playground (the engine only, nothing sent) beside
//   contact-preferences for any contact (`?panel=narrow` shows it as a side panel).
// - /playground/try-it: Opt-out preferences, the reply simulator and a contact in one provider,
//   so a saved scope and a sent STOP show everywhere at once.
import { msg } from '@lit/localize';
import { sampleChannels, sampleLocations } from '../mocks/fixtures/sample-organization.js';
import { WELL_KNOWN } from '../mocks/seed/seed.js';
import { signTwilioRequest } from '../mocks/twilio.js';
import type { MockSession } from './mock-session.js';

/** Picks the contact `preferences` shows: one of the well-known ones, or any id typed. */
function contactPicker(session: MockSession, preferences: HTMLElement & { contactId: string }): HTMLElement {
  const form = document.createElement('form');
  form.className = 'demo-picker';
  const label = document.createElement('label');
  label.textContent = `${msg('Contact')} `;
  const select = document.createElement('select');
  select.setAttribute('translate', 'no');
  for (const contact of session.findContacts('')) select.append(new Option(`${contact.name} (${contact.id})`, contact.id));
  label.append(select);
  const typedLabel = document.createElement('label');
  typedLabel.textContent = `${msg('or id')} `;
  const typed = document.createElement('input');
  typed.placeholder = 'c-000042';
  typed.size = 10;
  typed.setAttribute('translate', 'no');
  typedLabel.append(typed);
  const show = document.createElement('button');
  show.textContent = msg('Show');
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

function panel(className: string, ...children: HTMLElement[]): HTMLElement {
  const section = document.createElement('section');
  section.className = className;
  section.append(...children);
  return section;
}

function title(text: string): HTMLElement {
  const h1 = document.createElement('h1');
  h1.className = 'demo-page-title';
  h1.textContent = text;
  return h1;
}

/** The inbound-reply playground beside a contact's preferences. */
export function showPlayground(root: HTMLElement, session: MockSession, params: URLSearchParams): void {
  const provider = document.createElement('optout-provider');
  provider.apiBase = '/api';
  const preferences = document.createElement('contact-preferences');
  preferences.contactId = params.get('contact') ?? WELL_KNOWN.partlyUnsubscribed;
  const contact = panel('demo-panel demo-contact', contactPicker(session, preferences), preferences);
  if (params.get('panel') === 'narrow') contact.classList.add('demo-narrow');
  provider.append(contact);
  const playground = document.createElement('inbound-reply-playground');
  playground.channels = sampleChannels;
  playground.locations = sampleLocations;
  const layout = panel('demo-workbench', provider, panel('demo-panel', playground));
  root.replaceChildren(title(msg('QA: inbound reply playground')), layout);
}

/** Settings > Messaging's Opt-out preferences, the reply simulator and a contact, in one provider. */
export function showTryIt(root: HTMLElement, session: MockSession, params: URLSearchParams): void {
  const provider = document.createElement('optout-provider');
  provider.apiBase = '/api';
  const settings = document.createElement('optout-settings');
  const simulator = document.createElement('inbound-reply-simulator');
  simulator.contacts = session.findContacts('');
  simulator.twilioSigner = (url, form) => signTwilioRequest(url, form);
  const preferences = document.createElement('contact-preferences');
  preferences.contactId = params.get('contact') ?? WELL_KNOWN.subscribed;
  provider.append(panel('demo-panel', settings), panel('demo-panel', simulator), panel('demo-panel demo-contact', preferences));
  root.replaceChildren(title(msg('QA: settings with the reply simulator')), provider);
}
