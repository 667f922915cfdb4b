import type { StorybookConfig } from '@storybook/web-components-vite';
import { minifyTemplatesPlugin } from '../scripts/minify-templates.mjs';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', 'msw-storybook-addon'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // No "Get started" onboarding checklist greeting every visitor: this Storybook is the design
  // system's reference, not a first run.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  async viteFinal(config) {
    // storybook dev can otherwise load two copies of lit-html.
    config.optimizeDeps = { ...config.optimizeDeps, include: [...(config.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'] };
    // The built Storybook (what designers browse and the story checks run) has the templates
    // minified, as the library ships them; `storybook dev` serves them as written.
    config.plugins = [...(config.plugins ?? []), minifyTemplatesPlugin()];
    return config;
  },
};

export default config;
