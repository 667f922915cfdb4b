// The mock backend: one store, its services and one set of MSW handlers, used by the demo,
// Storybook, the browser tests (setupWorker) and the Node tests (setupServer).
import { FaultInjector } from './faults.js';
import { createHandlers } from './handlers/handlers.js';
import { generateSeed, type SeedOptions } from './seed/seed.js';
import { BulkJobs } from './store/bulk-jobs.js';
import { Messaging } from './store/messaging.js';
import { MockStore } from './store/mock-store.js';
import type { TwilioWebhookOptions } from './twilio.js';
import type { MockDatabase } from './store/types.js';

export interface MockBackendOptions extends SeedOptions {
  /** Where the API is mounted; `/api` by default. Absolute in Node (`http://api.test/api`). */
  baseUrl?: string;
  /** Start from this saved state instead of a fresh seed. */
  database?: MockDatabase;
  /** Called (debounced by the caller) after every change, to persist. */
  onChange?: (backend: MockBackend) => void;
  /** Resolves when the changes reported so far are saved. */
  flush?: () => Promise<void>;
  /** How the Twilio webhook checks signatures (its public URL, the account's token). */
  twilio?: TwilioWebhookOptions;
  /** Keep what changes for `MockStore.takeChanges()` (the browser's incremental saves). */
  trackChanges?: boolean;
  /**
   * Build the store's indexes and standings as soon as a state is loaded (default true); the
   * browser mock turns this off and builds them once the page is idle.
   */
  prepareAtStart?: boolean;
}

export class MockBackend {
  store!: MockStore;
  jobs!: BulkJobs;
  messaging!: Messaging;
  readonly faults = new FaultInjector();
  readonly baseUrl: string;
  readonly twilio: TwilioWebhookOptions;
  readonly handlers;

  constructor(private readonly options: MockBackendOptions = {}) {
    this.baseUrl = options.baseUrl ?? '/api';
    this.twilio = options.twilio ?? {};
    this.load(options.database ?? generateSeed(options));
    this.handlers = createHandlers(this);
  }

  /** Replaces the state with a fresh seed (the reset control). */
  reset(options: SeedOptions = {}) {
    this.load(generateSeed({ contacts: options.contacts ?? this.options.contacts, seed: options.seed ?? this.options.seed }));
    this.faults.reset();
    this.notify();
  }

  notify() {
    this.options.onChange?.(this);
  }

  flush(): Promise<void> {
    return this.options.flush?.() ?? Promise.resolve();
  }

  private load(db: MockDatabase) {
    this.store = new MockStore(db, { trackChanges: this.options.trackChanges ?? false });
    if (this.options.prepareAtStart ?? true) this.store.prepare();
    this.store.onChange = () => this.notify();
    this.jobs = new BulkJobs(this.store, () => this.faults.settings.jobStepMs);
    this.messaging = new Messaging(this.store);
  }
}
