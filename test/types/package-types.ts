// Type-level tests of what a TypeScript host gets, checked by `tsc` in `npm test` (type-check):
// typed tags, typed events, typed React props and callbacks. Each `@ts-expect-error` fails the
// check if the mistake under it stops being an error, so a loosened type cannot go unnoticed.
// Never run: the functions are only compiled.
import { createElement } from 'react';
import '../../src/define.js';
import type { ContactDetail, OptOutClient } from '../../src/index.js';
import { ContactActionsMenu, ContactPreferences, OptOutApp, OptOutProvider, BulkUnsubscribeTable } from '../../src/react/index.js';

export function typedTags(client: OptOutClient) {
  const preferences = document.createElement('contact-preferences');
  const id: string = preferences.contactId;
  // @ts-expect-error contactId is a string
  preferences.contactId = 42;
  document.createElement('optout-provider').client = client;
  document.createElement('contact-actions-menu').hideUnavailable = true;
  const app = document.createElement('optout-app');
  const basePath: string = app.basePath;
  document.querySelector('bulk-unsubscribe-table')?.remove();
  return [id, basePath];
}

export function typedEvents() {
  const menu = document.createElement('contact-actions-menu');
  menu.addEventListener('optout-unsubscribe', (e) => {
    const contact: ContactDetail = e.contact;
    const channels: readonly string[] | undefined = e.channelIds;
    // @ts-expect-error the event carries the contact, not a count
    const count: number = e.count;
    return [contact, channels, count];
  });
  menu.addEventListener('optout-unsubscribe-request', (e) => {
    e.preventDefault();
    const note: string = e.note;
    return note;
  });
  document.createElement('bulk-unsubscribe-table').addEventListener('optout-bulk-unsubscribe-request', (e) => {
    const count: number = e.count;
    return count;
  });
  document.createElement('contact-preferences').addEventListener('optout-resubscribe', (e) => {
    const channels: readonly string[] = e.channelIds;
    return channels;
  });
}

export function typedReactProps(client: OptOutClient) {
  return [
    createElement(
      OptOutProvider,
      { client, apiBase: '/api' },
      createElement(ContactPreferences, { contactId: 'c-000002', onOptoutResubscribe: (e) => e.contact.contact.id }),
      createElement(ContactActionsMenu, {
        contactId: 'c-000002',
        onOptoutUnsubscribe: (e) => {
          const contact: ContactDetail = e.contact;
          return contact;
        },
        onOptoutBlockRequest: (e) => e.preventDefault(),
      }),
    ),
    // @ts-expect-error contactId is a string
    createElement(ContactPreferences, { contactId: 2 }),
    // @ts-expect-error contact-actions-menu fires no bulk event
    createElement(ContactActionsMenu, { onOptoutBulkUnsubscribe: () => undefined }),
    createElement(BulkUnsubscribeTable, {
      onOptoutBulkUnsubscribeRequest: (e) => {
        // @ts-expect-error the request names a count, not a contact
        return e.contact;
      },
    }),
    // The app's inner elements' events leave its shadow root: the app takes their callbacks too.
    createElement(OptOutApp, { basePath: '/crm', onOptoutUnsubscribe: (e) => e.contact.contact.id, onOptoutSettingsChange: (e) => e.newSettings }),
  ];
}
