import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MessagingSettingsInput } from '../../../src/client/types.js';
import { reapply, settingsChanges } from '../../../src/elements/optout-settings/settings-diff.js';

const base: MessagingSettingsInput = { optOutScope: 'channel-type', phrasePolicy: 'review', customKeywords: { optOut: ['ALTO'], optOutAll: [], optIn: [], help: [] } };
const withKeywords = (custom: Partial<MessagingSettingsInput['customKeywords']>, rest: Partial<MessagingSettingsInput> = {}): MessagingSettingsInput => ({
  ...base,
  ...rest,
  customKeywords: { ...base.customKeywords, ...custom },
});

describe('settingsChanges', () => {
  it('names each changed field in the form’s order, keywords compared as the classifier reads them', () => {
    assert.deepEqual(settingsChanges(base, base), []);
    assert.deepEqual(settingsChanges(base, withKeywords({ optOut: ['alto!', 'BASTA'] }, { optOutScope: 'organization', phrasePolicy: 'apply' })), [
      { field: 'optOutScope', from: 'channel-type', to: 'organization' },
      { field: 'keywords', set: 'optOut', added: ['BASTA'], removed: [] },
      { field: 'phrasePolicy', from: 'review', to: 'apply' },
    ]);
  });
});

describe('reapply', () => {
  it('puts my changed fields and keywords on top of theirs and keeps the rest of theirs', () => {
    const mine = withKeywords({ optOut: [], help: ['AYUDA'] }, { optOutScope: 'channel' });
    const theirs = withKeywords({ optOut: ['ALTO', 'BASTA'] }, { phrasePolicy: 'apply' });
    assert.deepEqual(reapply(base, mine, theirs), {
      optOutScope: 'channel',
      phrasePolicy: 'apply',
      customKeywords: { optOut: ['BASTA'], optOutAll: [], optIn: [], help: ['AYUDA'] },
    });
  });

  it('leaves theirs untouched when I changed nothing, and adds a keyword they added too only once', () => {
    const theirs = withKeywords({ help: ['AYUDA'] }, { optOutScope: 'organization' });
    assert.deepEqual(reapply(base, base, theirs), theirs);
    assert.deepEqual(reapply(base, withKeywords({ help: ['ayuda'] }), theirs).customKeywords.help, ['AYUDA']);
  });
});
