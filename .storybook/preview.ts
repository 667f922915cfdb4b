import type { Preview } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { setLocale } from '../src/localization/localization.js';
import { startBrowserMock } from '../mocks/browser.js';
import '../src/define.js';

const preview: Preview = {
  // One set of MSW handlers serves Storybook, the browser tests and the demo.
  // Stories get a fresh, unpersisted backend so every story starts from the same seed.
  loaders: [mswLoader(async () => (await startBrowserMock({ persist: false, params: new URLSearchParams() })).worker), async ({ globals }) => setLocale(String(globals.locale ?? 'en'))],
  globalTypes: {
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
  initialGlobals: { locale: 'en' },
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
