// Runtime shapes of every success body the client reads, typed against the generated schema
// (see shape.ts): a backend that drifts from the contract is caught here, naming the field,
// instead of as an `undefined` deep inside a render.
import type { components } from './generated/schema.js';
import { arr, bool, nullable, num, obj, oneOf, openEnum, optional, record, str, tagged, type Shape } from './shape.js';

type S = components['schemas'];

const channelType = oneOf('sms', 'whatsapp', 'voice', 'email');
const destinationKind = oneOf('phone', 'email');
// Extensible enums (`x-extensible-enum` in the contract): a newer backend may add values, which the
// elements show generically instead of failing the whole answer.
const consentSource = openEnum<S['ConsentSource']>();
const optOutScope = oneOf('channel', 'channel-type', 'organization');
const reviewStatus = oneOf('pending', 'applied', 'dismissed');

const user = obj<S['User']>({ id: str, name: str, email: str });

const actor = obj<S['Actor']>({ type: openEnum<S['Actor']['type']>(), id: optional(str) });

export const me = obj<S['Me']>({
  user,
  role: openEnum<S['Role']>(),
  permissions: arr(openEnum<S['Permission']>()),
});

export const organization = obj<S['Organization']>({
  id: str,
  name: str,
  locations: arr(
    obj<S['Location']>({ id: str, name: str, timeZone: optional(str), country: optional(str), subdivision: optional(str), holidays: optional(arr(str)) }),
  ),
  channels: arr(obj<S['Channel']>({ id: str, type: channelType, locationId: str, address: str, name: str })),
  sequences: arr(
    obj<S['Sequence']>({
      id: str,
      name: str,
      steps: arr(obj<S['SequenceStep']>({ index: num, channelId: str, delayHours: num })),
    }),
  ),
  members: optional(arr(obj<S['OrganizationMember']>({ id: str, name: str }))),
});

const blockInfo = nullable(obj<S['BlockInfo']>({ blockedBy: actor, blockedAt: str, reason: nullable(str) }));

const contactSummary = obj<S['ContactSummary']>({
  id: str,
  name: str,
  phone: nullable(str),
  email: nullable(str),
  status: oneOf('subscribed', 'partially-unsubscribed', 'unsubscribed', 'blocked', 'unreachable'),
  blocked: blockInfo,
  unsubscribedChannelCount: num,
  tags: arr(str),
  locationIds: arr(str),
  destinations: optional(arr(obj<S['Destination']>({ kind: destinationKind, value: str, valid: bool }))),
  lastActivityAt: optional(nullable(str)),
});

export const contactPage = obj<S['ContactPage']>({ items: arr(contactSummary), total: num, nextCursor: nullable(str) });

const eligibilityReason: Shape<S['EligibilityReason']> = tagged<S['EligibilityReason'], 'code'>('code', {
  blocked: obj<S['BlockedReason']>({ code: oneOf('blocked'), blockedBy: actor, blockedAt: str, reason: nullable(str) }),
  unsubscribed: obj<S['UnsubscribedReason']>({
    code: oneOf('unsubscribed'),
    destination: str,
    channelId: str,
    changedAt: str,
    source: consentSource,
    actor: actor,
    keyword: nullable(str),
    viaChannelId: nullable(str),
    scope: nullable(optOutScope),
    note: nullable(str),
  }),
  'no-destination': obj<S['NoDestinationReason']>({ code: oneOf('no-destination'), kind: destinationKind }),
  'invalid-destination': obj<S['InvalidDestinationReason']>({
    code: oneOf('invalid-destination'),
    destination: str,
    kind: destinationKind,
  }),
  'excluded-by-preference': obj<S['ExcludedByPreferenceReason']>({
    code: oneOf('excluded-by-preference'),
    channelType,
  }),
}, { open: true });

export const reviewItem = obj<S['ReviewItem']>({
  id: str,
  contactId: nullable(str),
  destination: str,
  channelId: str,
  body: str,
  receivedAt: str,
  dueAt: str,
  timeZone: str,
  status: reviewStatus,
  affectedChannelIds: arr(str),
  scope: optOutScope,
  decidedBy: nullable(actor),
  decidedAt: nullable(str),
  decisionNote: nullable(str),
});

const consentRecord = obj<S['ConsentRecord']>({
  destination: str,
  channelId: str,
  status: oneOf('subscribed', 'unsubscribed'),
  changedAt: str,
  source: consentSource,
  actor: actor,
  keyword: nullable(str),
  viaChannelId: nullable(str),
  scope: nullable(optOutScope),
  note: nullable(str),
  jobId: nullable(str),
  recordedAt: str,
});

export const reviewPage = obj<S['ReviewPage']>({ items: arr(reviewItem), total: num, nextCursor: nullable(str) });

export const contactDetail = obj<S['ContactDetail']>({
  etag: str,
  contact: obj<S['Contact']>({
    id: str,
    name: str,
    destinations: arr(obj<S['Destination']>({ kind: destinationKind, value: str, valid: bool })),
    blocked: blockInfo,
    excludedChannelTypes: arr(channelType),
    tags: arr(str),
    locationIds: arr(str),
  }),
  eligibility: arr(
    obj<S['ChannelEligibility']>({
      channelId: str,
      canMessage: bool,
      reasons: arr(eligibilityReason),
      usableDestinations: arr(str),
    }),
  ),
  consent: arr(consentRecord),
  pendingReviews: arr(reviewItem),
});

export const sequenceEnrollment = obj<S['SequenceEnrollment']>({
  id: str,
  sequenceId: str,
  contactId: str,
  enrolledAt: str,
  warnings: arr(obj<S['SequenceStepWarning']>({ stepIndex: num, channelId: str, reasons: arr(eligibilityReason) })),
});

export const sequenceEnrollmentPage = obj<S['SequenceEnrollmentPage']>({ items: arr(sequenceEnrollment), total: num, nextCursor: nullable(str) });

const auditEvent = obj<S['AuditEvent']>({
  id: str,
  occurredAt: str,
  actor: actor,
  action: openEnum<S['AuditAction']>(),
  contactId: nullable(str),
  destination: nullable(str),
  channelIds: arr(str),
  source: nullable(consentSource),
  scope: nullable(optOutScope),
  keyword: nullable(str),
  inboundText: nullable(str),
  note: nullable(str),
  jobId: nullable(str),
  details: record,
});

export const auditEventPage = obj<S['AuditEventPage']>({ items: arr(auditEvent), total: optional(num), nextCursor: nullable(str) });

export const bulkPreview = obj<S['BulkPreview']>({
  id: str,
  expiresAt: str,
  total: num,
  willChange: num,
  alreadyUnsubscribed: num,
  blockedCount: num,
  unreachable: num,
  sample: arr(contactSummary),
  breakdown: obj<S['BulkPreview']['breakdown']>({
    byLocation: arr(obj<S['LocationCount']>({ locationId: str, count: num })),
    byChannelType: arr(obj<S['ChannelTypeCount']>({ channelType, count: num })),
  }),
  channelIds: arr(str),
});

export const bulkJob = obj<S['BulkJob']>({
  id: str,
  previewId: str,
  status: oneOf('queued', 'running', 'completed', 'cancelled', 'failed', 'undoing', 'undone'),
  total: num,
  processed: num,
  changed: num,
  skipped: num,
  createdAt: str,
  createdBy: actor,
  finishedAt: nullable(str),
  undoExpiresAt: nullable(str),
  failureReason: nullable(str),
  channelIds: arr(str),
});

export const messagingSettings = obj<S['MessagingSettings']>({
  optOutScope,
  phrasePolicy: oneOf('apply', 'review'),
  customKeywords: obj<S['CustomKeywords']>({ optOut: arr(str), optOutAll: arr(str), optIn: arr(str), help: arr(str) }),
  updatedAt: str,
  updatedBy: actor,
});

export const inboundResult = obj<S['InboundResult']>({
  messageId: str,
  contactId: nullable(str),
  contactIds: arr(str),
  classification: obj<S['Classification']>({
    intent: oneOf('opt-out', 'opt-out-all', 'opt-in', 'help', 'none'),
    match: oneOf('exact', 'phrase', 'carrier', 'none'),
    keyword: nullable(str),
    language: nullable(str),
  }),
  action: oneOf('opted-out', 'opted-in', 'queued-for-review', 'help-sent', 'none'),
  scope: nullable(optOutScope),
  changedChannelIds: arr(str),
  confirmation: nullable(obj<S['Confirmation']>({ body: str, channelId: str })),
  reviewId: nullable(str),
});

export const eligibilityCheckResult = obj<S['EligibilityCheckResult']>({
  items: arr(
    obj<S['EligibilityCheckAnswer']>({
      channelId: str,
      destination: nullable(str),
      contactId: nullable(str),
      canSend: bool,
      reasons: arr(eligibilityReason),
      usableDestinations: arr(str),
      contactIds: arr(str),
    }),
  ),
});

export const consentEventPage = obj<S['ConsentEventPage']>({ items: arr(auditEvent), nextCursor: str, hasMore: bool });

export const destinationConsent = obj<S['DestinationConsent']>({
  destination: str,
  kind: destinationKind,
  valid: bool,
  records: arr(consentRecord),
  contacts: arr(contactSummary),
});

export const bulkJobPage = obj<S['BulkJobPage']>({ items: arr(bulkJob), total: num, nextCursor: nullable(str) });

const scopeReplay = obj<S['ScopeReplay']>({ scope: optOutScope, replies: num, contacts: num, subscriptions: num });

export const scopeImpact = obj<S['ScopeImpact']>({ from: str, to: str, days: num, current: scopeReplay, proposed: scopeReplay });
