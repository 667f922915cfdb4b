// Pages and cursors of every list endpoint: a page of a list in its order, and opaque cursors
// that remember which query they belong to.
import { invalid } from './problems.js';

export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

export const MAX_PAGE = 200;

/**
 * Opaque cursors: an offset and a fingerprint of the query that produced it, so a cursor used
 * with another query (other filters, another contact) is refused instead of paging nonsense.
 */
export function encodeCursor(offset: number, query = ''): string {
  return btoa(`o:${offset}:${fingerprint(query)}`);
}

export function decodeCursor(cursor: string | null | undefined, query = ''): number {
  if (!cursor) return 0;
  let match: RegExpExecArray | null = null;
  try {
    match = /^o:(\d+):([0-9a-z]+)$/.exec(atob(cursor));
  } catch {
    // not base64: reported below
  }
  if (!match) throw invalid('cursor', 'is not a cursor this server issued');
  if (match[2] !== fingerprint(query)) throw invalid('cursor', 'belongs to another query: start again from the first page');
  return Number(match[1]);
}

/** FNV-1a, enough to tell queries apart in a cursor. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** One page of `all`; `query` identifies the list and its filters (see `encodeCursor`). */
export function pageOf<T>(all: readonly T[], cursor: string | null | undefined, limit = 50, query = ''): Page<T> {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw invalid('limit', `must be an integer from 1 to ${MAX_PAGE}`);
  const offset = decodeCursor(cursor, query);
  const items = all.slice(offset, offset + limit);
  return { items, total: all.length, nextCursor: offset + limit < all.length ? encodeCursor(offset + limit, query) : null };
}
