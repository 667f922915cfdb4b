// Story loaders that set the mock backend up through its control API (/__mock), the same way QA
// scripts do. Storybook runs loaders side by side, so each waits for the mock's worker first.
import { HttpOptOutClient, type MessagingSettingsInput } from '../../src/client/index.js';
import type { FaultSettings } from '../../mocks/faults.js';
import { startBrowserMock, type BrowserMock } from '../../mocks/browser.js';

let mock: Promise<BrowserMock> | undefined;
/** The page's one mock backend (MSW's worker, state in IndexedDB), started on first use. */
export const startMock = (): Promise<BrowserMock> => (mock ??= startBrowserMock({ params: new URLSearchParams() }));

let ready: Promise<void> = Promise.resolve();
/**
 * Starts the mock for a story and, when `fresh`, re-seeds it. Storybook calls the preview's
 * loaders before a story's own, all side by side, so this records the setup synchronously and
 * the story's loaders wait for it: a request made before the worker answers would reach the
 * network, and faults set before the re-seed would be wiped by it.
 */
export function prepareStoryMock(fresh: boolean): Promise<void> {
  ready = (async () => {
    const { backend } = await startMock();
    if (fresh) {
      backend.reset();
      await backend.flush();
    }
  })();
  return ready;
}

const NO_FAULTS: FaultSettings = { latencyMs: 0, errorRate: 0, offline: false, failNext: 0, rateLimit: 0, jobStepMs: 0 };

async function control(path: string, init: RequestInit): Promise<Response> {
  await ready;
  const response = await fetch(path, init);
  if (!response.ok) throw new Error(`The mock backend answered ${path} with ${response.status}`);
  return response;
}

/** Sets the mock's faults to exactly `faults` (everything else off). */
export async function setFaults(faults: Partial<FaultSettings> = {}): Promise<void> {
  await control('/__mock/faults', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...NO_FAULTS, ...faults }) });
}

/** Makes sure the contact has a pending plain-language request, sent as the messaging integration would. */
export async function ensurePendingRequest(contactId: string, body = 'please stop texting me', channelId = 'ch-downtown-sms'): Promise<void> {
  await ready;
  const admin = new HttpOptOutClient({ baseUrl: '/api', token: 'mock:u-admin' });
  const detail = await admin.getContact(contactId, {});
  if (detail.pendingReviews.length > 0) return;
  const phone = detail.contact.destinations.find((d) => d.kind === 'phone' && d.valid);
  if (!phone) return;
  const integration = new HttpOptOutClient({ baseUrl: '/api', token: 'mock:u-integration' });
  await integration.receiveInboundMessage({ channelId, from: phone.value, body }, {});
}

/** Saves Settings > Messaging as an admin would (a real PUT with the current ETag), before the story renders. */
export async function saveSettings(change: Partial<MessagingSettingsInput>): Promise<void> {
  await ready;
  const admin = new HttpOptOutClient({ baseUrl: '/api', token: 'mock:u-admin' });
  const { settings, etag } = await admin.getMessagingSettings({});
  await admin.updateMessagingSettings({ optOutScope: settings.optOutScope, phrasePolicy: settings.phrasePolicy, customKeywords: settings.customKeywords, ...change }, etag, {});
}
