// <contact-preferences> on a contact whose every free-text field is hostile. Its own file: the
// suite starts its own mock backend, which must not share a page with the element tests' one.
import { html } from '@open-wc/testing';
import '../../../src/define.js';
import { ContactPreferencesHarness } from '../../../src/testing/index.js';
import { hostileDataSuite } from '../conformance/hostile-data.js';

hostileDataSuite(
  'contact-preferences',
  (id) => html`<optout-provider api-base="/api"><contact-preferences contact-id=${id}></contact-preferences></optout-provider>`,
  // The pending request's decisions load on demand: its text is checked once it is shown.
  { shown: (container) => new ContactPreferencesHarness(container.querySelector('contact-preferences')!).isShown() },
);
