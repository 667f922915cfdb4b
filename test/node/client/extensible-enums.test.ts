// Extensible enums: a value a newer backend adds is accepted and shown generically; a known value
// must still have its shape.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contactDetail } from '../../../src/client/response-shapes.js';

const detail = (reasons: unknown[], source = 'stop-reply') => ({
  etag: '"c-1"',
  contact: { id: 'c1', name: 'Ada', destinations: [], blocked: null, excludedChannelTypes: [], tags: [], locationIds: [] },
  eligibility: [{ channelId: 'ch-1', canMessage: false, reasons, usableDestinations: [] }],
  consent: [{ recordedAt: '2026-01-01T00:00:01Z', destination: '+15145550100', channelId: 'ch-1', status: 'unsubscribed', changedAt: '2026-01-01T00:00:00Z', source, actor: { type: 'contact' }, keyword: null, viaChannelId: null, scope: null, note: null, jobId: null }],
  pendingReviews: [],
});

describe('extensible enums in answers', () => {
  it('an eligibility reason code the client does not know is accepted', () => {
    assert.equal(contactDetail.check(detail([{ code: 'carrier-blocked', carrier: 'x' }]), ''), null);
  });

  it('a known code with the wrong shape is still refused, naming the field', () => {
    assert.match(String(contactDetail.check(detail([{ code: 'blocked' }]), '')), /blockedBy/);
  });

  it('a consent source the client does not know is accepted', () => {
    assert.equal(contactDetail.check(detail([], 'partner-sync'), ''), null);
  });

  it('an actor type the client does not know is accepted; an actor that is not an object is refused', () => {
    const blockedBy = (actor: unknown) => contactDetail.check(detail([{ code: 'blocked', blockedBy: actor, blockedAt: '2026-01-01T00:00:00Z', reason: null }]), '');
    assert.equal(blockedBy({ type: 'partner', id: 'p-1' }), null);
    assert.equal(blockedBy({ type: 'user', id: 'u-1' }), null);
    assert.match(String(blockedBy('u-1')), /blockedBy/, 'the old string form');
    assert.match(String(blockedBy({ id: 'u-1' })), /blockedBy\.type/);
  });
});

describe('unset fields in answers are null, never left out', () => {
  it('a consent record that leaves out its note is refused, naming it, rather than read as having none', () => {
    const answer = detail([]);
    const record = answer.consent[0] as Record<string, unknown>;
    delete record.note;
    assert.match(String(contactDetail.check(answer, '')), /consent\[0\]\.note/);
  });

  it('a contact that leaves out blocked is refused rather than read as not blocked', () => {
    const answer = detail([]);
    delete (answer.contact as Record<string, unknown>).blocked;
    assert.match(String(contactDetail.check(answer, '')), /contact\.blocked/);
  });
});
