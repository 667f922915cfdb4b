import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define.js';
import { WELL_KNOWN } from '../mocks/seed/seed.js';
import { ensurePendingRequest, setFaults } from './support/mock-setup.js';

interface Args {
  /** The signed-in user: `mock:<userId>` signs the requests in as that user. */
  token: string;
  /**
   * The page the story opens on, under the base path. Storybook's frame is `/iframe.html`, so
   * that is the base path here; a host passes its own (`/crm`), and deep links then come from
   * the address bar.
   */
  route: string;
  /** Width of the box the app sits in. */
  width: string;
}

// The story's frame is the page the app lives in: its own path is the base path, and the story's
// query (which story, which globals) is kept when the app changes the path.
const BASE = '/iframe.html';

/** Puts the frame's URL at `route` under the base path, as a deep link would, before the app reads it. */
function openAt(route: string): void {
  const path = route ? `${BASE}/${route.replace(/^\/+/, '')}` : BASE;
  history.replaceState(history.state, '', `${path}${location.search}`);
}

const meta: Meta<Args> = {
  title: 'Microfrontend/Opt-out app',
  component: 'optout-app',
  tags: ['autodocs'],
  args: { token: 'mock:u-admin', route: 'contacts', width: '100%' },
  argTypes: {
    token: { control: 'inline-radio', options: ['mock:u-admin', 'mock:u-manager', 'mock:u-agent'] },
    route: { control: 'select', options: ['contacts', `contacts/${WELL_KNOWN.partlyUnsubscribed}`, 'requests', 'settings/messaging', 'nowhere'] },
    width: { control: 'inline-radio', options: ['100%', '320px'] },
  },
  loaders: [async ({ parameters }) => setFaults((parameters as { faults?: object }).faults)],
  render: (args) => {
    openAt(args.route);
    return html`<div style="max-width: ${args.width}">
      <optout-app base-path=${BASE} api-base="/api" .token=${args.token}></optout-app>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Contacts → All contacts, the app's first page; a row's name opens the contact. */
export const AllContacts: Story = {};
/** A deep link to a contact: communication preferences, with the contact actions menu beside the title. */
export const ContactPage: Story = { args: { route: `contacts/${WELL_KNOWN.partlyUnsubscribed}` } };
/** The managers' queue of plain-language requests, its contacts linked to their pages in the app. */
export const OptOutRequests: Story = {
  args: { token: 'mock:u-manager', route: 'requests' },
  loaders: [async () => ensurePendingRequest(WELL_KNOWN.subscribed, 'please stop texting me')],
};
/** Settings → Messaging: Opt-out preferences, editable by an admin. */
export const SettingsMessaging: Story = { args: { route: 'settings/messaging' } };
/** An agent: no Opt-out requests in the navigation; Settings → Messaging read-only. */
export const AsAgent: Story = { args: { token: 'mock:u-agent', route: 'settings/messaging' } };
/** A contact's page in a 320 px side panel: the navigation goes above the page. */
export const NarrowPanel: Story = { args: { width: '320px', route: `contacts/${WELL_KNOWN.partlyUnsubscribed}` } };
/** A path the app does not have. */
export const NotFound: Story = { args: { route: 'nowhere' } };
export const French: Story = { args: { route: `contacts/${WELL_KNOWN.partlyUnsubscribed}` }, globals: { locale: 'fr-CA' }, tags: ['fixed-locale'] };
