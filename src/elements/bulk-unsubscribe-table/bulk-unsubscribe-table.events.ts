// The events <bulk-unsubscribe-table> fires. Both bubble and cross shadow roots; the request comes
// before anything changes and is cancelable: `preventDefault()` stops the job before it starts.
import type { BulkJob, BulkTarget } from '../../client/types.js';

const init = { bubbles: true, composed: true } as const;

/**
 * The user confirmed a reviewed bulk unsubscribe. `bulkTarget` is what was reviewed: ids, or the
 * filter frozen when "Select all matching" was chosen minus exclusions, and the channels (named so
 * because `Event.target` is the element); `count` the preview's exact total; `previewId` names the
 * frozen audience the job will change. Cancelable.
 */
export class OptOutBulkUnsubscribeRequestEvent extends Event {
  static readonly eventName = 'optout-bulk-unsubscribe-request';
  constructor(
    readonly bulkTarget: BulkTarget,
    readonly count: number,
    readonly previewId: string,
  ) {
    super(OptOutBulkUnsubscribeRequestEvent.eventName, { ...init, cancelable: true });
  }
}

/** A bulk unsubscribe job stopped: completed, cancelled, failed, or undone; `job` says how far it got. */
export class OptOutBulkUnsubscribeEvent extends Event {
  static readonly eventName = 'optout-bulk-unsubscribe';
  constructor(readonly job: BulkJob) {
    super(OptOutBulkUnsubscribeEvent.eventName, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'optout-bulk-unsubscribe-request': OptOutBulkUnsubscribeRequestEvent;
    'optout-bulk-unsubscribe': OptOutBulkUnsubscribeEvent;
  }
}
