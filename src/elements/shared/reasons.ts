// The engine's eligibility reasons in words: a short label for a grid cell, and the sentence with
// every fact for its disclosure.
import { msg, str } from '@lit/localize';
import type { Channel, ChannelType, EligibilityReason, OptOutScope } from '../../engine/index.js';
import type { Me, OrganizationMember } from '../../client/types.js';
import { channelTypeLabel } from './labels.js';
import { actorName, formatDate } from './format.js';

/** What a reason's sentence needs beyond the reason itself. */
export interface ReasonContext {
  channels: readonly Channel[];
  me: Me | undefined;
  /** The organization's users by name, to say who blocked or unsubscribed. */
  members?: readonly OrganizationMember[];
  /** Whether the contact has several destinations of the kind, so the sentence names which one. */
  namesDestination?: boolean;
}

/** A short label for a reason, for a grid cell. */
export function reasonLabel(reason: EligibilityReason): string {
  switch (reason.code) {
    case 'blocked':
      return msg('Blocked');
    case 'unsubscribed':
      return msg('Unsubscribed');
    case 'no-destination':
      return reason.kind === 'phone' ? msg('No phone number') : msg('No email address');
    case 'invalid-destination':
      return reason.kind === 'phone' ? msg('Invalid phone number') : msg('Invalid email address');
    case 'excluded-by-preference':
      return msg("Contact's preference");
    default:
      // A reason a newer backend gives: still a reason not to message, said generically.
      return msg('Cannot message');
  }
}

/** The rule an opt-out was made under, for "(the rule then: …)". */
export function scopeAtTheTime(scope: OptOutScope, type: ChannelType | undefined): string {
  switch (scope) {
    case 'channel':
      return msg('only the channel messaged');
    case 'channel-type': {
      const label = type ? channelTypeLabel(type) : '';
      return type ? msg(str`all ${label} channels`) : msg('all channels of the same type');
    }
    case 'organization':
      return msg('every channel');
  }
}

/** The reason as a sentence with its facts: who, when, how, under which rule. */
export function reasonSentence(reason: EligibilityReason, context: ReasonContext): string {
  switch (reason.code) {
    case 'blocked': {
      const who = actorName(reason.blockedBy, context.me, context.members);
      const when = formatDate(reason.blockedAt);
      return reason.reason
        ? msg(str`Blocked by ${who} on ${when}: ${reason.reason}`)
        : msg(str`Blocked by ${who} on ${when}`);
    }
    case 'unsubscribed':
      return unsubscribedSentence(reason, context);
    case 'no-destination':
      return reason.kind === 'phone' ? msg('No phone number') : msg('No email address');
    case 'invalid-destination': {
      const value = reason.destination;
      return reason.kind === 'phone' ? msg(str`${value} is not a valid phone number`) : msg(str`${value} is not a valid email address`);
    }
    case 'excluded-by-preference': {
      const type = channelTypeLabel(reason.channelType);
      return msg(str`The contact asked not to be contacted by ${type}`);
    }
    default: {
      const code = (reason as { code: string }).code;
      return msg(str`Cannot be messaged (reason: ${code})`);
    }
  }
}

type Unsubscribed = Extract<EligibilityReason, { code: 'unsubscribed' }>;

function unsubscribedSentence(reason: Unsubscribed, { channels, me, members, namesDestination }: ReasonContext): string {
  const when = formatDate(reason.changedAt);
  const via = channels.find((c) => c.id === (reason.viaChannelId ?? reason.channelId));
  const viaName = via?.name ?? reason.viaChannelId ?? reason.channelId;
  const rule = reason.scope ? scopeAtTheTime(reason.scope, via?.type) : undefined;
  const who = actorName(reason.actor, me, members);
  const destination = reason.destination;
  let sentence: string;
  switch (reason.source) {
    case 'stop-reply': {
      const keyword = reason.keyword;
      sentence = keyword
        ? namesDestination
          ? msg(str`Unsubscribed: ${destination} replied ${keyword} to ${viaName} on ${when}`)
          : msg(str`Unsubscribed: replied ${keyword} to ${viaName} on ${when}`)
        : namesDestination
          ? msg(str`Unsubscribed: ${destination} asked to stop in a message to ${viaName}, applied on ${when}`)
          : msg(str`Unsubscribed: asked to stop in a message to ${viaName}, applied on ${when}`);
      break;
    }
    case 'agent':
      sentence = msg(str`Unsubscribed by ${who} on ${when}`);
      break;
    case 'bulk':
      sentence = msg(str`Unsubscribed by a bulk unsubscribe by ${who} on ${when}`);
      break;
    case 'api':
      sentence = msg(str`Unsubscribed through another system on ${when}`);
      break;
    case 'import':
      sentence = msg(str`Unsubscribed by a contact import on ${when}`);
      break;
    default:
      sentence = msg(str`Unsubscribed on ${when}`);
  }
  if (rule) sentence = msg(str`${sentence} (the rule then: ${rule})`);
  if (reason.note) {
    const note = reason.note;
    sentence = msg(str`${sentence}. Note: “${note}”`);
  }
  return sentence;
}
