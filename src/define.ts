// The only module with registration side effects. Importing it defines every tag once;
// importing it again, or from a second bundle on the same page, is harmless.
import { InboundReplyPlayground } from './elements/inbound-reply-playground/inbound-reply-playground.js';
import { OptOutProvider } from './elements/optout-provider/optout-provider.js';
import { ContactPreferences } from './elements/contact-preferences/contact-preferences.js';
import { OptOutReviewQueue } from './elements/optout-review-queue/optout-review-queue.js';
import { ContactActionsMenu } from './elements/contact-actions-menu/contact-actions-menu.js';
import { OptOutSettings } from './elements/optout-settings/optout-settings.js';
import { BulkUnsubscribeTable } from './elements/bulk-unsubscribe-table/bulk-unsubscribe-table.js';
import { OptOutApp } from './elements/optout-app/optout-app.js';
import { defineElement } from './elements/shared/define-element.js';

export { defineElement };

defineElement('optout-provider', OptOutProvider);
defineElement('contact-preferences', ContactPreferences);
defineElement('inbound-reply-playground', InboundReplyPlayground);
defineElement('optout-review-queue', OptOutReviewQueue);
defineElement('contact-actions-menu', ContactActionsMenu);
defineElement('optout-settings', OptOutSettings);
defineElement('bulk-unsubscribe-table', BulkUnsubscribeTable);
defineElement('optout-app', OptOutApp);
