import type { AuditEvent } from './types.js';

/** A complete audit event from the fields that matter; everything else is explicitly empty. */
export function auditEvent(fields: Partial<AuditEvent> & Pick<AuditEvent, 'id' | 'at' | 'action' | 'actor'>): AuditEvent {
  return {
    contactId: null,
    destination: null,
    channelIds: [],
    source: null,
    scope: null,
    keyword: null,
    inboundText: null,
    note: null,
    jobId: null,
    details: {},
    ...fields,
  };
}
