// Dates, times and names formatted for the active locale with Intl. Contact data stays text.
import { msg } from '@lit/localize';
import type { Actor, Me, OrganizationMember } from '../../client/types.js';
import { getLocale } from '../../localization/localization.js';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(options: Intl.DateTimeFormatOptions, timeZone?: string): Intl.DateTimeFormat {
  const key = `${getLocale()}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(getLocale(), { ...options, ...(timeZone ? { timeZone } : {}) })));
  return format;
}

/** "12 Mar 2026" (en) / "12 mars 2026" (fr-CA). */
export function formatDate(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter({ dateStyle: 'medium' }, timeZone).format(date);
}

/** "12 Mar 2026, 09:14". */
export function formatDateTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter({ dateStyle: 'medium', timeStyle: 'short' }, timeZone).format(date);
}

/**
 * Who did something, in words: the organization's member of that id, by name (`members` is
 * optional in the contract; without it, or for a member since removed, the id is all there is).
 */
export function actorName(actor: Actor, me: Me | undefined, members: readonly OrganizationMember[] = []): string {
  if (actor.type === 'contact') return msg('the contact');
  if (actor.type === 'system') return msg('the system');
  const id = actor.id ?? actor.type;
  if (me && id === me.user.id) return me.user.name;
  return members.find((m) => m.id === id)?.name ?? id;
}

/**
 * A destination as people read it: North American numbers grouped ("+1 416 203 0002"), anything
 * else exactly as stored.
 */
export function formatDestination(value: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(value);
  return nanp ? `+1 ${nanp[1]} ${nanp[2]} ${nanp[3]}` : value;
}
