import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { consentLookupFrom } from '../../engine/current-consent.js';
import { eligibility } from '../../engine/eligibility.js';
import type { RequestOptions } from '../../client/optout-client.js';
import type { ContactDetail, Sequence, SequenceEnrollment } from '../../client/types.js';
import { byCount } from '../shared/labels.js';
import { reasonSentence } from '../shared/reasons.js';
import { canIcon, cannotIcon, warningIcon } from '../shared/icons.js';
import { ActionDialog } from './action-dialog.js';
import { OptOutAddToSequenceEvent, OptOutAddToSequenceRequestEvent } from './contact-actions-menu.events.js';

type Args = readonly [contactId: string, sequenceId: string];

/**
 * "Add to sequence": one of the organization's sequences, with each step's channel checked by
 * the engine's eligibility before confirming. The contract enrolls a contact whose steps cannot
 * all reach them, with a warning per such step; the dialog then shows those warnings.
 */
export class SequenceDialog extends ActionDialog<Args, SequenceEnrollment> {
  readonly id = 'sequence-dialog';
  private sequenceId = '';
  private enrolled: SequenceEnrollment | undefined;

  preset(sequenceId?: string): void {
    if (sequenceId) this.sequenceId = sequenceId;
  }

  protected reset(): void {
    this.sequenceId = '';
    this.enrolled = undefined;
  }

  protected async send([contactId, sequenceId]: Args, options: RequestOptions): Promise<SequenceEnrollment> {
    const enrollment = await this.options.context.client!.addContactToSequence(contactId, sequenceId, options);
    // The contact's own data did not change, but its history did.
    this.options.context.cache?.invalidateContact(contactId);
    return enrollment;
  }

  protected completed(enrollment: SequenceEnrollment): void {
    const name = this.options.detail()?.contact.name ?? '';
    const sequence = this.sequence(enrollment.sequenceId)?.name ?? enrollment.sequenceId;
    const count = enrollment.warnings.length;
    this.options.announce(
      count === 0
        ? msg(str`${name} was added to ${sequence}.`)
        : byCount(
            count,
            () => msg(str`${name} was added to ${sequence}, with a warning: ${count} step cannot message them.`),
            () => msg(str`${name} was added to ${sequence}, with warnings: ${count} steps cannot message them.`),
          ),
    );
    this.host.dispatchEvent(new OptOutAddToSequenceEvent(enrollment));
    if (count === 0) {
      this.close();
      this.reset();
    } else {
      // The warnings stay on screen until the user has read them.
      this.enrolled = enrollment;
      this.requestUpdate();
    }
  }

  protected confirm(): void {
    if (this.enrolled) {
      this.close();
      this.reset();
      return;
    }
    if (!this.sequenceId) {
      this.refuse(msg('Choose a sequence.'), 'input[name="sequence"]');
      return;
    }
    const contactId = this.options.contactId();
    this.submit([contactId, this.sequenceId] as const, new OptOutAddToSequenceRequestEvent(contactId, this.sequenceId));
  }

  protected override conflictText(): string {
    return msg('The contact is already in this sequence.');
  }

  render(): TemplateResult {
    const detail = this.options.detail();
    const sequences = this.options.organization()?.organization.sequences ?? [];
    const name = detail?.contact.name ?? '';
    if (this.enrolled) return this.renderFrame(msg('Add to sequence'), this.renderEnrolled(this.enrolled, name), { label: msg('Close'), noCancel: true });
    const chosen = this.sequence(this.sequenceId);
    const body = html`<p id="${this.id}-lead">${msg(str`Choose the sequence to add ${name} to. Check each step before confirming: a step whose channel cannot message the contact sends nothing to them.`)}</p>
      ${sequences.length === 0
        ? html`<p class="muted">${msg('The organization has no sequences.')}</p>`
        : html`<fieldset>
            <legend>${msg('Sequence')}</legend>
            ${sequences.map(
              (s) => html`<label class="check"
                ><input type="radio" name="sequence" .checked=${s.id === this.sequenceId} @change=${() => this.choose(s.id)} /><span translate="no">${s.name}</span></label
              >`,
            )}
          </fieldset>`}
      ${chosen && detail ? this.renderSteps(chosen, detail) : nothing}`;
    return this.renderFrame(msg('Add to sequence'), body, { label: msg('Add to sequence'), disabled: sequences.length === 0 });
  }

  private renderSteps(sequence: Sequence, detail: ContactDetail) {
    const channels = this.options.organization()?.organization.channels ?? [];
    const lookup = consentLookupFrom(detail.consent);
    const me = this.me();
    return html`<ol class="steps" aria-label=${msg('Steps')}>
      ${sequence.steps.map((step) => {
        const channel = channels.find((c) => c.id === step.channelId);
        const number = step.index + 1;
        const channelName = channel?.name ?? step.channelId;
        if (!channel) return html`<li>${cannotIcon} ${msg(str`Step ${number}: ${channelName}: this channel no longer exists.`)}</li>`;
        const result = eligibility(detail.contact, channel, lookup);
        return html`<li data-can=${result.canMessage ? 'yes' : 'no'}>
          ${result.canMessage ? canIcon : cannotIcon}
          <span>${result.canMessage ? msg(str`Step ${number}: ${channelName}: can message`) : msg(str`Step ${number}: ${channelName}: cannot message`)}</span>
          ${result.canMessage
            ? nothing
            : html`<ul class="reasons">
                ${result.reasons.map((r) => html`<li>${reasonSentence(r, { channels, me })}</li>`)}
              </ul>`}
        </li>`;
      })}
    </ol>`;
  }

  private renderEnrolled(enrollment: SequenceEnrollment, name: string) {
    const sequence = this.sequence(enrollment.sequenceId)?.name ?? enrollment.sequenceId;
    const channels = this.options.organization()?.organization.channels ?? [];
    const me = this.me();
    return html`<p id="${this.id}-lead" class="warning">
        ${warningIcon}<span>${msg(str`${name} was added to ${sequence}, but these steps cannot message them:`)}</span>
      </p>
      <ul class="steps" aria-label=${msg('Warnings')}>
        ${enrollment.warnings.map((w) => {
          const number = w.stepIndex + 1;
          const channelName = this.channelName(w.channelId);
          return html`<li>
            ${msg(str`Step ${number}: ${channelName}`)}
            <ul class="reasons">
              ${w.reasons.map((r) => html`<li>${reasonSentence(r, { channels, me })}</li>`)}
            </ul>
          </li>`;
        })}
      </ul>`;
  }

  private sequence(id: string): Sequence | undefined {
    return this.options.organization()?.organization.sequences.find((s) => s.id === id);
  }

  private choose(id: string) {
    this.sequenceId = id;
    this.problem = '';
    this.requestUpdate();
  }
}
