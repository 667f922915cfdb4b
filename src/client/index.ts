// The client's public surface: the interface hosts implement, its HTTP implementation, the one
// error type, and the contract's types under readable names.
export type { OptOutClient, RequestOptions, VersionedMessagingSettings, VersionedRequestOptions, WaitForBulkJobOptions } from './optout-client.js';
export { waitForBulkJob, isTerminalBulkJobStatus } from './optout-client.js';
export { HttpOptOutClient, type HttpOptOutClientOptions } from './http-client.js';
export {
  OptOutApiError,
  isOptOutApiError,
  isAbortError,
  type OptOutApiErrorInit,
  type OptOutErrorKind,
  type OptOutErrorType,
  type ClientProblemType,
} from './errors.js';
// Wire types under readable names. Names the engine also exports (Contact, Channel, OptOutScope,
// Role…) stay importable from './types.js' but are left out here, so the package root can
// `export *` both the engine and the client without ambiguous names.
export type {
  Me,
  User,
  Organization,
  Sequence,
  SequenceStep,
  ContactPage,
  ContactSummary,
  ContactDetail,
  ContactFilter,
  ContactListQuery,
  ChannelEligibility,
  UnsubscribeRequest,
  ResubscribeRequest,
  BlockRequest,
  ChannelExclusionsRequest,
  SequenceEnrollment,
  SequenceStepWarning,
  AuditEvent,
  AuditAction,
  AuditEventPage,
  ReviewItem,
  ReviewStatus,
  ReviewPage,
  ReviewListQuery,
  PageQuery,
  BulkTarget,
  BulkTargetSelection,
  BulkPreview,
  BulkJob,
  BulkJobStatus,
  MessagingSettings,
  MessagingSettingsInput,
  CustomKeywords,
  InboundMessage,
  InboundResult,
  Problem,
  ProblemType,
  FieldError,
} from './types.js';
