/** A kind of messaging channel an organization can send through. */
export type ChannelType = 'sms' | 'whatsapp' | 'voice' | 'email';

/** Every channel type, in display order. */
export const CHANNEL_TYPES: readonly ChannelType[] = ['sms', 'whatsapp', 'voice', 'email'];

/** The kind of contact address a channel type delivers to. */
export type DestinationKind = 'phone' | 'email';

/** A location (branch, store, office) of the organization. */
export interface Location {
  id: string;
  name: string;
  /** IANA time zone, e.g. `America/Toronto`: deadlines are counted and shown in it. */
  timeZone?: string;
  /** ISO 3166-1 alpha-2 country code, e.g. `CA`. */
  country?: string;
  /** ISO 3166-2 subdivision code without the country, e.g. `ON`. */
  subdivision?: string;
  /** Public holidays the location observes (`YYYY-MM-DD`, local dates): not business days. */
  holidays?: string[];
}

/** A business number or mailbox belonging to one location. */
export interface Channel {
  id: string;
  type: ChannelType;
  locationId: string;
  /** The business number (E.164) or mailbox. */
  address: string;
  name: string;
}

/** One address of a contact; phones are E.164. */
export interface Destination {
  kind: DestinationKind;
  value: string;
  valid: boolean;
}

/**
 * Who made a change: a signed-in `user`, the host's `integration`, the `contact` themself (their
 * own reply) or the backend (`system`). `id` names the user or integration, and only them.
 */
export interface Actor {
  type: 'user' | 'integration' | 'contact' | 'system';
  id?: string;
}

/**
 * The one string that names an actor, as the audit log's `actor` filter takes it: the id of a
 * user or integration, else the type (`contact`, `system`).
 */
export function actorKey(actor: Actor): string {
  return actor.id ?? actor.type;
}

/** The contact's own reply. */
export const CONTACT_ACTOR: Actor = Object.freeze({ type: 'contact' });

/** The backend itself: a default, a deadline. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ type: 'system' });

/** Who blocked a contact, when, and optionally why. */
export interface BlockInfo {
  blockedBy: Actor;
  /** ISO timestamp. */
  blockedAt: string;
  reason: string | null;
}

/** A contact record as the CRM knows it. */
export interface Contact {
  id: string;
  name: string;
  destinations: Destination[];
  blocked: BlockInfo | null;
  /** Channel types the contact asked NOT to be used. */
  excludedChannelTypes: ChannelType[];
  tags: string[];
  locationIds: string[];
}

/** Whether a destination may be messaged on a channel. */
export type ConsentStatus = 'subscribed' | 'unsubscribed';

/** What caused a consent change. */
export type ConsentSource = 'stop-reply' | 'start-reply' | 'agent' | 'bulk' | 'api' | 'import' | 'default';

/** The organization setting deciding how far an opt-out reaches. */
export type OptOutScope = 'channel' | 'channel-type' | 'organization';

/** Every opt-out scope, narrowest first. */
export const OPT_OUT_SCOPES: readonly OptOutScope[] = ['channel', 'channel-type', 'organization'];

/**
 * A caller's role in the organization: three for people, and `integration` for the host's
 * messaging integration (a service credential that only reports inbound messages).
 */
export type Role = 'admin' | 'manager' | 'agent' | 'integration';

/** Every role: people most privileged first, then the integration. */
export const ROLES: readonly Role[] = ['admin', 'manager', 'agent', 'integration'];

/** Consent of one destination on one channel; keyed by destination so it outlives contacts. */
export interface ConsentRecord {
  destination: string;
  channelId: string;
  status: ConsentStatus;
  /** When the change was made (for a reply, when it was received from the contact); ISO timestamp. */
  changedAt: string;
  /**
   * When the backend applied the record, in the order records arrive (ISO timestamp). The record
   * applied last is the current one (see `supersedes`), which `changedAt` alone cannot tell: a
   * reply can arrive after a later one. Absent on records that do not say; they count as applied
   * at `changedAt`.
   */
  recordedAt?: string;
  source: ConsentSource;
  actor: Actor;
  keyword: string | null;
  /** The channel the triggering reply came in on, when it differs from `channelId`. */
  viaChannelId: string | null;
  /** The scope in force when the change was made. */
  scope: OptOutScope | null;
  note: string | null;
  jobId: string | null;
}

/** Finds the current consent record of a destination on a channel; undefined means subscribed. */
export type ConsentLookup = (destination: string, channelId: string) => ConsentRecord | undefined;
