import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { RequestOptions } from '../../client/optout-client.js';
import type { ContactDetail } from '../../client/types.js';
import { formatList } from '../shared/labels.js';
import { formatDestination } from '../shared/format.js';
import { ActionDialog } from './action-dialog.js';
import { OptOutDeleteEvent, OptOutDeleteRequestEvent } from './contact-actions-menu.events.js';

type Args = readonly [contactId: string, etag: string];

/** Whether the contact has any opt-out, which makes deleting it worth a typed confirmation. */
export function hasOptOut(detail: ContactDetail): boolean {
  return detail.consent.some((record) => record.status === 'unsubscribed');
}

/** "Delete": names the contact and says that the opt-outs of its destinations are kept. */
export class DeleteDialog extends ActionDialog<Args, { contactId: string; name: string }> {
  readonly id = 'delete-dialog';
  private typed = '';

  protected reset(): void {
    this.typed = '';
  }

  protected async send([contactId, etag]: Args, options: RequestOptions): Promise<{ contactId: string; name: string }> {
    const name = this.options.detail()?.contact.name ?? contactId;
    await this.options.context.client!.deleteContact(contactId, { ...options, ifMatch: etag });
    // Every element showing the contact asks again, and learns that it is gone.
    this.options.context.cache?.invalidateContact(contactId);
    return { contactId, name };
  }

  protected completed({ contactId, name }: { contactId: string; name: string }): void {
    this.close();
    this.options.announce(msg(str`${name} was deleted. The opt-outs of their phone numbers and email addresses are kept.`));
    this.host.dispatchEvent(new OptOutDeleteEvent(contactId));
    this.reset();
  }

  protected confirm(): void {
    const detail = this.options.detail();
    if (!detail) return;
    if (hasOptOut(detail) && this.typed.trim() !== detail.contact.name.trim()) {
      this.refuse(msg('Type the contact’s name exactly as shown to confirm.'), '#delete-name');
      return;
    }
    const contactId = this.options.contactId();
    this.submit([contactId, detail.etag] as const, new OptOutDeleteRequestEvent(contactId));
  }

  render(): TemplateResult {
    const detail = this.options.detail();
    const name = detail?.contact.name ?? '';
    const destinations = formatList((detail?.contact.destinations ?? []).map((d) => formatDestination(d.value)));
    const confirmByName = detail ? hasOptOut(detail) : false;
    const body = html`<p id="${this.id}-lead">
        ${msg(str`${name} will be deleted from your contacts.`)}
        ${msg('The opt-outs of their phone numbers and email addresses are kept, so if the contact is imported again they still cannot be messaged where they opted out.')}
      </p>
      ${destinations ? html`<p><span>${msg('Destinations:')}</span> <span translate="no">${destinations}</span></p>` : nothing}
      ${confirmByName
        ? html`<label for="delete-name" class="field-label">${msg(str`This contact has opt-outs. Type ${name} to confirm.`)}</label>
            <input id="delete-name" type="text" autocomplete="off" spellcheck="false" .value=${this.typed} aria-invalid=${this.problem ? 'true' : 'false'} @input=${(e: Event) => this.handleInput(e)} />`
        : nothing}`;
    return this.renderFrame(msg('Delete contact'), body, { label: msg('Delete contact'), danger: true });
  }

  private handleInput(e: Event) {
    this.typed = (e.target as HTMLInputElement).value;
    if (this.problem) {
      this.problem = '';
      this.requestUpdate();
    }
  }
}
