// Story loaders that set the mock backend up through its control API (/__mock), the same way QA
// scripts do. Storybook runs loaders side by side, so each waits for the mock's worker first.
import { HttpOptOutClient } from '../../src/client/index.js';
import type { FaultSettings } from '../../mocks/faults.js';

const NO_FAULTS: FaultSettings = { latencyMs: 0, errorRate: 0, offline: false, failNext: 0, rateLimit: 0, jobStepMs: 0 };

async function control(path: string, init: RequestInit): Promise<Response> {
  const started = Date.now();
  for (;;) {
    const response = await fetch(path, init).catch(() => undefined);
    if (response?.ok) return response;
    if (Date.now() - started > 10_000) throw new Error(`The mock backend did not answer ${path}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sets the mock's faults to exactly `faults` (everything else off). */
export async function setFaults(faults: Partial<FaultSettings> = {}): Promise<void> {
  await control('/__mock/faults', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...NO_FAULTS, ...faults }) });
}

/** Makes sure the contact has a pending plain-language request, sent as the messaging integration would. */
export async function ensurePendingRequest(contactId: string, body = 'please stop texting me'): Promise<void> {
  const admin = new HttpOptOutClient({ baseUrl: '/api', token: 'mock:u-admin' });
  const detail = await admin.getContact(contactId, {});
  if (detail.pendingReviews.length > 0) return;
  const phone = detail.contact.destinations.find((d) => d.kind === 'phone' && d.valid);
  if (!phone) return;
  const integration = new HttpOptOutClient({ baseUrl: '/api', token: 'mock:u-integration' });
  await integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: phone.value, body }, {});
}
