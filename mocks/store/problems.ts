// RFC 9457 problem details thrown by the mock store and rendered by the handlers.

/** The stable problem types of api/openapi.yaml. */
export type ProblemKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'idempotency-key-in-flight'
  | 'undo-window-closed'
  | 'preview-expired'
  | 'precondition-failed'
  | 'note-required'
  | 'idempotency-key-reused'
  | 'precondition-required'
  | 'rate-limited'
  | 'unavailable';

const STATUS: Record<ProblemKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'idempotency-key-in-flight': 409,
  'undo-window-closed': 409,
  'preview-expired': 410,
  'precondition-failed': 412,
  'note-required': 422,
  'idempotency-key-reused': 422,
  'precondition-required': 428,
  'rate-limited': 429,
  unavailable: 503,
};

const TITLE: Record<ProblemKind, string> = {
  validation: 'The request is invalid',
  unauthenticated: 'Sign in required',
  forbidden: 'Not allowed for your role',
  'not-found': 'Not found',
  conflict: 'Conflicts with the current state',
  'idempotency-key-in-flight': 'A request with this key is still being processed',
  'undo-window-closed': 'The undo window has closed',
  'preview-expired': 'The preview expired',
  'precondition-failed': 'Changed by someone else',
  'note-required': 'A consent note is required',
  'idempotency-key-reused': 'Idempotency key reused with a different request',
  'precondition-required': 'If-Match header required',
  'rate-limited': 'Too many requests',
  unavailable: 'Service unavailable',
};

/** The contract's machine-readable `FieldError.code`s, so a UI can say what is wrong in its own words. */
export type FieldErrorCode =
  | 'required'
  | 'unknown-field'
  | 'type'
  | 'enum'
  | 'too-long'
  | 'too-short'
  | 'too-few'
  | 'too-many'
  | 'duplicate'
  | 'format'
  | 'range'
  | 'not-found'
  | 'note-required'
  | 'invalid'
  | 'keyword-clash';

export interface FieldError {
  field: string;
  message: string;
  code: FieldErrorCode;
  /** The limit or value the code refers to (`maxLength`, `minItems`, …). */
  params?: Record<string, number | string>;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  retryAfter?: number;
}

/** A failure the backend reports as application/problem+json. */
export class ProblemError extends Error {
  readonly status: number;

  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly errors?: FieldError[],
    /** Seconds after which asking again may succeed (sent as `Retry-After`). */
    readonly retryAfter?: number,
    /** Extension members of the problem document, e.g. `current` on a stale contact. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail);
    this.name = 'ProblemError';
    this.status = STATUS[kind];
  }

  toJSON(): ProblemBody {
    return {
      type: `urn:optout:problem:${this.kind}`,
      title: TITLE[this.kind],
      status: this.status,
      detail: this.detail,
      ...(this.errors ? { errors: this.errors } : {}),
      ...(this.retryAfter !== undefined ? { retryAfter: this.retryAfter } : {}),
      ...this.extensions,
    };
  }
}

/** A 400 naming the offending field. */
export function invalid(field: string, message: string, code: FieldErrorCode = 'invalid'): ProblemError {
  return new ProblemError('validation', `${field}: ${message}`, [{ field, message, code }]);
}

/**
 * 422 `validation`: the body matches the schema but breaks a domain rule of its fields (a custom
 * keyword that clashes with another), so the request was understood and refused.
 */
export class UnprocessableError extends ProblemError {
  override readonly status = 422;

  constructor(detail: string, errors: FieldError[]) {
    super('validation', detail, errors);
  }
}
