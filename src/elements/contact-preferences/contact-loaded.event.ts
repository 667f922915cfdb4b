// contact-preferences' one event at load, apart from the events of its consent changes
// (contact-preferences.events.ts, which re-exports it): those come with the dialogs on demand, and
// a module the element and its on-demand parts both imported would be loaded whole with the element.
import type { ContactDetail } from '../../client/types.js';

/** The contact's preferences were loaded (or reloaded after a change or revalidation). */
export class OptOutContactLoadedEvent extends Event {
  static readonly eventName = 'optout-contact-loaded';
  constructor(readonly contact: ContactDetail) {
    super(OptOutContactLoadedEvent.eventName, { bubbles: true, composed: true });
  }
}
