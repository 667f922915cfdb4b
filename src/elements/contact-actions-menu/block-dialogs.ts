import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { TEXT_LIMITS } from '../../engine/limits.js';
import type { RequestOptions } from '../../client/optout-client.js';
import type { ContactDetail } from '../../client/types.js';
import { byCount, lengthLimitLabel } from '../shared/labels.js';
import { warningIcon } from '../shared/icons.js';
import { ActionDialog } from './action-dialog.js';
import { OptOutBlockEvent, OptOutBlockRequestEvent, OptOutUnblockEvent, OptOutUnblockRequestEvent } from './contact-actions-menu.events.js';

type BlockArgs = readonly [contactId: string, reason: string];

/** "Block contact": for abusive or unwanted inbound messages; says that blocking is not an opt-out. */
export class BlockDialog extends ActionDialog<BlockArgs, ContactDetail> {
  readonly id = 'block-dialog';
  private reason = '';

  preset(reason?: string): void {
    if (reason !== undefined) this.reason = reason;
  }

  protected reset(): void {
    this.reason = '';
  }

  protected async send([contactId, reason]: BlockArgs, options: RequestOptions): Promise<ContactDetail> {
    const detail = await this.options.context.client!.blockContact(contactId, reason.trim() ? { reason } : {}, options);
    this.options.context.cache?.putContact(detail);
    return detail;
  }

  protected completed(detail: ContactDetail): void {
    this.close();
    const name = detail.contact.name;
    this.options.announce(msg(str`${name} is blocked.`));
    this.host.dispatchEvent(new OptOutBlockEvent(detail));
    this.reset();
  }

  protected confirm(): void {
    const contactId = this.options.contactId();
    this.submit([contactId, this.reason] as const, new OptOutBlockRequestEvent(contactId, this.reason));
  }

  render(): TemplateResult {
    const name = this.options.detail()?.contact.name ?? '';
    const body = html`<p id="${this.id}-lead">
        ${msg(str`Messages from ${name} will no longer reach your inbox, and ${name} cannot be messaged on any channel while blocked.`)}
      </p>
      <p class="warning">
        ${warningIcon}
        <span>${msg('Blocking is not an opt-out. Use it for abusive or unwanted inbound messages; to stop messaging a contact, unsubscribe them. Unblocking later restores nothing else: opt-outs stay as they are.')}</span>
      </p>
      <label for="block-reason" class="field-label">${msg('Reason')}</label>
      <textarea id="block-reason" rows="2" maxlength=${TEXT_LIMITS.note} aria-describedby="block-reason-hint" .value=${this.reason} @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea>
      <p id="block-reason-hint" class="hint">${msg('Kept in the audit log and shown as the reason the contact cannot be messaged.')} ${lengthLimitLabel(TEXT_LIMITS.note)}</p>`;
    return this.renderFrame(msg('Block contact'), body, { label: msg('Block contact'), danger: true });
  }
}

type UnblockArgs = readonly [contactId: string];

/** "Unblock contact": says what changes (inbox, messaging) and what does not (opt-outs). */
export class UnblockDialog extends ActionDialog<UnblockArgs, ContactDetail> {
  readonly id = 'unblock-dialog';

  protected reset(): void {}

  protected async send([contactId]: UnblockArgs, options: RequestOptions): Promise<ContactDetail> {
    const detail = await this.options.context.client!.unblockContact(contactId, options);
    this.options.context.cache?.putContact(detail);
    return detail;
  }

  protected completed(detail: ContactDetail): void {
    this.close();
    const name = detail.contact.name;
    this.options.announce(msg(str`${name} is unblocked.`));
    this.host.dispatchEvent(new OptOutUnblockEvent(detail));
  }

  protected confirm(): void {
    const contactId = this.options.contactId();
    this.submit([contactId] as const, new OptOutUnblockRequestEvent(contactId));
  }

  render(): TemplateResult {
    const detail = this.options.detail();
    const name = detail?.contact.name ?? '';
    const unsubscribed = detail ? detail.eligibility.filter((e) => e.reasons.some((r) => r.code === 'unsubscribed')).length : 0;
    const body = html`<p id="${this.id}-lead">
        ${msg(str`Messages from ${name} will reach your inbox again, and ${name} can be messaged again where they are subscribed.`)}
      </p>
      <p>
        ${unsubscribed === 0
          ? msg('Nothing else changes: the contact has no opt-out.')
          : byCount(
              unsubscribed,
              () => msg(str`Nothing else changes: the contact stays unsubscribed from ${unsubscribed} channel.`),
              () => msg(str`Nothing else changes: the contact stays unsubscribed from ${unsubscribed} channels.`),
            )}
      </p>`;
    return this.renderFrame(msg('Unblock contact'), body, { label: msg('Unblock contact') });
  }
}
