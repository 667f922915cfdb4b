// The single-file module for a `<script type="module">` tag (dist/optout-elements.bundle.js): every
// element registered, Lit and the rest inlined. It exports what such a page may need beside the
// tags (the element and event classes, the HTTP client, the locale switch) but not the engine's
// functions, which the elements use only in part: a page that wants them uses a bundler.
import { defineElement } from './define.js';
import { OptOutApp } from './elements/optout-app/optout-app.js';

export { defineElement, OptOutApp };
export { InboundReplyPlayground } from './elements/inbound-reply-playground/inbound-reply-playground.js';
export { OptOutProvider } from './elements/optout-provider/optout-provider.js';
export { ContactPreferences } from './elements/contact-preferences/contact-preferences.js';
export * from './elements/contact-preferences/contact-preferences.events.js';
export { OptOutReviewQueue } from './elements/optout-review-queue/optout-review-queue.js';
export { ContactActionsMenu } from './elements/contact-actions-menu/contact-actions-menu.js';
export * from './elements/contact-actions-menu/contact-actions-menu.events.js';
export { OptOutSettings } from './elements/optout-settings/optout-settings.js';
export * from './elements/optout-settings/optout-settings.events.js';
export { BulkUnsubscribeTable } from './elements/bulk-unsubscribe-table/bulk-unsubscribe-table.js';
export * from './elements/bulk-unsubscribe-table/bulk-unsubscribe-table.events.js';
export { HttpOptOutClient, type HttpOptOutClientOptions, type OptOutClient } from './client/index.js';
export { setLocale, getLocale, allLocales, type OptOutLocale } from './localization/localization.js';

