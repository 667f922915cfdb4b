// What both mock entries share: the backend and its handlers, the seed's facts, fault controls,
// the in-memory client and Twilio's signature. Nothing here starts MSW.
export { MockBackend, type MockBackendOptions } from './backend.js';
export { createHandlers } from './handlers/handlers.js';
export { FaultInjector, NO_FAULTS, RATE_WINDOW_MS, type FaultSettings } from './faults.js';
export { DEFAULT_CONTACT_COUNT, SEED_NOW, WELL_KNOWN, sampleUsers, generateSeed, type SeedOptions } from './seed/seed.js';
export { MemoryOptOutClient, type MemoryClientOptions } from './memory-client.js';
export { MockPersistence, PersistenceErrorEvent, PersistenceRestoredEvent, type MockPersistenceOptions } from './persistence.js';
export { MOCK_TWILIO_AUTH_TOKEN, signTwilioRequest, twilioSignature, verifyTwilioSignature, type TwilioWebhookOptions } from './twilio.js';
export { MOCK_WORKER_POLICY } from './worker-url.js';
