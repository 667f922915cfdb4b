// Localized names for engine values. The engine speaks in codes; people read these.
import { msg, str } from '@lit/localize';
import type { ChannelType, InboundIntent, OptOutScope, ScopeMessages } from '../../engine/index.js';
import { getLocale } from '../../localization/localization.js';

/** The admin-facing name of an opt-out scope. */
export function scopeLabel(scope: OptOutScope): string {
  switch (scope) {
    case 'channel':
      return msg('Only the channel messaged');
    case 'channel-type':
      return msg('All channels of the same type');
    case 'organization':
      return msg('Every channel in the organization');
  }
}

/** One line on what a scope does, shown under its label. */
export function scopeHint(scope: OptOutScope): string {
  switch (scope) {
    case 'channel':
      return msg('A STOP reply unsubscribes the contact from that one channel at that one location.');
    case 'channel-type':
      return msg('A STOP reply to an SMS channel unsubscribes the contact from every SMS channel, at every location.');
    case 'organization':
      return msg('A STOP reply unsubscribes the contact from every channel of every type, at every location.');
  }
}

/** The display name of a channel type. */
export function channelTypeLabel(type: ChannelType): string {
  switch (type) {
    case 'sms':
      return msg('SMS');
    case 'whatsapp':
      return msg('WhatsApp');
    case 'voice':
      return msg('Voice');
    case 'email':
      return msg('Email');
  }
}

/** The name of what an inbound reply asked for. */
export function intentLabel(intent: InboundIntent): string {
  switch (intent) {
    case 'opt-out':
      return msg('Opt-out');
    case 'opt-out-all':
      return msg('Opt-out from everything');
    case 'opt-in':
      return msg('Opt-in');
    case 'help':
      return msg('Help request');
    case 'none':
      return msg('Ordinary message');
  }
}

/** How a reply was classified: an exact keyword, a plain-language request, the carrier's own, or nothing. */
export function matchLabel(match: 'exact' | 'phrase' | 'carrier' | 'none'): string {
  switch (match) {
    case 'exact':
      return msg('Exact keyword');
    case 'phrase':
      return msg('Plain-language request');
    case 'carrier':
      return msg('Classified by the carrier');
    case 'none':
      return msg('None');
  }
}

/** The name of a language code in the active locale ("fr" → "French"). */
export function languageName(code: string): string {
  return new Intl.DisplayNames([getLocale()], { type: 'language' }).of(code) ?? code;
}

/** A list joined the way the active locale joins lists ("a, b and c"). */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(items);
}

/** A channel type as it reads inside a sentence ("every voice channel", "chaque canal vocal"). */
function channelTypeInSentence(type: ChannelType): string {
  switch (type) {
    case 'sms':
      return msg('SMS', { id: 'sentence-sms' });
    case 'whatsapp':
      return msg('WhatsApp', { id: 'sentence-whatsapp' });
    case 'voice':
      return msg('voice', { id: 'sentence-voice' });
    case 'email':
      return msg('email', { id: 'sentence-email' });
  }
}

/**
 * Localized wording for the engine's `explainScope`. In English it reads word for word as the
 * engine's own `ENGLISH_SCOPE_MESSAGES` (a unit test holds them together), so the sentence an
 * admin copies from Settings is the one the backend and the docs use.
 */
export function scopeMessages(): ScopeMessages {
  return {
    list: formatList,
    sentence: ({ example, affected, count, scope, channelType }) => {
      switch (scope) {
        case 'channel':
          return msg(str`If a contact replies STOP to ${example}, they are unsubscribed from ${affected} only. If they later reply START, they are re-subscribed to ${example}.`);
        case 'channel-type': {
          const type = channelTypeInSentence(channelType);
          return msg(str`If a contact replies STOP to ${example}, they are unsubscribed from every ${type} channel (${count}): ${affected}. If they later reply START, they are re-subscribed to the same channels.`);
        }
        case 'organization':
          return msg(str`If a contact replies STOP to ${example}, they are unsubscribed from every channel in the organization (${count}): ${affected}. If they later reply START, they are re-subscribed to the same channels.`);
      }
    },
  };
}

/**
 * Picks the singular or plural wording for `count` by the current locale's plural rules (French
 * counts 0 and 1 as singular, English only 1). Both wordings come from `msg()` and carry the count.
 */
export function byCount(count: number, one: () => string, other: () => string): string {
  return new Intl.PluralRules(getLocale()).select(count) === 'one' ? one() : other();
}

/** The limit of a free-text field, said before it is reached ("Up to 2,000 characters."). */
export function lengthLimitLabel(limit: number): string {
  const max = new Intl.NumberFormat(getLocale()).format(limit);
  return msg(str`Up to ${max} characters.`);
}
