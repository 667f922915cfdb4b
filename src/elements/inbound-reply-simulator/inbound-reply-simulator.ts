import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import { destinationKindFor, type Channel } from '../../engine/index.js';
import { TEXT_LIMITS } from '../../engine/limits.js';
import { HttpOptOutClient } from '../../client/http-client.js';
import { OptOutApiError, isAbortError, isOptOutApiError } from '../../client/errors.js';
import type { InboundResult, Problem } from '../../client/types.js';
import { OptOutContextController } from '../shared/optout-context-controller.js';
import { formatList, intentLabel, matchLabel } from '../shared/labels.js';
import { styles } from '../inbound-reply-playground/inbound-reply-playground.styles.js';
import { getLocale } from '../../localization/localization.js';

const SAMPLE_REPLIES = ['STOP', 'STOP ALL', 'START', 'HELP', 'ARRET', 'please stop texting me'];

/** A contact the simulator can reply as: a name and the destinations a reply comes from. */
export interface SimulatorContact {
  id: string;
  name: string;
  phone?: string;
  email?: string;
}

/** Signs a Twilio webhook delivery: the headers Twilio would send for `params` posted to `url`. */
export type TwilioSigner = (url: string, params: URLSearchParams) => Promise<Record<string, string>>;

/**
 * QA's "Try it" panel: sends a reply (STOP, STOP ALL, START, HELP, ARRET or free text) from a
 * contact on a channel through the backend, as the messaging integration (`POST /inbound-messages`
 * with the integration's credential) or as a signed Twilio delivery, and shows what the backend
 * did: the classification, the channels changed, the confirmation sent, or the review queued.
 * Every element in the same provider that shows the contact then fetches it again.
 *
 * Not registered by `optout-elements/define`: it speaks for contacts, which only a test backend
 * should let anyone do. Register it with `defineInboundReplySimulator()`. Compare with
 * `<inbound-reply-playground>`, which asks the engine only and sends nothing.
 *
 * @summary Send a contact's reply through the backend and see what it did.
 * @tag inbound-reply-simulator
 *
 * @csspart base - The simulator's layout grid.
 * @csspart form - The inputs.
 * @csspart result - What the backend answered.
 *
 * @cssproperty --optout-color-accent - Focus rings and the result's edge.
 * @cssproperty --optout-color-border - Input borders.
 * @cssproperty --optout-font - Base font.
 */
@localized()
export class InboundReplySimulator extends LitElement {
  static override styles = styles;

  private readonly context = new OptOutContextController(this);

  private readonly sendTask = new Task(this, {
    autoRun: false,
    task: async ([channel, from, body, via]: readonly [Channel, string, string, 'integration' | 'twilio'], { signal }) =>
      via === 'twilio' ? this.deliverAsTwilio(channel, from, body, signal) : this.integrationClient().receiveInboundMessage({ channelId: channel.id, from, body }, { signal }),
    onComplete: (result) => {
      for (const id of result.contactIds) this.context.cache?.invalidateContact(id);
    },
  });

  /** Where the API is mounted (the integration's client and Twilio's webhook use it). */
  @property({ attribute: 'api-base' }) apiBase = '/api';

  /** The messaging integration's bearer token (the mock's is `mock:u-integration`). */
  @property({ attribute: 'integration-token' }) integrationToken = 'mock:u-integration';

  /** The contacts to reply as; the "From" field can also take any number or address. */
  @property({ attribute: false }) contacts: SimulatorContact[] = [];

  /** Signs Twilio deliveries (the mock's `signTwilioRequest`); without it, only the integration path is offered. */
  @property({ attribute: false }) twilioSigner?: TwilioSigner;

  /** The channel the reply arrives on; defaults to the first one. */
  @property({ attribute: 'channel-id' }) channelId = '';

  /** The reply's text. */
  @property({ attribute: 'reply' }) reply = 'STOP';

  @state() private contactId = '';
  @state() private from = '';
  @state() private via: 'integration' | 'twilio' = 'integration';

  private client?: HttpOptOutClient;
  private clientKey = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.sendTask.abort(new DOMException('inbound-reply-simulator was disconnected', 'AbortError'));
  }

  private get channels(): Channel[] {
    const organization = this.context.organization;
    return organization?.status === 'ready' ? organization.value.organization.channels : [];
  }

  private get channel(): Channel | undefined {
    return this.channels.find((c) => c.id === this.channelId) ?? this.channels[0];
  }

  protected override render() {
    if (!this.context.hasProvider) {
      return html`<p role="alert">${msg('The reply simulator must be placed inside an <optout-provider> element, which connects it to the backend.')}</p>`;
    }
    const channel = this.channel;
    if (!channel) return html`<p role="status">${msg('Loading the organization’s channels…')}</p>`;
    return html`<section part="base" lang=${getLocale()} aria-labelledby="sim-title">
      <div class="intro">
        <h2 id="sim-title">${msg('Try it: send a reply')}</h2>
        <p>${msg('Sends a reply from a contact through the backend, exactly as the messaging provider would. Consent changes for real.')}</p>
      </div>
      ${this.renderForm(channel)} ${this.renderResult()}
    </section>`;
  }

  private renderForm(channel: Channel) {
    const kind = destinationKindFor(channel.type);
    const from = this.from || this.defaultFrom(channel);
    const twilioPossible = Boolean(this.twilioSigner) && kind === 'phone' && channel.type !== 'voice';
    const via = twilioPossible ? this.via : 'integration';
    const sending = this.sendTask.status === TaskStatus.PENDING;
    return html`<form part="form" @submit=${(e: Event) => this.handleSubmit(e, channel, from, via)}>
      <div class="field">
        <label for="sim-contact">${msg('Contact')}</label>
        <select id="sim-contact" @change=${this.handleContactChange}>
          <option value="" ?selected=${this.contactId === ''}>${msg('A number no contact has')}</option>
          ${this.contacts.map((c) => html`<option value=${c.id} ?selected=${c.id === this.contactId} translate="no">${c.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="sim-channel">${msg('Channel')}</label>
        <select id="sim-channel" @change=${this.handleChannelChange}>
          ${this.channels.map((c) => html`<option value=${c.id} ?selected=${c.id === channel.id} translate="no">${c.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="sim-from">${kind === 'phone' ? msg('From (phone number)') : msg('From (email address)')}</label>
        <input id="sim-from" type="text" autocomplete="off" translate="no" .value=${from} @input=${(e: Event) => (this.from = (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="sim-reply">${msg('Reply')}</label>
        <textarea id="sim-reply" maxlength=${TEXT_LIMITS.inboundBody} .value=${this.reply} @input=${(e: Event) => (this.reply = (e.target as HTMLTextAreaElement).value)}></textarea>
        <div class="samples" role="group" aria-label=${msg('Sample replies')}>
          ${SAMPLE_REPLIES.map((sample) => html`<button type="button" translate="no" @click=${() => (this.reply = sample)}>${sample}</button>`)}
        </div>
      </div>
      <fieldset>
        <legend>${msg('Delivered by')}</legend>
        <div class="choice">
          <input type="radio" id="via-integration" name="via" .checked=${via === 'integration'} @change=${() => (this.via = 'integration')} />
          <label for="via-integration">${msg('The messaging integration')}</label>
        </div>
        <div class="choice">
          <input type="radio" id="via-twilio" name="via" ?disabled=${!twilioPossible} .checked=${via === 'twilio'} @change=${() => (this.via = 'twilio')} />
          <label for="via-twilio">${msg('A signed Twilio delivery')}</label>
        </div>
      </fieldset>
      <button type="submit" class="primary" aria-disabled=${sending || this.reply.trim() === '' ? 'true' : nothing}>${sending ? msg('Sending…') : msg('Send reply')}</button>
    </form>`;
  }

  private renderResult() {
    return html`<section part="result" aria-labelledby="sim-result-title">
      <h3 id="sim-result-title">${msg('What the backend did')}</h3>
      ${this.sendTask.render({
        initial: () => html`<p class="hint">${msg('Nothing sent yet.')}</p>`,
        pending: () => html`<p role="status">${msg('Sending…')}</p>`,
        complete: (result) => this.renderOutcome(result),
        error: (error) => (isAbortError(error) ? nothing : html`<p role="alert">${this.errorText(error)}</p>`),
      })}
    </section>`;
  }

  private renderOutcome(result: InboundResult) {
    const names = result.changedChannelIds.map((id) => this.channels.find((c) => c.id === id)?.name ?? id);
    const { classification } = result;
    return html`<p role="status">${this.actionText(result, names)}</p>
      <dl>
        <dt>${msg('Classification')}</dt>
        <dd>${intentLabel(classification.intent)}</dd>
        <dt>${msg('Match')}</dt>
        <dd>${matchLabel(classification.match)}</dd>
        ${classification.keyword
          ? html`<dt>${msg('Keyword')}</dt>
              <dd translate="no">${classification.keyword}</dd>`
          : nothing}
        <dt>${msg('Confirmation sent')}</dt>
        <dd>${result.confirmation ? html`<span translate="no">${result.confirmation.body}</span>` : msg('None')}</dd>
      </dl>
      ${names.length > 0
        ? html`<h4 id="sim-changed-title">${msg('Channels changed')}</h4>
            <ul aria-labelledby="sim-changed-title" data-testid="changed">
              ${names.map((name) => html`<li translate="no">${name}</li>`)}
            </ul>`
        : nothing}`;
  }

  private actionText(result: InboundResult, names: string[]): string {
    const list = formatList(names);
    switch (result.action) {
      case 'opted-out':
        return names.length > 0 ? msg(str`Unsubscribed from ${list}.`) : msg('Opt-out recorded; every channel it reaches was already unsubscribed.');
      case 'opted-in':
        return names.length > 0 ? msg(str`Re-subscribed to ${list}.`) : msg('Opt-in received; nothing it may re-subscribe was unsubscribed.');
      case 'help-sent':
        return msg('The help reply was sent. No channel changed.');
      case 'queued-for-review': {
        const id = result.reviewId ?? '';
        return msg(str`Queued for review (${id}): an agent decides whether it is a request to stop.`);
      }
      default:
        return msg('Not a keyword or a request to stop: the message reaches the inbox as usual.');
    }
  }

  private errorText(error: unknown): string {
    if (isOptOutApiError(error)) {
      const first = error.fieldErrors[0];
      if (first) return msg(str`The backend refused the reply: ${first.field} ${first.message}`);
      if (error.is('forbidden')) return msg('The backend refused the delivery: not allowed (a wrong signature or credential).');
    }
    return msg('The reply could not be sent. Try again.');
  }

  private defaultFrom(channel: Channel): string {
    const contact = this.contacts.find((c) => c.id === this.contactId);
    const kind = destinationKindFor(channel.type);
    if (contact) return (kind === 'phone' ? contact.phone : contact.email) ?? '';
    return kind === 'phone' ? '+14169870001' : 'someone@example.com';
  }

  private integrationClient(): HttpOptOutClient {
    const key = `${this.apiBase}\u0000${this.integrationToken}`;
    if (!this.client || key !== this.clientKey) {
      this.client = new HttpOptOutClient({ baseUrl: this.apiBase, token: this.integrationToken });
      this.clientKey = key;
    }
    return this.client;
  }

  private async deliverAsTwilio(channel: Channel, from: string, body: string, signal: AbortSignal): Promise<InboundResult> {
    const prefix = channel.type === 'whatsapp' ? 'whatsapp:' : '';
    const params = new URLSearchParams({ From: `${prefix}${from}`, To: `${prefix}${channel.address}`, Body: body, MessageSid: `SM${crypto.randomUUID().replaceAll('-', '')}` });
    const url = new URL(`${this.apiBase}/webhooks/twilio/inbound`, location.href).href;
    const headers = await this.twilioSigner!(url, params);
    const response = await fetch(url, { method: 'POST', headers, body: params, signal });
    const json = (await response.json()) as unknown;
    if (!response.ok) {
      const problem = json as Problem;
      throw new OptOutApiError({ status: response.status, type: problem.type ?? 'urn:optout:problem:network', title: problem.title ?? '', detail: problem.detail, problem });
    }
    return json as InboundResult;
  }

  private readonly handleSubmit = (e: Event, channel: Channel, from: string, via: 'integration' | 'twilio') => {
    e.preventDefault();
    // The button stays focusable while sending and when there is nothing to send: guarded here.
    if (this.sendTask.status === TaskStatus.PENDING || this.reply.trim() === '') return;
    void this.sendTask.run([channel, from.trim(), this.reply, via]);
  };

  private readonly handleContactChange = (e: Event) => {
    this.contactId = (e.target as HTMLSelectElement).value;
    this.from = '';
  };

  private readonly handleChannelChange = (e: Event) => {
    this.channelId = (e.target as HTMLSelectElement).value;
    this.from = '';
  };
}

/** Registers `<inbound-reply-simulator>` (idempotently); `optout-elements/define` does not. */
export function defineInboundReplySimulator(): void {
  if (!customElements.get('inbound-reply-simulator')) customElements.define('inbound-reply-simulator', InboundReplySimulator);
}

declare global {
  interface HTMLElementTagNameMap {
    'inbound-reply-simulator': InboundReplySimulator;
  }
}
