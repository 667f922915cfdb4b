// The mock backend in Node (tests, benchmarks): in memory, served by MSW's setupServer.
import { setupServer } from 'msw/node';
import { MockBackend, type MockBackendOptions } from './backend.js';

/** Where Node tests mount the API; any absolute URL works, nothing leaves the process. */
export const NODE_API_BASE = 'http://optout.test/api';

export function startMockServer(options: MockBackendOptions = {}) {
  const backend = new MockBackend({ baseUrl: NODE_API_BASE, ...options });
  const server = setupServer(...backend.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  return { backend, server, close: () => server.close() };
}
