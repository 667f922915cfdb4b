// The @lit/context keys every element consumes from <optout-provider>. Keys are registry symbols
// (Symbol.for) so two copies of this library on one page (two microfrontends) still meet.
import { createContext } from '@lit/context';
import type { OptOutClient } from '../client/optout-client.js';
import type { ContactDetail, Me, MessagingSettings, Organization } from '../client/types.js';

/**
 * A value the provider is still fetching, has, or failed to fetch. While it revalidates a value it
 * already has, it stays `ready` with the old value, so nothing on screen blinks.
 */
export type Loadable<T> =
  /** `retry()` starts over, e.g. after signing in while an earlier request is still on its way. */
  | { readonly status: 'loading'; retry(): void }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly error: unknown; retry(): void };

/** The organization's structure and the messaging settings the elements explain. */
export interface OrganizationData {
  readonly organization: Organization;
  /** `null` when the signed-in user may not read the settings. */
  readonly settings: MessagingSettings | null;
}

/** What one change to the cache concerns: a contact id, or `null` for everything (a revalidation). */
export type CacheChange = { readonly contactId: string | null };

/**
 * The provider's one cache of contacts. Every element showing a contact reads it from here, so two
 * elements never disagree, and writes what a mutation answered back to it, so every element
 * showing that contact updates at once.
 */
export interface ContactCache {
  /**
   * The contact, from the cache when it is current, otherwise fetched once however many elements
   * ask at the same time. The shared request is aborted only when every caller's signal is.
   */
  getContact(contactId: string, options: { signal?: AbortSignal }): Promise<ContactDetail>;
  /** What the cache holds for a contact now (possibly stale), without fetching. */
  peekContact(contactId: string): ContactDetail | undefined;
  /** Stores what a mutation answered and tells every element showing that contact. */
  putContact(detail: ContactDetail): void;
  /** Marks one contact stale (e.g. after a review decision that answers no contact) and tells its elements. */
  invalidateContact(contactId: string): void;
  /** Marks everything stale and tells every element to fetch again. */
  revalidate(): void;
  /**
   * A number that changes whenever the contact's data changed or went stale; elements pass it to
   * their tasks' arguments so a change re-runs them.
   */
  versionOf(contactId: string): number;
  /** Calls `listener` on every change; returns the function that stops it. */
  subscribe(listener: (change: CacheChange) => void): () => void;
}

export const clientContext = createContext<OptOutClient | undefined>(Symbol.for('optout-elements.client'));
export const contactCacheContext = createContext<ContactCache | undefined>(Symbol.for('optout-elements.contact-cache'));
export const organizationContext = createContext<Loadable<OrganizationData> | undefined>(Symbol.for('optout-elements.organization'));
export const sessionContext = createContext<Loadable<Me> | undefined>(Symbol.for('optout-elements.session'));
