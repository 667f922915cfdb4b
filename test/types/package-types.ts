// Type-level tests of what a TypeScript host gets, checked by `tsc` in `npm test` (type-check):
// typed tags, typed events, typed React props and callbacks. Each `@ts-expect-error` fails the
// check if the mistake under it stops being an error, so a loosened type cannot go unnoticed.
// Never run: the functions are only compiled.
import { createElement } from 'react';
import '../../src/define.js';
import type {
  BulkUnsubscribeTable as BulkUnsubscribeTableElement,
  ContactActionsMenu as ContactActionsMenuElement,
  ContactDetail,
  ContactPreferences as ContactPreferencesElement,
  InboundReplyPlayground,
  OptOutClient,
  OptOutProvider as OptOutProviderElement,
  OptOutReviewQueue,
  OptOutSettings,
} from '../../src/index.js';
import type { OptOutApp as OptOutAppElement } from '../../src/app/index.js';
import { ContactActionsMenu, ContactPreferences, OptOutApp, OptOutProvider, BulkUnsubscribeTable } from '../../src/react/index.js';

/** Every registered tag, mapped to its class in HTMLElementTagNameMap (a missing tag fails the check). */
interface Tags {
  'optout-provider': OptOutProviderElement;
  'contact-preferences': ContactPreferencesElement;
  'contact-actions-menu': ContactActionsMenuElement;
  'bulk-unsubscribe-table': BulkUnsubscribeTableElement;
  'optout-settings': OptOutSettings;
  'optout-review-queue': OptOutReviewQueue;
  'inbound-reply-playground': InboundReplyPlayground;
  'optout-app': OptOutAppElement;
}
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const everyTagTyped: { [K in keyof Tags]: Same<HTMLElementTagNameMap[K], Tags[K]> } = {
  'optout-provider': true,
  'contact-preferences': true,
  'contact-actions-menu': true,
  'bulk-unsubscribe-table': true,
  'optout-settings': true,
  'optout-review-queue': true,
  'inbound-reply-playground': true,
  'optout-app': true,
};

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
