import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { can, exclusionChange, exclusionNoteDecision, normalizeExclusions, permissionsForExclusionChange } from '../../../src/engine/index.js';

describe('channel exclusions', () => {
  it('a change lists what it adds and removes, in display order', () => {
    assert.deepEqual(exclusionChange(['voice'], ['email', 'whatsapp', 'voice']), { added: ['whatsapp', 'email'], removed: [] });
    assert.deepEqual(exclusionChange(['whatsapp', 'voice'], ['voice']), { added: [], removed: ['whatsapp'] });
    assert.deepEqual(exclusionChange(['sms'], ['sms']), { added: [], removed: [] });
  });

  it('adding needs contact:exclude-channels; removing needs contact:resubscribe too', () => {
    assert.deepEqual(permissionsForExclusionChange({ added: ['whatsapp'], removed: [] }), ['contact:exclude-channels']);
    assert.deepEqual(permissionsForExclusionChange({ added: ['sms'], removed: ['whatsapp'] }), ['contact:exclude-channels', 'contact:resubscribe']);
    assert.equal(can('agent', 'contact:exclude-channels'), true, 'an agent may narrow');
    assert.equal(can('agent', 'contact:resubscribe'), false, 'but not widen');
    assert.equal(can('integration', 'contact:exclude-channels'), false);
  });

  it('removing needs a written note; adding does not', () => {
    assert.deepEqual(exclusionNoteDecision({ added: ['sms'], removed: [] }, undefined), { allowed: true });
    assert.deepEqual(exclusionNoteDecision({ added: [], removed: ['sms'] }, ' '), { allowed: false, reason: 'note-required' });
    assert.deepEqual(exclusionNoteDecision({ added: [], removed: ['sms'] }, 'Asked again'), { allowed: true });
  });

  it('normalizes to display order, each type once', () => {
    assert.deepEqual(normalizeExclusions(['email', 'sms', 'email']), ['sms', 'email']);
  });
});

describe('exclusionNoteDecision without a note', () => {
  it('asks for a note when a removal comes with none at all', () => {
    const removal = exclusionChange(['whatsapp'], []);
    assert.deepEqual(exclusionNoteDecision(removal, undefined), { allowed: false, reason: 'note-required' });
    assert.deepEqual(exclusionNoteDecision(exclusionChange([], ['whatsapp']), undefined), { allowed: true }, 'an addition needs none');
  });
});
