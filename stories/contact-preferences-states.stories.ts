import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import type { OptOutClient } from '../src/client/index.js';
import { WELL_KNOWN } from '../mocks/seed/seed.js';
import { setFaults } from './support/mock-setup.js';

/** A client whose every call waits until aborted: the element stays in its loading state. */
const neverAnswers = new Proxy({} as OptOutClient, {
  get: (_target, method) =>
    typeof method !== 'string' || method.startsWith('_') || method === 'then'
      ? undefined
      : (...args: unknown[]) =>
          new Promise((_resolve, reject) => {
            const signal = (args.at(-1) as { signal?: AbortSignal } | undefined)?.signal;
            signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
          }),
});

const meta: Meta = {
  title: 'QA/Contact preferences states',
  component: 'contact-preferences',
  loaders: [async ({ parameters }) => setFaults((parameters as { faults?: object }).faults)],
};
export default meta;

type Story = StoryObj;

const inProvider = (contactId: string, token = 'mock:u-admin') => html`<optout-provider api-base="/api" token=${token}>
  <contact-preferences contact-id=${contactId}></contact-preferences>
</optout-provider>`;

export const Loading: Story = {
  render: () => html`<optout-provider .client=${neverAnswers}><contact-preferences contact-id=${WELL_KNOWN.subscribed}></contact-preferences></optout-provider>`,
};
export const NotFound: Story = { render: () => inProvider('c-999999') };
/** The messaging integration's credential may report replies but not view contacts. */
export const Forbidden: Story = { render: () => inProvider(WELL_KNOWN.subscribed, 'mock:u-integration') };
export const ServerError: Story = { parameters: { faults: { errorRate: 1 } }, render: () => inProvider(WELL_KNOWN.subscribed) };
export const Offline: Story = { parameters: { faults: { offline: true } }, render: () => inProvider(WELL_KNOWN.subscribed) };
export const OutsideAProvider: Story = { render: () => html`<contact-preferences contact-id=${WELL_KNOWN.subscribed}></contact-preferences>` };
