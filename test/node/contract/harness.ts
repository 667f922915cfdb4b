// Contract tests run the real HttpOptOutClient against the real mock backend (MSW setupServer).
import { after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { HttpOptOutClient, OptOutApiError } from '../../../src/client/index.js';
import type { MockBackend } from '../../../mocks/backend.js';
import { NODE_API_BASE, startMockServer } from '../../../mocks/node.js';

export interface ContractHarness {
  backend: MockBackend;
  client: HttpOptOutClient;
  /** The host's messaging integration: its own token, whoever is signed in. It alone reports inbound messages. */
  integration: HttpOptOutClient;
  /** Delays the client asked to sleep for (no real sleeps in tests). */
  sleeps: number[];
  /** Requests seen by the backend, in order. */
  requests: { method: string; path: string; idempotencyKey: string | null }[];
  as(role: 'admin' | 'manager' | 'agent' | 'integration'): void;
}

/** Starts one mock server for the file and re-seeds it before each test. */
export function useContractBackend(options: { contacts?: number } = {}): ContractHarness {
  const harness = { sleeps: [] as number[], requests: [] as ContractHarness['requests'] } as ContractHarness;
  let close: () => void = () => {};
  before(() => {
    const started = startMockServer({ contacts: options.contacts ?? 300 });
    close = started.close;
    harness.backend = started.backend;
    started.server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      harness.requests.push({ method: request.method, path: url.pathname.replace(/^\/api/, ''), idempotencyKey: request.headers.get('Idempotency-Key') });
    });
    harness.client = new HttpOptOutClient({
      baseUrl: NODE_API_BASE,
      sleep: async (ms: number) => {
        harness.sleeps.push(ms);
      },
    });
    harness.integration = new HttpOptOutClient({
      baseUrl: NODE_API_BASE,
      token: 'mock:u-integration',
      sleep: async (ms: number) => {
        harness.sleeps.push(ms);
      },
    });
    harness.as = (role) => {
      const user = harness.backend.store.db.users.find((u) => u.role === role);
      assert.ok(user);
      harness.backend.store.switchUser(user.id);
    };
  });
  beforeEach(() => {
    harness.backend.reset({ contacts: options.contacts ?? 300 });
    harness.sleeps.length = 0;
    harness.requests.length = 0;
  });
  after(() => close());
  return harness;
}

/** Asserts that `promise` rejects with an OptOutApiError of `status` and problem `kind`. */
export async function rejectsWith(promise: Promise<unknown>, status: number, kind: string): Promise<OptOutApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof OptOutApiError, `expected OptOutApiError, got ${String(error)}`);
    assert.equal(error.status, status, error.message);
    assert.equal(error.type, `urn:optout:problem:${kind}`);
    return error;
  }
  assert.fail(`expected a ${status} ${kind} rejection`);
}

/**
 * The contact's current ETag as `client` reads it, for the changes that must name the version
 * they are based on; a placeholder when the contact cannot be read (gone, or the caller may not
 * see it), so the request still goes out and meets the error under test.
 */
export async function etagOf(client: HttpOptOutClient, contactId: string): Promise<string> {
  try {
    return (await client.getContact(contactId, {})).etag;
  } catch {
    return '"unreadable"';
  }
}
