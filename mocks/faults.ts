// Fault injection for QA and tests: latency, random errors, offline, "fail the next N".
// Off by default; set through the control API (/__mock/faults) or URL parameters.
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
}

export const NO_FAULTS: FaultSettings = { latencyMs: 0, errorRate: 0, offline: false, failNext: 0 };

export class FaultInjector {
  settings: FaultSettings = { ...NO_FAULTS };

  set(next: Partial<FaultSettings>): FaultSettings {
    const merged = { ...this.settings, ...next };
    this.settings = {
      latencyMs: Math.max(0, Number(merged.latencyMs) || 0),
      errorRate: Math.min(1, Math.max(0, Number(merged.errorRate) || 0)),
      offline: Boolean(merged.offline),
      failNext: Math.max(0, Math.floor(Number(merged.failNext) || 0)),
    };
    return this.settings;
  }

  /** Reads `latency`, `errorRate`, `offline`, `failNext` from URL parameters. */
  fromSearchParams(params: URLSearchParams): FaultSettings {
    const next: Partial<FaultSettings> = {};
    if (params.has('latency')) next.latencyMs = Number(params.get('latency'));
    if (params.has('errorRate')) next.errorRate = Number(params.get('errorRate'));
    if (params.has('offline')) next.offline = params.get('offline') !== '0';
    if (params.has('failNext')) next.failNext = Number(params.get('failNext'));
    return this.set(next);
  }

  /** A response that replaces the real one, or undefined to let the request through. */
  async apply(): Promise<Response | undefined> {
    const { latencyMs, offline, failNext, errorRate } = this.settings;
    if (latencyMs > 0) await delay(latencyMs);
    if (offline) return HttpResponse.error();
    if (failNext > 0) {
      this.settings = { ...this.settings, failNext: failNext - 1 };
      return unavailable('Injected failure (fail the next N requests).');
    }
    if (errorRate > 0 && Math.random() < errorRate) return unavailable('Injected failure (error rate).');
    return undefined;
  }
}

function unavailable(detail: string): Response {
  const problem = new ProblemError('unavailable', detail).toJSON();
  return HttpResponse.json({ ...problem, retryAfter: 0 }, { status: 503, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '0' } });
}
