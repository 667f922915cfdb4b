// Public names for the contract's schemas, so elements and hosts never spell
// `components['schemas'][...]` and a contract change surfaces here as a type error.
import type { components, operations } from './generated/schema.js';

type Schemas = components['schemas'];

export type Me = Schemas['Me'];
export type User = Schemas['User'];
export type Actor = Schemas['Actor'];
export type Role = Schemas['Role'];
export type Permission = Schemas['Permission'];
export type Organization = Schemas['Organization'];
export type OrganizationMember = Schemas['OrganizationMember'];
export type Location = Schemas['Location'];
export type Channel = Schemas['Channel'];
export type ChannelType = Schemas['ChannelType'];
export type Sequence = Schemas['Sequence'];
export type SequenceStep = Schemas['SequenceStep'];
export type Contact = Schemas['Contact'];
export type Destination = Schemas['Destination'];
export type ContactStatus = Schemas['ContactStatus'];
export type ContactStatusFilter = Schemas['ContactStatusFilter'];
export type ContactPage = Schemas['ContactPage'];
export type ContactSummary = Schemas['ContactSummary'];
export type ContactDetail = Schemas['ContactDetail'];
export type ContactFilter = Schemas['ContactFilter'];
export type ConsentRecord = Schemas['ConsentRecord'];
export type ConsentSource = Schemas['ConsentSource'];
export type OptOutScope = Schemas['OptOutScope'];
export type ChannelEligibility = Schemas['ChannelEligibility'];
export type EligibilityReason = Schemas['EligibilityReason'];
export type UnsubscribeRequest = Schemas['UnsubscribeRequest'];
export type ResubscribeRequest = Schemas['ResubscribeRequest'];
export type BlockRequest = Schemas['BlockRequest'];
export type ChannelExclusionsRequest = Schemas['ChannelExclusionsRequest'];
export type SequenceEnrollment = Schemas['SequenceEnrollment'];
export type SequenceStepWarning = Schemas['SequenceStepWarning'];
export type AuditEvent = Schemas['AuditEvent'];
export type AuditAction = Schemas['AuditAction'];
export type AuditEventPage = Schemas['AuditEventPage'];
export type ReviewItem = Schemas['ReviewItem'];
export type ReviewStatus = Schemas['ReviewStatus'];
export type ReviewPage = Schemas['ReviewPage'];
export type BulkTarget = Schemas['BulkTarget'];
export type BulkTargetSelection = Schemas['BulkTargetSelection'];
export type BulkPreview = Schemas['BulkPreview'];
export type BulkJob = Schemas['BulkJob'];
export type BulkJobStatus = Schemas['BulkJobStatus'];
export type MessagingSettings = Schemas['MessagingSettings'];
export type MessagingSettingsInput = Schemas['MessagingSettingsInput'];
export type CustomKeywords = Schemas['CustomKeywords'];
export type PhrasePolicy = Schemas['PhrasePolicy'];
export type ScopeImpact = Schemas['ScopeImpact'];
export type ScopeReplay = Schemas['ScopeReplay'];
export type InboundMessage = Schemas['InboundMessage'];
export type InboundResult = Schemas['InboundResult'];
export type Problem = Schemas['Problem'];
export type ProblemType = Schemas['ProblemType'];
export type FieldError = Schemas['FieldError'];
/**
 * One pair of a pre-send check: a channel and either a destination or a contact. Spelt here
 * because the contract states the choice as required fields, which the generated type cannot.
 */
export type EligibilityCheckItem =
  | { channelId: string; destination: string; contactId?: never }
  | { channelId: string; contactId: string; destination?: never };
export type EligibilityCheckAnswer = Schemas['EligibilityCheckAnswer'];
export type EligibilityCheckResult = Schemas['EligibilityCheckResult'];
export type ConsentEventPage = Schemas['ConsentEventPage'];
export type DestinationConsent = Schemas['DestinationConsent'];
export type BulkJobPage = Schemas['BulkJobPage'];
export type SequenceEnrollmentPage = Schemas['SequenceEnrollmentPage'];

/** The filters and page of `GET /contacts`. */
export type ContactListQuery = NonNullable<operations['listContacts']['parameters']['query']>;

/** A page request of a cursor-paged list. */
export interface PageQuery {
  cursor?: string;
  limit?: number;
}

/** The filters of a contact's consent history and of the audit log; all given ones must match. */
export type AuditQuery = Omit<NonNullable<operations['listConsentHistory']['parameters']['query']>, 'cursor' | 'limit'>;

/** A page of the audit log, its filters, and whether to count the matching events (`total`). */
export interface AuditListQuery extends PageQuery, AuditQuery {
  includeTotal?: boolean;
}

/** Where to resume the consent-events feed, and how many events to take. */
export interface ConsentEventQuery {
  /** The `nextCursor` of the previous page; omit to start at the beginning of the log. */
  since?: string;
  limit?: number;
}

/** A page request of a review list, optionally narrowed to one status. */
export interface ReviewListQuery extends PageQuery {
  status?: ReviewStatus;
}
