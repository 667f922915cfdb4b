import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KEYWORD_LIMITS, KEYWORD_SET_INTENTS, checkCustomKeyword, customKeywordProblems, defaultKeywords } from '../../../src/engine/index.js';
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

  it("leaves a list's length to the contract's maxItems: every entry is checked for its words alone", () => {
    const long = Array.from({ length: KEYWORD_LIMITS.perSet + 1 }, (_, i) => `WORD${i}`);
    assert.deepEqual(customKeywordProblems({ optOut: long, optOutAll: [], optIn: [], help: [] }), []);
  });

  it('finds nothing wrong with distinct keywords', () => {
    assert.deepEqual(customKeywordProblems({ optOut: ['ALTO'], optOutAll: ['ALTO TODO'], optIn: ['YEP'], help: ['AYUDA'] }), []);
  });

  it('blames the second of two spellings of one keyword in the same list as a repeat of the first', () => {
    assert.deepEqual(customKeywordProblems({ optOut: ['ALTO', 'alto!'], optOutAll: [], optIn: [], help: [] }), [
      { set: 'optOut', index: 1, word: 'alto!', problem: { code: 'duplicate', keyword: 'ALTO', intent: 'opt-out', isDefault: false } },
    ]);
  });
});

// Each part of the rule on its own (they survived mutation testing before these).
describe('checkCustomKeyword: each part of the rule', () => {
  it('names the intent each list classifies to', () => {
    assert.deepEqual(KEYWORD_SET_INTENTS, { optOut: 'opt-out', optOutAll: 'opt-out-all', optIn: 'opt-in', help: 'help' });
    const custom: KeywordSets = { optOut: [], optOutAll: ['TODO'], optIn: ['YEP'], help: ['AYUDA'] };
    assert.deepEqual(checkCustomKeyword('todo', 'help', custom), { code: 'clash', keyword: 'TODO', intent: 'opt-out-all', isDefault: false });
    assert.deepEqual(checkCustomKeyword('yep', 'help', custom), { code: 'clash', keyword: 'YEP', intent: 'opt-in', isDefault: false });
    assert.deepEqual(checkCustomKeyword('ayuda', 'optIn', custom), { code: 'clash', keyword: 'AYUDA', intent: 'help', isDefault: false });
    assert.equal(checkCustomKeyword('todo', 'optOutAll', custom)?.code, 'duplicate');
  });

  it('takes joiners inside every word of a phrase, and nothing else between letters', () => {
    assert.equal(checkCustomKeyword("opt-out l'envoi", 'optOut'), undefined);
    assert.equal(checkCustomKeyword('no e-mails', 'optOut'), undefined);
    assert.equal(checkCustomKeyword('ne plus4', 'optOut'), undefined);
    assert.equal(checkCustomKeyword('pas-2 fois', 'optOut'), undefined);
    assert.equal(checkCustomKeyword('non merci-2', 'optOut'), undefined);
    assert.deepEqual(checkCustomKeyword('non merci-', 'optOut'), { code: 'characters' });
    assert.deepEqual(checkCustomKeyword('non merci-!', 'optOut'), { code: 'characters' });
    assert.deepEqual(checkCustomKeyword('non merci_bien', 'optOut'), { code: 'characters' });
    assert.deepEqual(checkCustomKeyword('non mer--ci', 'optOut'), { code: 'characters' });
  });

  it('reads any run of spaces, tabs or line breaks inside a phrase as one space', () => {
    assert.equal(checkCustomKeyword('no\tmore', 'optOut'), undefined);
    assert.equal(checkCustomKeyword('no  more', 'optOut'), undefined);
    assert.deepEqual(checkCustomKeyword('un\t\tdeux trois quatre', 'optOut'), { code: 'too-many-words', maxWords: 3 });
  });

  it('checks an entry already listed against the others only, and does not count it against the limit', () => {
    const full: KeywordSets = { ...none, optOut: Array.from({ length: KEYWORD_LIMITS.perSet }, (_, i) => `WORD${i}`) };
    assert.equal(checkCustomKeyword('WORD7', 'optOut', full, 7), undefined);
    assert.equal(checkCustomKeyword('WORD7', 'optOut', full, 8)?.code, 'duplicate');
    // Editing entry 3 of a list leaves the others in place: the one at 4 is still a repeat.
    const custom: KeywordSets = { ...none, optOut: ['ALTO', 'BASTA', 'NADA', 'CHAO', 'ADIOS'] };
    assert.equal(checkCustomKeyword('adios', 'optOut', custom, 3)?.code, 'duplicate');
    assert.equal(checkCustomKeyword('chao', 'optOut', custom, 3), undefined);
  });

  it('says a STOP ALL reply is a repeat under the opt-out lists and a clash elsewhere', () => {
    assert.deepEqual(checkCustomKeyword('stop all', 'optOut'), { code: 'duplicate', keyword: 'STOP ALL', intent: 'opt-out-all', isDefault: true });
    assert.deepEqual(checkCustomKeyword('stop all', 'optOutAll'), { code: 'duplicate', keyword: 'STOP ALL', intent: 'opt-out-all', isDefault: true });
    assert.deepEqual(checkCustomKeyword('stop all', 'help'), { code: 'clash', keyword: 'STOP ALL', intent: 'opt-out-all', isDefault: true });
    assert.deepEqual(checkCustomKeyword('stop', 'optOutAll'), { code: 'clash', keyword: 'STOP', intent: 'opt-out', isDefault: true });
  });

  it('lets a plain-language request to stop be an opt-out keyword, never an opt-in or help one', () => {
    assert.equal(checkCustomKeyword('leave me alone', 'optOut'), undefined);
    assert.equal(checkCustomKeyword('leave me alone', 'optOutAll'), undefined);
    assert.deepEqual(checkCustomKeyword('leave me alone', 'optIn'), { code: 'stop-request' });
    assert.deepEqual(checkCustomKeyword('leave me alone', 'help'), { code: 'stop-request' });
  });

  it('starts from no custom keywords when given none', () => {
    for (const set of ['optOut', 'optOutAll', 'optIn', 'help'] as const) assert.equal(checkCustomKeyword('Stryker was here', set), undefined, set);
  });
});

