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
  | 'bulk:unsubscribe'
  | 'review:decide'
  | 'settings:read'
  | 'settings:write';

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
  'bulk:unsubscribe',
  'review:decide',
  'settings:read',
  'settings:write',
];

const CONTACT_ACTIONS = PERMISSIONS.filter((permission) => permission.startsWith('contact:'));

const GRANTS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  admin: new Set(PERMISSIONS),
  // Settings changes stay admin-only: the scope decides what every STOP in the org does.
  manager: new Set<Permission>([...CONTACT_ACTIONS, 'bulk:unsubscribe', 'review:decide', 'settings:read']),
  agent: new Set<Permission>(['contact:view', 'contact:unsubscribe', 'contact:block', 'settings:read']),
};

/** The permissions a role grants. */
export function permissionsFor(role: Role): ReadonlySet<Permission> {
  return GRANTS[role];
}

/** Whether `role` grants `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}
