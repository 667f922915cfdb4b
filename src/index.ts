// Package root: side-effect free. Import `optout-elements/define` to register the tags.
export * from './engine/index.js';
export { InboundReplyPlayground } from './elements/inbound-reply-playground/inbound-reply-playground.js';
export { OptOutProvider } from './elements/optout-provider/optout-provider.js';
export { ContactPreferences } from './elements/contact-preferences/contact-preferences.js';
export * from './elements/contact-preferences/contact-preferences.events.js';
export { OptOutReviewQueue } from './elements/optout-review-queue/optout-review-queue.js';
export * from './context/context.js';
export { setLocale, getLocale, allLocales, isSupportedLocale, addTranslations, type OptOutLocale } from './localization/localization.js';
export * from './client/index.js';
export { ContactActionsMenu, type ContactAction } from './elements/contact-actions-menu/contact-actions-menu.js';
export * from './elements/contact-actions-menu/contact-actions-menu.events.js';
export type { UnsubscribeOptions } from './elements/contact-actions-menu/unsubscribe-dialog.js';
export { OptOutSettings } from './elements/optout-settings/optout-settings.js';
export * from './elements/optout-settings/optout-settings.events.js';
export { BulkUnsubscribeTable } from './elements/bulk-unsubscribe-table/bulk-unsubscribe-table.js';
export * from './elements/bulk-unsubscribe-table/bulk-unsubscribe-table.events.js';
export { OptOutApp } from './elements/optout-app/optout-app.js';
export * from './elements/optout-app/optout-app.events.js';
