// The events <optout-settings> fires. Both bubble and cross shadow roots; the request comes
// first and is cancelable: `preventDefault()` stops the save before anything is sent.
import type { MessagingSettings, MessagingSettingsInput } from '../../client/types.js';

const init = { bubbles: true, composed: true } as const;

/** The admin asked to save Settings > Messaging. Cancelable: nothing is sent when it is cancelled. */
export class OptOutSettingsChangeRequestEvent extends Event {
  static readonly eventName = 'optout-settings-change-request';
  constructor(
    /** The settings as saved before this change. */
    readonly oldSettings: MessagingSettings,
    /** What the admin is about to save. */
    readonly newSettings: MessagingSettingsInput,
  ) {
    super(OptOutSettingsChangeRequestEvent.eventName, { ...init, cancelable: true });
  }
}

/** Settings > Messaging were saved; `newSettings` is what the backend stored. */
export class OptOutSettingsChangeEvent extends Event {
  static readonly eventName = 'optout-settings-change';
  constructor(
    readonly oldSettings: MessagingSettings,
    readonly newSettings: MessagingSettings,
  ) {
    super(OptOutSettingsChangeEvent.eventName, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'optout-settings-change-request': OptOutSettingsChangeRequestEvent;
    'optout-settings-change': OptOutSettingsChangeEvent;
  }
}
