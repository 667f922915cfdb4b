// <optout-settings> when the settings hold hostile text: a custom keyword stored by another
// backend (the contract's rule refuses markup today) and the id of who changed them last.
import { html } from '@open-wc/testing';
import '../../../src/define.js';
import { hostileDataSuite } from '../conformance/hostile-data.js';

hostileDataSuite('optout-settings', () => html`<optout-provider api-base="/api"><optout-settings></optout-settings></optout-provider>`, {
  prepare: (db, value) => {
    db.settings = { ...db.settings, updatedBy: { type: 'user', id: value }, customKeywords: { optOut: [value], optOutAll: [], optIn: [], help: [] } };
  },
});
