import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  OPT_OUT_SCOPES,
  REVIEW_BUSINESS_DAYS,
  createClassifier,
  explainScope,
  inboundAction,
  type Channel,
  type Classification,
  type InboundAction,
  type KeywordSets,
  type Location,
  type OptOutScope,
  type PhrasePolicy,
} from '../../engine/index.js';
import { TEXT_LIMITS } from '../../engine/limits.js';
import { getLocale } from '../../localization/localization.js';
import { byCount, channelTypeLabel, intentLabel, languageName, matchLabel, scopeHint, scopeLabel, scopeMessages } from '../shared/labels.js';
import { styles } from './inbound-reply-playground.styles.js';

const SAMPLE_REPLIES = ['STOP', 'STOP ALL', 'START', 'HELP', 'Arrêt', 'please stop texting me', 'can you stop by at 5?'];

/**
 * Simulates an inbound reply: pick the channel it arrived on, type the text, choose the
 * organization's opt-out scope, and see how the engine classifies it, which channels it would
 * change and the sentence an admin would give their team. Nothing is sent or saved.
 *
 * @summary What would happen if a contact replied this?
 * @tag inbound-reply-playground
 *
 * @csspart base - The playground's layout grid.
 * @csspart form - The inputs.
 * @csspart result - The outcome panel.
 * @csspart explanation - What the chosen scope does, on an example channel.
 *
 * @cssproperty --optout-color-accent - Focus rings and the result's edge.
 * @cssproperty --optout-color-danger - The result's edge when the reply opts out.
 * @cssproperty --optout-color-border - Input borders.
 * @cssproperty --optout-font - Base font.
 * @cssproperty --optout-radius - Corner radius (default 6 px).
 * @cssproperty --optout-color-text - Text colour.
 * @cssproperty --optout-color-muted - Secondary text colour.
 * @cssproperty --optout-color-surface - Background of the inputs.
 * @cssproperty --optout-color-note - Background of the scope's explanation.
 */
@localized()
export class InboundReplyPlayground extends LitElement {
  static override styles = styles;

  /** The organization's channels; the reply arrives on one of them. */
  @property({ attribute: false }) channels: Channel[] = [];

  /** The organization's locations, used to group channels. */
  @property({ attribute: false }) locations: Location[] = [];

  /** Custom keywords of the organization; they extend the defaults. */
  @property({ attribute: false }) keywords: Partial<KeywordSets> = {};

  /** The id of the channel the reply arrived on; defaults to the first channel. */
  @property({ attribute: 'channel-id' }) channelId = '';

  /** The reply's text. */
  @property({ attribute: 'reply' }) reply = 'STOP';

  /** The opt-out scope to apply. */
  @property({ attribute: 'scope' }) scope: OptOutScope = 'channel';

  /** What happens to plain-language requests: applied at once or queued for review. */
  @property({ attribute: 'phrase-policy' }) phrasePolicy: PhrasePolicy = 'review';

  @state() private classification: Classification = { intent: 'none', match: 'none' };
  @state() private action: InboundAction = { kind: 'none' };
  private classify = createClassifier();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('keywords')) this.classify = createClassifier({ keywords: this.keywords });
    const messaged = this.messagedChannel;
    this.classification = this.classify(this.reply);
    this.action = messaged
      ? inboundAction(this.classification, messaged, this.channels, { scope: this.scope, phrasePolicy: this.phrasePolicy })
      : { kind: 'none' };
  }

  private get messagedChannel(): Channel | undefined {
    return this.channels.find((c) => c.id === this.channelId) ?? this.channels[0];
  }

  protected override render() {
    if (this.channels.length === 0) {
      return html`<p class="empty" role="status">${msg('This organization has no channels yet, so there is nothing to simulate.')}</p>`;
    }
    return html`
      <section part="base" lang=${getLocale()} aria-labelledby="title">
        <div class="intro">
          <h2 id="title">${msg('Inbound reply playground')}</h2>
          <p>${msg('Simulate a reply from a contact and see what the opt-out rules would do. Nothing is sent or saved.')}</p>
        </div>
        ${this.renderForm()} ${this.renderResult()}
      </section>
    `;
  }

  private renderForm() {
    const selected = this.messagedChannel?.id;
    return html`
      <form part="form" @submit=${(e: Event) => e.preventDefault()}>
        <div class="field">
          <label for="channel">${msg('Channel')}</label>
          <select id="channel" @change=${this.handleChannelChange}>
            ${this.groupedChannels().map(
              ([location, channels]) => html`
                <optgroup label=${location}>
                  ${channels.map(
                    (c) => html`<option value=${c.id} ?selected=${c.id === selected}>
                      ${c.name} (${channelTypeLabel(c.type)}, ${c.address})
                    </option>`,
                  )}
                </optgroup>
              `,
            )}
          </select>
        </div>
        <div class="field">
          <label for="reply">${msg('Reply')}</label>
          <textarea
            id="reply"
            maxlength=${TEXT_LIMITS.inboundBody}
            aria-describedby="reply-length"
            .value=${this.reply}
            @input=${this.handleReplyInput}
          ></textarea>
          ${this.renderReplyLength()}
          <div class="samples" role="group" aria-label=${msg('Sample replies')}>
            ${SAMPLE_REPLIES.map(
              (sample) => html`<button type="button" @click=${() => this.useSample(sample)}>${sample}</button>`,
            )}
          </div>
        </div>
        <fieldset>
          <legend>${msg('Opt-out scope')}</legend>
          ${OPT_OUT_SCOPES.map(
            (scope) => html`
              <div class="choice">
                <input
                  type="radio"
                  id="scope-${scope}"
                  name="scope"
                  .value=${scope}
                  .checked=${this.scope === scope}
                  aria-describedby="scope-${scope}-hint"
                  @change=${() => (this.scope = scope)}
                />
                <label for="scope-${scope}">${scopeLabel(scope)}</label>
              </div>
              <div id="scope-${scope}-hint" class="hint">${scopeHint(scope)}</div>
            `,
          )}
        </fieldset>
        <fieldset>
          <legend>${msg('Plain-language requests')}</legend>
          ${(['review', 'apply'] as const).map(
            (policy) => html`
              <div class="choice">
                <input
                  type="radio"
                  id="policy-${policy}"
                  name="policy"
                  .checked=${this.phrasePolicy === policy}
                  @change=${() => (this.phrasePolicy = policy)}
                />
                <label for="policy-${policy}">${policy === 'review' ? msg('Queue for review') : msg('Apply at once')}</label>
              </div>
            `,
          )}
        </fieldset>
      </form>
    `;
  }

  /** The reply's length against the contract's limit for an inbound body, shown before it is reached. */
  private renderReplyLength() {
    const limit = TEXT_LIMITS.inboundBody;
    const over = this.reply.length > limit;
    const number = new Intl.NumberFormat(getLocale());
    const [length, max] = [number.format(this.reply.length), number.format(limit)];
    return html`<p id="reply-length" class="length" ?data-over=${over}>
      ${over ? msg(str`${length} / ${max} characters: longer than an inbound message can be`) : msg(str`${length} / ${max} characters`)}
    </p>`;
  }

  private renderResult() {
    const { classification, action } = this;
    const names = 'channelIds' in action ? action.channelIds.map((id) => this.channelName(id)) : [];
    return html`
      <section part="result" data-intent=${classification.intent} aria-labelledby="result-title">
        <h3 id="result-title">${msg('Result')}</h3>
        <p role="status" aria-live="polite">${this.summary(action, names.length)}</p>
        <dl>
          <dt>${msg('Classification')}</dt>
          <dd>${intentLabel(classification.intent)}</dd>
          <dt>${msg('Match')}</dt>
          <dd>${matchLabel(classification.match)}</dd>
          ${classification.keyword
            ? html`<dt>${msg('Keyword')}</dt>
                <dd>${classification.keyword}</dd>`
            : nothing}
          ${classification.language
            ? html`<dt>${msg('Language')}</dt>
                <dd>${languageName(classification.language)}</dd>`
            : nothing}
        </dl>
        ${names.length > 0
          ? html`<h4 id="affected-title">${this.affectedHeading(action)}</h4>
              <ul aria-labelledby="affected-title">
                ${names.map((name) => html`<li>${name}</li>`)}
              </ul>`
          : nothing}
        ${this.renderExplanation()}
      </section>
    `;
  }

  private renderExplanation() {
    const example = this.messagedChannel;
    if (!example) return nothing;
    return html`<p class="explanation" part="explanation">
      ${explainScope(this.scope, this.channels, example, scopeMessages())}
    </p>`;
  }

  private summary(action: InboundAction, count: number): string {
    const days = REVIEW_BUSINESS_DAYS;
    switch (action.kind) {
      case 'apply-opt-out':
        return byCount(
          count,
          () => msg(str`Unsubscribes the contact from ${count} channel.`),
          () => msg(str`Unsubscribes the contact from ${count} channels.`),
        );
      case 'apply-opt-in':
        return byCount(
          count,
          () => msg(str`Re-subscribes the contact to ${count} channel.`),
          () => msg(str`Re-subscribes the contact to ${count} channels.`),
        );
      case 'queue-review':
        return byCount(
          count,
          () => msg(str`Queued for review: an agent decides within ${days} business days. Applying it would unsubscribe ${count} channel.`),
          () => msg(str`Queued for review: an agent decides within ${days} business days. Applying it would unsubscribe ${count} channels.`),
        );
      case 'reply-help':
        return msg('Sends the help reply. No channel changes.');
      case 'none':
        return msg('No opt-out, opt-in or help request recognized: the message reaches the inbox as usual.');
    }
  }

  private affectedHeading(action: InboundAction): string {
    switch (action.kind) {
      case 'apply-opt-in':
        return msg('Channels that would be re-subscribed');
      case 'queue-review':
        return msg('Channels that would be unsubscribed if an agent applies it');
      default:
        return msg('Channels that would be unsubscribed');
    }
  }

  private channelName(id: string): string {
    const channel = this.channels.find((c) => c.id === id);
    return channel ? channel.name : id;
  }

  private groupedChannels(): [string, Channel[]][] {
    const groups = new Map<string, Channel[]>();
    for (const channel of this.channels) {
      const name = this.locations.find((l) => l.id === channel.locationId)?.name ?? channel.locationId;
      groups.set(name, [...(groups.get(name) ?? []), channel]);
    }
    return [...groups];
  }

  private useSample(sample: string) {
    this.reply = sample;
  }

  private handleChannelChange(e: Event) {
    this.channelId = (e.target as HTMLSelectElement).value;
  }

  private handleReplyInput(e: Event) {
    this.reply = (e.target as HTMLTextAreaElement).value;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'inbound-reply-playground': InboundReplyPlayground;
  }
}
