// <optout-app> on the contact page of a contact whose every free-text field is hostile, in a
// 320 px panel: the page's heading shows the contact's name too. Its own file: the suite starts
// its own mock backend, which must not share a page with the element tests' one.
import { html } from '@open-wc/testing';
import '../../../src/define.js';
import { ContactPreferencesHarness } from '../../../src/testing/index.js';
import { composedElements, hostileDataSuite } from '../conformance/hostile-data.js';

const BASE = '/hostile-crm';
const startUrl = location.href;
after(() => history.replaceState(null, '', startUrl));

hostileDataSuite('optout-app', (id) => {
  // The app reads its page from the URL, as a deep link opens it.
  history.replaceState(null, '', `${BASE}/contacts/${encodeURIComponent(id)}`);
  return html`<optout-app base-path=${BASE} api-base="/api"></optout-app>`;
}, {
  // The contact page, and on it the pending request's decisions, load on demand.
  shown: (container) => {
    const preferences = [...composedElements(container)].find((el) => el.localName === 'contact-preferences');
    return preferences instanceof HTMLElement && new ContactPreferencesHarness(preferences).isShown();
  },
});
