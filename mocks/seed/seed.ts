// Deterministic seed data: the same options always give the same organization, so tests, stories
// and QA can name contacts and expect the same facts about them.
import { isValidPhoneNumber } from 'libphonenumber-js/min';
import {
  classifyInbound,
  compareInstants,
  consentRecordsFor,
  contactOptOutRecords,
  destinationKindFor,
  inboundAction,
  type Channel,
  type ChannelType,
  type ConsentLookup,
  type ConsentRecord,
  type Contact,
  type Destination,
  type OptOutScope,
} from '../../src/engine/index.js';
import { sampleChannels, sampleLocations } from '../fixtures/sample-organization.js';
import { auditEvent } from '../store/audit-event.js';
import { DATABASE_VERSION, type AuditEvent, type MockDatabase, type MockUser } from '../store/types.js';
import { AREA_CODES, FIRST_NAMES, LAST_NAMES, TAGS } from './names.js';
import { Random } from './random.js';
import { sampleSequences } from './sequences.js';

export interface SeedOptions {
  /** How many contacts; 2,000 by default, 100,000 for scale. */
  contacts?: number;
  /** PRNG seed. */
  seed?: number;
}

export const DEFAULT_CONTACT_COUNT = 2000;

/** The seed's clock: every seeded event happens before this instant. */
export const SEED_NOW = Date.parse('2026-11-01T15:00:00Z');

export const sampleUsers: MockUser[] = [
  { id: 'u-admin', name: 'Alex Admin', email: 'alex@example.com', role: 'admin' },
  { id: 'u-manager', name: 'Morgan Manager', email: 'morgan@example.com', role: 'manager' },
  { id: 'u-agent', name: 'Riley Agent', email: 'riley@example.com', role: 'agent' },
  // The host's messaging integration: a service credential that only reports inbound messages.
  { id: 'u-integration', name: 'Messaging integration', email: 'integration@example.com', role: 'integration' },
];

/** Contacts with fixed ids and known states, for stories, tests and QA scripts. */
export const WELL_KNOWN = {
  /** Ava Tremblay: a valid phone and email, no opt-out. */
  subscribed: 'c-000001',
  /** Liam Gagnon: texted STOP to Downtown SMS under the channel scope, so only that channel. */
  partlyUnsubscribed: 'c-000002',
  /** Olivia Roy: blocked by a manager, no opt-out. */
  blocked: 'c-000003',
  /** Noah Côté: an email and no phone. */
  noPhone: 'c-000004',
  /** Emma Bouchard: a truncated, invalid phone and a valid email. */
  invalidPhone: 'c-000005',
  /** William Gauthier: texted STOP ALL to Airport SMS, which unsubscribed his phone and his email on every channel. */
  unsubscribedEverywhere: 'c-000006',
  /** Charlotte Morin: asked not to be contacted on WhatsApp, no opt-out. */
  whatsappExcluded: 'c-000007',
  /** Félix Lavoie: texted ARRET to Uptown SMS under the channel-type scope, so every SMS channel and not his email. */
  frenchStop: 'c-000008',
} as const;

/** Validates a phone number as E.164 (libphonenumber), as a real backend would on import. */
export function phoneDestination(value: string): Destination {
  return { kind: 'phone', value, valid: /^\+[1-9]\d{6,14}$/.test(value) && isValidPhoneNumber(value) };
}

/** Validates an email address well enough for seed data. */
export function emailDestination(value: string): Destination {
  return { kind: 'email', value, valid: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) };
}

const iso = (ms: number) => new Date(ms).toISOString();

class SeedBuilder {
  readonly consent: ConsentRecord[] = [];
  readonly audit: AuditEvent[] = [];
  private eventId = 0;
  /** The current record per destination and channel, kept as records are written (see `consentLookupFrom`). */
  private readonly latest = new Map<string, Map<string, ConsentRecord>>();
  readonly lookup: ConsentLookup = (destination, channelId) => this.latest.get(destination)?.get(channelId);

  constructor(private readonly channels: readonly Channel[]) {}

  /**
   * Records the contact's reply of `body` (an opt-out keyword) on `via` exactly as the backend's
   * inbound path applies it (mocks/store/messaging.ts `receive`): classified, resolved under
   * `scope`, and spread by `inboundTargets`, so under a wide scope a text STOP also unsubscribes
   * the contact's email.
   */
  stopReply(contact: Contact, via: Channel, scope: OptOutScope, body: string, at: number) {
    const from = contact.destinations.find((d) => d.kind === destinationKindFor(via.type));
    // The backend refuses a reply from a number it cannot parse, so no reply came from such a contact.
    if (!from?.valid) return;
    const classification = classifyInbound(body);
    const action = inboundAction(classification, via, this.channels, { scope, phrasePolicy: 'review' });
    if (action.kind !== 'apply-opt-out') throw new Error(`Seed reply "${body}" is not an opt-out keyword (${action.kind})`);
    // Exactly what the backend's inbound path writes.
    const written = contactOptOutRecords(from.value, via, action.channelIds, this.channels, contact, this.lookup, {
      at: iso(at),
      scope: action.scope,
      ...(classification.keyword ? { keyword: classification.keyword } : {}),
    });
    this.write(written);
    // One event per destination changed, as the backend's `recordConsentEvents` writes them.
    for (const destination of new Set(written.map((r) => r.destination))) {
      const channelIds = written.filter((r) => r.destination === destination).map((r) => r.channelId);
      this.event(contact, { action: 'unsubscribed', at, destination, channelIds, source: 'stop-reply', scope: action.scope, keyword: classification.keyword ?? null, inboundText: body, actor: 'contact' });
    }
  }

  /** Records an agent's unsubscribe of one destination on some channels. */
  agentUnsubscribe(contact: Contact, destination: string, channelIds: string[], at: number, actor: string) {
    this.write(consentRecordsFor({ destination, channelIds, status: 'unsubscribed', at: iso(at), source: 'agent', actor }));
    this.event(contact, { action: 'unsubscribed', at, destination, channelIds, source: 'agent', actor });
  }

  /** Drops every record and event of `contact`, for a contact whose facts are set afresh. */
  forget(contact: Contact) {
    const old = new Set(contact.destinations.map((d) => d.value));
    for (const value of old) this.latest.delete(value);
    const consent = this.consent.filter((r) => !old.has(r.destination));
    this.consent.splice(0, this.consent.length, ...consent);
    const audit = this.audit.filter((e) => e.contactId !== contact.id);
    this.audit.splice(0, this.audit.length, ...audit);
  }

  private write(records: readonly ConsentRecord[]) {
    for (const record of records) {
      this.consent.push(record);
      let byChannel = this.latest.get(record.destination);
      if (!byChannel) this.latest.set(record.destination, (byChannel = new Map()));
      const current = byChannel.get(record.channelId);
      if (!current || compareInstants(record.changedAt, current.changedAt) >= 0) byChannel.set(record.channelId, record);
    }
  }

  event(contact: Contact | null, e: Partial<Omit<AuditEvent, 'at'>> & { action: AuditEvent['action']; at: number; actor: string }) {
    this.audit.push(auditEvent({ id: `ev-seed-${++this.eventId}`, contactId: contact?.id ?? null, ...e, at: iso(e.at) }));
  }
}

function randomPhone(random: Random): string {
  return `+1${random.pick(AREA_CODES)}${random.int(2, 9)}${String(random.int(0, 999999)).padStart(6, '0')}`;
}

function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');
}

/** Builds the whole mock database. */
export function generateSeed(options: SeedOptions = {}): MockDatabase {
  const count = options.contacts ?? DEFAULT_CONTACT_COUNT;
  const seed = options.seed ?? 20261128;
  const random = new Random(seed);
  const channels = sampleChannels;
  const byId = new Map(channels.map((c) => [c.id, c]));
  const channel = (id: string) => byId.get(id) as Channel;
  const phoneChannels = channels.filter((c) => c.type !== 'email');
  const builder = new SeedBuilder(channels);
  const contacts: Contact[] = [];
  const usedPhones = new Set<string>();

  for (let i = 1; i <= count; i++) {
    const id = `c-${String(i).padStart(6, '0')}`;
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    let phone = randomPhone(random);
    while (usedPhones.has(phone)) phone = randomPhone(random);
    usedPhones.add(phone);
    const destinations: Destination[] = [];
    const roll = random.next();
    if (roll < 0.04) {
      // missing phone
    } else if (roll < 0.07) {
      destinations.push(phoneDestination(phone.slice(0, 8))); // truncated on import: not a valid number
    } else {
      destinations.push(phoneDestination(phone));
    }
    const emailRoll = random.next();
    const email = `${slug(name)}${i}@example.com`;
    if (emailRoll < 0.85) destinations.push(emailDestination(email));
    else if (emailRoll < 0.88) destinations.push(emailDestination(email.replace('@', '@@')));
    const channelPreferences: ChannelType[] = random.chance(0.05) ? [random.pick(['whatsapp', 'voice'] as const)] : [];
    const locationIds = [random.pick(sampleLocations).id];
    if (random.chance(0.2)) locationIds.push(random.pick(sampleLocations).id);
    const contact: Contact = {
      id,
      name,
      destinations,
      blocked: null,
      channelPreferences,
      tags: TAGS.filter(() => random.chance(0.12)),
      locationIds: [...new Set(locationIds)],
    };
    contacts.push(contact);

    const at = SEED_NOW - random.int(1, 400) * 86_400_000 - random.int(0, 86_399_999);
    if (random.chance(0.03)) {
      contact.blocked = { by: 'u-manager', at: iso(at), reason: 'Abusive messages' };
      builder.event(contact, { action: 'blocked', at, actor: 'u-manager', note: 'Abusive messages' });
    }
    const optOutRoll = random.next();
    if (optOutRoll < 0.12 && contact.destinations.some((d) => d.kind === 'phone')) {
      const via = random.pick(phoneChannels);
      const keyword = random.pick(['STOP', 'STOP', 'UNSUBSCRIBE', 'ARRET', 'CANCEL']);
      const scope = random.pick(['channel', 'channel-type', 'organization'] as const);
      // One reply in ten asks to stop everything, which takes its own keyword.
      builder.stopReply(contact, via, scope, random.chance(0.1) ? 'STOP ALL' : keyword, at);
    } else if (optOutRoll < 0.14) {
      const mail = contact.destinations.find((d) => d.kind === 'email');
      if (mail) builder.agentUnsubscribe(contact, mail.value, [random.pick(channels.filter((c) => c.type === 'email')).id], at, 'u-agent');
    }
  }

  applyWellKnown(contacts, builder, channel);

  return {
    version: DATABASE_VERSION,
    seed: { contacts: count, seed },
    organization: { id: 'org-northwind', name: 'Northwind Clinics', locations: sampleLocations, channels, sequences: sampleSequences },
    users: sampleUsers,
    currentUserId: 'u-admin',
    settings: {
      optOutScope: 'channel-type',
      phrasePolicy: 'review',
      customKeywords: { optOut: [], optOutAll: [], optIn: [], help: [] },
      updatedAt: iso(SEED_NOW - 30 * 86_400_000),
      updatedBy: 'u-admin',
    },
    settingsVersion: 1,
    contacts: contacts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1)),
    consent: builder.consent,
    audit: builder.audit.sort((a, b) => (a.at < b.at ? -1 : 1)),
    reviews: [],
    previews: [],
    jobs: [],
    messages: [],
    enrollments: [],
    idempotency: [],
    nextId: 1,
  };
}

/** Overwrites the first contacts with fixed, documented states (see {@link WELL_KNOWN}). */
function applyWellKnown(contacts: Contact[], builder: SeedBuilder, channel: (id: string) => Channel) {
  const at = SEED_NOW - 10 * 86_400_000;
  const set = (id: string, name: string, destinations: Destination[], extra: Partial<Contact> = {}) => {
    const contact = contacts.find((c) => c.id === id);
    if (!contact) return undefined;
    // Drop whatever the random pass recorded for this contact: its facts are fixed here.
    builder.forget(contact);
    Object.assign(contact, { name, destinations, blocked: null, channelPreferences: [], tags: ['vip'], locationIds: ['loc-downtown'] }, extra);
    return contact;
  };
  const phone = (n: string) => phoneDestination(`+1416${n}`);
  const mail = (local: string) => emailDestination(`${local}@example.com`);

  set(WELL_KNOWN.subscribed, 'Ava Tremblay', [phone('2030001'), mail('ava.tremblay')]);
  const partly = set(WELL_KNOWN.partlyUnsubscribed, 'Liam Gagnon', [phone('2030002'), mail('liam.gagnon')]);
  if (partly) builder.stopReply(partly, channel('ch-downtown-sms'), 'channel', 'STOP', at);
  const blocked = set(WELL_KNOWN.blocked, 'Olivia Roy', [phone('2030003'), mail('olivia.roy')], { blocked: { by: 'u-manager', at: iso(at), reason: 'Abusive messages' } });
  if (blocked) builder.event(blocked, { action: 'blocked', at, actor: 'u-manager', note: 'Abusive messages' });
  set(WELL_KNOWN.noPhone, 'Noah Côté', [mail('noah.cote')]);
  set(WELL_KNOWN.invalidPhone, 'Emma Bouchard', [phoneDestination('+1416203'), mail('emma.bouchard')]);
  const everywhere = set(WELL_KNOWN.unsubscribedEverywhere, 'William Gauthier', [phone('2030006'), mail('william.gauthier')]);
  // STOP ALL reaches every channel, and through them his email as well as his phone.
  if (everywhere) builder.stopReply(everywhere, channel('ch-airport-sms'), 'channel', 'STOP ALL', at);
  set(WELL_KNOWN.whatsappExcluded, 'Charlotte Morin', [phone('2030007'), mail('charlotte.morin')], { channelPreferences: ['whatsapp'] });
  const french = set(WELL_KNOWN.frenchStop, 'Félix Lavoie', [phone('2030008'), mail('felix.lavoie')], { locationIds: ['loc-uptown'] });
  if (french) builder.stopReply(french, channel('ch-uptown-sms'), 'channel-type', 'ARRET', at);
}
