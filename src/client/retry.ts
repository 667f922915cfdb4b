/** How the client retries transient failures. Options are documented on `HttpOptOutClientOptions`. */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 250, maxDelayMs: 4000 };

// 500/502/503/504 are the statuses where the request most likely did not take effect or will
// succeed later; other 5xx (501, 505…) will not get better by asking again.
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * Whether a failed answer is worth asking again: the statuses above, and the 409 of a request
 * whose key is still in flight — told apart by its own problem type, or by the `Retry-After` an
 * older backend sent with it; a 409 about the resource's state is never retried.
 */
export function isRetryable(status: number, retryAfterMs: number | undefined, type?: string): boolean {
  return isRetryableStatus(status) || (status === 409 && (type === 'urn:optout:problem:idempotency-key-in-flight' || retryAfterMs !== undefined));
}

/**
 * Exponential backoff with full jitter (a uniform delay in [0, min(cap, base·2^retry)]), so that
 * many tabs failing together do not come back together.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** An HTTP date as RFC 9110 requires it (IMF-fixdate): `Sun, 06 Nov 1994 08:49:37 GMT`. */
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or
 * unreadable (`1.5`, `-1`), so a malformed header means ordinary backoff, never "retry now".
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!HTTP_DATE.test(trimmed)) return undefined;
  return Math.max(0, Date.parse(trimmed) - now);
}

export type Sleep = (ms: number, signal: AbortSignal | undefined) => Promise<void>;

/** A timer that rejects with the signal's reason the moment it aborts, so no one waits out a backoff. */
export const abortableSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
