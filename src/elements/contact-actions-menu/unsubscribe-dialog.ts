import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { consentLookupFrom } from '../../engine/current-consent.js';
import { unsubscribePreview, type UnsubscribePreviewPair } from '../../engine/unsubscribe-preview.js';
import { TEXT_LIMITS } from '../../engine/limits.js';
import type { RequestOptions } from '../../client/optout-client.js';
import type { Channel, ContactDetail } from '../../client/types.js';
import { CHANNEL_TYPES } from '../../engine/types.js';
import { channelTypeLabel, formatList, lengthLimitLabel, byCount } from '../shared/labels.js';
import { formatDestination } from '../shared/format.js';
import { ActionDialog } from './action-dialog.js';
import { OptOutUnsubscribeEvent, OptOutUnsubscribeRequestEvent } from './contact-actions-menu.events.js';

/** What a host may preset when it opens the dialog (`element.unsubscribe(options)`). */
export interface UnsubscribeOptions {
  /** Preselects these channels ("chosen channels"); omitted means every channel, the default. */
  channelIds?: readonly string[];
  note?: string;
}

type Args = readonly [contactId: string, channelIds: string[] | undefined, note: string];
type Result = { channelIds: string[] | undefined; detail: ContactDetail };

/** "Unsubscribe contact": from every channel or chosen ones, with the engine's preview of exactly what changes. */
export class UnsubscribeDialog extends ActionDialog<Args, Result> {
  readonly id = 'unsubscribe-dialog';
  private everywhere = true;
  private chosen: ReadonlySet<string> = new Set();
  private note = '';

  preset(options: UnsubscribeOptions = {}): void {
    if (options.channelIds) {
      this.everywhere = false;
      this.chosen = new Set(options.channelIds);
    }
    if (options.note !== undefined) this.note = options.note;
  }

  protected reset(): void {
    this.everywhere = true;
    this.chosen = new Set();
    this.note = '';
  }

  protected async send([contactId, channelIds, note]: Args, options: RequestOptions): Promise<Result> {
    const body = { ...(channelIds ? { channelIds } : {}), ...(note.trim() ? { note } : {}) };
    const detail = await this.options.context.client!.unsubscribeContact(contactId, body, options);
    this.options.context.cache?.putContact(detail);
    return { channelIds, detail };
  }

  protected completed({ channelIds, detail }: Result): void {
    this.close();
    const name = detail.contact.name;
    const names = formatList((channelIds ?? []).map((id) => this.channelName(id)));
    this.options.announce(channelIds ? msg(str`${name} was unsubscribed from ${names}.`) : msg(str`${name} was unsubscribed from every channel.`));
    this.host.dispatchEvent(new OptOutUnsubscribeEvent(channelIds, detail));
    this.reset();
  }

  protected confirm(): void {
    const channelIds = this.everywhere ? undefined : this.selectedIds();
    if (channelIds && channelIds.length === 0) {
      this.refuse(msg('Choose at least one channel, or choose All channels.'), 'input[type="checkbox"]');
      return;
    }
    const contactId = this.options.contactId();
    this.submit([contactId, channelIds, this.note] as const, new OptOutUnsubscribeRequestEvent(contactId, channelIds, this.note));
  }

  render(): TemplateResult {
    const detail = this.options.detail();
    const data = this.options.organization();
    if (!detail || !data) return this.renderFrame(msg('Unsubscribe contact'), html`<p id="${this.id}-lead">${msg('Loading…')}</p>`, { label: msg('Unsubscribe contact'), disabled: true });
    const name = detail.contact.name;
    const channels = data.organization.channels;
    const body = html`<p id="${this.id}-lead">
        ${msg(str`${name} will no longer receive messages on the channels below. Opt-outs are kept per phone number and email address, so they stay if the contact is later deleted, merged or imported again.`)}
      </p>
      <fieldset>
        <legend>${msg('Unsubscribe from')}</legend>
        <label class="check"><input type="radio" name="unsubscribe-scope" .checked=${this.everywhere} @change=${() => this.setEverywhere(true)} />${msg('All channels')}</label>
        <label class="check"><input type="radio" name="unsubscribe-scope" .checked=${!this.everywhere} @change=${() => this.setEverywhere(false)} />${msg('Chosen channels')}</label>
      </fieldset>
      ${this.everywhere ? nothing : this.renderChoice(channels, data.organization.locations)}
      ${this.renderPreview(detail, this.everywhere ? channels : channels.filter((c) => this.chosen.has(c.id)))}
      <label for="unsubscribe-note" class="field-label">${msg('Note (optional)')}</label>
      <textarea id="unsubscribe-note" rows="2" maxlength=${TEXT_LIMITS.note} aria-describedby="unsubscribe-note-limit" .value=${this.note} @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}></textarea>
      <p id="unsubscribe-note-limit" class="hint">${lengthLimitLabel(TEXT_LIMITS.note)}</p>`;
    return this.renderFrame(msg('Unsubscribe contact'), body, { label: msg('Unsubscribe contact'), danger: true });
  }

  private renderChoice(channels: readonly Channel[], locations: readonly { id: string; name: string }[]) {
    return html`<div class="channel-choice">
      ${locations.map((location) => {
        const here = channels.filter((c) => c.locationId === location.id);
        if (here.length === 0) return nothing;
        return html`<fieldset>
          <legend translate="no">${location.name}</legend>
          ${CHANNEL_TYPES.flatMap((type) => here.filter((c) => c.type === type)).map(
            (channel) => html`<label class="check">
              <input type="checkbox" .checked=${this.chosen.has(channel.id)} @change=${(e: Event) => this.toggle(channel.id, (e.target as HTMLInputElement).checked)} />
              <span>${channelTypeLabel(channel.type)}</span> <span class="muted" translate="no">${channel.name}</span>
            </label>`,
          )}
        </fieldset>`;
      })}
    </div>`;
  }

  private renderPreview(detail: ContactDetail, channels: readonly Channel[]) {
    if (channels.length === 0) return nothing;
    const preview = unsubscribePreview(detail.contact, channels, consentLookupFrom(detail.consent));
    const changes = preview.pairs.filter((p) => p.effect === 'unsubscribe');
    const already = preview.pairs.filter((p) => p.effect !== 'unsubscribe');
    const count = new Set(changes.map((p) => p.channelId)).size;
    return html`<section class="preview" role="group" aria-labelledby="unsubscribe-preview-title">
      <h4 id="unsubscribe-preview-title">${msg('What will change')}</h4>
      <p>
        ${count === 0
          ? msg('Nothing changes: the contact is already unsubscribed wherever they have a destination.')
          : byCount(
              count,
              () => msg(str`Unsubscribed from ${count} more channel:`),
              () => msg(str`Unsubscribed from ${count} more channels:`),
            )}
      </p>
      ${changes.length > 0 ? this.renderPairs(changes, msg('Will be unsubscribed')) : nothing}
      ${already.length > 0
        ? html`<p id="unsubscribe-already">${msg('Already unsubscribed (stays as it is):')}</p>
            ${this.renderPairs(already, undefined, 'unsubscribe-already')}`
        : nothing}
      ${preview.withoutDestination.length > 0 ? html`<p class="muted">${this.withoutDestinationText(preview.withoutDestination)}</p>` : nothing}
    </section>`;
  }

  /** The pairs as a list named by `label`, or by the visible text of `labelledBy`. */
  private renderPairs(pairs: readonly UnsubscribePreviewPair[], label: string | undefined, labelledBy?: string) {
    return html`<ul aria-label=${label ?? nothing} aria-labelledby=${labelledBy ?? nothing} class="pairs">
      ${pairs.map(
        (pair) => html`<li>
          <span translate="no">${this.channelName(pair.channelId)}</span>: <span translate="no">${formatDestination(pair.destination)}</span>
          ${pair.effect === 're-record' ? html`<span class="muted">${msg('(by a bulk unsubscribe; recorded again so that undoing the bulk job keeps this opt-out)')}</span>` : nothing}
        </li>`,
      )}
    </ul>`;
  }

  private withoutDestinationText(channelIds: readonly string[]): string {
    const names = formatList(channelIds.map((id) => this.channelName(id)));
    return msg(str`No destination, nothing to unsubscribe: ${names}`);
  }

  private selectedIds(): string[] {
    const channels = this.options.organization()?.organization.channels ?? [];
    return channels.filter((c) => this.chosen.has(c.id)).map((c) => c.id);
  }

  private setEverywhere(everywhere: boolean) {
    this.everywhere = everywhere;
    this.problem = '';
    this.requestUpdate();
  }

  private toggle(id: string, on: boolean) {
    const next = new Set(this.chosen);
    if (on) next.add(id);
    else next.delete(id);
    this.chosen = next;
    this.problem = '';
    this.requestUpdate();
  }
}
