// The events <optout-app> fires. It never sets document.title (the host owns it); it says where it
// went, so the host can.

/** The app shows another page, or the page's title changed (a contact's name arrived). */
export class OptOutAppNavigateEvent extends Event {
  static readonly eventName = 'optout-app-navigate';
  constructor(
    /** The URL's path, under the app's base path. */
    readonly path: string,
    /** The page's title in the active locale, e.g. "All contacts" or the contact's name. */
    readonly title: string,
  ) {
    super(OptOutAppNavigateEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'optout-app-navigate': OptOutAppNavigateEvent;
  }
}
