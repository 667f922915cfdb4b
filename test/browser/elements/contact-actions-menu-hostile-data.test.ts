// <contact-actions-menu> on a contact whose every free-text field is hostile (its name is in each
// dialog's text). Its own file: the suite starts its own mock backend.
import { html } from '@open-wc/testing';
import '../../../src/define.js';
import { hostileDataSuite } from '../conformance/hostile-data.js';

hostileDataSuite(
  'contact-actions-menu',
  (id) => html`<optout-provider api-base="/api"><contact-actions-menu contact-id=${id}></contact-actions-menu></optout-provider>`,
);
