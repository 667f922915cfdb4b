import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_KEYWORDS, classifyInbound, createClassifier, normalizeKeyword } from '../../../src/engine/index.js';
import type { Classification, InboundIntent, KeywordSets } from '../../../src/engine/index.js';

const SET_INTENTS: [keyof KeywordSets, InboundIntent][] = [
  ['optOut', 'opt-out'],
  ['optOutAll', 'opt-out-all'],
  ['optIn', 'opt-in'],
  ['help', 'help'],
];
const FRENCH = new Set(['ARRET', 'AIDE']);

function titleCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}

function variantsOf(keyword: string): string[] {
  const variants = [keyword.toLowerCase(), keyword.toUpperCase(), titleCase(keyword)];
  for (const base of [...variants]) {
    variants.push(`  ${base}  `, `\t${base}\n`, `\n\n${base}\r\n`);
    for (const punctuation of ['.', '!', '!!', '?', '…', ' !', '...']) variants.push(`${base}${punctuation}`);
  }
  if (keyword.includes(' ')) variants.push(keyword.replace(' ', '   '), keyword.toLowerCase().replace(' ', ' \t '), `${titleCase(keyword).replace(' ', '  ')}!`);
  if (keyword === 'ARRET') variants.push('arrêt', 'ARRÊT', 'Arrêt!', ' arrêt… ', 'Arrét');
  return variants;
}

describe('classifyInbound: exact default keywords', () => {
  for (const [set, intent] of SET_INTENTS) {
    for (const keyword of DEFAULT_KEYWORDS[set]) {
      it(`${keyword} → ${intent} in every case, spacing and punctuation variant`, () => {
        const expected: Classification = { intent, match: 'exact', keyword, language: FRENCH.has(keyword) ? 'fr' : 'en' };
        for (const variant of variantsOf(keyword)) {
          assert.deepEqual(classifyInbound(variant), expected, `variant ${JSON.stringify(variant)}`);
        }
      });
    }
  }

  it('does not join a keyword split by whitespace', () => {
    assert.equal(classifyInbound('ST OP').match, 'none');
    assert.equal(classifyInbound('opt out').keyword, 'OPT OUT');
  });

  it('returns none for empty, whitespace-only, punctuation-only and invisible-only bodies', () => {
    for (const body of ['', ' ', '\t\n  ', '!!!', ' … ', '\u200b', '\ufeff\u200d ', '\u3000！']) {
      assert.deepEqual(classifyInbound(body), { intent: 'none', match: 'none' }, JSON.stringify(body));
    }
  });
});

describe('normalizeKeyword', () => {
  it('folds case, accents, spacing and trailing punctuation', () => {
    assert.equal(normalizeKeyword('  Arrêt  tout !! '), 'ARRET TOUT');
    assert.equal(normalizeKeyword('opt\t\tout?'), 'OPT OUT');
    assert.equal(normalizeKeyword('Désabonnez-moi…'), 'DESABONNEZ-MOI');
  });

  it('keeps leading punctuation, which is not part of the trimming rule', () => {
    assert.equal(normalizeKeyword('¿stop?'), '¿STOP');
  });

  it('folds compatibility forms (NFKC) and drops invisible format characters', () => {
    assert.equal(normalizeKeyword('ＳＴＯＰ！'), 'STOP');
    assert.equal(normalizeKeyword('𝐒𝐓𝐎𝐏 ａｌｌ'), 'STOP ALL');
    assert.equal(normalizeKeyword('\ufeffS\u200bT\u200dO\u2060P\u200e'), 'STOP');
    assert.equal(normalizeKeyword('UN\u00adSUBSCRIBE'), 'UNSUBSCRIBE');
    assert.equal(normalizeKeyword('STOP\u00a0ALL'), 'STOP ALL');
    assert.equal(normalizeKeyword('ａｒｒｅ\u0302ｔ'), 'ARRET');
  });

  it('folds Latin-1 and Latin Extended-A the same with or without the compatibility pass', () => {
    // The fast path skips NFKC for these blocks; the letters it must not skip still fold.
    assert.equal(normalizeKeyword('Désabonnez-moi, ça suffit'), 'DESABONNEZ-MOI, CA SUFFIT');
    assert.equal(normalizeKeyword('Œuvre Ĳssel'), 'ŒUVRE IJSSEL');
    assert.equal(normalizeKeyword('ſtop'), 'STOP');
  });
});

const PHRASES_EN = [
  'please stop texting me',
  'Take me off your list',
  'stop messaging me',
  'remove me from your list',
  'unsubscribe me',
  "I don't want these texts anymore",
  'I don’t want these messages',
  'no more messages please',
  'Do not contact me again.',
  'stop sending me messages',
  'leave me alone',
  'Stop texting me!!',
  'STOP SENDING ME THESE',
  'please stop',
  'stop it',
  'quit texting me',
  'stop contacting me please',
  'Please remove me',
  'remove my number please',
  'take my number off your list',
  'get me off your mailing list',
  'I want to unsubscribe',
  "I'd like to opt out",
  'opt me out',
  'how do I unsubscribe?',
  "don't text me anymore",
  'Never contact me again.',
  'stop all messages from all your locations',
  'I no longer want to receive these messages',
  'Please unsubscribe me from this list',
  "I can't stop getting these, unsubscribe me",
];

const PHRASES_FR = [
  "arrêtez de m'écrire",
  'Arrêtez de m’envoyer des messages',
  'arrête de me texter',
  'cessez de me contacter',
  'arrêtez les textos svp',
  'retirez-moi de votre liste',
  'retirez mon numéro',
  "enlevez-moi de votre liste d'envoi",
  'je veux me désabonner',
  'désabonnez-moi',
  'Désinscrivez-moi svp',
  'je ne veux plus recevoir de messages',
  'je ne veux plus de vos textos',
  "ne m'écrivez plus",
  'ne me contactez plus jamais',
  'veuillez ne plus me contacter',
  'laissez-moi tranquille',
  'plus de messages svp',
  'arrêtez svp',
];

describe('classifyInbound: plain-language opt-out phrases', () => {
  for (const [language, phrases] of [['en', PHRASES_EN], ['fr', PHRASES_FR]] as const) {
    for (const body of phrases) {
      it(`${JSON.stringify(body)} → opt-out phrase (${language})`, () => {
        assert.deepEqual(classifyInbound(body), { intent: 'opt-out', match: 'phrase', language });
      });
    }
  }
});

// "stop please", "stop stop stop" and "opt-out" were phrases before the keyword rule below.
describe('classifyInbound: a keyword with a courtesy or a short messaging object', () => {
  const cases: [string, Classification][] = [
    ['stop please', { intent: 'opt-out', match: 'exact', keyword: 'STOP', language: 'en' }],
    ['stop stop stop', { intent: 'opt-out', match: 'exact', keyword: 'STOP', language: 'en' }],
    ['opt-out', { intent: 'opt-out', match: 'exact', keyword: 'OPT OUT', language: 'en' }],
    ['STOP sending', { intent: 'opt-out', match: 'exact', keyword: 'STOP', language: 'en' }],
    ['End texts!', { intent: 'opt-out', match: 'exact', keyword: 'END', language: 'en' }],
    ['stop, unsubscribe', { intent: 'opt-out', match: 'exact', keyword: 'STOP', language: 'en' }],
    ['STOP ALL please', { intent: 'opt-out-all', match: 'exact', keyword: 'STOP ALL', language: 'en' }],
    ['arrêt svp', { intent: 'opt-out', match: 'exact', keyword: 'ARRET', language: 'fr' }],
    ['arrêt please', { intent: 'opt-out', match: 'exact', keyword: 'ARRET', language: 'en' }],
    ['stop svp', { intent: 'opt-out', match: 'exact', keyword: 'STOP', language: 'fr' }],
    ['stop les textos', { intent: 'opt-out', match: 'exact', keyword: 'STOP', language: 'fr' }],
    ['ARRET SMS', { intent: 'opt-out', match: 'exact', keyword: 'ARRET', language: 'fr' }],
  ];
  for (const [body, expected] of cases) {
    it(`${JSON.stringify(body)} → ${expected.intent} ${expected.match} ${expected.keyword}`, () => {
      assert.deepEqual(classifyInbound(body), expected);
    });
  }

  it('reports the keyword the body starts with, never the body', () => {
    for (const body of ['stop pls', 'STOP PLEASE', 'Stop, thank you!', 'stop the texts', 'STOP NOW!!! 😡']) {
      assert.equal(classifyInbound(body).keyword, 'STOP', body);
    }
  });

  it('queues CANCEL with only a courtesy, which usually answers an appointment reminder', () => {
    assert.deepEqual(classifyInbound('cancel please'), { intent: 'opt-out', match: 'phrase', language: 'en' });
    assert.deepEqual(classifyInbound('cancel texts'), { intent: 'opt-out', match: 'exact', keyword: 'CANCEL', language: 'en' });
    assert.deepEqual(classifyInbound('cancel it'), { intent: 'none', match: 'none' });
  });

  it('queues an object after STOP ALL instead of applying it organization-wide', () => {
    assert.deepEqual(classifyInbound('stop all texts'), { intent: 'opt-out', match: 'phrase', language: 'en' });
  });

  it('leaves words before the keyword, or a person after its verb, to the phrase patterns', () => {
    for (const body of ['please stop', 'stop texting me', 'stop sending me texts', 'unsubscribe me']) {
      assert.deepEqual(classifyInbound(body), { intent: 'opt-out', match: 'phrase', language: 'en' }, body);
    }
  });

  it('never extends opt-in or help keywords: "yes please" re-subscribes no one', () => {
    for (const body of ['yes please', 'START please', 'start texts', 'help please']) {
      assert.deepEqual(classifyInbound(body), { intent: 'none', match: 'none' }, body);
    }
  });

  it('stops at eight words after the keyword', () => {
    assert.equal(classifyInbound(`stop${' please'.repeat(8)}`).match, 'exact');
    assert.equal(classifyInbound(`stop${' please'.repeat(9)}`).match, 'phrase');
  });
});

const LOOK_ALIKES = [
  'can you stop by at 5?',
  'the bus stop',
  "don't stop the reminders",
  "I can't stop smiling",
  'what time do you end?',
  'cancel my appointment',
  'stop sign at the corner',
  'please don’t stop texting me',
  "please don't stop texting me",
  'Can I unsubscribe my son from soccer?',
  'I want to unsubscribe my daughter from the swim class',
  'stopped by yesterday',
  'info about pricing?',
  "yes I'll be there",
  "I'll stop at the pharmacy on my way",
  'Is there a stop near the clinic?',
  'non-stop flights to Paris?',
  'Stop by whenever',
  'please remove the charge from my bill',
  'can you remove me from the 3pm slot and book 4pm',
  'take me off the waitlist',
  'no more questions, thanks!',
  'no more pain since the treatment',
  "I don't want to cancel",
  'never stop sending me deals!',
  "don't text me before 9am",
  "Don't call me, text me instead",
  "I'd like to opt in",
  'how do I stop my pipes from freezing',
  'leave me a message when ready',
  'the texts stopped coming, can you resend?',
  'I never got the messages',
  'stop the car!',
  'help me find the address',
  'ne arrêtez pas les rappels',
  "n'arrêtez pas de m'écrire",
  "l'arrêt d'autobus est où?",
  "j'ai un arrêt de travail",
  "je veux retirer de l'argent",
  'je ne peux plus attendre',
  'je ne veux plus de rendez-vous le lundi',
  'Puis-je désabonner mon fils du soccer?',
  'arrêtez-vous au coin de la rue',
  'on arrête de travailler à 17h',
  'pouvez-vous enlever le rendez-vous de lundi?',
  'Laissez-moi savoir',
];

describe('classifyInbound: ordinary messages that merely contain a keyword', () => {
  for (const body of LOOK_ALIKES) {
    it(`${JSON.stringify(body)} → none`, () => {
      assert.deepEqual(classifyInbound(body), { intent: 'none', match: 'none' });
    });
  }
});

describe('custom keywords', () => {
  it('extend the defaults, without a language', () => {
    const classify = createClassifier({ keywords: { optOut: ['alto'], optIn: ['Volver'], help: ['AYUDA'] } });
    assert.deepEqual(classify('Alto!'), { intent: 'opt-out', match: 'exact', keyword: 'ALTO' });
    assert.deepEqual(classify('volver'), { intent: 'opt-in', match: 'exact', keyword: 'VOLVER' });
    assert.deepEqual(classify('ayuda?'), { intent: 'help', match: 'exact', keyword: 'AYUDA' });
    assert.deepEqual(classify('stop'), { intent: 'opt-out', match: 'exact', keyword: 'STOP', language: 'en' });
  });

  it('cannot remove a default: empty sets keep STOP, START and HELP', () => {
    const options = { keywords: { optOut: [], optOutAll: [], optIn: [], help: [] } };
    assert.equal(classifyInbound('STOP', options).intent, 'opt-out');
    assert.equal(classifyInbound('start', options).intent, 'opt-in');
    assert.equal(classifyInbound('Help', options).intent, 'help');
  });

  it('never override the intent of a colliding default', () => {
    const classify = createClassifier({ keywords: { optIn: ['STOP', 'arrêt'], help: ['YES'], optOut: ['  '] } });
    assert.deepEqual(classify('stop'), { intent: 'opt-out', match: 'exact', keyword: 'STOP', language: 'en' });
    assert.deepEqual(classify('ARRET'), { intent: 'opt-out', match: 'exact', keyword: 'ARRET', language: 'fr' });
    assert.equal(classify('yes').intent, 'opt-in');
  });

  it('listed under two intents, take the first of opt-out, opt-out-all, opt-in, help', () => {
    const classify = createClassifier({ keywords: { help: ['BASTA'], optOut: ['basta'] } });
    assert.equal(classify('basta').intent, 'opt-out');
  });

  it('take courtesy words and objects like the defaults; the tail gives the language', () => {
    const classify = createClassifier({ keywords: { optOut: ['alto'], optOutAll: ['ALTO TODO'] } });
    assert.deepEqual(classify('alto please'), { intent: 'opt-out', match: 'exact', keyword: 'ALTO', language: 'en' });
    assert.deepEqual(classify('alto sms'), { intent: 'opt-out', match: 'exact', keyword: 'ALTO' });
    assert.deepEqual(classify('alto todo svp'), { intent: 'opt-out-all', match: 'exact', keyword: 'ALTO TODO', language: 'fr' });
  });

  it('as opt-in or help, give way to an opt-out that the keyword rule reads in them', () => {
    const classify = createClassifier({ keywords: { optIn: ['STOP NOW', 'JOIN'], help: ['END PLEASE'] } });
    assert.deepEqual(classify('stop now'), { intent: 'opt-out', match: 'exact', keyword: 'STOP', language: 'en' });
    assert.deepEqual(classify('end please'), { intent: 'opt-out', match: 'exact', keyword: 'END', language: 'en' });
    assert.equal(classify('join').intent, 'opt-in');
  });

  it('still let phrases through', () => {
    assert.equal(classifyInbound('please stop texting me', { keywords: { optOut: ['ALTO'] } }).match, 'phrase');
  });
});

describe('normalizeKeyword: trailing punctuation beyond ASCII', () => {
  // Each is unchanged by NFKC, so only the trim can remove it.
  const endings: [string, string][] = [
    ['\u3002', 'ideographic full stop (Chinese, Japanese)'],
    [' \u00bb', 'a closing French quotation mark'],
    ['\ufd3e', 'an ornate parenthesis, above the surrogates'],
    ['\u{1da87}', 'an astral comma (SignWriting)'],
    ['\u{11fff}', "an astral sign whose low surrogate is the last one (Tamil's end of text)"],
    ['!\u3002 \u{1da87}.', 'a run of them, mixed with ASCII'],
  ];
  for (const [ending, what] of endings) {
    it(`trims ${what}, so an opt-in keyword still matches exactly`, () => {
      assert.equal(normalizeKeyword(`START${ending}`), 'START');
      assert.deepEqual(classifyInbound(`start${ending}`), { intent: 'opt-in', match: 'exact', keyword: 'START', language: 'en' });
    });
  }

  it('keeps a symbol, a "#" and a lone surrogate, which are not punctuation', () => {
    assert.equal(normalizeKeyword('START 🙏'), 'START 🙏');
    assert.equal(normalizeKeyword('STOP#'), 'STOP#');
    assert.equal(normalizeKeyword('START!\udc00'), 'START!\udc00');
    assert.equal(normalizeKeyword('\udc00'), '\udc00');
    assert.deepEqual(classifyInbound('start 🙏'), { intent: 'none', match: 'none' }, 'an opt-in is exact or nothing');
  });

  it('collapses any run of spaces to one', () => {
    assert.equal(normalizeKeyword('OPT   OUT'), 'OPT OUT');
    assert.equal(normalizeKeyword('opt \t  out'), 'OPT OUT');
    assert.equal(normalizeKeyword('a\u3000b'), 'A B', 'an ideographic space folds to a space');
  });
});

describe('classifyInbound: every word the keyword rule takes after an opt-out keyword', () => {
  // The word, and the language a reply is answered in when it follows STOP (English) or ARRET (French).
  const words: [string, 'en' | 'fr' | 'keyword'][] = [
    ...['please', 'pls', 'plz', 'plse', 'thanks', 'thank you', 'thankyou', 'thanx', 'thx', 'ty', 'now', 'right now', 'asap', 'immediately', 'already'].map(
      (word) => [word, 'en'] as [string, 'en'],
    ),
    ...["s'il vous plaît", "s'il te plaît", 'sil vous plait', 'si vous plait', 'svp', 'stp', 'merci beaucoup', 'merci bien', 'merci', 'maintenant', 'tout de suite', 'immédiatement'].map(
      (word) => [word, 'fr'] as [string, 'fr'],
    ),
    ...['texts', 'text messages', 'text', 'txts', 'txt', 'msgs', 'msg', 'sending', 'texting', 'txting', 'messaging', 'consent'].map((word) => [word, 'en'] as [string, 'en']),
    ...['textos', 'texto', 'envois'].map((word) => [word, 'fr'] as [string, 'fr']),
    ...['the texts', 'these texts', 'those msgs', 'this text', 'your messages', 'ur texts'].map((word) => [word, 'en'] as [string, 'en']),
    ...['les sms', 'des messages', 'vos textos', 'ces envois', 'tes messages'].map((word) => [word, 'fr'] as [string, 'fr']),
    // Shared by both languages: the keyword's own language stands.
    ['messages', 'keyword'],
    ['message', 'keyword'],
    ['sms', 'keyword'],
  ];
  for (const [word, language] of words) {
    it(`"stop ${word}" and "arrêt ${word}" are exact, answered in ${language === 'keyword' ? "the keyword's language" : language}`, () => {
      assert.deepEqual(classifyInbound(`stop ${word}`), { intent: 'opt-out', match: 'exact', keyword: 'STOP', language: language === 'keyword' ? 'en' : language });
      assert.deepEqual(classifyInbound(`Arrêt ${word}!`), { intent: 'opt-out', match: 'exact', keyword: 'ARRET', language: language === 'keyword' ? 'fr' : language });
    });
  }

  it('reads a drawn-out courtesy as the word ("pleaseee", "plzzz"), in its language', () => {
    for (const word of ['pleaseee', 'plsss', 'plzzz']) {
      assert.deepEqual(classifyInbound(`arrêt ${word}`), { intent: 'opt-out', match: 'exact', keyword: 'ARRET', language: 'en' }, word);
    }
  });

  it('lets a STOP ALL anywhere among the keywords decide: every channel', () => {
    for (const body of ['stop stop all', 'STOP, STOP ALL!', 'stop all stop', 'unsubscribe stopall please']) {
      assert.deepEqual(classifyInbound(body), { intent: 'opt-out-all', match: 'exact', keyword: body.toUpperCase().includes('STOPALL') ? 'STOPALL' : 'STOP ALL', language: 'en' }, body);
    }
    assert.notEqual(classifyInbound('stop, stop all texts').intent, 'opt-out-all', 'an object may name less than every channel');
    assert.notEqual(classifyInbound('stop, stop all texts').match, 'exact');
  });

  it('takes a quoted keyword alone as the keyword, CANCEL included', () => {
    assert.deepEqual(classifyInbound('"CANCEL"'), { intent: 'opt-out', match: 'exact', keyword: 'CANCEL', language: 'en' });
    assert.deepEqual(classifyInbound('« arrêt »'), { intent: 'opt-out', match: 'exact', keyword: 'ARRET', language: 'fr' });
  });
});

describe('custom keywords: edges', () => {
  it('apply through classifyInbound as through createClassifier', () => {
    assert.deepEqual(classifyInbound('halt!', { keywords: { optOut: ['HALT'] } }), { intent: 'opt-out', match: 'exact', keyword: 'HALT' });
    assert.deepEqual(classifyInbound('halt!'), { intent: 'none', match: 'none' }, 'and only there');
  });

  it('ignore keywords that normalise to nothing', () => {
    const classify = createClassifier({ keywords: { optOut: ['', '!!!', ' … '], optIn: ['?'] } });
    for (const body of ['', '!!!', '?', ' ']) assert.deepEqual(classify(body), { intent: 'none', match: 'none' }, JSON.stringify(body));
  });

  it('match a keyword without letters or digits only exactly', () => {
    const classify = createClassifier({ keywords: { optOut: ['#'] } });
    assert.deepEqual(classify('#'), { intent: 'opt-out', match: 'exact', keyword: '#' });
    assert.deepEqual(classify('# #'), { intent: 'none', match: 'none' });
    assert.deepEqual(classify('# please'), { intent: 'none', match: 'none' });
  });

  it('cannot narrow a default spelt the same way: "stop-all" stays STOP ALL', () => {
    const classify = createClassifier({ keywords: { optOut: ['STOP-ALL'] } });
    assert.deepEqual(classify('stop-all please'), { intent: 'opt-out-all', match: 'exact', keyword: 'STOP ALL', language: 'en' });
  });

  it('take the longest keyword a reply starts with', () => {
    const classify = createClassifier({ keywords: { optOutAll: ['STOP TEXTS'] } });
    assert.deepEqual(classify('stop texts please'), { intent: 'opt-out-all', match: 'exact', keyword: 'STOP TEXTS', language: 'en' });
  });
});
