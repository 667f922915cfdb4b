// The events <contact-actions-menu> fires. Each action fires a cancelable `optout-<action>-request`
// before anything is sent (`preventDefault()` stops it; the dialog stays open), then
// `optout-<action>` with what the backend answered. All bubble and cross shadow roots.
import type { ContactDetail, SequenceEnrollment } from '../../client/types.js';

const init = { bubbles: true, composed: true } as const;
const cancelable = { ...init, cancelable: true } as const;

/** The user confirmed unsubscribing the contact. Cancelable. `channelIds` undefined means every channel. */
export class OptOutUnsubscribeRequestEvent extends Event {
  static readonly eventName = 'optout-unsubscribe-request';
  constructor(
    readonly contactId: string,
    readonly channelIds: readonly string[] | undefined,
    readonly note: string,
  ) {
    super(OptOutUnsubscribeRequestEvent.eventName, cancelable);
  }
}

/** The contact was unsubscribed; `contact` is the contact as it is now. */
export class OptOutUnsubscribeEvent extends Event {
  static readonly eventName = 'optout-unsubscribe';
  constructor(
    readonly channelIds: readonly string[] | undefined,
    readonly contact: ContactDetail,
  ) {
    super(OptOutUnsubscribeEvent.eventName, init);
  }
}

/** The user confirmed blocking the contact. Cancelable. */
export class OptOutBlockRequestEvent extends Event {
  static readonly eventName = 'optout-block-request';
  constructor(
    readonly contactId: string,
    readonly reason: string,
  ) {
    super(OptOutBlockRequestEvent.eventName, cancelable);
  }
}

/** The contact was blocked. */
export class OptOutBlockEvent extends Event {
  static readonly eventName = 'optout-block';
  constructor(readonly contact: ContactDetail) {
    super(OptOutBlockEvent.eventName, init);
  }
}

/** The user confirmed unblocking the contact. Cancelable. */
export class OptOutUnblockRequestEvent extends Event {
  static readonly eventName = 'optout-unblock-request';
  constructor(readonly contactId: string) {
    super(OptOutUnblockRequestEvent.eventName, cancelable);
  }
}

/** The contact was unblocked (its opt-outs are unchanged). */
export class OptOutUnblockEvent extends Event {
  static readonly eventName = 'optout-unblock';
  constructor(readonly contact: ContactDetail) {
    super(OptOutUnblockEvent.eventName, init);
  }
}

/** The user confirmed merging `sourceContactId` into `contactId`. Cancelable. */
export class OptOutMergeRequestEvent extends Event {
  static readonly eventName = 'optout-merge-request';
  constructor(
    readonly contactId: string,
    readonly sourceContactId: string,
  ) {
    super(OptOutMergeRequestEvent.eventName, cancelable);
  }
}

/** The contacts were merged; `contact` is the surviving one, `sourceContactId` no longer exists. */
export class OptOutMergeEvent extends Event {
  static readonly eventName = 'optout-merge';
  constructor(
    readonly sourceContactId: string,
    readonly contact: ContactDetail,
  ) {
    super(OptOutMergeEvent.eventName, init);
  }
}

/** The user confirmed deleting the contact. Cancelable. */
export class OptOutDeleteRequestEvent extends Event {
  static readonly eventName = 'optout-delete-request';
  constructor(readonly contactId: string) {
    super(OptOutDeleteRequestEvent.eventName, cancelable);
  }
}

/** The contact was deleted; the opt-outs of its destinations are kept. */
export class OptOutDeleteEvent extends Event {
  static readonly eventName = 'optout-delete';
  constructor(readonly contactId: string) {
    super(OptOutDeleteEvent.eventName, init);
  }
}

/** The user confirmed adding the contact to a sequence. Cancelable. */
export class OptOutAddToSequenceRequestEvent extends Event {
  static readonly eventName = 'optout-add-to-sequence-request';
  constructor(
    readonly contactId: string,
    readonly sequenceId: string,
  ) {
    super(OptOutAddToSequenceRequestEvent.eventName, cancelable);
  }
}

/** The contact was enrolled; `enrollment.warnings` lists the steps that cannot message them. */
export class OptOutAddToSequenceEvent extends Event {
  static readonly eventName = 'optout-add-to-sequence';
  constructor(readonly enrollment: SequenceEnrollment) {
    super(OptOutAddToSequenceEvent.eventName, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'optout-unsubscribe-request': OptOutUnsubscribeRequestEvent;
    'optout-unsubscribe': OptOutUnsubscribeEvent;
    'optout-block-request': OptOutBlockRequestEvent;
    'optout-block': OptOutBlockEvent;
    'optout-unblock-request': OptOutUnblockRequestEvent;
    'optout-unblock': OptOutUnblockEvent;
    'optout-merge-request': OptOutMergeRequestEvent;
    'optout-merge': OptOutMergeEvent;
    'optout-delete-request': OptOutDeleteRequestEvent;
    'optout-delete': OptOutDeleteEvent;
    'optout-add-to-sequence-request': OptOutAddToSequenceRequestEvent;
    'optout-add-to-sequence': OptOutAddToSequenceEvent;
  }
}
