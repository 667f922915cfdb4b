// One consent-history entry in words: what changed, on which channels, who or what caused it,
// the rule in force and the inbound text or note, all as text.
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { Channel } from '../../engine/index.js';
import type { AuditEvent, Me, OrganizationMember } from '../../client/types.js';
import { byCount, formatList } from '../shared/labels.js';
import { actorName, formatDateTime, formatDestination } from '../shared/format.js';
import { scopeAtTheTime } from '../shared/reasons.js';

function what(event: AuditEvent): string {
  const count = event.channelIds.length;
  switch (event.action) {
    case 'unsubscribed':
      return byCount(
        count,
        () => msg(str`Unsubscribed from ${count} channel`),
        () => msg(str`Unsubscribed from ${count} channels`),
      );
    case 'resubscribed':
      return byCount(
        count,
        () => msg(str`Re-subscribed to ${count} channel`),
        () => msg(str`Re-subscribed to ${count} channels`),
      );
    case 'blocked':
      return msg('Blocked');
    case 'unblocked':
      return msg('Unblocked');
    case 'merged':
      return msg('Merged with another contact');
    case 'deleted':
      return msg('Deleted');
    case 'sequence-enrolled':
      return msg('Added to a sequence');
    case 'inbound-received':
      return msg('Message received');
    case 'review-applied':
      return msg('Opt-out request applied');
    case 'review-dismissed':
      return msg('Opt-out request dismissed');
    case 'settings-changed':
      return msg('Opt-out preferences changed');
    case 'bulk-job-started':
    case 'bulk-job-cancelled':
    case 'bulk-job-undone':
      return msg('Bulk unsubscribe');
    case 'channel-exclusions-changed':
      return msg('Channel preferences changed');
    default:
      // An action a newer backend records: shown generically rather than not at all.
      return msg('Changed');
  }
}

function how(event: AuditEvent, me: Me | undefined, members: readonly OrganizationMember[] | undefined): string {
  const who = actorName(event.actor, me, members);
  switch (event.source) {
    case 'stop-reply':
    case 'start-reply': {
      const keyword = event.keyword;
      return keyword ? msg(str`replied ${keyword}`) : msg('by message');
    }
    case 'bulk':
      return msg(str`bulk unsubscribe by ${who}`);
    case 'api':
      return msg('through another system');
    case 'import':
      return msg('contact import');
    default:
      return msg(str`by ${who}`);
  }
}

export function renderHistoryEntry(event: AuditEvent, channels: readonly Channel[], me: Me | undefined, members?: readonly OrganizationMember[]) {
  const names = event.channelIds.map((id) => channels.find((c) => c.id === id)?.name ?? id);
  const firstType = channels.find((c) => c.id === event.channelIds[0])?.type;
  const scope = event.scope ? scopeAtTheTime(event.scope, firstType) : undefined;
  return html`<li part="history-entry">
    <time datetime=${event.occurredAt}>${formatDateTime(event.occurredAt)}</time>
    <span class="what">${what(event)}</span>
    <span class="facts">
      ${how(event, me, members)}${event.destination ? html` · <span>${formatDestination(event.destination)}</span>` : nothing}
      ${names.length > 0 ? html` · <span>${formatList(names)}</span>` : nothing}
      ${scope ? html` · <span>${msg(str`rule: ${scope}`)}</span>` : nothing}
    </span>
    ${event.inboundText !== null
      ? html`<q class="quote" part="quote">${event.inboundText}</q>`
      : nothing}
    ${event.note ? html`<span class="note">${msg('Note:')} <q class="quote">${event.note}</q></span>` : nothing}
  </li>`;
}
