import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import { WELL_KNOWN } from '../mocks/seed/seed.js';

interface Args {
  apiBase: string;
  token: string;
}

/** Two elements showing one contact inside one provider: an action in one shows in both at once. */
const meta: Meta<Args> = {
  title: 'Elements/Provider',
  component: 'optout-provider',
  tags: ['autodocs'],
  args: { apiBase: '/api', token: 'mock:u-admin' },
  render: (args) => html`<optout-provider api-base=${args.apiBase} token=${args.token}>
    <div style="display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 24px; align-items: start">
      <contact-preferences contact-id=${WELL_KNOWN.partlyUnsubscribed}></contact-preferences>
      <contact-preferences contact-id=${WELL_KNOWN.partlyUnsubscribed}></contact-preferences>
    </div>
  </optout-provider>`,
};
export default meta;

export const OneContactTwoElements: StoryObj<Args> = {};
