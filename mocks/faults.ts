// Fault injection for QA and tests: latency, random errors, offline, "fail the next N", and a
// rate limit. Off by default; set through the control API (/__mock/faults) or URL parameters.
import { HttpResponse, delay } from 'msw';
import { ProblemError } from './store/problems.js';

export interface FaultSettings {
  /** Added to every API response, in milliseconds. */
  latencyMs: number;
  /** Share of API requests (0–1) answered 503. */
  errorRate: number;
  /** Every API request fails as a network error. */
  offline: boolean;
  /** The next N API requests are answered 503, then it counts down. */
  failNext: number;
  /** At most N API requests per minute (0: no limit); past it, 429 with `Retry-After`. */
  rateLimit: number;
  /** Pause before each chunk of a bulk job, in milliseconds, to watch progress and cancel. */
  jobStepMs: number;
}

export const NO_FAULTS: FaultSettings = { latencyMs: 0, errorRate: 0, offline: false, failNext: 0, rateLimit: 0, jobStepMs: 0 };

/** The rate limit's window. */
export const RATE_WINDOW_MS = 60_000;

export class FaultInjector {
  settings: FaultSettings = { ...NO_FAULTS };
  /** When the requests inside the current rate window were let through, oldest first. */
  private admitted: number[] = [];
  private gate: Promise<void> | undefined;
  private releaseGate: (() => void) | undefined;
  private parked = 0;
  private waiters: { count: number; resolve: () => void }[] = [];

  /** The rate limiter's clock; tests may replace it. */
  now: () => number = () => Date.now();

  set(next: Partial<FaultSettings>): FaultSettings {
    const merged = { ...this.settings, ...next };
    const count = (value: unknown) => Math.max(0, Math.floor(Number(value) || 0));
    this.settings = {
      latencyMs: Math.max(0, Number(merged.latencyMs) || 0),
      errorRate: Math.min(1, Math.max(0, Number(merged.errorRate) || 0)),
      offline: Boolean(merged.offline),
      failNext: count(merged.failNext),
      rateLimit: count(merged.rateLimit),
      jobStepMs: count(merged.jobStepMs),
    };
    // A new limit starts a new window.
    if ('rateLimit' in next) this.admitted = [];
    return this.settings;
  }

  /** Turns every fault off and restores the real clock. */
  reset(): FaultSettings {
    this.releaseGate?.();
    this.now = () => Date.now();
    return this.set(NO_FAULTS);
  }

  /** Reads `latency`, `errorRate`, `offline`, `failNext`, `rateLimit`, `jobStepMs` from URL parameters. */
  fromSearchParams(params: URLSearchParams): FaultSettings {
    const next: Partial<FaultSettings> = {};
    if (params.has('latency')) next.latencyMs = Number(params.get('latency'));
    if (params.has('errorRate')) next.errorRate = Number(params.get('errorRate'));
    if (params.has('offline')) next.offline = params.get('offline') !== '0';
    if (params.has('failNext')) next.failNext = Number(params.get('failNext'));
    if (params.has('rateLimit')) next.rateLimit = Number(params.get('rateLimit'));
    if (params.has('jobStepMs')) next.jobStepMs = Number(params.get('jobStepMs'));
    return this.set(next);
  }

  /**
   * A response that replaces the real one (after the injected latency), or undefined to let the
   * request through. The latency of a request let through is `delay()`, which the caller awaits
   * where the server would be working.
   */
  async reject(): Promise<Response | undefined> {
    const rejection = this.rejection();
    if (rejection) await this.delay();
    return rejection;
  }

  /** Waits the injected latency, and while `hold()` is on, until it is released. */
  async delay(): Promise<void> {
    if (this.settings.latencyMs > 0) await delay(this.settings.latencyMs);
    if (!this.gate) return;
    this.parked++;
    for (const waiter of this.waiters.filter((w) => this.parked >= w.count)) waiter.resolve();
    this.waiters = this.waiters.filter((w) => this.parked < w.count);
    try {
      await this.gate;
    } finally {
      this.parked--;
    }
  }

  /**
   * Parks every request that gets through at the point where the server would be working on it,
   * until the returned function is called: a test can then send a second request while the first
   * is certainly still in flight, with no timing involved.
   */
  hold(): () => void {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.gate = gate;
    const open = () => {
      if (this.gate === gate) this.gate = undefined;
      release();
    };
    this.releaseGate = open;
    return open;
  }

  /** How many requests `hold()` has parked right now. */
  get held(): number {
    return this.parked;
  }

  /** Resolves once `hold()` has parked `count` requests: a test waits for this, not for time. */
  whenHeld(count: number): Promise<void> {
    if (this.parked >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  private rejection(): Response | undefined {
    const { offline, failNext, errorRate, rateLimit } = this.settings;
    if (offline) return HttpResponse.error();
    if (failNext > 0) {
      this.settings = { ...this.settings, failNext: failNext - 1 };
      return unavailable('Injected failure (fail the next N requests).');
    }
    if (errorRate > 0 && Math.random() < errorRate) return unavailable('Injected failure (error rate).');
    if (rateLimit > 0) return this.rateLimited(rateLimit);
    return undefined;
  }

  /**
   * The IETF `RateLimit` and `RateLimit-Policy` fields for an answer let through, as the contract
   * asks backends to send on every answer: the policy and what is left of the window. None without
   * a limit (a backend with no limit has none to announce).
   */
  rateLimitHeaders(): Record<string, string> {
    const limit = this.settings.rateLimit;
    if (limit <= 0) return {};
    const now = this.now();
    const oldest = this.admitted.find((at) => at > now - RATE_WINDOW_MS);
    const reset = oldest === undefined ? 0 : Math.max(1, Math.ceil((oldest + RATE_WINDOW_MS - now) / 1000));
    const used = this.admitted.filter((at) => at > now - RATE_WINDOW_MS).length;
    return { 'RateLimit-Policy': `"minute";q=${limit};w=60`, RateLimit: `"minute";r=${Math.max(0, limit - used)};t=${reset}` };
  }

  /** A sliding one-minute window: 429 once `limit` requests were let through in it. */
  private rateLimited(limit: number): Response | undefined {
    const now = this.now();
    while (this.admitted.length > 0 && this.admitted[0]! <= now - RATE_WINDOW_MS) this.admitted.shift();
    if (this.admitted.length < limit) {
      this.admitted.push(now);
      return undefined;
    }
    const retryAfter = Math.max(1, Math.ceil((this.admitted[0]! + RATE_WINDOW_MS - now) / 1000));
    const problem = new ProblemError('rate-limited', `At most ${limit} requests a minute; retry in ${retryAfter} s.`).toJSON();
    // The IETF RateLimit fields the contract asks backends to send: the policy, and none left until the window moves.
    return problemJson({ ...problem, retryAfter }, 429, retryAfter, { 'RateLimit-Policy': `"minute";q=${limit};w=60`, RateLimit: `"minute";r=0;t=${retryAfter}` });
  }
}

function unavailable(detail: string): Response {
  const problem = new ProblemError('unavailable', detail).toJSON();
  return problemJson({ ...problem, retryAfter: 0 }, 503, 0);
}

function problemJson(body: object, status: number, retryAfter: number, extra: Record<string, string> = {}): Response {
  return HttpResponse.json(body, { status, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': String(retryAfter), ...extra } });
}
