/**
 * Plain-language opt-out requests ("please stop texting me", "retirez-moi de votre liste").
 *
 * Patterns run over text already folded by `normalizeKeyword` and then lower-cased, so accents are
 * gone ("arrêtez" reads "arretez"). They are deliberately specific: a false positive silences a
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
const SEPARATORS = /[^\p{L}\p{N}' -]+/gu;
const SPACES = /\s+/g;

// "don't stop the reminders", "I can't stop smiling", "n'arrêtez pas": a negated verb asks for
// the opposite, so it is blanked out before the patterns look for requests to stop.
const NEGATED_EN = /\b(?:don'?t|do not|never|can'?t|cannot|can not)\s+(?:ever\s+)?(?:stop|quit|cease|unsubscribe|remove|opt)\w*/g;
const NEGATED_FR = /\bn(?:e\s+|')(?:arret|cess|desabonn|desinscri|retir|enlev)\w*(?:\s+pas)?/g;

const MEDIA = String.raw`(?:texts|messages|msgs|emails|e-mails|calls|sms|spam|notifications|promos|promotions|alerts|reminders|marketing)`;
const POLITE_EN = String.raw`(?:please|pls|plz|now|it|immediately|asap|thanks|thank you|thx|already|right now)`;
// POLITE_EN without "it": "please cancel it" asks about an appointment.
const COURTESY_EN = String.raw`(?:please|pls|plz|now|immediately|asap|thanks|thank you|thx|already|right now)`;
const MY_ADDRESS = String.raw`(?:number|phone|phone number|cell|cell number|email|email address|e-mail|info|information|contact info|details)`;

// "wrong number", "sorry, you have the wrong number", "this isn't Maria, wrong number, stop": the
// whole reply says the number is not the person's; "I gave you the wrong number" or "wrong number
// on the invoice" do not match. A stranger never consented, so it is an opt-out for review.
const WRONG_NUMBER_EN = new RegExp(
  String.raw`^(?:(?:sorry|oops|hi|hello|hey|um|uh|no|nope|hmm)\s+)*` +
    String.raw`(?:(?:this is not|this isn't|this aint|i'm not|i am not|im not|not)\s+[a-z'-]+\s+(?:(?:sorry|oops|no)\s+)*)?` +
    String.raw`(?:(?:you have|you've|you've got|you got|u have|u got|you have got|you're texting|you are texting|you texted|this is|that's|thats|it's|its)\s+)?` +
    String.raw`(?:(?:the|a)\s+)?wrong\s+(?:number|person|phone number|phone|cell|cell number)` +
    String.raw`(?:\s+(?:sorry|buddy|bud|dude|man|mate|sir|lol|bye|${COURTESY_EN}|(?:please\s+)?stop(?:\s+(?:texting|messaging|contacting)(?:\s+me)?)?|remove me|lose my number|delete my number|remove my number|take me off(?:\s+your list)?))*$`,
);

const ENGLISH: readonly RegExp[] = [
  // "stop texting me", "quit messaging", "stop calling"
  /\b(?:stop|quit|cease)\s+(?:texting|txting|messaging|msging|contacting|e-?mailing|calling|spamming|bothering|harassing|writing to)\b(?!\s+(?:while|and|when)\s+(?:driv|walk))/,
  // "stop sending me messages"; "stop sending the invoice to my old address" is not an opt-out
  new RegExp(String.raw`\b(?:stop|quit|cease)\s+sending\s+(?:me|us|these|those|this|them|your|any|${MEDIA})\b`),
  // "stop these messages", "stop all messages from all your locations", "cancel my texts"
  new RegExp(String.raw`\b(?:stop|end|cancel|quit)\s+(?:(?:all|the|these|those|your|ur|of|my)\s+)*${MEDIA}`),
  // the whole message is a bare request: "please stop", "stop it", "stop stop stop", "opt-out"
  new RegExp(String.raw`^(?:(?:please|pls|plz|ok|okay|just)\s+)*(?:stop|quit|unsubscribe|unsub|opt[- ]?out)(?:\s+(?:${POLITE_EN}|stop|unsubscribe))*$`),
  // "take me off your list", "delete my email from your database"; not "take me off the waitlist"
  new RegExp(
    String.raw`\b(?:take|remove|delete|drop|erase|get)\s+(?:me|us|my\s+${MY_ADDRESS})\s+(?:off|from|out of)\s+` +
      String.raw`(?:(?:your|the|this|these|ur|all|all your|all of your|every|any)\s+)?` +
      String.raw`(?:(?:mailing|texting|text|sms|email|e-mail|contact|marketing|call|calling|messaging|distribution|subscriber|subscription|promotional|promo)\s+)?` +
      String.raw`(?:list|lists|database|system|contacts)\b`,
  ),
  // the message ends on the request: "please remove me", "remove my number please"
  new RegExp(String.raw`\b(?:remove|delete|erase)\s+(?:me|my\s+${MY_ADDRESS})(?:\s+${POLITE_EN})*$`),
  /\bunsubscribe\s+(?:me|us|this number|my number|my phone|my email|this email)\b/,
  /\bopt\s+me\s+out\b/,
  // "I want to unsubscribe", but not "I want to unsubscribe my son from soccer"
  /\b(?:want|wish|like|need|wanna)\s+(?:to\s+)?(?:unsubscribe|opt[- ]?out|be removed|be taken off|stop receiving|stop getting)\b(?!\s+(?:my|his|her|him|them|our|the|a)\s+(?!number|phone|cell|email|e-mail|info)\w)/,
  /\bhow (?:do|can) i (?:unsubscribe|opt[- ]?out|stop (?:these|the|your|getting|receiving))\b(?!\s+(?:my|his|her|him|them)\b)/,
  // "I don't want these texts anymore", "I no longer want to receive these messages"
  new RegExp(
    String.raw`\b(?:don'?t|do not|no longer|never)\s+(?:want|wish|need)\s+(?:to\s+(?:receive|get|see)\s+)?` +
      String.raw`(?:(?:any|these|those|your|the|this|ur|more|all)\s+)*${MEDIA}`,
  ),
  // "do not contact me again", "don't text me"; not "don't text me before 9am"
  /\b(?:don'?t|do not|never)\s+(?:ever\s+)?(?:text|txt|message|msg|contact|e-?mail|call|write to|sms|bother|spam)\s+(?:me|us|this number|my number)(?:(?:\s+(?:again|anymore|any more|ever|at all|please|pls|thanks|thank you))*$|\s+(?:again|anymore|any more|ever)\b)/,
  new RegExp(String.raw`\bno\s+more\s+(?:(?:of\s+)?(?:these|your|the|this)\s+)?${MEDIA}`),
  /\bleave\s+me\s+alone\b/,
  // "take me off", "take me off of this"; not "take me off hold" or "take me off speaker"
  new RegExp(String.raw`\b(?:take|get)\s+(?:me|us|my number|this number)\s+off(?:\s+(?:of\s+)?(?:this|it|that|here))?(?:\s+${COURTESY_EN})*$`),
  // "lose my number" as the whole request; not "did you lose my number?" or "don't lose my number"
  new RegExp(String.raw`^(?:(?:please|pls|plz|just|kindly|ok|okay|so)\s+)*lose\s+(?:my|this)\s+(?:number|phone number|cell|contact|contact info|info|digits)(?:\s+${COURTESY_EN})*$`),
  WRONG_NUMBER_EN,
  // a bare "remove" (an AWS default opt-out keyword, not one of ours) or "please cancel"
  new RegExp(String.raw`^(?:(?:please|pls|plz|just)\s+)*remove(?:\s+${COURTESY_EN})*$`),
  new RegExp(String.raw`^(?:(?:please|pls|plz|ok|okay|just)\s+)+cancel(?:\s+${COURTESY_EN})*$`),
  new RegExp(String.raw`\bopt[- ]?out\s+(?:of|from)\s+(?:(?:all|the|these|those|your|ur|any|this)\s+)*(?:${MEDIA}|list|lists|everything|texting|messaging|this|it|them)\b`),
  /\b(?:revoke|revoking|withdraw|withdrawing)\s+(?:my\s+|all\s+|any\s+)?(?:consent|permission|authori[sz]ation)\b/,
];

// The request ends on a keyword after a clause of its own: "not interested, stop", "who is this? STOP".
// Read on the normalised text, whose punctuation marks the clause; "the bus stop" has none.
const CLOSING_KEYWORD_EN = /[,.;:!?]\s*(?:(?:PLEASE|PLS|PLZ|JUST|NOW|SO)\s+)?(?:STOP|UNSUBSCRIBE|OPT[- ]?OUT|QUIT)(?:[\s,.!]+(?:PLEASE|PLS|PLZ|NOW|THANKS|THANK YOU))*$/;
const CLOSING_KEYWORD_FR = /[,.;:!?]\s*(?:ARRET|ARRETEZ|ARRETE)(?:[\s,.!]+(?:SVP|STP|MERCI))*$/;

const MEDIA_FR = String.raw`(?:messages|textos|texto|textes|courriels|appels|sms|notifications|rappels|envois|promotions|communications|offres|nouvelles)`;
const POLITE_FR = String.raw`(?:svp|stp|s'il vous plait|s'il te plait|merci|maintenant|immediatement|tout de suite|ca|tout)`;

// "mauvais numéro", "vous avez le mauvais numéro", "désolé, erreur de numéro"; not "j'ai donné le
// mauvais numéro", "mauvais numéro de facture" or "je me suis trompé de numéro".
const WRONG_NUMBER_FR = new RegExp(
  String.raw`^(?:(?:desole|desolee|oups|bonjour|allo|non|pardon|euh)\s+)*` +
    String.raw`(?:(?:ce n'est pas|c'est pas|je ne suis pas|je suis pas|pas)\s+[a-z'-]+\s+(?:(?:desole|desolee|oups|non|pardon)\s+)*)?` +
    String.raw`(?:(?:vous avez|tu as|t'as|c'est|ceci est)\s+)?(?:(?:le|un)\s+)?` +
    String.raw`(?:mauvais\s+(?:numero|num|destinataire)|mauvaise\s+personne|faux\s+numero|erreur\s+de\s+(?:numero|personne|destinataire)|(?:vous\s+vous\s+etes|tu\s+t'es)\s+trompee?s?\s+de\s+(?:numero|personne))` +
    String.raw`(?:\s+(?:desole|desolee|${POLITE_FR}|arretez|arrete|stop|retirez-moi|retirez moi|oubliez mon numero|effacez mon numero|supprimez mon numero|arretez de m'ecrire|arretez de me texter))*$`,
);

const FRENCH: readonly RegExp[] = [
  // "arrêtez de m'écrire", "cessez de me contacter", "arrête d'envoyer des textos"
  /\b(?:arrete[rz]?|arretes|cesse[rz]?|cesses)\s+(?:de\s+|d')(?:m'|me\s+|nous\s+)?(?:ecrire|texter|envoyer|contacter|appeler|harceler|deranger|relancer|spammer|solliciter)\b/,
  new RegExp(String.raw`\b(?:arrete[rz]?|arretes|cesse[rz]?|stoppez|stop)\s+(?:(?:les|vos|ces|tes|tous|toutes)\s+)*${MEDIA_FR}\b`),
  new RegExp(String.raw`^(?:${POLITE_FR}\s+)*(?:arretez|arrete|arretes|stop|stoppez|cessez)(?:\s+(?:${POLITE_FR}|stop|arretez))*$`),
  // "retirez-moi de votre liste", "enlevez mon numéro"; not "je veux retirer de l'argent"
  new RegExp(
    String.raw`\b(?:retire[rz]?|retires|enleve[rz]?|enleves|supprime[rz]?|supprimes|efface[rz]?|raye[rz]?|sortez|oublie[rz]?)[- ]` +
      String.raw`(?:moi|nous|mon (?:numero|courriel|adresse|nom|cell|cellulaire|telephone))` +
      String.raw`(?:$|\s+(?:${POLITE_FR}|de\s+(?:votre|vos|la|cette|ta|tes)\s+(?:\w+\s+)?(?:liste|listes|base|contacts|envois|fichier))\b)`,
  ),
  /\bme\s+(?:desabonner|desinscrire|retirer\s+de\s+(?:votre|vos|la|cette)\s+(?:\w+\s+)?(?:liste|listes|base|envois))\b/,
  /\b(?:desabonne[rz]?|desinscri(?:s|vez|re))[- ](?:moi|nous)\b/,
  // "je ne veux plus recevoir de messages", "je ne veux plus de vos textos"
  new RegExp(
    String.raw`\bne\s+(?:veux|veut|voulons|souhaite|souhaitons|desire|desirons)\s+plus\s+(?:rien\s+)?` +
      String.raw`(?:recevoir|etre\s+(?:contacte|sollicite|derange)e?s?|(?:(?:de|d'|des|vos|ces|tes|les)\s*)+${MEDIA_FR})`,
  ),
  // spoken French drops the "ne": "je veux plus recevoir de messages"; not "je veux plus de détails",
  // which can mean "more details"
  /\bje\s+veux\s+plus\s+(?:recevoir|etre\s+(?:contacte|sollicite|derange)e?s?)\b/,
  // "ne m'écrivez plus", "veuillez ne plus me contacter"
  /\bne\s+(?:m'|me\s+|nous\s+)(?:ecri|contact|text|envoy|appel|derange|relance|sollicit)\w*\s+plus\b/,
  /\bne\s+plus\s+(?:m'|me\s+|nous\s+)(?:ecrire|contacter|texter|envoyer|appeler|deranger|relancer)\b/,
  // "laissez-moi tranquille"; not the Québécois "laissez-moi savoir" (let me know)
  /\b(?:laisse[rz]?|laisses|fiche[rz]?|foute[rz]?)[- ]moi\s+(?:tranquille|en paix|la paix)\b/,
  // "plus de textos"; not "pas de messages vocaux, textez-moi" (no voicemail, text me instead)
  new RegExp(String.raw`^(?:plus|pas|assez)\s+de\s+${MEDIA_FR}\b(?!\s+vocaux)`),
  WRONG_NUMBER_FR,
  // a bare "désabonnement", or "je me désabonne" as the whole reply; not "je me désabonne de la chorale"
  new RegExp(String.raw`^(?:desabonnement|desabonner|desabonnez|desinscription|desinscrire|desinscrivez)(?:\s+(?:${POLITE_FR}|moi))*$`),
  new RegExp(String.raw`^je\s+me\s+(?:desabonne|desinscris)(?:\s+${POLITE_FR})*$`),
  /\b(?:retire|retirons|retirer|revoque|revoquer|annule|annuler)\s+(?:mon|notre|le)\s+consentement\b/,
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
