import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import { WELL_KNOWN } from '../mocks/seed/seed.js';
import { OptOutReviewQueueHarness } from '../src/testing/index.js';
import { ensurePendingRequest, setFaults } from './support/mock-setup.js';

interface Args {
  /** The provider's token: `mock:<userId>` signs the requests in as that user. */
  token: string;
  /** Where the host shows a contact; `{id}` is replaced by its id. */
  contactHref: string;
  /** Width of the box the element sits in. */
  width: string;
}

/** Three people who wrote in plain language, on three locations' channels. */
const threeRequests = async () => {
  await ensurePendingRequest(WELL_KNOWN.subscribed, 'please stop texting me');
  await ensurePendingRequest(WELL_KNOWN.whatsappExcluded, 'can you take me off your list', 'ch-airport-sms');
  await ensurePendingRequest(WELL_KNOWN.frenchStop, 'retirez-moi de votre liste svp', 'ch-uptown-sms');
};

const meta: Meta<Args> = {
  title: 'Elements/Opt-out requests queue',
  component: 'optout-review-queue',
  tags: ['autodocs'],
  args: { token: 'mock:u-manager', contactHref: '#/contacts/{id}', width: '100%' },
  argTypes: {
    token: { control: 'inline-radio', options: ['mock:u-admin', 'mock:u-manager', 'mock:u-agent'] },
    width: { control: 'inline-radio', options: ['100%', '320px'] },
  },
  loaders: [async ({ parameters }) => setFaults((parameters as { faults?: object }).faults)],
  render: (args) => html`<div style="max-width: ${args.width}">
    <optout-provider api-base="/api" token=${args.token}>
      <optout-review-queue contact-href=${args.contactHref}></optout-review-queue>
    </optout-provider>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

export const ThreeWaiting: Story = { loaders: [threeRequests] };
export const AsAdmin: Story = { args: { token: 'mock:u-admin' }, loaders: [threeRequests] };
/** An agent decides one contact at a time, in contact-preferences; the queue says so. */
export const AsAgent: Story = { args: { token: 'mock:u-agent' } };
export const NothingWaiting: Story = {};
export const NarrowPanel: Story = { args: { width: '320px' }, loaders: [threeRequests] };
export const French: Story = { loaders: [threeRequests], globals: { locale: 'fr-CA' }, tags: ['fixed-locale'] };
export const ServerError: Story = { parameters: { faults: { errorRate: 1 } } };
export const OutsideAProvider: Story = { render: () => html`<optout-review-queue></optout-review-queue>` };

/** Dismiss opened on the first request, through the harness hosts use in their own tests. */
export const DismissDialog: Story = {
  loaders: [threeRequests],
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('optout-review-queue');
    if (!element) return;
    const harness = await new OptOutReviewQueueHarness(element).loaded();
    await harness.requests()[0]?.openDismiss();
  },
};
