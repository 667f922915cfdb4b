// The parts of <contact-preferences> that most visits never use, loaded together when one is
// needed: the dialogs that change consent (when a user allowed to use them is about to) and the
// pending requests with their decisions (when the contact has one). A user about to use one may
// well use another, and one chunk compresses better than several.
import { adoptMoreStyles } from '../shared/adopt-styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { requestStyles } from '../shared/review-decisions.styles.js';

export { ChannelPreferencesController } from './channel-preferences.js';
export { ResubscribeDialogController } from './resubscribe-dialog.js';
export { ReviewDecisionsController } from '../shared/review-decisions.js';

/** Adds what the parts need beside the element's own styles to its shadow root. */
export function addStyles(renderRoot: HTMLElement | DocumentFragment): void {
  adoptMoreStyles(renderRoot, [dialogStyles, requestStyles]);
}
