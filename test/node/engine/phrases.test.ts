// The plain-language matcher's own mechanics (src/engine/phrases.ts): the cheap gate in front of
// it, and the text preparation the patterns rely on (apostrophes, "#", spacing, negations). The
// corpus (classify-corpus.test.ts) says which replies are requests; these say why a rewrite of
// the preparation or the gate cannot quietly change the answer.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyInbound, normalizeKeyword } from '../../../src/engine/index.js';
import { PHRASE_TRIGGER, matchOptOutPhrase } from '../../../src/engine/phrases.js';
import { LOOK_ALIKE_REPLIES, OPT_OUT_REPLIES } from '../../fixtures/inbound-replies.js';

const phrase = (text: string) => matchOptOutPhrase(normalizeKeyword(text));

describe('PHRASE_TRIGGER: the gate before the phrase patterns', () => {
  it('lets through every reply of the corpus that the patterns read as a request (a gate too narrow loses opt-outs)', () => {
    const requests = OPT_OUT_REPLIES.filter((entry) => phrase(entry.text) !== undefined);
    assert.ok(requests.length >= 100, `${requests.length} replies the patterns read as requests`);
    const blocked = requests.filter((entry) => !PHRASE_TRIGGER.test(normalizeKeyword(entry.text)));
    assert.deepEqual(
      blocked.map((entry) => entry.text),
      [],
    );
  });

  it('stops ordinary conversation, which is most of the traffic, before any pattern runs', () => {
    const ordinary = [
      'See you at 5',
      'Thanks, got it!',
      'What time do you open tomorrow?',
      'Can I move my appointment to Tuesday?',
      'ok',
      'Yes please',
      'Is the parking free?',
      'Merci, à demain',
      'Quelle heure ouvrez-vous?',
      '👍',
      'Call me back when you can',
      'I paid the invoice yesterday',
    ];
    assert.deepEqual(
      ordinary.filter((text) => PHRASE_TRIGGER.test(normalizeKeyword(text))),
      [],
    );
  });

  it('stops most look-alikes too, and never changes their answer', () => {
    const through = LOOK_ALIKE_REPLIES.filter((entry) => PHRASE_TRIGGER.test(normalizeKeyword(entry.text)));
    assert.ok(through.length < LOOK_ALIKE_REPLIES.length, 'some look-alikes are stopped by the gate alone');
    for (const entry of through) assert.equal(phrase(entry.text), undefined, entry.text);
  });
});

describe('matchOptOutPhrase: how the text is prepared', () => {
  it('reads every apostrophe people type as one: ’ ‘ ` ʼ and the plain one', () => {
    for (const apostrophe of ["'", '’', '‘', '`', 'ʼ']) {
      assert.equal(phrase(`I don${apostrophe}t want these texts`), 'en', apostrophe);
      assert.equal(phrase(`ne m${apostrophe}écrivez plus`), 'fr', apostrophe);
      // …including in a negation, which asks for the opposite.
      assert.equal(phrase(`don${apostrophe}t stop the reminders`), undefined, apostrophe);
      assert.equal(phrase(`n${apostrophe}arrêtez pas les rappels`), undefined, apostrophe);
    }
  });

  it('reads "#" as "number": "wrong #" is a wrong-number reply', () => {
    assert.equal(phrase('wrong #'), 'en');
    assert.equal(phrase('Sorry, wrong #!'), 'en');
    assert.equal(phrase('you have the wrong # please stop'), 'en');
    // Kept by the normalization for that, it still leaves a keyword a keyword.
    assert.deepEqual(classifyInbound('STOP#'), { intent: 'opt-out', match: 'exact', keyword: 'STOP', language: 'en' });
  });

  it('reads any run of spaces, tabs, line breaks or punctuation between words as one space', () => {
    for (const text of ['please  stop   texting me', 'please\tstop\ttexting me', 'please\nstop\r\ntexting me', 'please... stop -- texting me', 'take me off  your   list']) {
      assert.equal(phrase(text), 'en', JSON.stringify(text));
    }
    assert.equal(phrase('retirez-moi   de votre\tliste'), 'fr');
  });

  it('reads a request whose words are separated only by symbols', () => {
    assert.equal(phrase('stop*texting*me'), 'en');
    assert.equal(phrase('leave/me/alone'), 'en');
  });

  it('tells a negated verb from the request it contains, in both languages', () => {
    for (const text of ["don't stop texting me", 'do not stop messaging me', 'never stop sending me these', "I can't stop texting you", 'I cannot stop smiling', 'can not unsubscribe']) {
      assert.equal(phrase(text), undefined, text);
    }
    assert.equal(phrase("n'arrêtez pas de m'écrire"), undefined);
    assert.equal(phrase('ne cessez pas de me texter'), undefined);
    // The negation covers its own verb only: a request after it still counts.
    assert.equal(phrase("don't stop the reminders, but stop texting me at night"), 'en');
  });

  it('ends on a keyword after a clause of its own, in English and French', () => {
    for (const text of ['not interested, stop', 'who is this? STOP', 'not interested. Please stop now', 'wrong person; unsubscribe', 'no thanks: opt-out', 'no: opt out thanks']) {
      assert.equal(phrase(text), 'en', text);
    }
    for (const text of ['pas intéressé, arrêt', 'qui est-ce? ARRETEZ svp', 'non merci. arrête merci']) {
      assert.equal(phrase(text), 'fr', text);
    }
    // A keyword ending a clause-less sentence is not a request: "the bus stop".
    assert.equal(phrase('meet me at the bus stop'), undefined);
    assert.equal(phrase('stop, I mean wait'), undefined);
  });

  it('answers the language of the pattern that matched', () => {
    assert.equal(classifyInbound('please stop texting me').language, 'en');
    assert.equal(classifyInbound("arrêtez de m'écrire").language, 'fr');
  });
});

// Each reply below exercises one part of one pattern (an optional letter, an alternative, an
// anchor): the corpus says which kinds of reply are requests; these pin the spelling variants
// and boundaries the patterns were written for, so narrowing or widening one part fails here.
describe('matchOptOutPhrase: each variant the patterns accept, and where they stop', () => {
  const requests: [string, 'en' | 'fr'][] = [
    // hyphens that join words stay; one standing alone separates
    ['no more e-mails please', 'en'],
    ['please -stop', 'en'],
    ['stop- texting me', 'en'],
    // apostrophes people leave out
    ['dont text me again', 'en'],
    ['don’t email me again', 'en'],
    ['do not e-mail me again', 'en'],
    // optional parts
    ['stop emailing me', 'en'],
    ['stop e-mailing me', 'en'],
    ['i wanna unsubscribe', 'en'],
    ['I want to optout', 'en'],
    ['I want to opt out', 'en'],
    ['how do i optout', 'en'],
    ['how do i opt out', 'en'],
    ['how do i opt-out', 'en'],
    ['revoke consent', 'en'],
    ['I withdraw my authorization', 'en'],
    ['I withdraw my authorisation', 'en'],
    // a keyword closing a clause: with or without a space, with courtesy after any separator
    ['not interested,stop', 'en'],
    ['no thanks, optout', 'en'],
    ['who is this? stop, please', 'en'],
    ['non merci,arrête', 'fr'],
    ['qui est-ce? arrête, svp', 'fr'],
    ['pas intéressé. arrêt merci', 'fr'],
    // French verb forms and their optional parts
    ["cesse de m'écrire", 'fr'],
    ["cessez de m'écrire", 'fr'],
    ['arrêtez de texter', 'fr'],
    ['me retirer de votre liste', 'fr'],
    ["me retirer de votre grande liste", 'fr'],
    ['désabonne-moi', 'fr'],
    ['désabonnez-moi', 'fr'],
    ['je veux plus être contacté', 'fr'],
    ['je veux plus être contactées', 'fr'],
    ['laisse-moi tranquille', 'fr'],
    ['laissez-moi tranquille', 'fr'],
    ['fiche-moi la paix', 'fr'],
    ['fichez-moi la paix', 'fr'],
    ['foutez-moi la paix', 'fr'],
  ];
  for (const [text, language] of requests) {
    it(`reads ${JSON.stringify(text)} as a request (${language})`, () => {
      assert.equal(phrase(text), language);
    });
  }

  const notRequests = [
    // "l'arrêt" is the bus stop: a French keyword closes a request only after a clause of its own
    'on se voit à l’arrêt',
    'Merci, arrêt de bus au coin de la rue',
    // a name taken off a draw is not a number taken off a list
    'pouvez-vous retirer mon nom du tirage',
  ];
  for (const text of notRequests) {
    it(`leaves ${JSON.stringify(text)} alone`, () => {
      assert.equal(phrase(text), undefined);
    });
  }

  it('a negation people type without an apostrophe is still a negation', () => {
    assert.equal(phrase('dont stop the reminders'), undefined);
    assert.equal(phrase('i cant stop texting you'), undefined);
  });
});
