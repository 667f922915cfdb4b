// Whether a message may go to one destination on a channel, for a sender that knows the address
// but not the contact (the pre-send check). Consent and validity belong to the destination;
// blocks and channel exclusions belong to contacts, so they count only through the contacts that
// have it, and then protectively: any one of them is enough to stop the message.
import { destinationOf } from './addresses.js';
import { destinationKindFor } from './destinations.js';
import { ELIGIBILITY_REASON_ORDER, eligibility, type EligibilityReason } from './eligibility.js';
import type { Channel, ConsentLookup, Contact, Destination, DestinationKind } from './types.js';

/** Whether a destination can be messaged on a channel, and every reason against it. */
export interface DestinationEligibility {
  canMessage: boolean;
  /** In {@link ELIGIBILITY_REASON_ORDER}; a contact's block or exclusion once per contact that has it. */
  reasons: EligibilityReason[];
}

/** The reasons that belong to a contact rather than to one of its destinations. */
const CONTACT_REASONS: ReadonlySet<EligibilityReason['code']> = new Set(['blocked', 'excluded-by-preference']);

/**
 * Decides whether `destination` may be messaged on `channel`: its consent there and whether it is
 * a valid destination of the kind the channel delivers to (decided as `eligibility` decides it
 * for a contact), and the block or exclusion of any of `sharers`, the contacts that have it.
 */
export function destinationEligibility(destination: string, channel: Channel, sharers: readonly Contact[], consent: ConsentLookup): DestinationEligibility {
  // The destination alone, as a contact with nothing else: the engine's rule for its consent and validity.
  const alone: Contact = {
    id: '',
    name: '',
    destinations: [asRecorded(destination, destinationKindFor(channel.type), sharers)],
    blocked: null,
    excludedChannelTypes: [],
    tags: [],
    locationIds: [],
  };
  const own = eligibility(alone, channel, consent);
  const reasons = [...own.reasons];
  for (const contact of sharers) {
    for (const reason of eligibility(contact, channel, consent).reasons) if (CONTACT_REASONS.has(reason.code)) reasons.push(reason);
  }
  const rank = (reason: EligibilityReason) => ELIGIBILITY_REASON_ORDER.indexOf(reason.code);
  // A stable sort keeps each contact's facts in the order of `sharers`.
  reasons.sort((a, b) => rank(a) - rank(b));
  return { canMessage: own.canMessage && !reasons.some((reason) => CONTACT_REASONS.has(reason.code)), reasons };
}

/**
 * The destination with its validity: as the contacts that have it record it (the same rule
 * decided it when they were imported, and checking a phone number against the numbering plan is
 * the costly part of a pre-send check), invalid if any of them says so; computed when none has it.
 */
function asRecorded(value: string, kind: DestinationKind, sharers: readonly Contact[]): Destination {
  let recorded: boolean | undefined;
  for (const contact of sharers) {
    for (const d of contact.destinations) if (d.kind === kind && d.value === value) recorded = (recorded ?? true) && d.valid;
  }
  return recorded === undefined ? destinationOf(kind, value) : { kind, value, valid: recorded };
}
