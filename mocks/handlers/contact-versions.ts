// Contact versions (ETag / If-Match): a contact's ETag is a digest of everything its answer
// shows (contact, consent, eligibility, pending requests), so any change that would alter what an
// agent saw — a STOP that arrived while a dialog was open — makes their stale intention fail with
// 412 instead of silently undoing it.
import type { Permission } from '../../src/engine/index.js';
import type { ContactDetail } from '../store/mock-store.js';
import type { MockStore } from '../store/mock-store.js';
import { ProblemError } from '../store/problems.js';

/** The ETag of a contact's answer (a strong validator: a digest of its JSON). */
export async function contactEtag(detail: ContactDetail): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(detail))));
  return `"c-${btoa(String.fromCharCode(...digest.slice(0, 12)))}"`;
}

/** The answer's body with its `etag`, and the headers that carry it. */
export async function versioned(detail: ContactDetail): Promise<{ body: ContactDetail & { etag: string }; headers: { ETag: string } }> {
  const etag = await contactEtag(detail);
  return { body: { ...detail, etag }, headers: { ETag: etag } };
}

/**
 * Checks `If-Match` before a change to contact `id`, after the caller's permission (a user who
 * may not act learns that first, not that the contact changed). A stale version is 412 with the
 * current contact; a missing one is 428 where `required`.
 */
export async function checkContactVersion(store: MockStore, request: Request, id: string, permission: Permission, required: boolean): Promise<void> {
  store.authorize(permission);
  const ifMatch = request.headers.get('If-Match');
  if (ifMatch === null) {
    if (required) throw new ProblemError('precondition-required', 'Send If-Match with the contact’s ETag: this change must be made on the version you reviewed.');
    return;
  }
  const current = store.detail(id);
  const now = await versioned(current);
  if (ifMatch !== now.body.etag) {
    throw new ProblemError('precondition-failed', 'This contact changed since you loaded it (a reply or another user’s change). Review it again before deciding.', undefined, undefined, { current: now.body });
  }
}
