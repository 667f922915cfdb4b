// `optout-elements/testing`: harnesses for hosts' own tests. They find what a person finds — roles
// and accessible names, in the active locale — never CSS selectors into shadow roots, so a host's
// tests keep passing when an element's markup changes.
export { ChannelPreferencesDialogHarness, ContactPreferencesHarness, PendingRequestHarness, ResubscribeDialogHarness } from './contact-preferences-harness.js';
export { OptOutProviderHarness } from './optout-provider-harness.js';
export { fill, getByRole, queryByRole, queryAllByRole, nameOf, textOf, waitFor, type NameMatcher } from './queries.js';
export { OptOutReviewQueueHarness } from './optout-review-queue-harness.js';
export { ActionDialogHarness, ContactActionsMenuHarness, type MenuItemState } from './contact-actions-menu-harness.js';
export { OptOutSettingsHarness } from './optout-settings-harness.js';
export { BulkUnsubscribeTableHarness, type BulkFilterChoice, type BulkReview } from './bulk-unsubscribe-table-harness.js';
export { OptOutAppHarness } from './optout-app-harness.js';
