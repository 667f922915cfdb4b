import type { Role } from './types.js';

/** An action the UI offers and the backend enforces. */
export type Permission =
  | 'contact:view'
  | 'contact:unsubscribe'
  | 'contact:resubscribe'
  | 'contact:block'
  | 'contact:unblock'
  | 'contact:merge'
  | 'contact:delete'
  | 'contact:add-to-sequence'
  | 'contact:exclude-channels'
  | 'bulk:unsubscribe'
  | 'review:decide'
  | 'settings:read'
  | 'settings:write'
  | 'audit:view'
  | 'inbound:receive'
  | 'eligibility:check'
  | 'consent-events:read';

/** Every permission. */
export const PERMISSIONS: readonly Permission[] = [
  'contact:view',
  'contact:unsubscribe',
  'contact:resubscribe',
  'contact:block',
  'contact:unblock',
  'contact:merge',
  'contact:delete',
  'contact:add-to-sequence',
  'contact:exclude-channels',
  'bulk:unsubscribe',
  'review:decide',
  'settings:read',
  'settings:write',
  'audit:view',
  'inbound:receive',
  'eligibility:check',
  'consent-events:read',
];

const CONTACT_ACTIONS = PERMISSIONS.filter((permission) => permission.startsWith('contact:'));

/**
 * Reporting an inbound message speaks for the contact (a START re-subscribes them with no consent
 * note), so only the host's messaging integration may: no person's role, not even admin.
 */
const CONTACT_VOICE: ReadonlySet<Permission> = new Set<Permission>(['inbound:receive']);

const GRANTS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  // Everything a person may do.
  admin: new Set(PERMISSIONS.filter((permission) => !CONTACT_VOICE.has(permission))),
  // Settings changes stay admin-only: the scope decides what every STOP in the org does.
  // The organization-wide audit log is oversight: managers and admins. Agents see a contact's own
  // history through contact:view.
  manager: new Set<Permission>([...CONTACT_ACTIONS, 'bulk:unsubscribe', 'review:decide', 'settings:read', 'audit:view', 'eligibility:check', 'consent-events:read']),
  // Agents may record that a contact does not want a channel type (it only narrows messaging).
  agent: new Set<Permission>(['contact:view', 'contact:unsubscribe', 'contact:block', 'contact:exclude-channels', 'settings:read']),
  // The host's messaging integration (a service credential): it reports inbound messages, asks
  // before sending, and follows consent changes for its suppression lists. The consent feed is
  // its own permission so that the credential does not read the rest of the audit log.
  integration: new Set<Permission>([...CONTACT_VOICE, 'eligibility:check', 'consent-events:read']),
};

/** The permissions a role grants. */
export function permissionsFor(role: Role): ReadonlySet<Permission> {
  return GRANTS[role];
}

/** Whether `role` grants `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}
