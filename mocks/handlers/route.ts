// What every API handler shares: fault injection, authentication, validation against the
// contract's schemas, Idempotency-Key replay, durable saving and problem+json errors. Handlers
// stay one line of mapping from HTTP to the store.
import { HttpResponse } from 'msw';
import type { FaultInjector } from '../faults.js';
import { ProblemError, invalid } from '../store/problems.js';
import type { MockDatabase } from '../store/types.js';
import { validateRequest } from './validation.js';

type Resolver<Info> = (info: Info) => Response | Promise<Response>;

export interface RouteContext {
  faults: FaultInjector;
  db: () => MockDatabase;
  persist: () => void;
  /** Resolves when every change so far is saved; a mutation answers only after that. */
  flush: () => Promise<void>;
  /** The calling user's id (bearer token, else session); throws 401 when there is none. */
  authenticate: (request: Request) => string;
  /** Runs a resolver as that user, one request at a time. */
  actingAs: <T>(userId: string | null, work: () => Promise<T>) => Promise<T>;
  /** Idempotency keys whose first request is still being processed. */
  inFlight: Set<string>;
  /** The backend's clock. */
  now: () => number;
  /**
   * Lets rules that depend on the time catch up before any request is answered (a review still
   * pending at its deadline is applied), so no route can see or decide a stale state.
   */
  catchUp: () => void;
}

export interface RouteOptions {
  /**
   * Replaces the session check (the Twilio webhook checks its signature instead), answering who
   * the caller is: idempotency keys are remembered per caller.
   */
  authenticate?: (request: Request) => string | Promise<string>;
  /** The idempotency key when the request has no `Idempotency-Key` header. */
  fallbackKey?: (request: Request) => Promise<string | null>;
  /**
   * A read sent as POST (its input does not fit in a URL): it takes no idempotency key, since a
   * replayed answer would be stale (a "may send" given before a STOP), and it saves nothing.
   */
  read?: boolean;
}

export function problemResponse(error: ProblemError): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (error.retryAfter !== undefined) headers['Retry-After'] = String(error.retryAfter);
  return HttpResponse.json(error.toJSON(), { status: error.status, headers });
}

async function requestHash(request: Request): Promise<string> {
  const body = request.body ? await request.clone().text() : '';
  return `${request.method} ${new URL(request.url).pathname}\n${body}`;
}

/**
 * The mutation's idempotency key, scoped to its caller (the contract remembers keys per user):
 * the header (1–255 characters), else the route's fallback.
 */
async function idempotencyKeyOf(request: Request, caller: string, options: RouteOptions): Promise<string | null> {
  if (request.method === 'GET' || options.read) return null;
  const header = request.headers.get('Idempotency-Key');
  if (header !== null && (header.length < 1 || header.length > 255)) throw invalid('Idempotency-Key', 'must be 1 to 255 characters');
  const key = header ?? (await options.fallbackKey?.(request)) ?? null;
  return key === null ? null : `${caller}\u0000${key}`;
}

/**
 * Wraps the resolver of `operationId` with faults, authentication, validation against the
 * contract's schemas, idempotency (for mutations) and error mapping.
 * Order matters: an unauthenticated caller never reaches a stored answer (and keys are per
 * caller, so nobody replays another's), an invalid request is refused before anything else, and
 * a repeat of a request still being processed is refused rather than applied twice.
 */
export function route<Info extends { request: Request }>(ctx: RouteContext, operationId: string, resolver: Resolver<Info>, options: RouteOptions = {}): Resolver<Info> {
  const answer = routed(ctx, resolver, operationId, options);
  return async (info) => withRateLimitHeaders(await answer(info), ctx.faults.rateLimitHeaders());
}

/** Adds the rate-limit fields to an answer that has none yet (a 429 carries its own). */
function withRateLimitHeaders(response: Response, headers: Record<string, string>): Response {
  if (response.type === 'error' || Object.keys(headers).length === 0 || response.headers.has('RateLimit')) return response;
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}

function routed<Info extends { request: Request }>(ctx: RouteContext, resolver: Resolver<Info>, operationId: string, options: RouteOptions): (info: Info) => Promise<Response> {
  return async (info) => {
    const injected = await ctx.faults.reject();
    if (injected) return injected;
    const { request } = info;
    try {
      const caller = await (options.authenticate ? options.authenticate(request) : ctx.authenticate(request));
      // A route with its own authentication (Twilio's webhook) acts as no user.
      const userId = options.authenticate ? null : caller;
      ctx.catchUp();
      await validateRequest(operationId, request);
      const key = await idempotencyKeyOf(request, caller, options);
      const resolve = () => ctx.actingAs(userId, async () => resolver(info));
      if (!key) {
        await ctx.faults.delay();
        const response = await resolve();
        return options.read ? response : await durable(ctx, request, response);
      }
      const hash = await requestHash(request);
      const stored = ctx.db().idempotency.find(([k, s]) => k === key && s.at > ctx.now() - KEY_RETENTION_MS)?.[1];
      if (stored) {
        if (stored.requestHash !== hash) throw new ProblemError('idempotency-key-reused', 'This Idempotency-Key was used for a different request.');
        await ctx.faults.delay();
        // A replay answers exactly as the first time and changes nothing, once the first time's
        // change is saved: a repeat after a failed save must not be told it is done before it is.
        return await durable(ctx, request, new Response(stored.status === 204 ? null : JSON.stringify(stored.body), { status: stored.status, headers: { ...stored.headers, 'Idempotent-Replayed': 'true' } }));
      }
      // Retry-After tells the client this conflict passes: ask again and get the first answer.
      if (ctx.inFlight.has(key)) throw new ProblemError('idempotency-key-in-flight', 'A request with this Idempotency-Key is still being processed: ask again to get its answer.', undefined, 1);
      ctx.inFlight.add(key);
      try {
        // The injected latency is the server's processing time, so a repeat sent meanwhile is in flight.
        await ctx.faults.delay();
        const response = await resolve();
        // Failed requests changed nothing, so only successes are remembered, and before the save
        // that acknowledges them: a reload must not keep the change but forget its key.
        if (response.ok) remember(ctx, key, hash, response.status === 204 ? '' : await response.clone().text(), response);
        return await durable(ctx, request, response);
      } finally {
        ctx.inFlight.delete(key);
      }
    } catch (error) {
      if (error instanceof ProblemError) return problemResponse(error);
      if (error instanceof SyntaxError) return problemResponse(new ProblemError('validation', `The request body is not valid JSON: ${error.message}`));
      throw error;
    }
  };
}

/** How long a key is remembered: the contract promises at least 24 hours. */
export const KEY_RETENTION_MS = 24 * 60 * 60_000;

function remember(ctx: RouteContext, key: string, requestHash: string, text: string, response: Response) {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  const db = ctx.db();
  const now = ctx.now();
  // Keys are kept in the order they were answered, so the expired ones are at the front.
  const expired = db.idempotency.findIndex(([, stored]) => stored.at > now - KEY_RETENTION_MS);
  db.idempotency.splice(0, expired === -1 ? db.idempotency.length : expired);
  db.idempotency.push([key, { at: now, requestHash, status: response.status, body: text ? (JSON.parse(text) as unknown) : null, headers }]);
  ctx.persist();
}

/** A change is acknowledged only once it is saved: a reload right after must not lose it. */
async function durable(ctx: RouteContext, request: Request, response: Response): Promise<Response> {
  if (request.method !== 'GET' && response.ok) await ctx.flush();
  return response;
}

/** The JSON body, already checked against the contract's schema by `route()`. */
export async function jsonBody<T>(request: Request): Promise<T> {
  return JSON.parse(await request.text()) as T;
}

/** `limit` as a number when present (`route()` checked it is an integer in range). */
export function limitOf(value: string | null): number | undefined {
  return value === null ? undefined : Number(value);
}
