import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import { sampleChannels, sampleLocations } from '../mocks/fixtures/sample-organization.js';
import type { OptOutScope, PhrasePolicy } from '../src/engine/index.js';

interface Args {
  reply: string;
  scope: OptOutScope;
  phrasePolicy: PhrasePolicy;
  channelId: string;
}

const meta: Meta<Args> = {
  title: 'QA/Inbound reply playground',
  component: 'inbound-reply-playground',
  args: { reply: 'STOP', scope: 'channel', phrasePolicy: 'review', channelId: 'ch-downtown-sms' },
  argTypes: {
    scope: { control: 'inline-radio', options: ['channel', 'channel-type', 'organization'] },
    phrasePolicy: { control: 'inline-radio', options: ['review', 'apply'] },
    channelId: { control: 'select', options: sampleChannels.map((c) => c.id) },
  },
  render: (args) => html`<inbound-reply-playground
    .channels=${sampleChannels}
    .locations=${sampleLocations}
    reply=${args.reply}
    scope=${args.scope}
    phrase-policy=${args.phrasePolicy}
    channel-id=${args.channelId}
  ></inbound-reply-playground>`,
};
export default meta;

type Story = StoryObj<Args>;

export const StopOnOneChannel: Story = {};
export const StopAcrossChannelType: Story = { args: { scope: 'channel-type' } };
export const StopAll: Story = { args: { reply: 'STOP ALL' } };
export const OptIn: Story = { args: { reply: 'START', scope: 'organization' } };
export const PlainLanguageQueued: Story = { args: { reply: 'please stop texting me' } };
export const PlainLanguageApplied: Story = { args: { reply: 'please stop texting me', phrasePolicy: 'apply' } };
export const FrenchKeyword: Story = { args: { reply: 'Arrêt', channelId: 'ch-uptown-sms' } };
export const OrdinaryMessage: Story = { args: { reply: 'can you stop by at 5?' } };
export const NoChannels: Story = {
  render: () => html`<inbound-reply-playground></inbound-reply-playground>`,
};
