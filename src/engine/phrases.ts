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
    String.raw`(?:DON.?T|DO NOT|NEVER|NO LONGER) (?:EVER )?(?:WANT|WISH|NEED|TEXT|TXT|MESSAGE|MSG|CONTACT|E-?MAIL|CALL|WRITE|SMS|BOTHER|SPAM)`,
    String.raw`ARRET|CESS|RETIR|ENLEV|SUPPRIM|EFFAC|RAYE|SORTEZ|DESABON|DESINSCRI|LAISS|FICHE|FOUTE`,
    String.raw`\bNE (?:PLUS|M|NOUS|VEU|VOUL|SOUHAIT|DESIR)|^(?:PLUS|PAS|ASSEZ) DE`,
  ].join('|'),
);

const APOSTROPHES = /[’‘`ʼ]/g;
const SEPARATORS = /[^\p{L}\p{N}' -]+/gu;
const SPACES = /\s+/g;

// "don't stop the reminders", "I can't stop smiling", "n'arrêtez pas": a negated verb asks for
// the opposite, so it is blanked out before the patterns look for requests to stop.
const NEGATED_EN = /\b(?:don'?t|do not|never|can'?t|cannot|can not)\s+(?:ever\s+)?(?:stop|quit|cease|unsubscribe|remove|opt)\w*/g;
const NEGATED_FR = /\bn(?:e\s+|')(?:arret|cess|desabonn|desinscri|retir|enlev)\w*(?:\s+pas)?/g;

const MEDIA = String.raw`(?:texts|messages|msgs|emails|e-mails|calls|sms|spam|notifications|promos|promotions|alerts|reminders|marketing)`;
const POLITE_EN = String.raw`(?:please|pls|plz|now|it|immediately|asap|thanks|thank you|thx|already|right now)`;
const MY_ADDRESS = String.raw`(?:number|phone|phone number|cell|cell number|email|email address|e-mail|info|information|contact info|details)`;

const ENGLISH: readonly RegExp[] = [
  // "stop texting me", "quit messaging", "stop calling"
  /\b(?:stop|quit|cease)\s+(?:texting|txting|messaging|msging|contacting|e-?mailing|calling|spamming|bothering|harassing|writing to)\b/,
  // "stop sending me messages"; "stop sending the invoice to my old address" is not an opt-out
  new RegExp(String.raw`\b(?:stop|quit|cease)\s+sending\s+(?:me|us|these|those|this|them|your|any|${MEDIA})\b`),
  // "stop these messages", "stop all messages from all your locations"
  new RegExp(String.raw`\bstop\s+(?:(?:all|the|these|those|your|ur|of)\s+)*${MEDIA}`),
  // the whole message is a bare request: "please stop", "stop it", "stop stop stop", "opt-out"
  new RegExp(String.raw`^(?:(?:please|pls|plz|ok|okay|just)\s+)*(?:stop|quit|unsubscribe|opt[- ]?out)(?:\s+(?:${POLITE_EN}|stop|unsubscribe))*$`),
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
];

const MEDIA_FR = String.raw`(?:messages|textos|texto|textes|courriels|appels|sms|notifications|rappels|envois|promotions|communications|offres|nouvelles)`;
const POLITE_FR = String.raw`(?:svp|stp|s'il vous plait|s'il te plait|merci|maintenant|immediatement|tout de suite|ca|tout)`;

const FRENCH: readonly RegExp[] = [
  // "arrêtez de m'écrire", "cessez de me contacter", "arrête d'envoyer des textos"
  /\b(?:arrete[rz]?|arretes|cesse[rz]?|cesses)\s+(?:de\s+|d')(?:m'|me\s+|nous\s+)?(?:ecrire|texter|envoyer|contacter|appeler|harceler|deranger|relancer|spammer|solliciter)\b/,
  new RegExp(String.raw`\b(?:arrete[rz]?|arretes|cesse[rz]?|stoppez|stop)\s+(?:(?:les|vos|ces|tes|tous|toutes)\s+)*${MEDIA_FR}\b`),
  new RegExp(String.raw`^(?:${POLITE_FR}\s+)*(?:arretez|arrete|arretes|stop|stoppez|cessez)(?:\s+(?:${POLITE_FR}|stop|arretez))*$`),
  // "retirez-moi de votre liste", "enlevez mon numéro"; not "je veux retirer de l'argent"
  new RegExp(
    String.raw`\b(?:retire[rz]?|retires|enleve[rz]?|enleves|supprime[rz]?|supprimes|efface[rz]?|raye[rz]?|sortez)[- ]` +
      String.raw`(?:moi|nous|mon (?:numero|courriel|adresse|nom|cell|cellulaire|telephone))` +
      String.raw`(?:$|\s+(?:${POLITE_FR}|de\s+(?:votre|vos|la|cette|ta|tes)\s+(?:\w+\s+)?(?:liste|listes|base|contacts|envois|fichier))\b)`,
  ),
  /\bme\s+(?:desabonner|desinscrire|retirer\s+de\s+(?:votre|vos|la|cette)\s+(?:\w+\s+)?(?:liste|listes|base|envois))\b/,
  /\b(?:desabonne[rz]?|desinscri(?:s|vez|re))[- ](?:moi|nous)\b/,
  // "je ne veux plus recevoir de messages", "je ne veux plus de vos textos"
  new RegExp(
    String.raw`\bne\s+(?:veux|veut|voulons|souhaite|souhaitons|desire|desirons)\s+plus\s+(?:rien\s+)?` +
      String.raw`(?:recevoir|(?:(?:de|d'|des|vos|ces|tes|les)\s*)+${MEDIA_FR})`,
  ),
  // "ne m'écrivez plus", "veuillez ne plus me contacter"
  /\bne\s+(?:m'|me\s+|nous\s+)(?:ecri|contact|text|envoy|appel|derange|relance|sollicit)\w*\s+plus\b/,
  /\bne\s+plus\s+(?:m'|me\s+|nous\s+)(?:ecrire|contacter|texter|envoyer|appeler|deranger|relancer)\b/,
  // "laissez-moi tranquille"; not the Québécois "laissez-moi savoir" (let me know)
  /\b(?:laisse[rz]?|laisses|fiche[rz]?|foute[rz]?)[- ]moi\s+(?:tranquille|en paix|la paix)\b/,
  new RegExp(String.raw`^(?:plus|pas|assez)\s+de\s+${MEDIA_FR}\b`),
];

/** Returns the language of the opt-out phrase in `normalized` text (from `normalizeKeyword`), or undefined. */
export function matchOptOutPhrase(normalized: string): 'en' | 'fr' | undefined {
  const text = normalized
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(SEPARATORS, ' ')
    .replace(NEGATED_EN, ' ~ ')
    .replace(NEGATED_FR, ' ~ ')
    .replace(SPACES, ' ')
    .trim();
  if (ENGLISH.some((pattern) => pattern.test(text))) return 'en';
  if (FRENCH.some((pattern) => pattern.test(text))) return 'fr';
  return undefined;
}
