// Package root: side-effect free. Import `optout-elements/define` to register the tags.
export * from './engine/index.js';
export { InboundReplyPlayground } from './elements/inbound-reply-playground/inbound-reply-playground.js';
export { OptOutProvider } from './elements/optout-provider/optout-provider.js';
export { ContactPreferences } from './elements/contact-preferences/contact-preferences.js';
export * from './elements/contact-preferences/contact-preferences.events.js';
export * from './context/context.js';
export { setLocale, getLocale, allLocales, isSupportedLocale, type OptOutLocale } from './localization/localization.js';
export * from './client/index.js';
export { BulkUnsubscribeTable } from './elements/bulk-unsubscribe-table/bulk-unsubscribe-table.js';
export * from './elements/bulk-unsubscribe-table/bulk-unsubscribe-table.events.js';
