/**
 * Plain-language opt-out requests ("please stop texting me", "retirez-moi de votre liste").
 *
 * Patterns run over text already folded by `normalizeKeyword` and then lower-cased, so accents are
 * gone ("arrêtez" reads "arretez"), and single-spaced and trimmed, so a space in a pattern is
 * written as one space: it matches exactly the one space the text has there. They are deliberately specific: a false positive silences a
 * customer who only wrote "can you stop by at 5?", and doubtful requests are caught by the
 * review queue anyway.
 */

/**
 * Cheap gate over the normalised (upper-case) text: a message without any of these stems cannot
 * match a phrase, so ordinary conversation costs one regex test. Written in upper case rather
 * than with the `i` flag, which makes this hot test measurably slower.
 */
export const PHRASE_TRIGGER = new RegExp(
  [
    String.raw`STOP|QUIT|CEASE|UNSUB|OPT.?OUT|OPT ME|REMOV|DELET|ERASE|(?:TAKE|GET|DROP) (?:ME|MY|US)\b|NO MORE|LEAVE ME`,
    String.raw`WRONG|\bLOSE\b|^(?:(?:PLEASE|PLS|PLZ|OK|OKAY|JUST)\W+)+CANCEL|REVOK|WITHDRAW|CONSENT`,
    String.raw`\b(?:END|CANCEL) (?:(?:ALL|MY|THE|THESE|THOSE|YOUR|UR|OF) )*(?:TEXTS|MESSAGES|MSGS|SMS|SPAM|NOTIFICATIONS|PROMO|ALERTS|REMINDERS|MARKETING|E-?MAILS|CALLS)`,
    String.raw`(?:DON.?T|DO NOT|NEVER|NO LONGER) (?:EVER )?(?:WANT|WISH|NEED|TEXT|TXT|MESSAGE|MSG|CONTACT|E-?MAIL|CALL|WRITE|SMS|BOTHER|SPAM)`,
    String.raw`ARRET|CESS|RETIR|ENLEV|SUPPRIM|EFFAC|RAYE|SORTEZ|DESABON|DESINSCRI|LAISS|FICHE|FOUTE|OUBLIE[RZ]?\W+MO|MAUVAIS|FAUX|ERREUR|TROMPE`,
    String.raw`\bNE (?:PLUS|M|NOUS|VEU|VOUL|SOUHAIT|DESIR)|^(?:PLUS|PAS|ASSEZ) DE|\bVEUX PLUS (?:RECEVOIR|ETRE)`,
  ].join('|'),
);

const APOSTROPHES = /[’‘`ʼ]/g;
// "wrong #, sorry": the sign would otherwise be dropped with the other separators.
const NUMBER_SIGN = /#/g;
// A hyphen joins words ("opt-out", "e-mail", "retirez-moi"); one standing alone ("please -- stop") separates them.
const SEPARATORS = /[^\p{L}\p{N}' -]+|(?<![\p{L}\p{N}])-|-(?![\p{L}\p{N}])/gu;
const SPACES = /\s+/g;

// "don't stop the reminders", "I can't stop smiling", "n'arrêtez pas": a negated verb asks for
// the opposite, so it is blanked out before the patterns look for requests to stop.
const NEGATED_EN = /\b(?:don'?t|do not|never|can'?t|cannot|can not) (?:ever )?(?:stop|quit|cease|unsubscribe|remove|opt)\w*/g;
const NEGATED_FR = /\bn(?:e |')(?:arret|cess|desabonn|desinscri|retir|enlev)\w*(?: pas)?/g;

const MEDIA = String.raw`(?:texts|messages|msgs|emails|e-mails|calls|sms|spam|notifications|promos|promotions|alerts|reminders|marketing)`;
const POLITE_EN = String.raw`(?:please|pls|plz|now|it|immediately|asap|thanks|thank you|thx|already|right now)`;
// POLITE_EN without "it": "please cancel it" asks about an appointment.
const COURTESY_EN = String.raw`(?:please|pls|plz|now|immediately|asap|thanks|thank you|thx|already|right now)`;
const MY_ADDRESS = String.raw`(?:number|phone|phone number|cell|cell number|email|email address|e-mail|info|information|contact info|details)`;

// "wrong number", "sorry, you have the wrong number", "this isn't Maria, wrong number, stop": the
// whole reply says the number is not the person's; "I gave you the wrong number" or "wrong number
// on the invoice" do not match. A stranger never consented, so it is an opt-out for review.
const WRONG_NUMBER_EN = new RegExp(
  String.raw`^(?:(?:sorry|oops|hi|hello|hey|um|uh|no|nope|hmm) )*` +
    String.raw`(?:(?:this is not|this isn't|this aint|i'm not|i am not|im not|not) [a-z'-]+ (?:(?:sorry|oops|no) )*)?` +
    String.raw`(?:(?:you have|you've|you've got|you got|u have|u got|you have got|you're texting|you are texting|you texted|this is|that's|thats|it's|its) )?` +
    String.raw`(?:(?:the|a) )?wrong (?:number|person|phone number|phone|cell|cell number)` +
    String.raw`(?: (?:sorry|buddy|bud|dude|man|mate|sir|lol|bye|${COURTESY_EN}|(?:please )?stop(?: (?:texting|messaging|contacting)(?: me)?)?|remove me|lose my number|delete my number|remove my number|take me off(?: your list)?))*$`,
);

const ENGLISH: readonly RegExp[] = [
  // "stop texting me", "quit messaging", "stop calling"
  /\b(?:stop|quit|cease) (?:texting|txting|messaging|msging|contacting|e-?mailing|calling|spamming|bothering|harassing|writing to)\b(?! (?:while|and|when) (?:driv|walk))/,
  // "stop sending me messages"; "stop sending the invoice to my old address" is not an opt-out
  new RegExp(String.raw`\b(?:stop|quit|cease) sending (?:me|us|these|those|this|them|your|any|${MEDIA})\b`),
  // "stop these messages", "stop all messages from all your locations", "cancel my texts"
  new RegExp(String.raw`\b(?:stop|end|cancel|quit) (?:(?:all|the|these|those|your|ur|of|my) )*${MEDIA}`),
  // the whole message is a bare request: "please stop", "stop it", "stop stop stop", "opt-out"
  new RegExp(String.raw`^(?:(?:please|pls|plz|ok|okay|just) )*(?:stop|quit|unsubscribe|unsub|opt[- ]?out)(?: (?:${POLITE_EN}|stop|unsubscribe))*$`),
  // "take me off your list", "delete my email from your database"; not "take me off the waitlist"
  new RegExp(
    String.raw`\b(?:take|remove|delete|drop|erase|get) (?:me|us|my ${MY_ADDRESS}) (?:off|from|out of) ` +
      String.raw`(?:(?:your|the|this|these|ur|all|all your|all of your|every|any) )?` +
      String.raw`(?:(?:mailing|texting|text|sms|email|e-mail|contact|marketing|call|calling|messaging|distribution|subscriber|subscription|promotional|promo) )?` +
      String.raw`(?:list|lists|database|system|contacts)\b`,
  ),
  // the message ends on the request: "please remove me", "remove my number please"
  new RegExp(String.raw`\b(?:remove|delete|erase) (?:me|my ${MY_ADDRESS})(?: ${POLITE_EN})*$`),
  /\bunsubscribe (?:me|us|this number|my number|my phone|my email|this email)\b/,
  /\bopt me out\b/,
  // "I want to unsubscribe", but not "I want to unsubscribe my son from soccer"
  /\b(?:want|wish|like|need|wanna) (?:to )?(?:unsubscribe|opt[- ]?out|be removed|be taken off|stop receiving|stop getting)\b(?! (?:my|his|her|him|them|our|the|a) (?!number|phone|cell|email|e-mail|info)\w)/,
  /\bhow (?:do|can) i (?:unsubscribe|opt[- ]?out|stop (?:these|the|your|getting|receiving))\b(?! (?:my|his|her|him|them)\b)/,
  // "I don't want these texts anymore", "I no longer want to receive these messages"
  new RegExp(
    String.raw`\b(?:don'?t|do not|no longer|never) (?:want|wish|need) (?:to (?:receive|get|see) )?` +
      String.raw`(?:(?:any|these|those|your|the|this|ur|more|all) )*${MEDIA}`,
  ),
  // "do not contact me again", "don't text me"; not "don't text me before 9am"
  /\b(?:don'?t|do not|never) (?:ever )?(?:text|txt|message|msg|contact|e-?mail|call|write to|sms|bother|spam) (?:me|us|this number|my number)(?:(?: (?:again|anymore|any more|ever|at all|please|pls|thanks|thank you))*$| (?:again|anymore|any more|ever)\b)/,
  new RegExp(String.raw`\bno more (?:(?:of )?(?:these|your|the|this) )?${MEDIA}`),
  /\bleave me alone\b/,
  // "take me off", "take me off of this"; not "take me off hold" or "take me off speaker"
  new RegExp(String.raw`\b(?:take|get) (?:me|us|my number|this number) off(?: (?:of )?(?:this|it|that|here))?(?: ${COURTESY_EN})*$`),
  // "lose my number" as the whole request; not "did you lose my number?" or "don't lose my number"
  new RegExp(String.raw`^(?:(?:please|pls|plz|just|kindly|ok|okay|so) )*lose (?:my|this) (?:number|phone number|cell|contact|contact info|info|digits)(?: ${COURTESY_EN})*$`),
  WRONG_NUMBER_EN,
  // a bare "remove" (an AWS default opt-out keyword, not one of ours) or "please cancel"
  new RegExp(String.raw`^(?:(?:please|pls|plz|just) )*remove(?: ${COURTESY_EN})*$`),
  new RegExp(String.raw`^(?:(?:please|pls|plz|ok|okay|just) )+cancel(?: ${COURTESY_EN})*$`),
  new RegExp(String.raw`\bopt[- ]?out (?:of|from) (?:(?:all|the|these|those|your|ur|any|this) )*(?:${MEDIA}|list|lists|everything|texting|messaging|this|it|them)\b`),
  /\b(?:revoke|revoking|withdraw|withdrawing) (?:my |all |any )?(?:consent|permission|authori[sz]ation)\b/,
];

// The request ends on a keyword after a clause of its own: "not interested, stop", "who is this? STOP".
// Read on the normalised text, whose punctuation marks the clause; "the bus stop" has none.
const CLOSING_KEYWORD_EN = /[,.;:!?] ?(?:(?:PLEASE|PLS|PLZ|JUST|NOW|SO) )?(?:STOP|UNSUBSCRIBE|OPT[- ]?OUT|QUIT)(?:[\s,.!]+(?:PLEASE|PLS|PLZ|NOW|THANKS|THANK YOU))*$/;
const CLOSING_KEYWORD_FR = /[,.;:!?] ?(?:ARRET|ARRETEZ|ARRETE)(?:[\s,.!]+(?:SVP|STP|MERCI))*$/;

const MEDIA_FR = String.raw`(?:messages|textos|texto|textes|courriels|appels|sms|notifications|rappels|envois|promotions|communications|offres|nouvelles)`;
const POLITE_FR = String.raw`(?:svp|stp|s'il vous plait|s'il te plait|merci|maintenant|immediatement|tout de suite|ca|tout)`;

// "mauvais numéro", "vous avez le mauvais numéro", "désolé, erreur de numéro"; not "j'ai donné le
// mauvais numéro", "mauvais numéro de facture" or "je me suis trompé de numéro".
const WRONG_NUMBER_FR = new RegExp(
  String.raw`^(?:(?:desole|desolee|oups|bonjour|allo|non|pardon|euh) )*` +
    String.raw`(?:(?:ce n'est pas|c'est pas|je ne suis pas|je suis pas|pas) [a-z'-]+ (?:(?:desole|desolee|oups|non|pardon) )*)?` +
    String.raw`(?:(?:vous avez|tu as|t'as|c'est|ceci est) )?(?:(?:le|un) )?` +
    String.raw`(?:mauvais (?:numero|num|destinataire)|mauvaise personne|faux numero|erreur de (?:numero|personne|destinataire)|(?:vous vous etes|tu t'es) trompee?s? de (?:numero|personne))` +
    String.raw`(?: (?:desole|desolee|${POLITE_FR}|arretez|arrete|stop|retirez-moi|retirez moi|oubliez mon numero|effacez mon numero|supprimez mon numero|arretez de m'ecrire|arretez de me texter))*$`,
);

const FRENCH: readonly RegExp[] = [
  // "arrêtez de m'écrire", "cessez de me contacter", "arrête d'envoyer des textos"
  /\b(?:arrete[rz]?|arretes|cesse[rz]?|cesses) (?:de |d')(?:m'|me |nous )?(?:ecrire|texter|envoyer|contacter|appeler|harceler|deranger|relancer|spammer|solliciter)\b/,
  new RegExp(String.raw`\b(?:arrete[rz]?|arretes|cesse[rz]?|stoppez|stop) (?:(?:les|vos|ces|tes|tous|toutes) )*${MEDIA_FR}\b`),
  new RegExp(String.raw`^(?:${POLITE_FR} )*(?:arretez|arrete|arretes|stop|stoppez|cessez)(?: (?:${POLITE_FR}|stop|arretez))*$`),
  // "retirez-moi de votre liste", "enlevez mon numéro"; not "je veux retirer de l'argent"
  new RegExp(
    String.raw`\b(?:retire[rz]?|retires|enleve[rz]?|enleves|supprime[rz]?|supprimes|efface[rz]?|raye[rz]?|sortez|oublie[rz]?)[- ]` +
      String.raw`(?:moi|nous|mon (?:numero|courriel|adresse|nom|cell|cellulaire|telephone))` +
      String.raw`(?:$| (?:${POLITE_FR}|de (?:votre|vos|la|cette|ta|tes) (?:\w+ )?(?:liste|listes|base|contacts|envois|fichier))\b)`,
  ),
  /\bme (?:desabonner|desinscrire|retirer de (?:votre|vos|la|cette) (?:\w+ )?(?:liste|listes|base|envois))\b/,
  /\b(?:desabonne[rz]?|desinscri(?:s|vez|re))[- ](?:moi|nous)\b/,
  // "je ne veux plus recevoir de messages", "je ne veux plus de vos textos"
  new RegExp(
    String.raw`\bne (?:veux|veut|voulons|souhaite|souhaitons|desire|desirons) plus (?:rien )?` +
      String.raw`(?:recevoir|etre (?:contacte|sollicite|derange)e?s?|(?:(?:de|d'|des|vos|ces|tes|les) ?)+${MEDIA_FR})`,
  ),
  // spoken French drops the "ne": "je veux plus recevoir de messages"; not "je veux plus de détails",
  // which can mean "more details"
  /\bje veux plus (?:recevoir|etre (?:contacte|sollicite|derange)e?s?)\b/,
  // "ne m'écrivez plus", "veuillez ne plus me contacter"
  /\bne (?:m'|me |nous )(?:ecri|contact|text|envoy|appel|derange|relance|sollicit)\w* plus\b/,
  /\bne plus (?:m'|me |nous )(?:ecrire|contacter|texter|envoyer|appeler|deranger|relancer)\b/,
  // "laissez-moi tranquille"; not the Québécois "laissez-moi savoir" (let me know)
  /\b(?:laisse[rz]?|laisses|fiche[rz]?|foute[rz]?)[- ]moi (?:tranquille|en paix|la paix)\b/,
  // "plus de textos"; not "pas de messages vocaux, textez-moi" (no voicemail, text me instead)
  new RegExp(String.raw`^(?:plus|pas|assez) de ${MEDIA_FR}\b(?! vocaux)`),
  WRONG_NUMBER_FR,
  // a bare "désabonnement", or "je me désabonne" as the whole reply; not "je me désabonne de la chorale"
  new RegExp(String.raw`^(?:desabonnement|desabonner|desabonnez|desinscription|desinscrire|desinscrivez)(?: (?:${POLITE_FR}|moi))*$`),
  new RegExp(String.raw`^je me (?:desabonne|desinscris)(?: ${POLITE_FR})*$`),
  /\b(?:retire|retirons|retirer|revoque|revoquer|annule|annuler) (?:mon|notre|le) consentement\b/,
];

// One alternation per language: V8 runs it in one pass, several times faster than a loop of tests.
const anyOf = (patterns: readonly RegExp[]): RegExp => new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|'));
const ENGLISH_ANY = anyOf(ENGLISH);
const FRENCH_ANY = anyOf(FRENCH);

/** Returns the language of the opt-out phrase in `normalized` text (from `normalizeKeyword`), or undefined. */
export function matchOptOutPhrase(normalized: string): 'en' | 'fr' | undefined {
  if (CLOSING_KEYWORD_EN.test(normalized)) return 'en';
  if (CLOSING_KEYWORD_FR.test(normalized)) return 'fr';
  const text = normalized
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(NUMBER_SIGN, ' number ')
    .replace(SEPARATORS, ' ')
    .replace(NEGATED_EN, ' ~ ')
    .replace(NEGATED_FR, ' ~ ')
    .replace(SPACES, ' ')
    .trim();
  if (ENGLISH_ANY.test(text)) return 'en';
  if (FRENCH_ANY.test(text)) return 'fr';
  return undefined;
}
