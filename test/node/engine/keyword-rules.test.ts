import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KEYWORD_LIMITS, checkCustomKeyword, customKeywordProblems, defaultKeywords } from '../../../src/engine/index.js';
import type { KeywordSets } from '../../../src/engine/index.js';

const none: KeywordSets = { optOut: [], optOutAll: [], optIn: [], help: [] };

describe('checkCustomKeyword', () => {
  it('accepts a new word or short phrase', () => {
    assert.equal(checkCustomKeyword('ALTO', 'optOut'), undefined);
    assert.equal(checkCustomKeyword('no more', 'optOut'), undefined);
    assert.equal(checkCustomKeyword('opt-in', 'optIn'), undefined);
    assert.equal(checkCustomKeyword('BONJOUR', 'help'), undefined);
  });

  it('refuses empty, too long, too many words and punctuation inside', () => {
    assert.deepEqual(checkCustomKeyword('   ', 'optOut'), { code: 'empty' });
    assert.deepEqual(checkCustomKeyword('x'.repeat(KEYWORD_LIMITS.length + 1), 'optOut'), { code: 'too-long', maxLength: 50 });
    assert.equal(checkCustomKeyword('x'.repeat(KEYWORD_LIMITS.length), 'optOut'), undefined);
    assert.deepEqual(checkCustomKeyword('please take me off', 'optOut'), { code: 'too-many-words', maxWords: 3 });
    assert.deepEqual(checkCustomKeyword('a;b', 'optOut'), { code: 'characters' });
    assert.deepEqual(checkCustomKeyword('<b>', 'help'), { code: 'characters' });
  });

  it('refuses a default of another intent as a clash, and of the same intent as a repeat, however spelt', () => {
    assert.deepEqual(checkCustomKeyword('stop', 'optIn'), { code: 'clash', keyword: 'STOP', intent: 'opt-out', isDefault: true });
    assert.deepEqual(checkCustomKeyword('Arrêt', 'help'), { code: 'clash', keyword: 'ARRET', intent: 'opt-out', isDefault: true });
    assert.deepEqual(checkCustomKeyword('start', 'optOut'), { code: 'clash', keyword: 'START', intent: 'opt-in', isDefault: true });
    assert.deepEqual(checkCustomKeyword('Stop', 'optOut'), { code: 'duplicate', keyword: 'STOP', intent: 'opt-out', isDefault: true });
  });

  it('refuses, in the opt-in and help lists, anything that reads as a request to stop', () => {
    assert.equal(checkCustomKeyword('stop now', 'optIn')?.code, 'clash');
    assert.deepEqual(checkCustomKeyword('stop texting me', 'help'), { code: 'stop-request' });
    assert.deepEqual(checkCustomKeyword('please take me off', 'optIn'), { code: 'stop-request' });
    // Under the opt-out list a longer STOP is only a repeat.
    assert.equal(checkCustomKeyword('stop now', 'optOut')?.code, 'duplicate');
  });

  it('refuses a clash with a custom keyword of another intent, not with itself', () => {
    const custom: KeywordSets = { ...none, optOut: ['ALTO'] };
    assert.deepEqual(checkCustomKeyword('alto', 'help', custom), { code: 'clash', keyword: 'ALTO', intent: 'opt-out', isDefault: false });
    assert.equal(checkCustomKeyword('alto', 'optOut', custom)?.code, 'duplicate');
    assert.equal(checkCustomKeyword('ALTO', 'optOut', custom, 0), undefined, 'the keyword itself is not a repeat');
  });

  it('bounds how many keywords a list holds', () => {
    const full: KeywordSets = { ...none, optOut: Array.from({ length: KEYWORD_LIMITS.perSet }, (_, i) => `WORD${i}`) };
    assert.deepEqual(checkCustomKeyword('ONE MORE', 'optOut', full), { code: 'too-many', maxItems: 50 });
  });

  it('lists the defaults it protects', () => {
    assert.ok(defaultKeywords('optOut').includes('STOP'));
    assert.ok(defaultKeywords('optOutAll').includes('STOP ALL'));
  });
});

describe('customKeywordProblems', () => {
  it('names every refused keyword with its list and index, blaming the later of two that clash', () => {
    const problems = customKeywordProblems({ optOut: ['ALTO', 'START'], optOutAll: [], optIn: ['YEP', 'alto'], help: [] });
    assert.deepEqual(
      problems.map((p) => [p.set, p.index, p.problem.code]),
      [
        ['optOut', 1, 'clash'],
        ['optIn', 1, 'clash'],
      ],
    );
  });

  it('finds nothing wrong with distinct keywords', () => {
    assert.deepEqual(customKeywordProblems({ optOut: ['ALTO'], optOutAll: ['ALTO TODO'], optIn: ['YEP'], help: ['AYUDA'] }), []);
  });
});
