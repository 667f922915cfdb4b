import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PERMISSIONS, ROLES, can, permissionsFor } from '../../../src/engine/index.js';
import type { Permission } from '../../../src/engine/index.js';

const sorted = (permissions: Iterable<Permission>) => [...permissions].sort();

// Written out, not derived from PERMISSIONS: a permission dropped or misspelled there must show.
const CONTACT_ACTIONS: Permission[] = [
  'contact:view',
  'contact:unsubscribe',
  'contact:resubscribe',
  'contact:block',
  'contact:unblock',
  'contact:merge',
  'contact:delete',
  'contact:add-to-sequence',
  'contact:exclude-channels',
];

describe('permissions', () => {
  it('lists every permission the UI offers and the backend enforces', () => {
    assert.deepEqual(PERMISSIONS, [...CONTACT_ACTIONS, 'bulk:unsubscribe', 'review:decide', 'settings:read', 'settings:write', 'audit:view', 'inbound:receive', 'eligibility:check', 'consent-events:read']);
  });

  it('gives admins everything a person may do', () => {
    assert.deepEqual(sorted(permissionsFor('admin')), sorted([...CONTACT_ACTIONS, 'bulk:unsubscribe', 'review:decide', 'settings:read', 'settings:write', 'audit:view', 'eligibility:check', 'consent-events:read']));
  });

  it('gives managers every contact action, bulk and review, and read-only settings', () => {
    assert.deepEqual(
      sorted(permissionsFor('manager')),
      sorted([...CONTACT_ACTIONS, 'bulk:unsubscribe', 'review:decide', 'settings:read', 'audit:view', 'eligibility:check', 'consent-events:read']),
    );
  });

  it('gives agents view, unsubscribe, block, excluding a channel type and settings read only: what narrows messaging', () => {
    assert.deepEqual(sorted(permissionsFor('agent')), sorted(['contact:view', 'contact:unsubscribe', 'contact:block', 'contact:exclude-channels', 'settings:read']));
    assert.equal(can('agent', 'contact:resubscribe'), false);
    assert.equal(can('agent', 'bulk:unsubscribe'), false);
    assert.equal(can('agent', 'audit:view'), false, 'agents see a contact\'s history, not the organization-wide log');
  });

  it('lets the messaging integration report inbound messages, check before sending and follow consent changes, and nothing else', () => {
    assert.deepEqual(sorted(permissionsFor('integration')), ['consent-events:read', 'eligibility:check', 'inbound:receive']);
    assert.equal(can('integration', 'audit:view'), false, 'the consent feed, not the whole audit log');
    assert.equal(can('integration', 'contact:view'), false);
  });

  it('lets no agent check eligibility in bulk or follow the organization’s consent feed', () => {
    assert.deepEqual(ROLES.filter((role) => can(role, 'eligibility:check')), ['admin', 'manager', 'integration']);
    assert.deepEqual(ROLES.filter((role) => can(role, 'consent-events:read')), ['admin', 'manager', 'integration']);
  });

  it('lets only the integration report an inbound message, so no person can forge a contact’s START', () => {
    assert.deepEqual(ROLES.filter((role) => can(role, 'inbound:receive')), ['integration']);
  });

  it('keeps settings changes admin-only', () => {
    assert.deepEqual(ROLES.filter((role) => can(role, 'settings:write')), ['admin']);
  });

  it('agrees between can() and permissionsFor()', () => {
    for (const role of ROLES) for (const permission of PERMISSIONS) assert.equal(can(role, permission), permissionsFor(role).has(permission));
  });
});
