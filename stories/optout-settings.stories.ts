import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import type { OptOutScope } from '../src/engine/index.js';
import { OptOutSettingsHarness, waitFor } from '../src/testing/index.js';
import { scopeLabel } from '../src/elements/shared/labels.js';
import { saveSettings, setFaults } from './support/mock-setup.js';

interface Args {
  /** The provider's token: `mock:<userId>` signs the requests in as that user. */
  token: string;
  /** The preview's example channel. */
  exampleChannelId: string;
  /** Width of the box the element sits in. */
  width: string;
}

interface Parameters {
  faults?: object;
  /** The scope saved before the story opens. */
  savedScope?: OptOutScope;
}

const meta: Meta<Args> = {
  title: 'Elements/Opt-out preferences',
  component: 'optout-settings',
  tags: ['autodocs'],
  args: { token: 'mock:u-admin', exampleChannelId: 'ch-downtown-sms', width: '100%' },
  argTypes: {
    token: { control: 'inline-radio', options: ['mock:u-admin', 'mock:u-manager', 'mock:u-agent'] },
    exampleChannelId: { control: 'select', options: ['ch-downtown-sms', 'ch-airport-whatsapp', 'ch-uptown-email'] },
    width: { control: 'inline-radio', options: ['100%', '320px'] },
  },
  loaders: [
    async ({ parameters }) => {
      const { faults, savedScope } = parameters as Parameters;
      await setFaults(faults);
      if (savedScope) await saveSettings({ optOutScope: savedScope });
    },
  ],
  render: (args) => html`<div style="max-width: ${args.width}">
    <optout-provider api-base="/api" token=${args.token}>
      <optout-settings example-channel-id=${args.exampleChannelId}></optout-settings>
    </optout-provider>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

const harnessOf = async (canvasElement: HTMLElement) => {
  const element = canvasElement.querySelector('optout-settings');
  if (!element) throw new Error('No optout-settings in the story');
  return new OptOutSettingsHarness(element).loaded();
};

export const Admin: Story = {};
/** Managers and agents read the settings; only admins change them. */
export const ManagerReadOnly: Story = { name: 'Manager (read-only)', args: { token: 'mock:u-manager' } };
export const ScopeOnlyTheChannel: Story = { name: 'Scope: only the channel messaged', parameters: { savedScope: 'channel' } };
export const ScopeSameType: Story = { name: 'Scope: all channels of the same type', parameters: { savedScope: 'channel-type' } };
export const ScopeOrganization: Story = { name: 'Scope: every channel in the organization', parameters: { savedScope: 'organization' } };
/** A wider scope chosen, not saved: the preview says what changes, and leaving the page asks first. */
export const UnsavedChanges: Story = {
  play: async ({ canvasElement }) => {
    const harness = await harnessOf(canvasElement);
    harness.chooseScope(scopeLabel('organization'));
    await harness.settled();
  },
};
/** Another admin saved while this one edited: who changed what, reapply on top or keep theirs. */
export const ConcurrentChange: Story = {
  name: '412 conflict',
  play: async ({ canvasElement }) => {
    const harness = await harnessOf(canvasElement);
    harness.chooseScope(scopeLabel('channel'));
    await saveSettings({ optOutScope: 'organization', phrasePolicy: 'apply' });
    await harness.save();
    await waitFor(() => harness.conflict(), 'the conflict shown');
  },
};
/** The backend fails: the admin's choice stays on screen, nothing is shown as saved. */
export const SaveError: Story = {
  play: async ({ canvasElement }) => {
    const harness = await harnessOf(canvasElement);
    harness.chooseScope(scopeLabel('channel'));
    await setFaults({ errorRate: 1 });
    await harness.save();
    await waitFor(() => harness.alerts().length > 0, 'the failure shown', 15000);
  },
};
/** Custom keywords, one of them typed as an opt-in although it reads as the default STOP. */
export const KeywordClash: Story = {
  name: 'Custom keywords with a clash',
  play: async ({ canvasElement }) => {
    const harness = await harnessOf(canvasElement);
    harness.type('optOut', 'ALTO');
    await harness.add('optOut');
    harness.type('optIn', 'Stop!');
    await harness.settled();
  },
};
export const French: Story = { globals: { locale: 'fr-CA' }, tags: ['fixed-locale'] };
export const Narrow: Story = { args: { width: '320px' } };
export const OutsideAProvider: Story = { render: () => html`<optout-settings></optout-settings>` };
