// Deterministic seed data: the same options always give the same organization, so tests, stories
// and QA can name contacts and expect the same facts about them.
import {
  CONTACT_ACTOR,
  type Actor,
  destinationOf,
  classifyInbound,
  contactOptOutRecords,
  destinationKindFor,
  inboundAction,
  type Channel,
  type ChannelType,
  type Contact,
  type Destination,
  type OptOutScope,
} from '../../src/engine/index.js';
import { sampleChannels, sampleLocations } from '../fixtures/sample-organization.js';
import { AuditLog } from '../store/audit.js';
import { ConsentLedger } from '../store/consent.js';
import { DATABASE_VERSION, type MockDatabase, type MockUser } from '../store/types.js';
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

/** A phone as a real backend would import it, with the engine's validity rule. */
export function phoneDestination(value: string): Destination {
  return destinationOf('phone', value);
}

/** An email address as a real backend would import it, with the engine's validity rule. */
export function emailDestination(value: string): Destination {
  return destinationOf('email', value);
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Writes the seed's history the way the backend writes live changes, with its own consent
 * records and audit log (mocks/store/consent.ts, audit.ts). Facts are planned with the time they
 * happened, then played in time order, as the backend would have received them.
 */
class SeedBuilder {
  /** The time of the fact being played: the clock of the consent records and audit log. */
  private clock = 0;
  private eventId = 0;
  readonly consent = new ConsentLedger([], () => this.clock);
  readonly audit = new AuditLog([], () => `ev-seed-${++this.eventId}`, () => iso(this.clock));
  private planned: { contact: Contact; at: number; play: () => void }[] = [];

  constructor(private readonly channels: readonly Channel[]) {}

  /**
   * The contact's reply of `body` (an opt-out keyword) on `via`, applied exactly as the
   * backend's inbound path applies it (mocks/store/messaging.ts `receive`): classified, resolved
   * under `scope`, and spread by `contactOptOutRecords`, so under a wide scope a text STOP also
   * unsubscribes the contact's email.
   */
  stopReply(contact: Contact, via: Channel, scope: OptOutScope, body: string, at: number) {
    this.plan(contact, at, () => {
      const from = contact.destinations.find((d) => d.kind === destinationKindFor(via.type));
      // The backend refuses a reply from a number it cannot parse, so no reply came from such a contact.
      if (!from?.valid) return;
      const classification = classifyInbound(body);
      const action = inboundAction(classification, via, this.channels, { scope, phrasePolicy: 'review' });
      if (action.kind !== 'apply-opt-out') throw new Error(`Seed reply "${body}" is not an opt-out keyword (${action.kind})`);
      // The backend logs every reply it receives, before what the reply changed.
      this.audit.record({
        action: 'inbound-received',
        actor: CONTACT_ACTOR,
        contactId: contact.id,
        destination: from.value,
        channelIds: [via.id],
        keyword: classification.keyword ?? null,
        inboundText: body,
        details: { intent: classification.intent, match: classification.match },
      });
      const written = this.consent.write(
        contactOptOutRecords(from.value, via, action.channelIds, this.channels, contact, this.consent.lookup, {
          at: iso(at),
          scope: action.scope,
          ...(classification.keyword ? { keyword: classification.keyword } : {}),
        }),
      );
      this.audit.recordConsentEvents(contact, written, 'unsubscribed', CONTACT_ACTOR, null, { inboundText: body });
    });
  }

  /** An agent's unsubscribe of the contact on `channel`, as the backend's unsubscribe writes it. */
  agentUnsubscribe(contact: Contact, channel: Channel, at: number, userId: string) {
    const actor: Actor = { type: 'user', id: userId };
    this.plan(contact, at, () => {
      const written = this.consent.optOut(contact, [channel], { at: iso(at), source: 'agent', actor });
      this.audit.recordConsentEvents(contact, written, 'unsubscribed', actor, null);
    });
  }

  /** The contact blocked by `by`, as the backend's block records it. */
  block(contact: Contact, at: number, userId: string, reason: string) {
    const by: Actor = { type: 'user', id: userId };
    contact.blocked = { blockedBy: by, blockedAt: iso(at), reason };
    this.plan(contact, at, () => this.audit.record({ action: 'blocked', actor: { ...by }, contactId: contact.id, note: reason }));
  }

  /** Drops every fact planned for `contact`, for a contact whose facts are set afresh. */
  forget(contact: Contact) {
    this.planned = this.planned.filter((fact) => fact.contact !== contact);
  }

  /** Plays what was planned, in time order (facts at the same time in the order planned). */
  play() {
    for (const fact of [...this.planned].sort((a, b) => a.at - b.at)) {
      this.clock = fact.at;
      fact.play();
    }
    this.planned = [];
  }

  private plan(contact: Contact, at: number, play: () => void) {
    this.planned.push({ contact, at, play });
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
    const excludedChannelTypes: ChannelType[] = random.chance(0.05) ? [random.pick(['whatsapp', 'voice'] as const)] : [];
    const locationIds = [random.pick(sampleLocations).id];
    if (random.chance(0.2)) locationIds.push(random.pick(sampleLocations).id);
    const contact: Contact = {
      id,
      name,
      destinations,
      blocked: null,
      excludedChannelTypes,
      tags: TAGS.filter(() => random.chance(0.12)),
      locationIds: [...new Set(locationIds)],
    };
    contacts.push(contact);

    const at = SEED_NOW - random.int(1, 400) * 86_400_000 - random.int(0, 86_399_999);
    if (random.chance(0.03)) builder.block(contact, at, 'u-manager', 'Abusive messages');
    const optOutRoll = random.next();
    if (optOutRoll < 0.12 && contact.destinations.some((d) => d.kind === 'phone')) {
      const via = random.pick(phoneChannels);
      const keyword = random.pick(['STOP', 'STOP', 'UNSUBSCRIBE', 'ARRET', 'CANCEL']);
      const scope = random.pick(['channel', 'channel-type', 'organization'] as const);
      // One reply in ten asks to stop everything, which takes its own keyword.
      builder.stopReply(contact, via, scope, random.chance(0.1) ? 'STOP ALL' : keyword, at);
    } else if (optOutRoll < 0.14) {
      const mail = contact.destinations.find((d) => d.kind === 'email');
      if (mail) builder.agentUnsubscribe(contact, random.pick(channels.filter((c) => c.type === 'email')), at, 'u-agent');
    }
  }

  applyWellKnown(contacts, builder, channel);
  builder.play();

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
      updatedBy: { type: 'user', id: 'u-admin' },
    },
    settingsVersion: 1,
    contacts: contacts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1)),
    consent: builder.consent.all(),
    audit: builder.audit.events,
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
    Object.assign(contact, { name, destinations, blocked: null, excludedChannelTypes: [], tags: ['vip'], locationIds: ['loc-downtown'] }, extra);
    return contact;
  };
  const phone = (n: string) => phoneDestination(`+1416${n}`);
  const mail = (local: string) => emailDestination(`${local}@example.com`);

  set(WELL_KNOWN.subscribed, 'Ava Tremblay', [phone('2030001'), mail('ava.tremblay')]);
  const partly = set(WELL_KNOWN.partlyUnsubscribed, 'Liam Gagnon', [phone('2030002'), mail('liam.gagnon')]);
  if (partly) builder.stopReply(partly, channel('ch-downtown-sms'), 'channel', 'STOP', at);
  const blocked = set(WELL_KNOWN.blocked, 'Olivia Roy', [phone('2030003'), mail('olivia.roy')]);
  if (blocked) builder.block(blocked, at, 'u-manager', 'Abusive messages');
  set(WELL_KNOWN.noPhone, 'Noah Côté', [mail('noah.cote')]);
  set(WELL_KNOWN.invalidPhone, 'Emma Bouchard', [phoneDestination('+1416203'), mail('emma.bouchard')]);
  const everywhere = set(WELL_KNOWN.unsubscribedEverywhere, 'William Gauthier', [phone('2030006'), mail('william.gauthier')]);
  // STOP ALL reaches every channel, and through them his email as well as his phone.
  if (everywhere) builder.stopReply(everywhere, channel('ch-airport-sms'), 'channel', 'STOP ALL', at);
  set(WELL_KNOWN.whatsappExcluded, 'Charlotte Morin', [phone('2030007'), mail('charlotte.morin')], { excludedChannelTypes: ['whatsapp'] });
  const french = set(WELL_KNOWN.frenchStop, 'Félix Lavoie', [phone('2030008'), mail('felix.lavoie')], { locationIds: ['loc-uptown'] });
  if (french) builder.stopReply(french, channel('ch-uptown-sms'), 'channel-type', 'ARRET', at);
}
