import type { Channel, ChannelType, Contact, Destination, DestinationKind } from './types.js';

/** The kind of destination a channel type delivers to. */
export function destinationKindFor(type: ChannelType): DestinationKind {
  return type === 'email' ? 'email' : 'phone';
}

/**
 * The contact's destinations `channel` delivers to, valid or not, in the contact's order. An
 * opt-out on the channel covers every one of them; a message can go only to the valid ones (see
 * {@link reachableDestinations}). Eligibility, status and the backend all ask this, so which
 * addresses a channel reaches is decided here alone.
 */
export function destinationsOn(contact: Contact, channel: Channel): Destination[] {
  const kind = destinationKindFor(channel.type);
  return contact.destinations.filter((destination) => destination.kind === kind);
}

/** The destinations of {@link destinationsOn} a message can be sent to: the valid ones. */
export function reachableDestinations(contact: Contact, channel: Channel): Destination[] {
  const reachable: Destination[] = [];
  for (const destination of destinationsOn(contact, channel)) if (destination.valid) reachable.push(destination);
  return reachable;
}
