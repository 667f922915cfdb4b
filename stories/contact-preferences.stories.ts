import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import { WELL_KNOWN } from '../mocks/seed/seed.js';
import { ContactPreferencesHarness } from '../src/testing/index.js';
import { ensurePendingRequest, setFaults } from './support/mock-setup.js';

interface Args {
  contactId: string;
  settingsHref: string;
  /** The provider's token: `mock:<userId>` signs the requests in as that user. */
  token: string;
  /** Width of the box the element sits in. */
  width: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Contact preferences',
  component: 'contact-preferences',
  tags: ['autodocs'],
  args: { contactId: WELL_KNOWN.partlyUnsubscribed, settingsHref: '#/settings/messaging', token: 'mock:u-admin', width: '100%' },
  argTypes: {
    contactId: { control: 'select', options: Object.values(WELL_KNOWN) },
    token: { control: 'inline-radio', options: ['mock:u-admin', 'mock:u-manager', 'mock:u-agent', 'mock:u-integration'] },
    width: { control: 'inline-radio', options: ['100%', '320px'] },
  },
  loaders: [async ({ parameters }) => setFaults((parameters as { faults?: object }).faults)],
  render: (args) => html`<div style="max-width: ${args.width}">
    <optout-provider api-base="/api" token=${args.token}>
      <contact-preferences contact-id=${args.contactId} settings-href=${args.settingsHref}></contact-preferences>
    </optout-provider>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

export const SubscribedEverywhere: Story = { args: { contactId: WELL_KNOWN.subscribed } };
export const StopOnOneChannel: Story = { args: { contactId: WELL_KNOWN.partlyUnsubscribed } };
export const Blocked: Story = { args: { contactId: WELL_KNOWN.blocked } };
export const NoPhone: Story = { args: { contactId: WELL_KNOWN.noPhone } };
export const InvalidPhone: Story = { args: { contactId: WELL_KNOWN.invalidPhone } };
export const StopAll: Story = { args: { contactId: WELL_KNOWN.unsubscribedEverywhere } };
export const WhatsAppExcludedByPreference: Story = { args: { contactId: WELL_KNOWN.whatsappExcluded } };
export const FrenchStopUnderChannelTypeScope: Story = { args: { contactId: WELL_KNOWN.frenchStop } };
export const PendingRequest: Story = {
  args: { contactId: WELL_KNOWN.subscribed },
  loaders: [async () => ensurePendingRequest(WELL_KNOWN.subscribed)],
};
export const AsAgent: Story = { args: { token: 'mock:u-agent' } };
export const AsManager: Story = { args: { token: 'mock:u-manager' } };
export const AsAdmin: Story = { args: { token: 'mock:u-admin' } };
export const NarrowPanel: Story = { args: { width: '320px', contactId: WELL_KNOWN.frenchStop } };
export const French: Story = { args: { contactId: WELL_KNOWN.frenchStop }, globals: { locale: 'fr-CA' }, tags: ['fixed-locale'] };

/** Opens "Change channel preferences…" and clears `clear`, through the harness hosts use in their own tests. */
const openChannelPreferences =
  (clear?: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const element = canvasElement.querySelector('contact-preferences');
    if (!element) throw new Error('No contact-preferences in the story');
    const dialog = await (await new ContactPreferencesHarness(element).loaded()).openChannelPreferences();
    if (clear) await dialog.toggle(clear);
  };

/** A manager removing Charlotte's WhatsApp exclusion: the consent note is asked for, and why. */
export const ChangeChannelPreferences: Story = {
  name: 'Change channel preferences',
  args: { contactId: WELL_KNOWN.whatsappExcluded, token: 'mock:u-manager' },
  play: openChannelPreferences('WhatsApp'),
};
/** An agent may add an exclusion but not remove one: the current one is disabled, with the reason. */
export const ChangeChannelPreferencesAsAgent: Story = {
  name: 'Change channel preferences, as agent',
  args: { contactId: WELL_KNOWN.whatsappExcluded, token: 'mock:u-agent' },
  play: openChannelPreferences(),
};
