import type { Channel, ChannelType, Contact, ConsentRecord } from '../../../src/engine/index.js';

const TYPE_NAMES: Record<ChannelType, string> = { sms: 'SMS', whatsapp: 'WhatsApp', voice: 'Voice', email: 'Email' };

/** Builds a channel named "<Location> <Type>", e.g. "Downtown SMS". */
export function channel(location: string, type: ChannelType): Channel {
  const slug = location.toLowerCase();
  return { id: `${slug}-${type}`, type, locationId: slug, address: `${slug}@${type}`, name: `${location} ${TYPE_NAMES[type]}` };
}

/** Three locations, each with all four channel types (12 channels). */
export const FULL_ORG: readonly Channel[] = ['Downtown', 'Airport', 'Uptown'].flatMap((location) =>
  (['sms', 'whatsapp', 'voice', 'email'] as const).map((type) => channel(location, type)),
);

/** Locations with uneven types: two SMS, one WhatsApp, no voice, two email. */
export const UNEVEN_ORG: readonly Channel[] = [
  channel('Downtown', 'sms'),
  channel('Downtown', 'email'),
  channel('Airport', 'whatsapp'),
  channel('Harbour', 'sms'),
  channel('Harbour', 'email'),
];

/** Looks a channel up by id in {@link FULL_ORG}, failing loudly on a typo. */
export function byId(id: string, channels: readonly Channel[] = FULL_ORG): Channel {
  const found = channels.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No channel ${id} in fixture`);
  return found;
}

/** A messageable contact with one valid phone and one valid email. */
export function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 'c1',
    name: 'Ada Lovelace',
    destinations: [
      { kind: 'phone', value: '+15145550100', valid: true },
      { kind: 'email', value: 'ada@example.com', valid: true },
    ],
    blocked: null,
    excludedChannelTypes: [],
    tags: [],
    locationIds: ['downtown'],
    ...overrides,
  };
}

/** A consent record with sensible defaults. */
export function record(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    destination: '+15145550100',
    channelId: 'downtown-sms',
    status: 'unsubscribed',
    changedAt: '2024-05-01T12:00:00.000Z',
    source: 'stop-reply',
    actor: { type: 'contact' },
    keyword: null,
    viaChannelId: null,
    scope: null,
    note: null,
    jobId: null,
    ...overrides,
  };
}
