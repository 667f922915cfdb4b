import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { setLocale } from '../src/localization/localization.js';
import { prepareStoryMock, startMock } from '../stories/support/mock-setup.js';
import '../src/define.js';
import manifest from '../custom-elements.json';

// Every attribute, property, event, part, custom property and slot, documented once in the class
// JSDoc, reaches the docs pages and the controls' descriptions through the generated manifest.
setCustomElementsManifest(manifest);

// One set of MSW handlers serves Storybook, the browser tests and the demo: the same persistent
// mock backend as `npm start` (IndexedDB, Storybook's own origin), started once per page. A story
// opens on the state it documents whoever browsed before, so each story starts from a fresh seed;
// the "Mock data" toolbar's "Keep changes" is the opt-in for QA sessions that build up a state
// across stories and reloads. A story that needs the seed's exact state even then sets
// `parameters.mockBackend.fresh`.

const preview: Preview = {
  loaders: [
    mswLoader(async () => (await startMock()).worker),
    // Storybook runs every loader side by side: a story's own loaders (faults, a pending request)
    // wait for this one, so they act on the worker once it answers and on the seed it opens on.
    async ({ globals, parameters }) => {
      await prepareStoryMock(globals.mockData !== 'kept' || Boolean((parameters.mockBackend as { fresh?: boolean } | undefined)?.fresh));
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
          { value: 'fresh', title: 'Fresh seed for each story' },
          { value: 'kept', title: 'Keep changes (QA sessions)' },
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
  initialGlobals: { locale: 'en', mockData: 'fresh' },
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
