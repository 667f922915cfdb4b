// `optout-elements/mocks`: the mock backend for hosts' own tests and Storybooks, in the browser
// (MSW's service worker; run `npx msw init public/` once). Node's starter is `optout-elements/mocks/node`,
// kept apart so that a browser bundle never pulls in `msw/node`.
export { startBrowserMock, type BrowserMock, type BrowserMockOptions } from './browser.js';
export * from './common.js';
