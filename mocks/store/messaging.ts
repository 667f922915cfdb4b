// Inbound replies, the review queue and Settings > Messaging. Classification, scope and
// deadlines come from the engine; this file records what happened.
import {
  CONTACT_ACTOR,
  SYSTEM_ACTOR,
  actorKey,
  type Actor,
  calendarOf,
  compareScopes,
  contactOptInRecords,
  customKeywordProblems,
  contactOptOutRecords,
  createClassifier,
  destinationKey,
  destinationKindFor,
  inboundAction,
  isValidDestination,
  parseProviderAddress,
  reviewDeadline,
  withCarrierIntent,
  type CarrierIntent,
  type Classification,
  type ConsentRecord,
  type Contact,
  type KeywordListProblem,
  type OptOutScope,
  type ReplayedReply,
} from '../../src/engine/index.js';
import type { MessagingSettingsInput } from '../../src/client/types.js';
import { pageOf, type MockStore, type Page } from './mock-store.js';
import { actorOf } from './session.js';
import { ProblemError, UnprocessableError, invalid, type FieldError } from './problems.js';
import type { AuditEvent, InboundResult, MessagingSettings, ReviewItem, ReviewStatus, ScopeImpact } from './types.js';

/** How far back the scope impact replays replies. */
export const IMPACT_DAYS = 30;

export interface InboundInput {
  channelId: string;
  from: string;
  body: string;
  receivedAt?: string;
  /** The provider's message id (Twilio's `MessageSid`): applied once, ever. */
  providerMessageId?: string;
  /** Set when a carrier (Twilio Advanced Opt-Out) already classified the message. */
  carrierIntent?: CarrierIntent;
}

export class Messaging {
  private classifier: ((body: string) => Classification) | undefined;
  private classifierVersion = -1;
  /** Provider message id → the result of its first delivery, rebuilt from the audit log. */
  private processed: Map<string, InboundResult> | undefined;

  constructor(private readonly store: MockStore) {}

  // ---- settings ----

  etag(): string {
    return `"settings-v${this.store.db.settingsVersion}"`;
  }

  getSettings(): { settings: MessagingSettings; etag: string } {
    this.store.authorize('settings:read');
    return { settings: this.store.db.settings, etag: this.etag() };
  }

  updateSettings(input: MessagingSettingsInput, ifMatch: string | null): { settings: MessagingSettings; etag: string } {
    const user = this.store.authorize('settings:write');
    if (!ifMatch) throw new ProblemError('precondition-required', 'Send If-Match with the ETag you read, so a concurrent change is never overwritten.');
    // The admin's keywords are wrong whoever saved meanwhile, so they hear it before a 412.
    const problems = customKeywordProblems(input.customKeywords);
    if (problems.length > 0) {
      const errors = problems.map(keywordFieldError);
      throw new UnprocessableError(errors.map((e) => `${e.field}: ${e.message}`).join(' '), errors);
    }
    if (ifMatch !== this.etag()) {
      throw new ProblemError('precondition-failed', 'Someone else changed these settings since you loaded them. Reload to see their change, then save again.');
    }
    const next = settingsFrom(input);
    const before = this.store.db.settings;
    this.store.db.settings = { ...next, updatedAt: this.store.iso(), updatedBy: actorOf(user) };
    this.store.db.settingsVersion++;
    this.store.audit({ action: 'settings-changed', actor: actorOf(user), scope: next.optOutScope, details: { before: { ...before }, after: { ...next } } });
    this.store.changed();
    return { settings: this.store.db.settings, etag: this.etag() };
  }

  /**
   * The last {@link IMPACT_DAYS} days of keyword opt-out replies replayed under the saved scope
   * and under `scope` (the engine's `compareScopes`). Replies are the log's `inbound-received`
   * events: every reply is there, including those that changed nothing.
   */
  scopeImpact(scope: OptOutScope): ScopeImpact {
    this.store.authorize('settings:read');
    const to = this.store.now();
    const from = to - IMPACT_DAYS * 86_400_000;
    const replies: ReplayedReply[] = [];
    for (const event of this.store.db.audit) {
      if (event.action !== 'inbound-received' || event.destination === null) continue;
      const details = event.details as { intent?: unknown; match?: unknown };
      if ((details.intent !== 'opt-out' && details.intent !== 'opt-out-all') || (details.match !== 'exact' && details.match !== 'carrier')) continue;
      const at = Date.parse(event.occurredAt);
      const channelId = event.channelIds[0];
      if (at < from || at > to || channelId === undefined) continue;
      replies.push({ from: event.destination, channelId, intent: details.intent, senders: this.store.contactsWithDestination(event.destination) });
    }
    const { current, proposed } = compareScopes(replies, this.store.db.settings.optOutScope, scope, this.store.channels);
    return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), days: IMPACT_DAYS, current, proposed };
  }

  /** Classifies with the organization's keywords, and the carrier's classification when it made one. */
  private classify(body: string, carrierIntent?: CarrierIntent): Classification {
    if (!this.classifier || this.classifierVersion !== this.store.db.settingsVersion) {
      this.classifier = createClassifier({ keywords: this.store.db.settings.customKeywords });
      this.classifierVersion = this.store.db.settingsVersion;
    }
    return withCarrierIntent(this.classifier(body), carrierIntent);
  }

  // ---- inbound ----

  /** The first result of a provider message id already applied, if any. */
  private firstDelivery(providerMessageId: string): InboundResult | undefined {
    if (!this.processed) {
      this.processed = new Map();
      for (const event of this.store.db.audit) {
        const details = event.details as { providerMessageId?: unknown; result?: unknown } | null;
        if (event.action === 'inbound-received' && typeof details?.providerMessageId === 'string' && details.result) {
          this.processed.set(details.providerMessageId, details.result as InboundResult);
        }
      }
    }
    return this.processed.get(providerMessageId);
  }

  receive(input: InboundInput): InboundResult {
    const channel = this.store.channel(input.channelId);
    const kind = destinationKindFor(channel.type);
    const from = destinationKey(kind, input.from);
    if (!isValidDestination(kind, from)) {
      throw invalid('from', kind === 'email' ? 'must be an email address' : 'must be a phone number in E.164 form (+14165550123)');
    }
    const receivedAt = input.receivedAt ?? this.store.iso();
    if (Number.isNaN(Date.parse(receivedAt))) throw invalid('receivedAt', 'must be an ISO 8601 date-time');
    // A message is applied once, ever: a replayed START must not undo a STOP sent since.
    const first = input.providerMessageId ? this.firstDelivery(input.providerMessageId) : undefined;
    if (first) return structuredClone(first);

    const classification = this.classify(input.body, input.carrierIntent);
    const { settings } = this.store.db;
    const action = inboundAction(classification, channel, this.store.channels, { scope: settings.optOutScope, phrasePolicy: settings.phrasePolicy });
    const contacts = this.store.contactsWithDestination(from);
    const contact = contacts[0] ?? null;
    const messageId = this.store.nextId('msg');
    const org = this.store.db.organization.name;
    const french = classification.language === 'fr';
    const result: InboundResult = {
      messageId,
      contactId: contact?.id ?? null,
      contactIds: contacts.map((c) => c.id),
      // The engine leaves out what does not apply; the contract says it as null.
      classification: { intent: classification.intent, match: classification.match, keyword: classification.keyword ?? null, language: classification.language ?? null },
      action: 'none',
      scope: null,
      changedChannelIds: [],
      confirmation: null,
      reviewId: null,
    };
    const received = this.store.audit({
      action: 'inbound-received',
      actor: CONTACT_ACTOR,
      contactId: contact?.id ?? null,
      destination: from,
      channelIds: [channel.id],
      keyword: classification.keyword ?? null,
      inboundText: input.body,
      details: { intent: classification.intent, match: classification.match, messageId, ...(input.providerMessageId ? { providerMessageId: input.providerMessageId } : {}) },
    });

    const written: ConsentRecord[] = [];
    const keyword = classification.keyword ? { keyword: classification.keyword } : {};
    switch (action.kind) {
      case 'apply-opt-out': {
        written.push(...contactOptOutRecords(from, channel, action.channelIds, this.store.channels, contacts, this.store.lookup, { at: receivedAt, scope: action.scope, ...keyword }));
        Object.assign(result, { action: 'opted-out', scope: action.scope });
        const count = action.channelIds.length;
        result.confirmation = {
          channelId: channel.id,
          body: french
            ? `${org} : vous êtes désabonné et ne recevrez plus de messages ${count === 1 ? 'sur ce canal' : `sur ${count} de nos canaux`}. Répondez START pour vous réabonner.`
            : `${org}: you are unsubscribed and will get no more messages ${count === 1 ? 'on this channel' : `on ${count} of our channels`}. Reply START to resubscribe.`,
        };
        break;
      }
      case 'apply-opt-in': {
        written.push(...contactOptInRecords(from, channel, action.channelIds, this.store.channels, contacts, this.store.lookup, { at: receivedAt, scope: action.scope, ...keyword }));
        Object.assign(result, { action: 'opted-in', scope: action.scope });
        result.confirmation = {
          channelId: channel.id,
          body: french ? `${org} : vous êtes de nouveau abonné. Répondez STOP pour vous désabonner.` : `${org}: you are subscribed again. Reply STOP to unsubscribe, HELP for help.`,
        };
        break;
      }
      case 'queue-review': {
        const location = this.store.db.organization.locations.find((l) => l.id === channel.locationId);
        const calendar = calendarOf(location);
        const review: ReviewItem = {
          id: this.store.nextId('rv'),
          contactId: contact?.id ?? null,
          destination: from,
          channelId: channel.id,
          body: input.body,
          receivedAt,
          dueAt: reviewDeadline(receivedAt, calendar).toISOString(),
          timeZone: calendar.timeZone ?? 'UTC',
          status: 'pending',
          affectedChannelIds: action.channelIds,
          scope: action.scope,
          decidedBy: null,
          decidedAt: null,
          decisionNote: null,
        };
        this.store.db.reviews.push(review);
        Object.assign(result, { action: 'queued-for-review', scope: action.scope, reviewId: review.id });
        break;
      }
      case 'reply-help':
        result.action = 'help-sent';
        result.confirmation = {
          channelId: channel.id,
          body: french ? `${org} : pour de l’aide, écrivez-nous à ${channel.address}. Répondez STOP pour vous désabonner.` : `${org}: for help, reply here or contact ${channel.address}. Reply STOP to unsubscribe.`,
        };
        break;
      case 'none':
        break;
    }
    this.store.writeConsent(written);
    result.changedChannelIds = [...new Set(written.map((r) => r.channelId))];
    this.recordForEachContact(contacts, written, result.action === 'opted-in' ? 'resubscribed' : 'unsubscribed', CONTACT_ACTOR, null, { inboundText: input.body });
    // Twilio's Advanced Opt-Out already sent its own reply: a second one would be a duplicate.
    if (input.carrierIntent) result.confirmation = null;
    if (result.confirmation) {
      this.store.db.messages.push({ id: this.store.nextId('out'), at: this.store.iso(), channelId: result.confirmation.channelId, to: from, body: result.confirmation.body, inReplyTo: messageId });
    }
    if (input.providerMessageId) {
      received.details = { ...(received.details ?? {}), result: structuredClone(result) };
      this.processed?.set(input.providerMessageId, structuredClone(result));
    }
    this.store.changed();
    return result;
  }

  /**
   * The consent events of `written`, each attributed to the contact that has its destination (the
   * replying destination to the first of the contacts sharing it; every one of them sees it in
   * their history, which follows destinations).
   */
  private recordForEachContact(contacts: readonly Contact[], written: readonly ConsentRecord[], action: 'unsubscribed' | 'resubscribed', actor: Actor, note: string | null, extra: Partial<AuditEvent>) {
    const owners = new Map<Contact | null, ConsentRecord[]>();
    for (const record of written) {
      const owner = contacts.find((c) => c.destinations.some((d) => d.value === record.destination)) ?? contacts[0] ?? null;
      owners.set(owner, [...(owners.get(owner) ?? []), record]);
    }
    for (const [owner, records] of owners) this.store.recordConsentEvents(owner, records, action, actor, note, extra);
  }

  /**
   * Resolves a Twilio webhook's `To` to one of our channels, and `From` to the contact's
   * destination: `whatsapp:+1…` on both names the WhatsApp channel on that number and the phone.
   */
  resolveTwilio(to: string, from: string, messagingServiceSid: string | undefined): { channelId: string; from: string } {
    const business = parseProviderAddress(to);
    const sender = parseProviderAddress(from);
    if ((business.channelType ?? null) !== (sender.channelType ?? null)) {
      throw invalid('From', `is ${sender.channelType ?? 'a plain number'} but To is ${business.channelType ?? 'a plain number'}: both name one channel`);
    }
    const candidates = this.store.channels.filter((c) => c.address === business.address && destinationKindFor(c.type) === 'phone');
    const channel = business.channelType
      ? candidates.find((c) => c.type === business.channelType)
      : // A bare number is SMS (Twilio's messaging webhook), else the only messaging channel on it.
        (candidates.find((c) => c.type === 'sms') ?? (candidates.length === 1 ? candidates[0] : undefined));
    if (!channel) throw invalid('To', `no channel has the address ${to}${messagingServiceSid ? ` (service ${messagingServiceSid})` : ''}`);
    return { channelId: channel.id, from: sender.address };
  }

  // ---- review queue ----

  /**
   * Applies pending requests whose deadline passed: a request to stop is honoured in time even
   * when nobody reviewed it.
   */
  applyOverdueReviews() {
    const now = this.store.now();
    for (const review of this.store.db.reviews) {
      if (review.status === 'pending' && Date.parse(review.dueAt) <= now) this.apply(review, SYSTEM_ACTOR);
    }
  }

  listReviews(status: ReviewStatus = 'pending', cursor?: string | null, limit?: number): Page<ReviewItem> {
    // The organization's queue is the deciders' work list; agents see a contact's own requests.
    this.store.authorize('review:decide');
    return pageOf(inQueueOrder(this.store.db.reviews.filter((r) => r.status === status)), cursor, limit, `reviews:${status}`);
  }

  /** A contact's review items (matched by its destinations too), every status unless `status` is given. */
  contactReviews(contactId: string, status: ReviewStatus | undefined, cursor?: string | null, limit?: number): Page<ReviewItem> {
    this.store.authorize('contact:view');
    const contact = this.store.contact(contactId);
    const destinations = new Set(contact.destinations.map((d) => d.value));
    const mine = this.store.db.reviews.filter((r) => (r.contactId === contactId || destinations.has(r.destination)) && (!status || r.status === status));
    return pageOf(inQueueOrder(mine), cursor, limit, `reviews:${contactId}:${status ?? ''}`);
  }

  applyReview(id: string, note?: string): ReviewItem {
    const user = this.store.authorize('review:decide');
    const text = note?.trim() ?? '';
    return this.apply(this.pending(id), actorOf(user), text || null);
  }

  private apply(review: ReviewItem, by: Actor, note: string | null = null): ReviewItem {
    const contact = review.contactId && this.store.hasContact(review.contactId) ? this.store.contact(review.contactId) : null;
    const via = this.store.channel(review.channelId);
    const written = contactOptOutRecords(review.destination, via, review.affectedChannelIds, this.store.channels, contact, this.store.lookup, {
      at: this.store.iso(),
      scope: review.scope,
      note: `Plain-language request applied by ${actorKey(by)}`,
    });
    this.store.writeConsent(written);
    Object.assign(review, { status: 'applied', decidedBy: by, decidedAt: this.store.iso(), decisionNote: note || null });
    this.store.recordConsentEvents(contact, written, 'unsubscribed', by, null, { inboundText: review.body });
    this.store.audit({ action: 'review-applied', actor: by, contactId: review.contactId, destination: review.destination, channelIds: review.affectedChannelIds, inboundText: review.body, scope: review.scope, note, details: { reviewId: review.id } });
    this.store.changed();
    return review;
  }

  dismissReview(id: string, note: string): ReviewItem {
    const user = this.store.authorize('review:decide');
    const text = note.trim();
    if (!text) throw invalid('note', 'say why this message is not a request to stop');
    const review = this.pending(id);
    Object.assign(review, { status: 'dismissed', decidedBy: actorOf(user), decidedAt: this.store.iso(), decisionNote: text });
    this.store.audit({ action: 'review-dismissed', actor: actorOf(user), contactId: review.contactId, destination: review.destination, inboundText: review.body, note: text, details: { reviewId: review.id } });
    this.store.changed();
    return review;
  }

  private pending(id: string): ReviewItem {
    const review = this.store.db.reviews.find((r) => r.id === id);
    if (!review) throw new ProblemError('not-found', `No review ${id}.`);
    if (review.status !== 'pending') throw new ProblemError('conflict', `This request was already ${review.status}.`);
    return review;
  }
}

/** Pending items first, soonest deadline first; then decided items, newest decision first. */
function inQueueOrder(reviews: ReviewItem[]): ReviewItem[] {
  const pending = reviews.filter((r) => r.status === 'pending').sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  const decided = reviews.filter((r) => r.status !== 'pending').sort((a, b) => Date.parse(b.decidedAt ?? '') - Date.parse(a.decidedAt ?? ''));
  return [...pending, ...decided];
}

/**
 * The settings to store from a body the route already checked against the contract's
 * `MessagingSettingsInput` schema: keywords trimmed, nothing else added or dropped.
 */
function settingsFrom(input: MessagingSettingsInput): Omit<MessagingSettings, 'updatedAt' | 'updatedBy'> {
  const trimmed = (words: readonly string[]) => words.map((word) => word.trim());
  const { optOut, optOutAll, optIn, help } = input.customKeywords;
  return {
    optOutScope: input.optOutScope,
    phrasePolicy: input.phrasePolicy,
    customKeywords: { optOut: trimmed(optOut), optOutAll: trimmed(optOutAll), optIn: trimmed(optIn), help: trimmed(help) },
  };
}

const SET_FIELDS = { optOut: 'optOut', optOutAll: 'optOutAll', optIn: 'optIn', help: 'help' } as const;

/** A refused custom keyword as the contract's field error (see `checkCustomKeyword`). */
function keywordFieldError({ set, index, word, problem }: KeywordListProblem): FieldError {
  const field = `customKeywords.${SET_FIELDS[set]}[${index}]`;
  switch (problem.code) {
    case 'clash':
      return {
        field,
        code: 'keyword-clash',
        message: `"${word}" already means ${problem.intent} (${problem.isDefault ? 'the default keyword' : 'the custom keyword'} ${problem.keyword}).`,
        params: { keyword: problem.keyword, intent: problem.intent },
      };
    case 'stop-request':
      return { field, code: 'keyword-clash', message: `"${word}" reads as a request to stop, so it cannot be a keyword of another kind.`, params: { intent: 'opt-out' } };
    case 'duplicate':
      return { field, code: 'duplicate', message: `"${word}" is already the keyword ${problem.keyword}.`, params: { keyword: problem.keyword, intent: problem.intent } };
    case 'too-many-words':
      return { field, code: 'format', message: `A keyword is one word or a short phrase of at most ${problem.maxWords} words.`, params: { maxWords: problem.maxWords } };
    case 'characters':
      return { field, code: 'format', message: 'A keyword has letters, digits and spaces only.' };
    case 'too-long':
      return { field, code: 'too-long', message: `is longer than ${problem.maxLength} characters`, params: { maxLength: problem.maxLength } };
    case 'empty':
      return { field, code: 'too-short', message: 'A keyword cannot be empty.', params: { minLength: 1 } };
    case 'too-many':
      return { field, code: 'too-many', message: `At most ${problem.maxItems} keywords.`, params: { maxItems: problem.maxItems } };
  }
}
