import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import { WELL_KNOWN } from '../mocks/seed/seed.js';
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
