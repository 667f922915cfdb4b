// <bulk-unsubscribe-table> listing a contact whose every free-text field is hostile (the suite's
// seed has 12 contacts, so the hostile one is among the rows shown). Its own file: the suite
// starts its own mock backend, which must not share a page with the element tests' one.
import { html } from '@open-wc/testing';
import '../../../src/define.js';
import { hostileDataSuite } from '../conformance/hostile-data.js';

hostileDataSuite('bulk-unsubscribe-table', () => html`<optout-provider api-base="/api"><bulk-unsubscribe-table></bulk-unsubscribe-table></optout-provider>`);
