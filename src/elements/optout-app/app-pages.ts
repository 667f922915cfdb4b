// What each page of the app needs, loaded when the page is first shown: the contact page never
// downloads the bulk table (nor its virtualizer), and no page downloads the settings form but
// Settings > Messaging. Each loader registers its tags once they have arrived.
import { defineElement } from '../shared/define-element.js';
import type { AppPage } from './app-router.js';

type Loader = () => Promise<void>;

const loaders: Record<AppPage, Loader> = {
  contacts: async () => {
    const { BulkUnsubscribeTable } = await import('../bulk-unsubscribe-table/bulk-unsubscribe-table.js');
    defineElement('bulk-unsubscribe-table', BulkUnsubscribeTable);
  },
  contact: async () => {
    const [{ ContactPreferences }, { ContactActionsMenu }] = await Promise.all([
      import('../contact-preferences/contact-preferences.js'),
      import('../contact-actions-menu/contact-actions-menu.js'),
    ]);
    defineElement('contact-preferences', ContactPreferences);
    defineElement('contact-actions-menu', ContactActionsMenu);
  },
  settings: async () => {
    const { OptOutSettings } = await import('../optout-settings/optout-settings.js');
    defineElement('optout-settings', OptOutSettings);
  },
  requests: async () => {
    const { OptOutReviewQueue } = await import('../optout-review-queue/optout-review-queue.js');
    defineElement('optout-review-queue', OptOutReviewQueue);
  },
  'not-found': () => Promise.resolve(),
};

/** Loads (once) and registers what `page` renders. */
export function loadPage(page: AppPage): Promise<void> {
  return loaders[page]();
}
