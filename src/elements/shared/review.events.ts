// The events fired when a user decides a pending plain-language opt-out request, by
// <contact-preferences> (one contact's requests) and <optout-review-queue> (the organization's).
// A `…-request` event comes first and is cancelable: `preventDefault()` stops the decision before
// anything is sent.
import type { ReviewItem } from '../../client/types.js';

const init = { bubbles: true, composed: true } as const;

/** The user asked to apply a pending opt-out request (unsubscribe). Cancelable. */
export class OptOutReviewApplyRequestEvent extends Event {
  static readonly eventName = 'optout-review-apply-request';
  constructor(readonly review: ReviewItem) {
    super(OptOutReviewApplyRequestEvent.eventName, { ...init, cancelable: true });
  }
}

/** A pending opt-out request was applied: the contact is unsubscribed from `review.affectedChannelIds`. */
export class OptOutReviewApplyEvent extends Event {
  static readonly eventName = 'optout-review-apply';
  constructor(readonly review: ReviewItem) {
    super(OptOutReviewApplyEvent.eventName, init);
  }
}

/** The user asked to dismiss a pending request as not an opt-out, with a reason. Cancelable. */
export class OptOutReviewDismissRequestEvent extends Event {
  static readonly eventName = 'optout-review-dismiss-request';
  constructor(
    readonly review: ReviewItem,
    readonly note: string,
  ) {
    super(OptOutReviewDismissRequestEvent.eventName, { ...init, cancelable: true });
  }
}

/** A pending request was dismissed; nothing was unsubscribed. */
export class OptOutReviewDismissEvent extends Event {
  static readonly eventName = 'optout-review-dismiss';
  constructor(readonly review: ReviewItem) {
    super(OptOutReviewDismissEvent.eventName, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'optout-review-apply-request': OptOutReviewApplyRequestEvent;
    'optout-review-apply': OptOutReviewApplyEvent;
    'optout-review-dismiss-request': OptOutReviewDismissRequestEvent;
    'optout-review-dismiss': OptOutReviewDismissEvent;
  }
}
