import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import {
  OPT_OUT_SCOPES,
  REVIEW_BUSINESS_DAYS,
  explainScope,
  resolveOptOutChannels,
  type Channel,
  type KeywordSet,
  type OptOutScope,
} from '../../engine/index.js';
import { isAbortError, isOptOutApiError } from '../../client/errors.js';
import type { VersionedMessagingSettings } from '../../client/optout-client.js';
import type { FieldError, MessagingSettings, MessagingSettingsInput, PhrasePolicy, ScopeImpact } from '../../client/types.js';
import { OptOutContextController } from '../shared/optout-context-controller.js';
import { moveFocusAfterChange } from '../shared/focus.js';
import { byCount, formatList, scopeHint, scopeLabel, scopeMessages } from '../shared/labels.js';
import { actorName, formatDateTime } from '../shared/format.js';
import { canIcon } from '../shared/icons.js';
import { getLocale } from '../../localization/localization.js';
import { keywordSetLabel, pendingProblem, renderKeywordLists } from './keyword-lists.js';
import { OptOutSettingsChangeEvent, OptOutSettingsChangeRequestEvent } from './optout-settings.events.js';
import { inputOf, reapply, settingsChanges, type SettingsChange } from './settings-diff.js';
import { styles } from './optout-settings.styles.js';

const EMPTY_PENDING: Record<KeywordSet, string> = { optOut: '', optOutAll: '', optIn: '', help: '' };

/** A save refused with 412: the version saved meanwhile, and what the admin wanted. */
interface Conflict {
  theirs: VersionedMessagingSettings;
  /** The version the admin loaded and edited. */
  base: MessagingSettings;
  mine: MessagingSettingsInput;
}

/**
 * "Opt-out preferences", the area of Settings > Messaging where an admin chooses how widely a STOP
 * reply unsubscribes a contact: only the channel messaged, all channels of the same type, or every
 * channel in the organization. A live preview on the organization's real channels shows what a
 * STOP on an example channel would unsubscribe under the chosen scope and how that differs from
 * today, computed by the engine the backend enforces; beside it, what the last 30 days of STOP
 * replies did and would have done. The admin copies the rule's sentence for their teams, manages
 * custom keywords (checked as they type) and decides what happens to plain-language requests.
 *
 * Saving sends `If-Match`: when another admin saved first, it shows who changed what and lets the
 * admin reapply their change on top or keep the other one. A failed save keeps everything the admin
 * chose, and leaving the page with unsaved changes asks first. Managers and agents see the settings
 * read-only.
 *
 * @summary Settings > Messaging > Opt-out preferences.
 * @tag optout-settings
 *
 * @fires {OptOutSettingsChangeRequestEvent} optout-settings-change-request - Before saving; cancelable.
 * @fires {OptOutSettingsChangeEvent} optout-settings-change - The settings were saved, with the old and new values.
 *
 * @csspart base - The whole element.
 * @csspart scope - The scope radio group.
 * @csspart preview - The preview on an example channel.
 * @csspart impact - The last 30 days replayed.
 * @csspart guidance - The sentence for teams and its Copy button.
 * @csspart keywords - The keyword lists.
 * @csspart phrases - The plain-language request policy.
 * @csspart actions - The Save row.
 * @csspart conflict - What another admin changed, with the choices.
 * @csspart message - A state message (loading, forbidden, error, no provider).
 *
 * @cssproperty --optout-font - Base font.
 * @cssproperty --optout-radius - Corner radius.
 * @cssproperty --optout-color-text - Text colour.
 * @cssproperty --optout-color-muted - Secondary text colour.
 * @cssproperty --optout-color-border - Borders.
 * @cssproperty --optout-color-surface - Background.
 * @cssproperty --optout-color-subtle - Background of notes.
 * @cssproperty --optout-color-accent - Primary button, focus rings, the selected scope.
 * @cssproperty --optout-color-warning - Unsaved changes and conflicts.
 * @cssproperty --optout-color-cannot-message - Channels a STOP would unsubscribe (always with a word).
 *
 * @cssstate dirty - There are unsaved changes.
 * @cssstate read-only - The user may not change the settings.
 */
@localized()
export class OptOutSettings extends LitElement {
  static override styles = styles;

  private readonly context = new OptOutContextController(this);

  private readonly settingsTask = new Task(this, {
    task: async ([client]: readonly [OptOutContextController['client'], number], { signal }) => {
      if (!client) return initialState;
      return client.getMessagingSettings({ signal });
    },
    args: () => [this.context.client, this.reloads] as const,
    onComplete: (loaded) => {
      // Settings other than those this user saved (another sign-in, another admin's change): the
      // "saved" line no longer speaks of what is shown.
      if (loaded.etag !== this.saved?.etag) this.lastSave = undefined;
      this.adopt(loaded);
    },
  });

  private readonly impactTask = new Task(this, {
    task: async ([client, scope]: readonly [OptOutContextController['client'], OptOutScope | undefined, string | undefined], { signal }) => {
      if (!client || !scope) return initialState;
      return client.getOptOutScopeImpact(scope, { signal });
    },
    args: () => [this.context.client, this.draft?.optOutScope, this.saved?.etag] as const,
  });

  private readonly saveTask = new Task(this, {
    autoRun: false,
    task: async ([input, base]: readonly [MessagingSettingsInput, VersionedMessagingSettings], { signal }) => {
      const client = this.context.client!;
      try {
        return await client.updateMessagingSettings(input, base.etag, { signal });
      } catch (error) {
        if (isOptOutApiError(error) && error.is('precondition-failed')) {
          const theirs = await client.getMessagingSettings({ signal });
          this.conflict = { theirs, base: base.settings, mine: input };
        }
        throw error;
      }
    },
    onComplete: (saved) => {
      const before = this.saved?.settings;
      this.conflict = undefined;
      this.serverErrors = {};
      this.adopt(saved, true);
      this.lastSave = 'saved';
      this.announce(msg('Opt-out preferences saved.'));
      if (before) this.dispatchEvent(new OptOutSettingsChangeEvent(before, saved.settings));
    },
    onError: (error) => {
      if (isOptOutApiError(error) && error.status === 422) this.serverErrors = this.keywordErrors(error.fieldErrors);
    },
  });

  @query('#guidance-text') private guidanceField?: HTMLTextAreaElement;

  /** The channel the preview starts from ("a contact replies STOP to …"); defaults to the first SMS channel. */
  @property({ attribute: 'example-channel-id' }) exampleChannelId = '';

  @state() private saved?: VersionedMessagingSettings;
  @state() private draft?: MessagingSettingsInput;
  @state() private pending: Record<KeywordSet, string> = { ...EMPTY_PENDING };
  @state() private serverErrors: Partial<Record<KeywordSet, { word: string; error: FieldError }[]>> = {};
  @state() private conflict?: Conflict;
  /**
   * How the last save ended, as far as the actions below the form say: saved, or given up for the
   * other admin's version ("Keep theirs"), whose refusal is then no failure to report.
   */
  @state() private lastSave?: 'saved' | 'kept-theirs';
  @state() private copyFallback = false;
  @state() private announcement = '';
  @state() private reloads = 0;

  private readonly internals = this.attachInternals();
  /** What the last save sent, so the backend's field errors name the keywords they were about. */
  private lastSent?: MessagingSettingsInput;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.handleBeforeUnload);
    if (this.hasUpdated && this.settingsTask.status === TaskStatus.ERROR && isAbortError(this.settingsTask.error)) void this.settingsTask.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.handleBeforeUnload);
    const reason = new DOMException('optout-settings was disconnected', 'AbortError');
    this.settingsTask.abort(reason);
    this.impactTask.abort(reason);
  }

  /** Whether the form holds changes that are not saved. */
  get dirty(): boolean {
    return Boolean(this.saved && this.draft && settingsChanges(inputOf(this.saved.settings), this.draft).length > 0);
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.setState('dirty', this.dirty);
    this.setState('read-only', !this.editable);
  }

  protected override render() {
    return html`<section part="base" class="base" lang=${getLocale()} aria-labelledby="title">
      <h2 id="title">${msg('Opt-out preferences')}</h2>
      ${this.renderBody()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </section>`;
  }

  private renderBody() {
    if (!this.context.hasProvider) {
      return this.renderMessage(
        msg('Opt-out preferences cannot be shown: this element must be placed inside an <optout-provider> element, which connects it to the backend.'),
        'alert',
      );
    }
    const { organization, session } = this.context;
    if (session?.status === 'error') return this.problemOf(session.error, () => session.retry());
    if (organization?.status === 'error') return this.problemOf(organization.error, () => organization.retry());
    // Who is signed in decides between the form and the read-only view: neither is shown before.
    if (session?.status !== 'ready') return this.renderLoading();
    return this.settingsTask.render({
      initial: () => this.renderLoading(),
      pending: () => (this.draft ? this.renderLoaded() : this.renderLoading()),
      complete: () => this.renderLoaded(),
      error: (error) => (this.draft && !isAbortError(error) ? this.renderLoaded() : this.problemOf(error, () => this.reload())),
    });
  }

  private renderLoaded() {
    const organization = this.context.organization;
    const saved = this.saved;
    const draft = this.draft;
    if (organization?.status !== 'ready' || !saved || !draft) return this.renderLoading();
    const channels = organization.value.organization.channels;
    const example = this.exampleChannel(channels);
    return html`
      ${this.editable ? nothing : html`<p class="note" role="note">${msg('Only admins can change this.')}</p>`}
      <p class="hint">${this.lastChangedText(saved.settings)}</p>
      ${this.renderScope(draft)}
      ${example ? html`<div class="preview-row">${this.renderPreview(channels, example, draft, saved.settings)} ${this.renderImpact()}</div>` : nothing}
      ${example ? this.renderGuidance(channels, example, draft.optOutScope) : nothing}
      <div part="keywords">
        ${renderKeywordLists({
          keywords: draft.customKeywords,
          editable: this.editable,
          pending: this.pending,
          serverErrors: this.serverErrors,
          onInput: (set, value) => {
            this.pending = { ...this.pending, [set]: value };
          },
          onAdd: (set) => this.addKeyword(set),
          onRemove: (set, index) => this.removeKeyword(set, index),
        })}
      </div>
      ${this.renderPhrasePolicy(draft)} ${this.renderConflict()} ${this.renderActions()}
    `;
  }

  private renderScope(draft: MessagingSettingsInput) {
    // Native radios in one named group are the APG radio group: one tab stop, arrows move and select.
    return html`<fieldset part="scope" class="scope" ?disabled=${!this.editable}>
      <legend>${msg('When a contact replies STOP, unsubscribe them from')}</legend>
      ${OPT_OUT_SCOPES.map(
        (scope) => html`<label class="option">
          <input
            type="radio"
            name="scope"
            .value=${scope}
            .checked=${draft.optOutScope === scope}
            aria-labelledby="scope-${scope}-label"
            aria-describedby="scope-${scope}-hint"
            @change=${() => this.edit({ optOutScope: scope })}
          />
          <span class="option-text">
            <span class="option-label" id="scope-${scope}-label">${scopeLabel(scope)}</span>
            <span class="hint" id="scope-${scope}-hint">${scopeHint(scope)}</span>
          </span>
        </label>`,
      )}
    </fieldset>`;
  }

  private renderPreview(channels: readonly Channel[], example: Channel, draft: MessagingSettingsInput, saved: MessagingSettings) {
    const proposed = resolveOptOutChannels(example, draft.optOutScope, channels);
    const today = new Set(resolveOptOutChannels(example, saved.optOutScope, channels));
    const names = (ids: readonly string[]) => formatList(ids.map((id) => channels.find((c) => c.id === id)?.name ?? id));
    const more = proposed.filter((id) => !today.has(id));
    const fewer = [...today].filter((id) => !proposed.includes(id));
    const all = resolveOptOutChannels(example, draft.optOutScope, channels, 'opt-out-all');
    const exampleName = example.name;
    const count = proposed.length;
    return html`<section part="preview" class="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">${msg('Preview on your channels')}</h3>
      <div class="field">
        <label for="example">${msg('A contact replies STOP to')}</label>
        <select id="example" @change=${(e: Event) => (this.exampleChannelId = (e.target as HTMLSelectElement).value)}>
          ${channels.map((c) => html`<option value=${c.id} ?selected=${c.id === example.id} translate="no">${c.name}</option>`)}
        </select>
      </div>
      <p class="preview-count">
        ${byCount(
          count,
          () => msg(str`They are unsubscribed from ${count} channel:`),
          () => msg(str`They are unsubscribed from ${count} channels:`),
        )}
      </p>
      <ul class="affected" aria-label=${msg(str`Channels a STOP to ${exampleName} unsubscribes`)}>
        ${proposed.map((id) => {
          const channel = channels.find((c) => c.id === id);
          return html`<li><span translate="no">${channel?.name ?? id}</span>${today.has(id) ? nothing : html` <strong class="added">${msg('(new)')}</strong>`}</li>`;
        })}
      </ul>
      <p class="difference">
        ${more.length > 0
          ? byCount(
              more.length,
              () => msg(str`${more.length} more channel than today: ${names(more)}.`),
              () => msg(str`${more.length} more channels than today: ${names(more)}.`),
            )
          : fewer.length > 0
            ? byCount(
                fewer.length,
                () => msg(str`${fewer.length} fewer channel than today: ${names(fewer)} would stay subscribed.`),
                () => msg(str`${fewer.length} fewer channels than today: ${names(fewer)} would stay subscribed.`),
              )
            : msg('The same channels as today.')}
      </p>
      <p class="hint">${msg(str`STOP ALL always unsubscribes from every channel in the organization (${all.length}), whatever this setting.`)}</p>
      <p class="hint">${msg('START re-subscribes the contact to the same channels the STOP unsubscribed.')}</p>
    </section>`;
  }

  private renderImpact() {
    return html`<section part="impact" class="impact" aria-labelledby="impact-title">
      <h3 id="impact-title">${msg('What the last 30 days would have done')}</h3>
      ${this.impactTask.render({
        initial: () => nothing,
        pending: () => html`<p class="hint" role="status">${msg('Replaying the last 30 days of STOP replies…')}</p>`,
        complete: (impact) => this.renderImpactFigures(impact),
        error: (error) =>
          isAbortError(error) ? nothing : html`<p class="hint">${msg('The last 30 days could not be replayed; the preview above is still exact.')}</p>`,
      })}
    </section>`;
  }

  private renderImpactFigures(impact: ScopeImpact) {
    const number = (n: number) => new Intl.NumberFormat(getLocale()).format(n);
    const days = impact.days;
    const replies = impact.current.replies;
    if (replies === 0) return html`<p>${msg(str`No keyword opt-out replies in the last ${days} days, so there is no history to compare.`)}</p>`;
    const count = number(replies);
    const current = number(impact.current.subscriptions);
    const proposed = number(impact.proposed.subscriptions);
    const contacts = number(impact.current.contacts);
    return html`<p>
        ${byCount(
          replies,
          () => msg(str`Over the last ${days} days, ${count} STOP reply unsubscribed ${current} channel subscriptions.`),
          () => msg(str`Over the last ${days} days, ${count} STOP replies unsubscribed ${current} channel subscriptions.`),
        )}
        ${byCount(
          impact.current.contacts,
          () => msg(str`Sent by ${contacts} contact.`),
          () => msg(str`Sent by ${contacts} contacts.`),
        )}
        ${impact.proposed.scope === impact.current.scope ? nothing : msg(str`Under this scope they would have unsubscribed ${proposed}.`)}
      </p>
      <p class="hint">${msg('Counted by replaying the same replies under each scope; a scope change applies to future replies only.')}</p>`;
  }

  private renderGuidance(channels: readonly Channel[], example: Channel, scope: OptOutScope) {
    const sentence = explainScope(scope, channels, example, scopeMessages());
    return html`<section part="guidance" class="guidance" aria-labelledby="guidance-title">
      <h3 id="guidance-title">${msg('Guidance for your teams')}</h3>
      <p id="guidance">${sentence}</p>
      <button type="button" @click=${() => this.copy(sentence)}>${msg('Copy')}</button>
      ${this.copyFallback
        ? html`<label for="guidance-text">${msg('Copying is not available here: the text is selected, press Ctrl+C (⌘C on a Mac) to copy it.')}</label>
            <textarea id="guidance-text" readonly rows="3" .value=${sentence}></textarea>`
        : nothing}
    </section>`;
  }

  private renderPhrasePolicy(draft: MessagingSettingsInput) {
    const days = REVIEW_BUSINESS_DAYS;
    const options: [PhrasePolicy, string, string][] = [
      [
        'review',
        msg('Queue them for review (recommended)'),
        msg(str`An agent or manager reads each request and applies or dismisses it. A request nobody decides is applied automatically after ${days} business days, the deadline to honour it.`),
      ],
      [
        'apply',
        msg('Apply them at once'),
        msg('A request is applied like STOP as soon as it arrives. Nobody has to act, but a message that only looks like a request unsubscribes the contact too.'),
      ],
    ];
    return html`<fieldset part="phrases" class="phrases" ?disabled=${!this.editable}>
      <legend>${msg('Plain-language requests (“please stop texting me”)')}</legend>
      ${options.map(
        ([policy, label, hint]) => html`<label class="option">
          <input type="radio" name="phrase-policy" .value=${policy} .checked=${draft.phrasePolicy === policy} aria-labelledby="policy-${policy}-label" aria-describedby="policy-${policy}-hint" @change=${() => this.edit({ phrasePolicy: policy })} />
          <span class="option-text">
            <span class="option-label" id="policy-${policy}-label">${label}</span>
            <span class="hint" id="policy-${policy}-hint">${hint}</span>
          </span>
        </label>`,
      )}
    </fieldset>`;
  }

  private renderConflict() {
    const conflict = this.conflict;
    if (!conflict) return nothing;
    const { theirs, base } = conflict;
    const who = actorName(theirs.settings.updatedBy, this.context.me);
    const when = formatDateTime(theirs.settings.updatedAt);
    const changes = settingsChanges(inputOf(base), inputOf(theirs.settings));
    return html`<div part="conflict" class="conflict" role="alert" aria-labelledby="conflict-title">
      <h3 id="conflict-title">${msg('Someone else saved these settings first')}</h3>
      <p>${msg(str`${who} saved a change on ${when}, after you opened this page. Nothing of yours was saved yet.`)}</p>
      <ul>
        ${changes.length === 0 ? html`<li>${msg('They saved the same values.')}</li>` : changes.map((change) => html`<li>${this.changeText(change)}</li>`)}
      </ul>
      <div class="buttons">
        <button type="button" class="primary" aria-disabled=${this.saveTask.status === TaskStatus.PENDING ? 'true' : nothing} @click=${this.handleReapply}>${msg('Reapply my change on top')}</button>
        <button type="button" @click=${this.handleKeepTheirs}>${msg('Keep theirs')}</button>
      </div>
    </div>`;
  }

  private renderActions() {
    if (!this.editable) return nothing;
    const saving = this.saveTask.status === TaskStatus.PENDING;
    const error = this.saveTask.status === TaskStatus.ERROR ? this.saveTask.error : undefined;
    const failed = error !== undefined && !isAbortError(error) && !this.conflict && this.lastSave !== 'kept-theirs';
    return html`<div part="actions" class="actions">
      ${this.dirty ? html`<p class="unsaved">${msg('You have unsaved changes.')}</p>` : nothing}
      ${!this.dirty && this.lastSave === 'saved' ? html`<p class="saved">${canIcon}<span>${msg('Opt-out preferences saved.')}</span></p>` : nothing}
      ${failed ? html`<p class="problem" role="alert">${this.saveErrorText(error)}</p>` : nothing}
      <button type="button" id="save" class="primary" aria-disabled=${saving || !this.dirty || this.conflict ? 'true' : nothing} @click=${this.handleSave}>
        ${saving ? msg('Saving…') : msg('Save')}
      </button>
    </div>`;
  }

  private renderLoading() {
    return html`<p part="message" class="message" role="status">${msg('Loading opt-out preferences…')}</p>`;
  }

  private renderMessage(text: string, role: 'status' | 'alert' = 'status', retry?: () => void): TemplateResult {
    return html`<div part="message" class="message">
      <p role=${role}>${text}</p>
      ${retry ? html`<button type="button" @click=${retry}>${msg('Retry')}</button>` : nothing}
    </div>`;
  }

  private problemOf(error: unknown, retry: () => void): TemplateResult {
    if (isOptOutApiError(error)) {
      if (error.is('forbidden')) return this.renderMessage(msg("You don't have permission to see the opt-out preferences."), 'alert');
      if (error.is('unauthenticated')) return this.renderMessage(msg('You are signed out. Sign in again to see the opt-out preferences.'), 'alert', retry);
    }
    if (isAbortError(error)) return this.renderLoading();
    return this.renderMessage(msg('The opt-out preferences could not be loaded. Try again.'), 'alert', retry);
  }

  private changeText(change: SettingsChange): string {
    switch (change.field) {
      case 'optOutScope': {
        const from = scopeLabel(change.from);
        const to = scopeLabel(change.to);
        return msg(str`Scope: “${from}” → “${to}”.`);
      }
      case 'phrasePolicy': {
        const to = change.to === 'apply' ? msg('apply them at once') : msg('queue them for review');
        return msg(str`Plain-language requests: now ${to}.`);
      }
      case 'keywords': {
        const label = keywordSetLabel(change.set);
        const parts: string[] = [];
        if (change.added.length > 0) {
          const added = formatList(change.added);
          parts.push(msg(str`added ${added}`));
        }
        if (change.removed.length > 0) {
          const removed = formatList(change.removed);
          parts.push(msg(str`removed ${removed}`));
        }
        const what = parts.join('; ');
        return msg(str`${label}: ${what}.`);
      }
    }
  }

  private saveErrorText(error: unknown): string {
    if (isOptOutApiError(error)) {
      if (error.status === 422) return msg('Some keywords were refused; see the messages beside them. Nothing was saved, and your changes are still here.');
      if (error.is('forbidden')) return msg('Only admins can change this. Nothing was saved.');
      if (error.status === 0) return msg('The server could not be reached. Nothing was saved; your changes are still here, try again.');
    }
    return msg('The settings could not be saved. Your changes are still here; try again.');
  }

  private lastChangedText(settings: MessagingSettings): string {
    const who = actorName(settings.updatedBy, this.context.me);
    const when = formatDateTime(settings.updatedAt);
    return msg(str`Last changed by ${who} on ${when}.`);
  }

  private get editable(): boolean {
    return this.context.me?.permissions.includes('settings:write') ?? false;
  }

  private exampleChannel(channels: readonly Channel[]): Channel | undefined {
    return channels.find((c) => c.id === this.exampleChannelId) ?? channels.find((c) => c.type === 'sms') ?? channels[0];
  }

  /** Takes a version from the backend; the form follows it unless the admin has unsaved changes. */
  private adopt(loaded: VersionedMessagingSettings | typeof initialState, force = false) {
    if (loaded === initialState) return;
    const versioned = loaded as VersionedMessagingSettings;
    const keep = !force && this.dirty;
    this.saved = versioned;
    if (!keep) this.draft = inputOf(versioned.settings);
  }

  private edit(change: Partial<MessagingSettingsInput>) {
    if (!this.draft) return;
    this.draft = { ...this.draft, ...change };
  }

  private addKeyword(set: KeywordSet) {
    const draft = this.draft;
    const word = this.pending[set].trim().replace(/\s+/g, ' ');
    if (!draft || pendingProblem(set, word, draft.customKeywords) || word === '') return;
    this.edit({ customKeywords: { ...draft.customKeywords, [set]: [...draft.customKeywords[set], word] } });
    this.pending = { ...this.pending, [set]: '' };
    this.announce(msg(str`${word} added. Save to apply it.`));
    // Added with the button, which the emptied field disables: focus goes back to the field.
    void moveFocusAfterChange(this, () => this.renderRoot.querySelector<HTMLElement>(`#kw-${set}`));
  }

  private removeKeyword(set: KeywordSet, index: number) {
    const draft = this.draft;
    if (!draft) return;
    const word = draft.customKeywords[set][index] ?? '';
    this.edit({ customKeywords: { ...draft.customKeywords, [set]: draft.customKeywords[set].filter((_, i) => i !== index) } });
    const refused = this.serverErrors[set];
    if (refused) this.serverErrors = { ...this.serverErrors, [set]: refused.filter((r) => r.word !== word) };
    this.announce(msg(str`${word} removed. Save to apply it.`));
    // The removed chip took its button: focus goes to the next one's, the previous one's, or the field.
    void moveFocusAfterChange(this, () => {
      const buttons = this.renderRoot.querySelector(`#kw-${set}-title`)?.parentElement?.querySelectorAll<HTMLElement>('button.remove');
      return buttons?.[index] ?? buttons?.[index - 1] ?? this.renderRoot.querySelector<HTMLElement>(`#kw-${set}`);
    });
  }

  /** The backend's keyword refusals, by list, with the keyword each one names. */
  private keywordErrors(errors: readonly FieldError[]): Partial<Record<KeywordSet, { word: string; error: FieldError }[]>> {
    const result: Partial<Record<KeywordSet, { word: string; error: FieldError }[]>> = {};
    const sent = this.lastSent?.customKeywords ?? this.draft?.customKeywords;
    for (const error of errors) {
      const match = /^customKeywords\.(optOut|optOutAll|optIn|help)\[(\d+)\]$/.exec(error.field);
      if (!match) continue;
      const set = match[1] as KeywordSet;
      const word = sent?.[set][Number(match[2])] ?? '';
      (result[set] ??= []).push({ word, error });
    }
    return result;
  }

  private save(input: MessagingSettingsInput, base: VersionedMessagingSettings) {
    const request = new OptOutSettingsChangeRequestEvent(base.settings, input);
    if (!this.dispatchEvent(request)) return;
    this.serverErrors = {};
    this.lastSent = input;
    this.lastSave = undefined;
    void this.saveTask.run([input, base]);
  }

  private reload() {
    this.reloads += 1;
  }

  private async copy(text: string) {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      this.copyFallback = false;
      this.announce(msg('Copied to the clipboard.'));
    } catch {
      // No clipboard (an insecure page, a refused permission): the text is selected for the keyboard.
      this.copyFallback = true;
      await this.updateComplete;
      this.guidanceField?.focus();
      this.guidanceField?.select();
    }
  }

  private announce(text: string) {
    // Cleared first, so the same words said twice are announced twice.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  private setState(name: string, on: boolean) {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // Browsers without bare custom state names: the state is a styling nicety only.
    }
  }

  // Save stays focusable when there is nothing to save (aria-disabled, not disabled): focus stays
  // on it after saving instead of falling to the page.
  private readonly handleSave = () => {
    if (this.saveTask.status === TaskStatus.PENDING || !this.dirty || this.conflict) return;
    if (this.draft && this.saved) this.save(this.draft, this.saved);
  };

  private readonly handleReapply = () => {
    const conflict = this.conflict;
    if (!conflict || this.saveTask.status === TaskStatus.PENDING) return;
    const merged = reapply(inputOf(conflict.base), conflict.mine, inputOf(conflict.theirs.settings));
    this.saved = conflict.theirs;
    this.draft = merged;
    this.conflict = undefined;
    this.save(merged, conflict.theirs);
    // The conflict panel, and the button pressed in it, are gone: focus goes to Save, beside which
    // the saving and its outcome are said.
    void moveFocusAfterChange(this, () => this.renderRoot.querySelector<HTMLElement>('#save'));
  };

  private readonly handleKeepTheirs = () => {
    const conflict = this.conflict;
    if (!conflict) return;
    this.conflict = undefined;
    this.lastSave = 'kept-theirs';
    this.adopt(conflict.theirs, true);
    this.announce(msg('Kept the other change; yours was not saved.'));
    // To the title: the form below now shows their settings, from the top.
    void moveFocusAfterChange(this, () => this.renderRoot.querySelector<HTMLElement>('#title'));
  };

  private readonly handleBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!this.dirty) return;
    event.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    event.returnValue = '';
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'optout-settings': OptOutSettings;
  }
}
