import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { msg } from '@lit/localize';
import '../src/define.js';
import { WELL_KNOWN } from '../mocks/seed/seed.js';
import type { ContactActionsMenu } from '../src/elements/contact-actions-menu/contact-actions-menu.js';
import { ContactActionsMenuHarness, waitFor } from '../src/testing/index.js';
import { setFaults } from './support/mock-setup.js';

interface Args {
  contactId: string;
  /** The provider's token: `mock:<userId>` signs the requests in as that user. */
  token: string;
  /** Hide the actions the role does not include, instead of disabling them with the reason. */
  hideUnavailable: boolean;
  /** Width of the box the element sits in. */
  width: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Contact actions menu',
  component: 'contact-actions-menu',
  tags: ['autodocs'],
  args: { contactId: WELL_KNOWN.subscribed, token: 'mock:u-admin', hideUnavailable: false, width: '100%' },
  argTypes: {
    contactId: { control: 'select', options: Object.values(WELL_KNOWN) },
    token: { control: 'inline-radio', options: ['mock:u-admin', 'mock:u-manager', 'mock:u-agent'] },
    width: { control: 'inline-radio', options: ['100%', '320px'] },
  },
  loaders: [async ({ parameters }) => setFaults((parameters as { faults?: object }).faults)],
  render: (args) => html`<div style="max-width: ${args.width}; min-height: 320px">
    <optout-provider api-base="/api" token=${args.token}>
      <contact-actions-menu contact-id=${args.contactId} ?hide-unavailable=${args.hideUnavailable}></contact-actions-menu>
    </optout-provider>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

const menuIn = (canvasElement: HTMLElement): ContactActionsMenuHarness => {
  const element = canvasElement.querySelector('contact-actions-menu');
  if (!element) throw new Error('No contact-actions-menu in the story');
  return new ContactActionsMenuHarness(element);
};

/** Opens the menu, through the harness hosts use in their own tests. */
const openMenu = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await menuIn(canvasElement).open();
};

/** Chooses the item named `item()` in the menu and waits for its dialog. */
const choose =
  (item: () => string, then?: (menu: ContactActionsMenuHarness) => Promise<void>) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const menu = menuIn(canvasElement);
    // The item's name in the story's locale, read when the story plays.
    await menu.choose(item());
    await then?.(menu);
  };

export const AsAdmin: Story = { args: { token: 'mock:u-admin' }, play: openMenu };
export const AsManager: Story = { args: { token: 'mock:u-manager' }, play: openMenu };
/** Agents may unsubscribe and block one contact; the other actions say why they are not available. */
export const AsAgent: Story = { args: { token: 'mock:u-agent' }, play: openMenu };
export const AsAgentHidingUnavailable: Story = { name: 'As agent, unavailable hidden', args: { token: 'mock:u-agent', hideUnavailable: true }, play: openMenu };
export const Subscribed: Story = { args: { contactId: WELL_KNOWN.subscribed } };
export const Blocked: Story = { args: { contactId: WELL_KNOWN.blocked }, play: openMenu };
export const PartlyUnsubscribed: Story = { args: { contactId: WELL_KNOWN.partlyUnsubscribed }, play: openMenu };

export const UnsubscribeDialog: Story = { name: 'Unsubscribe contact dialog', args: { contactId: WELL_KNOWN.partlyUnsubscribed }, play: choose(() => msg('Unsubscribe contact')) };
export const UnsubscribeChosenChannels: Story = {
  name: 'Unsubscribe contact dialog, chosen channels',
  args: { contactId: WELL_KNOWN.partlyUnsubscribed },
  play: choose(() => msg('Unsubscribe contact'), async (menu) => {
    const dialog = menu.dialog()!;
    dialog.check(msg('Chosen channels'));
    await waitFor(() => dialog.text().includes('Airport'), 'the channels');
    dialog.check(/Downtown SMS$/);
    dialog.check(/Airport SMS$/);
  }),
};
export const BlockDialog: Story = { name: 'Block contact dialog', play: choose(() => msg('Block contact')) };
export const UnblockDialog: Story = { name: 'Unblock contact dialog', args: { contactId: WELL_KNOWN.blocked }, play: choose(() => msg('Unblock contact')) };
export const MergeDialog: Story = {
  name: 'Merge dialog',
  play: choose(() => msg('Merge'), async (menu) => {
    const dialog = menu.dialog()!;
    dialog.fill(msg('Contact to merge'), 'William Gauthier');
    await dialog.pick('William Gauthier');
    await waitFor(() => dialog.text().includes('William Gauthier') && !dialog.text().includes('…'), 'the merge preview');
  }),
};
export const DeleteDialog: Story = { name: 'Delete dialog', args: { contactId: WELL_KNOWN.partlyUnsubscribed }, play: choose(() => msg('Delete')) };
export const AddToSequenceDialog: Story = {
  name: 'Add to sequence dialog',
  args: { contactId: WELL_KNOWN.partlyUnsubscribed },
  play: choose(() => msg('Add to sequence'), async (menu) => {
    menu.dialog()!.check('Welcome series');
    await waitFor(() => menu.dialog()!.list(msg('Steps')).length > 0, 'the steps');
  }),
};
/** The server answers 503 to every attempt: the dialog stays open with the error and Retry; nothing is shown as done. */
export const FailedAction: Story = {
  name: 'A failed action',
  play: choose(() => msg('Block contact'), async (menu) => {
    const dialog = menu.dialog()!;
    dialog.fill(msg('Reason'), 'Unwanted messages');
    await setFaults({ errorRate: 1 });
    dialog.confirm();
    await waitFor(() => dialog.problem() !== '', 'the error', 15000);
    await setFaults({});
  }),
};
export const NarrowPanel: Story = { args: { width: '320px', contactId: WELL_KNOWN.partlyUnsubscribed }, play: choose(() => msg('Unsubscribe contact')) };
export const French: Story = { args: { contactId: WELL_KNOWN.frenchStop }, globals: { locale: 'fr-CA' }, tags: ['fixed-locale'], play: openMenu };
export const OutsideAProvider: Story = {
  render: () => html`<contact-actions-menu contact-id=${WELL_KNOWN.subscribed}></contact-actions-menu>`,
};

/** A host's own button opening a dialog through the element's method. */
export const OpenedByMethod: Story = {
  name: 'Opened by a method (unsubscribe())',
  play: async ({ canvasElement }) => {
    const menu = await menuIn(canvasElement).ready();
    (menu.element as ContactActionsMenu).unsubscribe({ channelIds: ['ch-downtown-sms'] });
    await menu.waitForDialog();
  },
};
