/**
 * The longest text each free-text field of the contract accepts (its `maxLength` in
 * api/openapi.yaml), in characters (code points), so a form can say the limit before a person
 * reaches it. Past a limit the backend answers 422 naming the field and the limit.
 */
export const TEXT_LIMITS = {
  /** A note for the audit log: unsubscribe, a re-subscribe's written consent, a review decision. */
  note: 2000,
  /** Why a contact was blocked. */
  blockReason: 2000,
  /** One custom keyword of the organization. */
  keyword: 50,
  /** The body of an inbound message (and of the inbound reply playground's reply). */
  inboundBody: 10_000,
} as const;
