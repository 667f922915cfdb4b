// The dialogs of <contact-preferences> that change consent, loaded together on demand: a user about
// to use one may well use the other, and one chunk compresses better than two.
export { ChannelPreferencesController } from './channel-preferences.js';
export { ResubscribeDialogController } from './resubscribe-dialog.js';
