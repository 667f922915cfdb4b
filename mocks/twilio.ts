// Twilio's webhook signature (X-Twilio-Signature), as Twilio documents it: HMAC-SHA1, keyed by
// the account's auth token, over the full webhook URL followed by every POST parameter's name and
// value, sorted by name; base64. The mock verifies it like a real backend must, and QA or tests
// sign their simulated deliveries with `signTwilioRequest`.
import { ProblemError } from './store/problems.js';

/** The mock account's auth token (not a secret: it only exists in the mock backend). */
export const MOCK_TWILIO_AUTH_TOKEN = 'mock-twilio-auth-token';

/** The signature Twilio sends for a form `params` posted to `url`. */
export async function twilioSignature(url: string, params: URLSearchParams, authToken = MOCK_TWILIO_AUTH_TOKEN): Promise<string> {
  const sorted = [...params].sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)));
  const data = url + sorted.map(([name, value]) => name + value).join('');
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(authToken), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(data)));
  return btoa(String.fromCharCode(...mac));
}

/** Headers for a signed, form-encoded webhook delivery, as Twilio would send it. */
export async function signTwilioRequest(url: string, params: URLSearchParams, authToken = MOCK_TWILIO_AUTH_TOKEN): Promise<Record<string, string>> {
  return { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': await twilioSignature(url, params, authToken) };
}

/** How the webhook checks Twilio's signature. */
export interface TwilioWebhookOptions {
  /** The account's auth token. */
  authToken?: string;
  /**
   * The webhook's public URL, as configured in Twilio. Twilio signs that URL, and behind a proxy
   * or load balancer the URL the backend sees differs (scheme, host, port), so a real backend
   * must take it from its configuration; the request's own URL is used when this is absent.
   */
  publicUrl?: string;
}

/**
 * Throws 403 unless the request carries Twilio's signature for the webhook's public URL and its
 * form body, every value of a repeated parameter included. The comparison takes the same time
 * wherever the signatures differ, so timing reveals nothing of the expected one.
 */
export async function verifyTwilioSignature(request: Request, options: TwilioWebhookOptions = {}): Promise<void> {
  const signature = request.headers.get('X-Twilio-Signature');
  if (!signature) throw new ProblemError('forbidden', 'X-Twilio-Signature is missing: only Twilio may call this webhook.');
  const params = new URLSearchParams(await request.clone().text());
  const url = options.publicUrl ?? request.url;
  if (!constantTimeEqual(signature, await twilioSignature(url, params, options.authToken ?? MOCK_TWILIO_AUTH_TOKEN))) {
    throw new ProblemError('forbidden', 'X-Twilio-Signature does not match this request: only Twilio may call this webhook.');
  }
}

/** Compares two strings in time that depends only on their lengths. */
export function constantTimeEqual(a: string, b: string): boolean {
  const encoder = new TextEncoder();
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  let difference = left.length ^ right.length;
  for (let i = 0; i < left.length; i++) difference |= (left[i] as number) ^ (right[i % right.length] ?? 0);
  return difference === 0;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
