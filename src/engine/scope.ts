import type { Channel, ChannelType, OptOutScope } from './types.js';

/** The intents that move consent, as far as scope resolution cares. */
export type ScopedIntent = 'opt-out' | 'opt-out-all' | 'opt-in';

/**
 * Returns the ids of the channels a reply on `messaged` affects: the messaged channel first, then
 * the others in input order, without duplicates. `opt-out-all` always reaches the whole
 * organization; `opt-in` reaches exactly what an opt-out under the same scope would, so START
 * undoes STOP.
 */
export function resolveOptOutChannels(
  messaged: Channel,
  scope: OptOutScope,
  channels: readonly Channel[],
  intent: ScopedIntent = 'opt-out',
): string[] {
  const effective = intent === 'opt-out-all' ? 'organization' : scope;
  const ids = [messaged.id];
  if (effective === 'channel') return ids;
  const sameTypeOnly = effective === 'channel-type';
  // Channel lists come from hosts and may repeat an id; a repeated id must not be written twice.
  const seen = new Set(ids);
  for (const channel of channels) {
    if (sameTypeOnly && channel.type !== messaged.type) continue;
    // One hash lookup per channel: add, and keep the id only if the set grew.
    const before = seen.size;
    seen.add(channel.id);
    if (seen.size !== before) ids.push(channel.id);
  }
  return ids;
}

/** Alias of {@link resolveOptOutChannels}, under the name DESIGN.md uses. */
export const resolveOptOut = resolveOptOutChannels;

/** Which channels a scope reaches from one example channel, split for a preview. */
export interface ScopeDescription {
  scope: OptOutScope;
  example: Channel;
  affected: Channel[];
  unaffected: Channel[];
}

/** Splits `channels` into those an opt-out on `example` (default: the first SMS channel, else the first) would affect and the rest. */
export function describeScope(scope: OptOutScope, channels: readonly Channel[], example?: Channel): ScopeDescription {
  const chosen = example ?? channels.find((channel) => channel.type === 'sms') ?? channels[0];
  if (!chosen) throw new Error('describeScope needs at least one channel, or an example channel, to describe a scope.');
  const affectedIds = new Set(resolveOptOutChannels(chosen, scope, channels));
  const affected: Channel[] = [chosen];
  const unaffected: Channel[] = [];
  const listed = new Set([chosen.id]);
  for (const channel of channels) {
    if (listed.has(channel.id)) continue;
    listed.add(channel.id);
    (affectedIds.has(channel.id) ? affected : unaffected).push(channel);
  }
  return { scope, example: chosen, affected, unaffected };
}

/** What {@link ScopeMessages.sentence} receives; `affected` is already a formatted list. */
export interface ScopeSentenceData {
  /** The example channel's name. */
  example: string;
  /** The affected channels' names, formatted by {@link ScopeMessages.list}. */
  affected: string;
  count: number;
  scope: OptOutScope;
  /** The example channel's type, for "every SMS channel". */
  channelType: ChannelType;
}

/** Wording for {@link explainScope}, so a UI can supply localized templates. */
export interface ScopeMessages {
  /** Builds the whole explanation. */
  sentence(d: ScopeSentenceData): string;
  /** Joins channel names; defaults to an English conjunction list. */
  list?(items: string[]): string;
}

const TYPE_LABELS: Record<ChannelType, string> = { sms: 'SMS', whatsapp: 'WhatsApp', voice: 'voice', email: 'email' };

let englishList: Intl.ListFormat | undefined;

function formatEnglishList(items: string[]): string {
  englishList ??= new Intl.ListFormat('en', { type: 'conjunction' });
  return englishList.format(items);
}

/** The default English wording of {@link explainScope}. */
export const ENGLISH_SCOPE_MESSAGES: ScopeMessages = {
  sentence({ example, affected, count, scope, channelType }) {
    const reach =
      scope === 'channel'
        ? `${affected} only`
        : scope === 'channel-type'
          ? `every ${TYPE_LABELS[channelType]} channel (${count}): ${affected}`
          : `every channel in the organization (${count}): ${affected}`;
    const again = scope === 'channel' ? `to ${example}` : 'to the same channels';
    return `If a contact replies STOP to ${example}, they are unsubscribed from ${reach}. If they later reply START, they are re-subscribed ${again}.`;
  },
  list: formatEnglishList,
};

/** Explains in plain language which real channels a STOP on `example` would unsubscribe from. */
export function explainScope(
  scope: OptOutScope,
  channels: readonly Channel[],
  example?: Channel,
  messages: ScopeMessages = ENGLISH_SCOPE_MESSAGES,
): string {
  const description = describeScope(scope, channels, example);
  const names = description.affected.map((channel) => channel.name);
  const list = messages.list ?? formatEnglishList;
  return messages.sentence({
    example: description.example.name,
    affected: list.call(messages, names),
    count: names.length,
    scope,
    channelType: description.example.type,
  });
}
