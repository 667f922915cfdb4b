// What counts as a valid destination, and how a messaging provider's addresses map to ours. One
// rule for the seed's imports, the inbound path and the provider webhooks.
import { isValidPhoneNumber } from 'libphonenumber-js/min';
import type { ChannelType, Destination, DestinationKind } from './types.js';

const E164 = /^\+[1-9]\d{6,14}$/;
// One @, something on each side, a dot in the domain, no spaces: the shape every mail system
// accepts. Deliverability is the mail provider's to judge, not ours.
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** Whether `value` is a phone number in E.164 form that exists in the numbering plan. */
export function isValidPhone(value: string): boolean {
  return E164.test(value) && isValidPhoneNumber(value);
}

/** Whether `value` has the shape of an email address. */
export function isValidEmail(value: string): boolean {
  return EMAIL.test(value);
}

/** Whether `value` is a valid destination of `kind`. */
export function isValidDestination(kind: DestinationKind, value: string): boolean {
  return kind === 'phone' ? isValidPhone(value) : isValidEmail(value);
}

/**
 * The form a destination is stored and compared in, so that consent keyed by it is found whatever
 * the case it arrives in: an email address is lower-cased (mail systems treat addresses
 * case-insensitively in practice, and a STOP from Ava@Example.com must stop ava@example.com), a
 * phone is trimmed (E.164 has no case).
 */
export function destinationKey(kind: DestinationKind, value: string): string {
  return kind === 'email' ? value.trim().toLowerCase() : value.trim();
}

/** A destination of `kind` with its validity, as stored on a contact. */
export function destinationOf(kind: DestinationKind, value: string): Destination {
  const key = destinationKey(kind, value);
  return { kind, value: key, valid: isValidDestination(kind, key) };
}

/** An address as a provider writes it: the address itself and the channel type its prefix names. */
export interface ProviderAddress {
  address: string;
  /** The channel type a prefix such as `whatsapp:` names; absent for a bare number or mailbox. */
  channelType?: ChannelType;
}

const PREFIXES: ReadonlyArray<readonly [string, ChannelType]> = [['whatsapp:', 'whatsapp']];

/**
 * Reads a provider's address. Twilio writes WhatsApp numbers as `whatsapp:+14165550123` in both
 * `From` and `To`; the number after the prefix is the contact's phone (consent is kept by
 * destination, so a STOP on WhatsApp is the same phone's as on SMS) and the prefix says which of
 * the business's channels on that number the message came in on.
 */
export function parseProviderAddress(raw: string): ProviderAddress {
  const trimmed = raw.trim();
  for (const [prefix, channelType] of PREFIXES) {
    if (trimmed.toLowerCase().startsWith(prefix)) return { address: trimmed.slice(prefix.length).trim(), channelType };
  }
  return { address: trimmed };
}
