import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { setLocale } from '../src/localization/localization.js';
import { startBrowserMock, type BrowserMock } from '../mocks/browser.js';
import '../src/define.js';
import manifest from '../custom-elements.json';

// Every attribute, property, event, part, custom property and slot, documented once in the class
// JSDoc, reaches the docs pages and the controls' descriptions through the generated manifest.
setCustomElementsManifest(manifest);

// One set of MSW handlers serves Storybook, the browser tests and the demo: the same persistent
// mock backend as `npm start` (IndexedDB, Storybook's own origin), started once per page. The
// "Mock data" toolbar chooses between keeping what was changed and a fresh seed for each story;
// a story that needs the seed's exact state sets `parameters.mockBackend.fresh`.
let mock: Promise<BrowserMock> | undefined;
const startMock = () => (mock ??= startBrowserMock({ params: new URLSearchParams() }));

const preview: Preview = {
  loaders: [
    mswLoader(async () => (await startMock()).worker),
    async ({ globals, parameters }) => {
      const { backend } = await startMock();
      if (globals.mockData === 'fresh' || (parameters.mockBackend as { fresh?: boolean } | undefined)?.fresh) {
        backend.reset();
        await backend.flush();
      }
      return {};
    },
    async ({ globals }) => setLocale(String(globals.locale ?? 'en')),
  ],
  globalTypes: {
    mockData: {
      description: 'What the mock backend holds when a story opens',
      toolbar: {
        title: 'Mock data',
        icon: 'database',
        items: [
          { value: 'kept', title: 'Keep changes (persisted)' },
          { value: 'fresh', title: 'Fresh seed for each story' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language of the elements',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'fr-CA', title: 'Français (Canada)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', mockData: 'kept' },
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
