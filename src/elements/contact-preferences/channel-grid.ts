// The channel grid: one row per location, one column per channel type, each cell saying whether
// the contact can be messaged there and, in a disclosure, every reason with its facts.
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { Channel, ChannelType, EligibilityReason } from '../../engine/index.js';
import type { ChannelEligibility, ContactDetail, Me, Organization } from '../../client/types.js';
import { channelTypeLabel } from '../shared/labels.js';
import { canIcon, cannotIcon } from '../shared/icons.js';
import { reasonLabel, reasonSentence } from '../shared/reasons.js';

const TYPE_ORDER: readonly ChannelType[] = ['sms', 'whatsapp', 'voice', 'email'];

/** The channel types the organization has, in a fixed order. */
export function channelTypesOf(channels: readonly Channel[]): ChannelType[] {
  return TYPE_ORDER.filter((type) => channels.some((c) => c.type === type));
}

/** The channels on which the contact is unsubscribed: what a re-subscribe may offer. */
export function unsubscribedChannelIds(detail: ContactDetail): string[] {
  return detail.eligibility.filter((e) => e.reasons.some((r) => r.code === 'unsubscribed')).map((e) => e.channelId);
}

/** The engine's reason labels, in the engine's order and without repeats, for a cell's headline. */
function distinctLabels(reasons: readonly EligibilityReason[]): string[] {
  return [...new Set(reasons.map(reasonLabel))];
}

/** Which cells' reasons are shown, and how to toggle one. */
export interface Disclosures {
  open: ReadonlySet<string>;
  toggle(channelId: string): void;
}

export function renderChannelGrid(organization: Organization, detail: ContactDetail, me: Me | undefined, disclosures: Disclosures) {
  const { channels, locations } = organization;
  const types = channelTypesOf(channels);
  const byChannel = new Map(detail.eligibility.map((e) => [e.channelId, e]));
  const rows = locations.filter((location) => channels.some((c) => c.locationId === location.id));
  const kindCount = (kind: 'phone' | 'email') => detail.contact.destinations.filter((d) => d.kind === kind).length;

  const renderChannel = (channel: Channel, several: boolean) => {
    const eligibility: ChannelEligibility | undefined = byChannel.get(channel.id);
    const can = eligibility?.canMessage ?? false;
    const reasons = (eligibility?.reasons ?? []) as EligibilityReason[];
    const headline = can ? msg('Can message') : distinctLabels(reasons).join(' · ') || msg('Cannot message');
    const status = html`<span class="status" data-can=${can ? 'yes' : 'no'}>
      ${can ? canIcon : cannotIcon}
      ${can ? nothing : html`<span class="visually-hidden">${msg('Cannot message:')}</span>`}
      <span class="status-text">${headline}</span>
    </span>`;
    const namesDestination = (kind: 'phone' | 'email') => kindCount(kind) > 1;
    return html`<div class="channel" part="channel">
      ${several ? html`<span class="channel-name">${channel.name}</span>` : nothing}
      ${reasons.length > 0
        ? html`<button
              type="button"
              class="disclosure"
              aria-expanded=${disclosures.open.has(channel.id) ? 'true' : 'false'}
              aria-controls="reasons-${channel.id}"
              @click=${() => disclosures.toggle(channel.id)}
            >
              ${status}
            </button>
            <ul class="reasons" part="reasons" id="reasons-${channel.id}" ?hidden=${!disclosures.open.has(channel.id)}>
              ${reasons.map(
                (reason) =>
                  html`<li>${reasonSentence(reason, {
                    channels,
                    me,
                    members: organization.members,
                    namesDestination: namesDestination(channel.type === 'email' ? 'email' : 'phone'),
                  })}</li>`,
              )}
            </ul>`
        : status}
    </div>`;
  };

  return html`<table part="grid" class="grid" role="table">
    <caption class="visually-hidden">${msg('Channels by location and type')}</caption>
    <thead>
      <tr role="row">
        <td role="cell"></td>
        ${types.map((type) => html`<th scope="col" role="columnheader">${channelTypeLabel(type)}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (location) => html`<tr part="row" role="row">
          <th scope="row" role="rowheader">${location.name}</th>
          ${types.map((type) => {
            const here = channels.filter((c) => c.locationId === location.id && c.type === type);
            const typeLabel = channelTypeLabel(type);
            if (here.length === 0) {
              return html`<td class="none" role="cell">
                <span aria-hidden="true">—</span><span class="visually-hidden">${msg(str`No ${typeLabel} channel`)}</span>
              </td>`;
            }
            return html`<td role="cell">
              <span class="type-label" aria-hidden="true">${typeLabel}</span>
              ${here.map((channel) => renderChannel(channel, here.length > 1))}
            </td>`;
          })}
        </tr>`,
      )}
    </tbody>
  </table>`;
}
