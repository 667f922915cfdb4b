import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import { MemoryOptOutClient } from '../mocks/memory-client.js';
import { BulkUnsubscribeTableHarness, waitFor } from '../src/testing/index.js';
import { setFaults } from './support/mock-setup.js';

interface Args {
  /** The provider's token: `mock:<userId>` signs the requests in as that user. */
  token: string;
  /** The search, as the `query` attribute. */
  query: string;
  /** The status filter, as the `status` attribute. */
  status: string;
  /** Width of the box the element sits in. */
  width: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Bulk unsubscribe table',
  component: 'bulk-unsubscribe-table',
  tags: ['autodocs'],
  args: { token: 'mock:u-admin', query: '', status: '', width: '100%' },
  argTypes: {
    token: { control: 'inline-radio', options: ['mock:u-admin', 'mock:u-manager', 'mock:u-agent'] },
    status: { control: 'select', options: ['', 'subscribed', 'unsubscribed', 'blocked', 'unreachable'] },
    width: { control: 'inline-radio', options: ['100%', '320px'] },
  },
  loaders: [async ({ parameters }) => setFaults((parameters as { faults?: object }).faults)],
  render: (args) => html`<div style="max-width: ${args.width}">
    <optout-provider api-base="/api" token=${args.token}>
      <bulk-unsubscribe-table query=${args.query} status=${args.status}></bulk-unsubscribe-table>
    </optout-provider>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The element fed by contacts held in the page (no HTTP), `count` of them. */
const inMemory = (count: number, options: { failAfter?: number; chunk?: number } = {}) => {
  const memory = new MemoryOptOutClient({ contacts: count, ...options });
  return () => html`<optout-provider .client=${memory.client}><bulk-unsubscribe-table></bulk-unsubscribe-table></optout-provider>`;
};

const harnessOf = (canvasElement: HTMLElement) => {
  const element = canvasElement.querySelector('bulk-unsubscribe-table');
  if (!element) throw new Error('No bulk-unsubscribe-table in the story');
  return new BulkUnsubscribeTableHarness(element);
};

/** The mock backend's 2,000 contacts. */
export const AllContacts: Story = {};
export const Empty: Story = { render: inMemory(0) };
export const FiftyRows: Story = { name: '50 rows', render: inMemory(50) };
export const HundredThousandRows: Story = { name: '100,000 rows', render: inMemory(100_000) };
export const FilteredToNothing: Story = { args: { query: 'no contact has this name' } };
/** Agents may not bulk-unsubscribe: the menu item says why. */
export const NoPermission: Story = {
  args: { token: 'mock:u-agent' },
  play: async ({ canvasElement }) => {
    const harness = await harnessOf(canvasElement).loaded();
    await harness.selectRows([0]);
    await harness.menuItems();
  },
};
/** Every contact selected, reviewed and confirmed; the mock holds the job back, so it shows its progress. */
export const JobInProgress: Story = {
  parameters: { faults: { jobStepMs: 600_000 } },
  play: async ({ canvasElement }) => {
    const harness = await harnessOf(canvasElement).loaded();
    await harness.selectAllMatching();
    await harness.openBulkUnsubscribe();
    await harness.confirm('2000');
    await harness.waitForJob(/./);
  },
};
/** A job that stopped part-way: what it changed stays changed, and why it stopped is shown. */
export const FinishedWithFailures: Story = {
  render: inMemory(500, { failAfter: 200, chunk: 100 }),
  play: async ({ canvasElement }) => {
    const harness = await harnessOf(canvasElement).loaded();
    await harness.selectAllMatching();
    await harness.openBulkUnsubscribe();
    await harness.confirm();
    await waitFor(() => Object.keys(harness.result()).length > 0, 'the job to stop');
  },
};
export const ErrorLoading: Story = { parameters: { faults: { errorRate: 1 } } };
export const NarrowPanel: Story = { args: { width: '320px' } };
export const French: Story = { globals: { locale: 'fr-CA' }, tags: ['fixed-locale'] };
export const OutsideAProvider: Story = { render: () => html`<bulk-unsubscribe-table></bulk-unsubscribe-table>` };
