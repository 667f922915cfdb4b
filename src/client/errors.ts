import type { FieldError, Problem, ProblemType } from './types.js';

const PREFIX = 'urn:optout:problem:';

/**
 * Problem types for failures that never reached a problem document: `network` (no answer) and
 * `invalid-response` (an answer outside the contract). `aborted` is for hosts' own `OptOutClient`s
 * that prefer an error to a DOMException; `HttpOptOutClient` rejects aborts with the signal's
 * `AbortError` instead, which `@lit/task` and `isAbortError()` recognise.
 */
export type ClientProblemType =
  | 'urn:optout:problem:network'
  | 'urn:optout:problem:invalid-response'
  | 'urn:optout:problem:aborted';

export type OptOutErrorType = ProblemType | ClientProblemType;

/** The short name of a problem type, e.g. `precondition-failed`, for `error.is(...)`. */
export type OptOutErrorKind = OptOutErrorType extends `${typeof PREFIX}${infer Kind}` ? Kind : never;

export interface OptOutApiErrorInit {
  /** HTTP status; 0 when no response arrived. */
  status: number;
  type: OptOutErrorType;
  title: string;
  detail?: string | undefined;
  problem?: Problem | undefined;
  retryAfterMs?: number | undefined;
  cause?: unknown;
}

/**
 * The one error every `OptOutClient` method rejects with (except aborts, which reject with the
 * signal's own `AbortError` so `@lit/task` and other callers can tell them apart). Branch on
 * `type` (or `is(kind)`), never on `title`/`detail`, which are for people.
 */
export class OptOutApiError extends Error {
  override readonly name = 'OptOutApiError';
  readonly status: number;
  readonly type: OptOutErrorType;
  readonly title: string;
  readonly detail: string;
  /**
   * The server's problem document, when it sent one, read into the contract's `Problem` (an
   * unknown `type` becomes the one its status implies; members the contract does not define are
   * not kept). On a stale contact change (412), `problem.current` is the contact as it is now.
   */
  readonly problem: Problem | undefined;
  /** Each invalid field of a `validation` / `note-required` problem; empty otherwise. */
  readonly fieldErrors: readonly FieldError[];
  /** How long the server asked us to wait (`Retry-After`), when it did. */
  readonly retryAfterMs: number | undefined;

  constructor(init: OptOutApiErrorInit) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title, { cause: init.cause });
    this.status = init.status;
    this.type = init.type;
    this.title = init.title;
    this.detail = init.detail ?? '';
    this.problem = init.problem;
    this.fieldErrors = init.problem?.errors ?? [];
    this.retryAfterMs = init.retryAfterMs;
  }

  /** Whether this is the given kind of problem: `error.is('precondition-failed')`. */
  is(kind: OptOutErrorKind): boolean {
    return this.type === `${PREFIX}${kind}`;
  }

  /** The field error for one field (`note`, `customKeywords.optOut[2]`), for inline messages. */
  fieldError(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field)?.message;
  }
}

export function isOptOutApiError(error: unknown): error is OptOutApiError {
  return error instanceof OptOutApiError;
}

/** An abort, however the platform spelled it (`DOMException` in browsers and Node's fetch). */
export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error.name === 'AbortError' || error.name === 'TimeoutError')
  );
}

const PROBLEM_TYPES: ReadonlySet<string> = new Set<ProblemType>([
  'urn:optout:problem:validation',
  'urn:optout:problem:unauthenticated',
  'urn:optout:problem:forbidden',
  'urn:optout:problem:not-found',
  'urn:optout:problem:conflict',
  'urn:optout:problem:undo-window-closed',
  'urn:optout:problem:preview-expired',
  'urn:optout:problem:precondition-failed',
  'urn:optout:problem:note-required',
  'urn:optout:problem:idempotency-key-reused',
  'urn:optout:problem:idempotency-key-in-flight',
  'urn:optout:problem:precondition-required',
  'urn:optout:problem:rate-limited',
  'urn:optout:problem:unavailable',
]);

// A backend that answers an error without a (known) problem type still gets a type the UI can
// branch on, chosen from the status, so "not found" reads as not found whatever the body said.
const TYPE_BY_STATUS: Readonly<Record<number, ProblemType>> = {
  400: 'urn:optout:problem:validation',
  401: 'urn:optout:problem:unauthenticated',
  403: 'urn:optout:problem:forbidden',
  404: 'urn:optout:problem:not-found',
  409: 'urn:optout:problem:conflict',
  410: 'urn:optout:problem:preview-expired',
  412: 'urn:optout:problem:precondition-failed',
  422: 'urn:optout:problem:validation',
  428: 'urn:optout:problem:precondition-required',
  429: 'urn:optout:problem:rate-limited',
  503: 'urn:optout:problem:unavailable',
};

/**
 * The problem's field errors, when it has a usable list: each needs a field and a message; a
 * missing or non-string `code` (an older backend) reads as `invalid`, so a UI can always switch on it.
 */
function fieldErrorsOf(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const errors: FieldError[] = [];
  for (const e of value as unknown[]) {
    if (typeof e !== 'object' || e === null) return undefined;
    const { field, message, code, params } = e as Record<string, unknown>;
    if (typeof field !== 'string' || typeof message !== 'string') return undefined;
    errors.push({
      field,
      message,
      code: typeof code === 'string' ? code : 'invalid',
      ...(typeof params === 'object' && params !== null && !Array.isArray(params) && { params: params as Record<string, number | string> }),
    });
  }
  return errors;
}

/**
 * Whether a problem's `current` looks like a contact answer. Checked by its outline only: the
 * full response shapes would pull every shape of the API into each element's bundle, and the
 * caller only hands it to the cache as the newer version.
 */
function isContactDetail(value: unknown): value is NonNullable<Problem['current']> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const contact = v['contact'] as Record<string, unknown> | null | undefined;
  return typeof v['etag'] === 'string' && typeof contact === 'object' && contact !== null && typeof contact['id'] === 'string' && Array.isArray(v['eligibility']) && Array.isArray(v['consent']) && Array.isArray(v['pendingReviews']);
}

/**
 * Builds the error for a non-2xx answer. `body` is what openapi-fetch parsed: JSON when it could,
 * the raw text otherwise. A body that is not a usable problem document keeps the status and gets a
 * generic detail rather than failing a second time.
 */
export function errorFromResponse(
  operation: string,
  status: number,
  body: unknown,
  retryAfterMs: number | undefined,
): OptOutApiError {
  const fallbackType = TYPE_BY_STATUS[status] ?? (status >= 500 ? 'urn:optout:problem:unavailable' : 'urn:optout:problem:validation');
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    if (typeof b['type'] === 'string' || typeof b['title'] === 'string') {
      const type = typeof b['type'] === 'string' && PROBLEM_TYPES.has(b['type']) ? (b['type'] as ProblemType) : fallbackType;
      const title = typeof b['title'] === 'string' ? b['title'] : `${operation} failed (HTTP ${status})`;
      const detail = typeof b['detail'] === 'string' ? b['detail'] : undefined;
      const problem: Problem = {
        type,
        title,
        status: typeof b['status'] === 'number' ? b['status'] : status,
        ...(detail !== undefined && { detail }),
        ...(typeof b['instance'] === 'string' && { instance: b['instance'] }),
        ...(fieldErrorsOf(b['errors']) !== undefined && { errors: fieldErrorsOf(b['errors']) }),
        ...(typeof b['retryAfter'] === 'number' && { retryAfter: b['retryAfter'] }),
        // A stale contact change carries the contact as it is now; kept only when it is one.
        ...(isContactDetail(b['current']) && { current: b['current'] }),
      };
      const retryFromBody = problem.retryAfter !== undefined ? problem.retryAfter * 1000 : undefined;
      return new OptOutApiError({ status, type, title, detail, problem, retryAfterMs: retryAfterMs ?? retryFromBody });
    }
  }
  return new OptOutApiError({
    status,
    type: fallbackType,
    title: `${operation} failed (HTTP ${status})`,
    detail: 'The server answered with an error that is not a problem document.',
    retryAfterMs,
  });
}

export function networkError(operation: string, cause: unknown, why = 'the server could not be reached'): OptOutApiError {
  return new OptOutApiError({
    status: 0,
    type: 'urn:optout:problem:network',
    title: 'Network error',
    detail: `${operation}: ${why}.`,
    cause,
  });
}

export function invalidResponseError(operation: string, status: number, detail: string, cause?: unknown): OptOutApiError {
  return new OptOutApiError({
    status,
    type: 'urn:optout:problem:invalid-response',
    title: 'Unexpected response from the server',
    detail: `${operation}: ${detail}`,
    cause,
  });
}
