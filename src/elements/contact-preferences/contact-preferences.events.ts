// The events <contact-preferences> fires. Each is a class so hosts can use `instanceof` and typed
// fields; all bubble and cross shadow roots. A `…-request` event comes before a consent change
// and is cancelable: `preventDefault()` stops the change before anything is sent.
import type { ChannelType } from '../../engine/index.js';
import type { ContactDetail } from '../../client/types.js';

// The decisions on pending requests are fired by every element that shows them.
export * from '../shared/review.events.js';
export { OptOutContactLoadedEvent } from './contact-loaded.event.js';
import type { OptOutContactLoadedEvent } from './contact-loaded.event.js';

const init = { bubbles: true, composed: true } as const;

/** The user asked to re-subscribe the contact to channels, with a consent note. Cancelable. */
export class OptOutResubscribeRequestEvent extends Event {
  static readonly eventName = 'optout-resubscribe-request';
  constructor(
    readonly contactId: string,
    readonly channelIds: readonly string[],
    readonly note: string,
  ) {
    super(OptOutResubscribeRequestEvent.eventName, { ...init, cancelable: true });
  }
}

/** The contact was re-subscribed; `detail` is the contact as it is now. */
export class OptOutResubscribeEvent extends Event {
  static readonly eventName = 'optout-resubscribe';
  constructor(
    readonly channelIds: readonly string[],
    readonly contact: ContactDetail,
  ) {
    super(OptOutResubscribeEvent.eventName, init);
  }
}

/**
 * The user asked to change the channel types the contact does not want to be contacted by.
 * `excludedChannelTypes` is the whole new list; `added` and `removed` say what differs; `note` is
 * the consent note (required when something is removed). Cancelable.
 */
export class OptOutChannelExclusionsRequestEvent extends Event {
  static readonly eventName = 'optout-channel-exclusions-request';
  constructor(
    readonly contactId: string,
    readonly excludedChannelTypes: readonly ChannelType[],
    readonly added: readonly ChannelType[],
    readonly removed: readonly ChannelType[],
    readonly note: string,
  ) {
    super(OptOutChannelExclusionsRequestEvent.eventName, { ...init, cancelable: true });
  }
}

/** The contact's channel preferences were changed; `contact` is the contact as it is now. */
export class OptOutChannelExclusionsChangeEvent extends Event {
  static readonly eventName = 'optout-channel-exclusions-change';
  constructor(
    readonly added: readonly ChannelType[],
    readonly removed: readonly ChannelType[],
    readonly contact: ContactDetail,
  ) {
    super(OptOutChannelExclusionsChangeEvent.eventName, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'optout-contact-loaded': OptOutContactLoadedEvent;
    'optout-resubscribe-request': OptOutResubscribeRequestEvent;
    'optout-resubscribe': OptOutResubscribeEvent;
    'optout-channel-exclusions-request': OptOutChannelExclusionsRequestEvent;
    'optout-channel-exclusions-change': OptOutChannelExclusionsChangeEvent;
  }
}
