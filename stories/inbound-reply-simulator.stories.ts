import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import { WELL_KNOWN } from '../mocks/seed/seed.js';
import { signTwilioRequest } from '../mocks/twilio.js';
import { defineInboundReplySimulator, type SimulatorContact } from '../src/elements/inbound-reply-simulator/inbound-reply-simulator.js';
import { getByRole, waitFor } from '../src/testing/index.js';

// QA only: define does not register it, as it speaks for contacts.
defineInboundReplySimulator();

const contacts: SimulatorContact[] = [
  { id: WELL_KNOWN.subscribed, name: 'Ava Tremblay', phone: '+14162030001', email: 'ava.tremblay@example.com' },
  { id: WELL_KNOWN.frenchStop, name: 'Félix Lavoie', phone: '+14162030008', email: 'felix.lavoie@example.com' },
];
const signer = (url: string, form: URLSearchParams) => signTwilioRequest(url, form);

const meta: Meta = {
  title: 'QA/Inbound reply simulator',
  component: 'inbound-reply-simulator',
  render: () => html`<optout-provider api-base="/api">
    <inbound-reply-simulator .contacts=${contacts} .twilioSigner=${signer}></inbound-reply-simulator>
  </optout-provider>`,
};
export default meta;

type Story = StoryObj;

export const Ready: Story = {};
/** Ava replies STOP on Downtown SMS through the messaging integration: what the backend did. */
export const StopSent: Story = {
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('inbound-reply-simulator')!;
    const contact = (await waitFor(() => element.shadowRoot?.querySelector<HTMLSelectElement>('#sim-contact'), 'the form')) as HTMLSelectElement;
    contact.value = WELL_KNOWN.subscribed;
    contact.dispatchEvent(new Event('change'));
    await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    getByRole(element, 'button', { name: /Send reply|Envoyer la réponse/ }).click();
    await waitFor(() => element.shadowRoot?.querySelector('[data-testid="changed"]'), 'the channels changed');
  },
};
