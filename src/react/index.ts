// `optout-elements/react`: the elements as React components, through @lit/react. Properties are
// set as properties (objects such as `client` reach the element intact), and each documented event
// is an `on…` callback named after the event's type: `optout-unsubscribe` → `onOptoutUnsubscribe`,
// typed with the event's class from `GlobalEventHandlersEventMap`. Importing this module registers
// the tags, as a React host expects of a component it renders.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import '../define.js';
import { ContactPreferences as ContactPreferencesElement } from '../elements/contact-preferences/contact-preferences.js';
import { ContactActionsMenu as ContactActionsMenuElement } from '../elements/contact-actions-menu/contact-actions-menu.js';
import { BulkUnsubscribeTable as BulkUnsubscribeTableElement } from '../elements/bulk-unsubscribe-table/bulk-unsubscribe-table.js';
import { OptOutSettings as OptOutSettingsElement } from '../elements/optout-settings/optout-settings.js';
import { OptOutReviewQueue as OptOutReviewQueueElement } from '../elements/optout-review-queue/optout-review-queue.js';
import { OptOutProvider as OptOutProviderElement } from '../elements/optout-provider/optout-provider.js';
import { OptOutApp as OptOutAppElement } from '../elements/optout-app/optout-app.js';

type OptOutEventType = Extract<keyof GlobalEventHandlersEventMap, `optout-${string}`>;

type PascalCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${PascalCase<Tail>}` : Capitalize<S>;

/** The React callback prop for an event type: `optout-unsubscribe` → `onOptoutUnsubscribe`. */
export type EventCallbackName<T extends string> = `on${PascalCase<T>}`;

type EventProps<T extends OptOutEventType> = { [K in T as EventCallbackName<K>]: EventName<GlobalEventHandlersEventMap[K]> };

/** The callback prop of an event type: `optout-unsubscribe` → `onOptoutUnsubscribe`. */
export function callbackName<T extends string>(type: T): EventCallbackName<T> {
  return `on${type.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}` as EventCallbackName<T>;
}

/** Maps each event type to its callback prop, typed with the event's class. */
function events<const T extends OptOutEventType>(...types: T[]): EventProps<T> {
  const props: Record<string, string> = {};
  for (const type of types) props[callbackName(type)] = type;
  return props as EventProps<T>;
}

const REVIEW_EVENTS = ['optout-review-apply-request', 'optout-review-apply', 'optout-review-dismiss-request', 'optout-review-dismiss'] as const;
const CONTACT_PREFERENCES_EVENTS = [
  'optout-contact-loaded',
  'optout-resubscribe-request',
  'optout-resubscribe',
  'optout-channel-exclusions-request',
  'optout-channel-exclusions-change',
  ...REVIEW_EVENTS,
] as const;
const CONTACT_ACTIONS_MENU_EVENTS = [
  'optout-unsubscribe-request',
  'optout-unsubscribe',
  'optout-block-request',
  'optout-block',
  'optout-unblock-request',
  'optout-unblock',
  'optout-merge-request',
  'optout-merge',
  'optout-delete-request',
  'optout-delete',
  'optout-add-to-sequence-request',
  'optout-add-to-sequence',
] as const;
const BULK_UNSUBSCRIBE_TABLE_EVENTS = ['optout-bulk-unsubscribe-request', 'optout-bulk-unsubscribe'] as const;
const OPTOUT_SETTINGS_EVENTS = ['optout-settings-change-request', 'optout-settings-change'] as const;

/** The events each component takes an `on…` callback for, by tag. */
export const COMPONENT_EVENTS = {
  'contact-preferences': CONTACT_PREFERENCES_EVENTS,
  'contact-actions-menu': CONTACT_ACTIONS_MENU_EVENTS,
  'bulk-unsubscribe-table': BULK_UNSUBSCRIBE_TABLE_EVENTS,
  'optout-settings': OPTOUT_SETTINGS_EVENTS,
  'optout-review-queue': REVIEW_EVENTS,
  'optout-provider': [],
  'optout-app': ['optout-app-navigate', ...CONTACT_PREFERENCES_EVENTS, ...CONTACT_ACTIONS_MENU_EVENTS, ...BULK_UNSUBSCRIBE_TABLE_EVENTS, ...OPTOUT_SETTINGS_EVENTS],
} as const satisfies Record<string, readonly OptOutEventType[]>;


export const ContactPreferences = createComponent({
  react: React,
  tagName: 'contact-preferences',
  elementClass: ContactPreferencesElement,
  events: events(...CONTACT_PREFERENCES_EVENTS),
  displayName: 'ContactPreferences',
});

export const ContactActionsMenu = createComponent({
  react: React,
  tagName: 'contact-actions-menu',
  elementClass: ContactActionsMenuElement,
  events: events(...CONTACT_ACTIONS_MENU_EVENTS),
  displayName: 'ContactActionsMenu',
});

export const BulkUnsubscribeTable = createComponent({
  react: React,
  tagName: 'bulk-unsubscribe-table',
  elementClass: BulkUnsubscribeTableElement,
  events: events(...BULK_UNSUBSCRIBE_TABLE_EVENTS),
  displayName: 'BulkUnsubscribeTable',
});

export const OptOutSettings = createComponent({
  react: React,
  tagName: 'optout-settings',
  elementClass: OptOutSettingsElement,
  events: events(...OPTOUT_SETTINGS_EVENTS),
  displayName: 'OptOutSettings',
});

export const OptOutReviewQueue = createComponent({
  react: React,
  tagName: 'optout-review-queue',
  elementClass: OptOutReviewQueueElement,
  events: events(...REVIEW_EVENTS),
  displayName: 'OptOutReviewQueue',
});

export const OptOutProvider = createComponent({
  react: React,
  tagName: 'optout-provider',
  elementClass: OptOutProviderElement,
  displayName: 'OptOutProvider',
});

// The elements inside the app fire composed events, which leave its shadow root: a host listens
// to all of them on the app.
export const OptOutApp = createComponent({
  react: React,
  tagName: 'optout-app',
  elementClass: OptOutAppElement,
  events: events(...COMPONENT_EVENTS['optout-app']),
  displayName: 'OptOutApp',
});
