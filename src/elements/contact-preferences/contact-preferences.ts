import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
// Engine modules by name, not its index: the index also brings the classifier's phrase tables.
import { explainScope } from '../../engine/scope.js';
import type { Channel } from '../../engine/index.js';
import { isAbortError, isOptOutApiError } from '../../client/errors.js';
import type { AuditEvent, AuditEventPage, ContactDetail, Me, OrganizationMember, Permission } from '../../client/types.js';
import type { OrganizationData } from '../../context/context.js';
import { OptOutContextController } from '../shared/optout-context-controller.js';
import { LazyPart } from '../shared/lazy-part.js';
import { moveFocusAfterChange } from '../shared/focus.js';
import { byCount, formatList, scopeMessages } from '../shared/labels.js';
import { actorName, formatDate, formatDestination } from '../shared/format.js';
import { blockedIcon, canIcon, cannotIcon } from '../shared/icons.js';
import { channelTypesOf, renderChannelGrid, unsubscribedChannelIds } from './channel-grid.js';
import type { ChannelPreferencesController, ResubscribeDialogController, ReviewDecisionsController } from './contact-preferences.on-demand.js';
import { renderHistoryEntry } from './consent-history.js';
import { OptOutContactLoadedEvent } from './contact-loaded.event.js';
import { styles } from './contact-preferences.styles.js';
import { getLocale } from '../../localization/localization.js';

const HISTORY_PAGE = 10;

interface OnDemandParts {
  resubscribe: ResubscribeDialogController;
  channelPreferences: ChannelPreferencesController;
  reviews: ReviewDecisionsController;
}

interface Loaded {
  contactId: string;
  detail: ContactDetail;
}

/**
 * "Communication preferences": whether a contact can be messaged on each channel of the
 * organization, and if not, why — with the facts (who, when, how, under which rule). It shows the
 * contact's destinations and their validity, a block, the organization's opt-out rule, pending
 * plain-language opt-out requests, and the consent history; users allowed to can re-subscribe
 * channels with a consent note, change the contact's channel preferences (the channel types they
 * asked not to be contacted by; removing one needs a consent note too) and decide pending requests.
 *
 * Place it inside an `<optout-provider>`. Below 640 px of width it lays itself out for a side
 * panel. The dialogs that change consent, and the pending requests with their decisions, load on
 * demand (a separate chunk with a bundler): when a user allowed to use a dialog points at or
 * focuses the actions, and as soon as the contact has a pending request.
 *
 * @summary Can we message this contact, where, and if not, why.
 * @tag contact-preferences
 *
 * @slot actions - Controls shown beside the title, e.g. a `contact-actions-menu`.
 *
 * @fires {OptOutContactLoadedEvent} optout-contact-loaded - The contact was loaded or reloaded.
 * @fires {OptOutResubscribeRequestEvent} optout-resubscribe-request - Before re-subscribing; cancelable.
 * @fires {OptOutResubscribeEvent} optout-resubscribe - The contact was re-subscribed.
 * @fires {OptOutReviewApplyRequestEvent} optout-review-apply-request - Before applying a pending request; cancelable.
 * @fires {OptOutReviewApplyEvent} optout-review-apply - A pending request was applied (unsubscribed).
 * @fires {OptOutReviewDismissRequestEvent} optout-review-dismiss-request - Before dismissing a pending request; cancelable.
 * @fires {OptOutReviewDismissEvent} optout-review-dismiss - A pending request was dismissed.
 * @fires {OptOutChannelExclusionsRequestEvent} optout-channel-exclusions-request - Before changing the contact's channel preferences; cancelable.
 * @fires {OptOutChannelExclusionsChangeEvent} optout-channel-exclusions-change - The contact's channel preferences were changed.
 *
 * @csspart base - The whole element.
 * @csspart header - The title row.
 * @csspart contact - The contact's name and destinations.
 * @csspart blocked - The block notice.
 * @csspart summary - The sentence saying on how many channels the contact can be messaged.
 * @csspart rule - The organization's opt-out rule.
 * @csspart grid - The channels table.
 * @csspart row - One location's row.
 * @csspart channel - One channel in a cell.
 * @csspart reasons - A cell's disclosure of its reasons.
 * @csspart requests - The pending requests.
 * @csspart history - The consent history.
 * @csspart history-entry - One history entry.
 * @csspart quote - A message or note quoted from a person.
 * @csspart dialog - The re-subscribe, channel preferences and dismiss dialogs.
 * @csspart message - A state message (loading, not found, forbidden, signed out, error, no provider).
 *
 * @cssproperty --optout-font - Base font (default 14 px system font).
 * @cssproperty --optout-radius - Corner radius (default 6 px).
 * @cssproperty --optout-color-text - Text colour.
 * @cssproperty --optout-color-muted - Secondary text colour.
 * @cssproperty --optout-color-border - Borders and rules.
 * @cssproperty --optout-color-surface - Background of the element and its dialogs.
 * @cssproperty --optout-color-subtle - Background of notes and headers.
 * @cssproperty --optout-color-accent - Links, primary buttons, focus rings.
 * @cssproperty --optout-color-can-message - "Can message" (always with ✓ and a word).
 * @cssproperty --optout-color-cannot-message - "Cannot message" (always with ✕ and a word).
 * @cssproperty --optout-color-warning - Deadlines and consent warnings.
 *
 * @cssstate blocked - The contact is blocked.
 * @cssstate unreachable - The contact cannot be messaged on any channel.
 */
@localized()
export class ContactPreferences extends LitElement {
  static override styles = styles;

  private readonly context = new OptOutContextController(this, {
    onCacheChange: ({ contactId }) => {
      if (contactId === null || contactId === this.contactId) this.requestUpdate();
    },
  });

  /**
   * What most visits never use, loaded together: the dialogs that change consent, when a user
   * allowed to use them is about to (a pointer or focus on the actions, or a click), and the
   * pending requests with their decisions, when the contact has one.
   */
  private readonly onDemand = new LazyPart<OnDemandParts>(this, async () => {
    const parts = await import('./contact-preferences.on-demand.js');
    parts.addStyles(this.renderRoot);
    // A decision or a re-subscribe that takes away the button used says where things stand now.
    const shared = {
      context: this.context,
      announce: (text: string) => this.announce(text),
      errorText: (error: unknown) => this.errorText(error),
      focusAfter: () => this.renderRoot.querySelector<HTMLElement>('#summary'),
    };
    return {
      resubscribe: new parts.ResubscribeDialogController(this, { ...shared, contactId: () => this.contactId, detail: () => this.currentDetail, channelName: (id) => this.channelName(id) }),
      channelPreferences: new parts.ChannelPreferencesController(this, { ...shared, contactId: () => this.contactId, detail: () => this.currentDetail }),
      reviews: new parts.ReviewDecisionsController(this, shared),
    };
  });

  private readonly contactTask = new Task(this, {
    task: async ([cache, contactId]: readonly [OptOutContextController['cache'], string, number], { signal }) => {
      if (!cache || !contactId) return initialState;
      const detail = await cache.getContact(contactId, { signal });
      return { contactId, detail } satisfies Loaded;
    },
    args: () => [this.context.cache, this.contactId, this.context.cache?.versionOf(this.contactId) ?? 0] as const,
    onComplete: ({ detail }) => this.dispatchEvent(new OptOutContactLoadedEvent(detail)),
  });

  private readonly historyTask = new Task(this, {
    task: async ([client, contactId]: readonly [OptOutContextController['client'], string, number], { signal }) => {
      if (!client || !contactId) return initialState;
      return client.listConsentHistory(contactId, { limit: HISTORY_PAGE }, { signal });
    },
    args: () => [this.context.client, this.contactId, this.context.cache?.versionOf(this.contactId) ?? 0] as const,
    onComplete: (page) => {
      // The history starts over: an older page asked for from the old one would repeat or skip entries.
      if (this.moreHistoryTask.status === TaskStatus.PENDING) this.moreHistoryTask.abort(new DOMException('The history was reloaded', 'AbortError'));
      this.olderHistory = [];
      this.historyCursor = page.nextCursor;
    },
  });

  private readonly moreHistoryTask = new Task(this, {
    autoRun: false,
    task: async ([contactId, cursor]: readonly [string, string], { signal }) => {
      const page = await this.context.client!.listConsentHistory(contactId, { cursor, limit: HISTORY_PAGE }, { signal });
      if (signal.aborted || contactId !== this.contactId) return page;
      this.olderHistory = [...this.olderHistory, ...page.items];
      this.historyCursor = page.nextCursor;
      return page;
    },
  });

  /** The id of the contact to show. */
  @property({ attribute: 'contact-id', reflect: true }) contactId = '';

  /** Where "Opt-out preferences" (Settings > Messaging) lives in the host app; the link is shown to admins only. */
  @property({ attribute: 'settings-href' }) settingsHref = '#/settings/messaging';

  @state() private olderHistory: AuditEvent[] = [];
  @state() private historyCursor: string | null = null;
  @state() private announcement = '';
  @state() private openCells: ReadonlySet<string> = new Set();
  /** A dialog was asked for and its code could not be loaded. */
  @state() private dialogFailed = false;
  /** How many times a dialog was asked for: only the last one asked for opens. */
  private dialogRequests = 0;

  private readonly internals = this.attachInternals();

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a disconnect aborted a load: load again.
    if (this.hasUpdated && this.contactTask.status === TaskStatus.ERROR && isAbortError(this.contactTask.error)) {
      void this.contactTask.run();
      void this.historyTask.run();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Nothing this element asked for is needed any more.
    const reason = new DOMException('contact-preferences was disconnected', 'AbortError');
    this.contactTask.abort(reason);
    this.historyTask.abort(reason);
    this.moreHistoryTask.abort(reason);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('contactId')) {
      this.moreHistoryTask.abort(new DOMException('contact-id changed', 'AbortError'));
      this.olderHistory = [];
      this.historyCursor = null;
      this.openCells = new Set();
      this.dialogFailed = false;
      this.onDemand.value?.resubscribe.contactChanged();
      this.onDemand.value?.channelPreferences.contactChanged();
    }
    const detail = this.currentDetail;
    // A pending request is shown with its decisions, which come with the parts loaded on demand.
    if (this.onDemand.status === 'idle' && detail?.pendingReviews.some((r) => r.status === 'pending')) void this.onDemand.get();
    this.setState('blocked', Boolean(detail?.contact.blocked));
    this.setState('unreachable', Boolean(detail && !detail.eligibility.some((e) => e.canMessage)));
  }


  protected override render() {
    // An article, not a region: two elements showing one contact (a page and a side panel) would
    // repeat a landmark's name, and the host page decides its own landmarks.
    return html`<article part="base" class="base" lang=${getLocale()} aria-labelledby="title" aria-describedby="summary">
      <header part="header" class="header">
        <h2 id="title">${msg('Communication preferences')}</h2>
        <slot name="actions"></slot>
      </header>
      ${this.renderBody()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </article>`;
  }

  private renderBody() {
    if (!this.context.hasProvider) {
      return this.renderMessage(
        msg('Communication preferences cannot be shown: this element must be placed inside an <optout-provider> element, which connects it to the backend.'),
        'alert',
      );
    }
    if (!this.contactId) return this.renderMessage(msg('No contact selected.'));
    const { organization, session } = this.context;
    const problem =
      this.problemOf(session?.status === 'error' ? session.error : undefined, () => this.retry()) ??
      this.problemOf(organization?.status === 'error' ? organization.error : undefined, () => this.retry());
    if (problem) return problem;
    return this.contactTask.render({
      initial: () => this.renderLoading(),
      pending: () => {
        const shown = this.currentDetail;
        return shown ? this.renderLoaded(shown) : this.renderLoading();
      },
      complete: ({ detail }) => this.renderLoaded(detail),
      error: (error) => this.problemOf(error, () => this.retry()) ?? this.renderLoading(),
    });
  }

  private renderLoaded(detail: ContactDetail) {
    const organization = this.context.organization;
    if (organization?.status !== 'ready') return this.renderLoading();
    const data = organization.value;
    const me = this.context.me;
    return html`
      ${this.renderContact(detail, me)} ${this.renderSummary(detail)} ${this.renderRule(data, me)}
      <div class="grid-wrap">${renderChannelGrid(data.organization, detail, me, { open: this.openCells, toggle: (id) => this.toggleCell(id) })}</div>
      ${this.renderActions(detail, me)} ${this.renderRequests(detail, data, me)} ${this.renderHistory(data, me)}
      ${this.onDemand.value?.resubscribe.renderDialog(detail) ?? nothing}
      ${this.onDemand.value?.channelPreferences.renderDialog(detail, channelTypesOf(data.organization.channels), me) ?? nothing}
      ${this.onDemand.value?.reviews.renderDismissDialog() ?? nothing}
    `;
  }

  private renderContact(detail: ContactDetail, me: Me | undefined) {
    const { contact } = detail;
    const blocked = contact.blocked;
    return html`<div part="contact" class="contact" role="group" aria-labelledby="contact-name">
        <p class="name" id="contact-name">${contact.name}</p>
        ${contact.destinations.length === 0
          ? html`<p class="muted">${msg('No phone number or email address.')}</p>`
          : html`<ul class="destinations" aria-label=${msg('Destinations')}>
              ${contact.destinations.map((d) => {
                const value = formatDestination(d.value);
                const validity = d.valid
                  ? d.kind === 'phone'
                    ? msg('(valid phone number)')
                    : msg('(valid email address)')
                  : d.kind === 'phone'
                    ? msg('is not a valid phone number')
                    : msg('is not a valid email address');
                return html`<li data-valid=${d.valid ? 'yes' : 'no'}>
                  ${d.valid ? canIcon : cannotIcon}
                  <span translate="no">${value}</span>
                  <span class=${d.valid ? 'visually-hidden' : 'invalid'}
                    >${validity}</span
                  >
                </li>`;
              })}
            </ul>`}
      </div>
      ${blocked
        ? html`<p part="blocked" class="blocked" role="note" aria-label=${msg('Blocked')}>
            ${blockedIcon}
            <span
              >${blocked.reason
                ? html`${msg(str`Blocked by ${actorName(blocked.blockedBy, me, this.members)} on ${formatDate(blocked.blockedAt)}:`)} <span translate="no">${blocked.reason}</span>`
                : msg(str`Blocked by ${actorName(blocked.blockedBy, me, this.members)} on ${formatDate(blocked.blockedAt)}`)}</span
            >
          </p>`
        : nothing}`;
  }

  private renderSummary(detail: ContactDetail) {
    const total = detail.eligibility.length;
    const can = detail.eligibility.filter((e) => e.canMessage).length;
    let sentence: string;
    if (can > 0) {
      sentence = byCount(
        total,
        () => msg(str`Can be messaged on ${can} of ${total} channel`),
        () => msg(str`Can be messaged on ${can} of ${total} channels`),
      );
    } else {
      const labels = new Set<string>();
      if (detail.contact.blocked) labels.add(msg('blocked'));
      for (const e of detail.eligibility) for (const r of e.reasons) if (r.code !== 'blocked') labels.add(this.summaryWord(r.code));
      const why = formatList([...labels]);
      sentence = why ? msg(str`Cannot be messaged on any channel: ${why}`) : msg('Cannot be messaged on any channel');
    }
    return html`<p part="summary" class="summary" id="summary" data-can=${can > 0 ? 'yes' : 'no'}>
      ${can > 0 ? canIcon : cannotIcon}<span>${sentence}</span>
    </p>`;
  }

  private summaryWord(code: string): string {
    switch (code) {
      case 'unsubscribed':
        return msg('unsubscribed');
      case 'no-destination':
        return msg('no destination');
      case 'invalid-destination':
        return msg('invalid destination');
      default:
        return msg("the contact's preferences");
    }
  }

  private renderRule(data: OrganizationData, me: Me | undefined) {
    if (!data.settings || data.organization.channels.length === 0) return nothing;
    const sentence = explainScope(data.settings.optOutScope, data.organization.channels, undefined, scopeMessages());
    return html`<p part="rule" class="rule" role="note" aria-labelledby="rule-label">
      <span class="rule-label" id="rule-label">${msg('Rule in force:')}</span> <span>${sentence}</span>
      ${this.may(me, 'settings:write')
        ? html`<a href=${this.settingsHref}>${msg('Opt-out preferences')}</a>`
        : nothing}
    </p>`;
  }

  private renderActions(detail: ContactDetail, me: Me | undefined) {
    const unsubscribed = unsubscribedChannelIds(detail).length > 0;
    const mayResubscribe = this.may(me, 'contact:resubscribe');
    const mayExclude = this.may(me, 'contact:exclude-channels');
    const prefetch = () => {
      if ((unsubscribed && mayResubscribe) || mayExclude) void this.onDemand.get();
    };
    return html`${unsubscribed && !mayResubscribe ? html`<p class="muted">${msg('Only managers and admins can re-subscribe a contact.')}</p>` : nothing}
      <div class="actions" @pointerenter=${prefetch} @focusin=${prefetch}>
        ${unsubscribed && mayResubscribe
          ? html`<button type="button" @click=${() => void this.openDialog((parts) => parts.resubscribe)}>${msg('Re-subscribe…')}</button>`
          : nothing}
        ${mayExclude
          ? html`<button type="button" @click=${() => void this.openDialog((parts) => parts.channelPreferences)}>${msg('Change channel preferences…')}</button>`
          : html`<button type="button" disabled aria-describedby="channel-preferences-reason">${msg('Change channel preferences…')}</button>
              <span class="muted" id="channel-preferences-reason">${msg('You are not allowed to change channel preferences.')}</span>`}
      </div>
      ${this.dialogFailed
        ? html`<p class="problem" role="alert">
            ${msg('The dialog could not be loaded: the server could not be reached. Nothing was changed. Try again, or reload the page once the connection is back.')}
          </p>`
        : nothing}`;
  }

  private renderRequests(detail: ContactDetail, data: OrganizationData, me: Me | undefined) {
    const pending = detail.pendingReviews.filter((r) => r.status === 'pending');
    if (pending.length === 0) return nothing;
    // Groups inside the article, not landmarks, for the same reason.
    const reviews = this.onDemand.value?.reviews;
    return html`<section part="requests" class="requests" role="group" aria-labelledby="requests-title">
      <h3 id="requests-title">${msg('Pending opt-out requests')}</h3>
      ${reviews
        ? html`<ul class="request-list">
              ${pending.map((review) => reviews.renderRequest(review, data.organization, me))}
            </ul>
            ${reviews.renderFailure()}`
        : this.onDemand.status === 'error'
          ? html`<p class="problem" role="alert">
              ${msg('The pending requests could not be shown: the server could not be reached. Reload the page once the connection is back.')}
            </p>`
          : html`<p class="muted">${msg('Loading pending requests…')}</p>`}
    </section>`;
  }

  private renderHistory(data: OrganizationData, me: Me | undefined) {
    const channels = data.organization.channels;
    return html`<section part="history" class="history" role="group" aria-labelledby="history-title">
      <h3 id="history-title">${msg('History')}</h3>
      ${this.historyTask.render({
        initial: () => nothing,
        pending: () => {
          const page = this.historyTask.value;
          return page ? this.renderHistoryList(page, channels, me) : html`<p class="muted">${msg('Loading history…')}</p>`;
        },
        complete: (page) => this.renderHistoryList(page, channels, me),
        error: (error) =>
          isAbortError(error)
            ? nothing
            : html`<p class="problem">
                ${msg('The history could not be loaded.')}
                <button type="button" @click=${() => void this.historyTask.run()}>${msg('Retry')}</button>
              </p>`,
      })}
    </section>`;
  }

  private renderHistoryList(page: AuditEventPage, channels: readonly Channel[], me: Me | undefined) {
    const members = this.members;
    const items = [...page.items, ...this.olderHistory];
    if (items.length === 0) return html`<p class="muted">${msg('No consent changes yet.')}</p>`;
    const loadingMore = this.moreHistoryTask.status === TaskStatus.PENDING;
    const moreFailed = this.moreHistoryTask.status === TaskStatus.ERROR && !isAbortError(this.moreHistoryTask.error);
    return html`<ol class="history-list">
        ${items.map((event) => renderHistoryEntry(event, channels, me, members))}
      </ol>
      ${moreFailed ? html`<p class="problem" role="alert">${msg('More history could not be loaded.')}</p>` : nothing}
      ${this.historyCursor
        ? html`<button type="button" aria-disabled=${loadingMore ? 'true' : nothing} @click=${this.handleShowMore}>
            ${loadingMore ? msg('Loading…') : msg('Show more')}
          </button>`
        : nothing}`;
  }

  private renderLoading() {
    return html`<div class="loading">
      <p part="message" class="message" role="status">${msg('Loading communication preferences…')}</p>
      <div class="skeleton" aria-hidden="true"><span></span><span></span><span></span></div>
    </div>`;
  }

  private renderMessage(text: string, role: 'status' | 'alert' = 'status', retry?: () => void): TemplateResult {
    return html`<div part="message" class="message">
      <p role=${role}>${text}</p>
      ${retry ? html`<button type="button" @click=${retry}>${msg('Retry')}</button>` : nothing}
    </div>`;
  }

  /** The state message for an error, or undefined when there is none (or it is an abort). */
  private problemOf(error: unknown, retry: () => void): TemplateResult | undefined {
    if (error === undefined || isAbortError(error)) return undefined;
    if (isOptOutApiError(error)) {
      if (error.is('not-found')) {
        const id = this.contactId;
        return this.renderMessage(msg(str`No contact with the id “${id}”. It may have been deleted or merged into another contact.`));
      }
      if (error.is('forbidden')) return this.renderMessage(msg("You don't have permission to view this contact's communication preferences."), 'alert');
      if (error.is('unauthenticated')) return this.renderMessage(msg('You are signed out. Sign in again to see communication preferences.'), 'alert', retry);
    }
    return this.renderMessage(msg('Communication preferences could not be loaded.') + ' ' + this.errorText(error), 'alert', retry);
  }

  private errorText(error: unknown): string {
    if (isOptOutApiError(error)) {
      if (error.is('forbidden')) return msg('You are not allowed to do this.');
      if (error.status === 0) return msg('The server could not be reached. Check the connection and try again.');
    }
    return msg('Something went wrong on the server. Nothing was changed; try again.');
  }

  private get currentDetail(): ContactDetail | undefined {
    const value = this.contactTask.value;
    return value && value.contactId === this.contactId ? value.detail : this.context.cache?.peekContact(this.contactId);
  }

  /** The organization's users by name, when the backend lists them. */
  private get members(): readonly OrganizationMember[] | undefined {
    const organization = this.context.organization;
    return organization?.status === 'ready' ? organization.value.organization.members : undefined;
  }

  private may(me: Me | undefined, permission: Permission): boolean {
    return me?.permissions.includes(permission) ?? false;
  }

  private channelName(id: string): string {
    const organization = this.context.organization;
    const channel = organization?.status === 'ready' ? organization.value.organization.channels.find((c) => c.id === id) : undefined;
    return channel?.name ?? id;
  }

  private setState(name: string, on: boolean) {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // Browsers without bare custom state names: the state is a styling nicety only.
    }
  }

  private toggleCell(channelId: string) {
    const next = new Set(this.openCells);
    if (!next.delete(channelId)) next.add(channelId);
    this.openCells = next;
  }

  private announce(text: string) {
    this.announcement = text;
  }

  /** Tries again whatever failed: the session, the organization, the contact and its history. */
  private retry() {
    const { session, organization } = this.context;
    // A request still on its way may have left before the user signed in again: start it over too.
    if (session && session.status !== 'ready') session.retry();
    if (organization && organization.status !== 'ready') organization.retry();
    void this.contactTask.run();
    void this.historyTask.run();
  }

  /**
   * Opens a dialog once its code is loaded: the one asked for last, and only if the element still
   * shows the contact it was asked for on.
   */
  private async openDialog(pick: (parts: OnDemandParts) => { open(): void }) {
    const request = ++this.dialogRequests;
    const contactId = this.contactId;
    const parts = await this.onDemand.get();
    // The dialog is rendered by the update its arrival asked for.
    await this.updateComplete;
    if (request !== this.dialogRequests || !this.isConnected || contactId !== this.contactId) return;
    this.dialogFailed = !parts;
    if (parts) pick(parts).open();
  }

  /**
   * Loads the next page of history. The button stays focusable while it loads (a disabled one would
   * drop focus to the page), and focus then moves to the first entry it brought.
   */
  private async handleShowMore(event: Event) {
    // currentTarget is only set while the event is dispatched.
    const button = event.currentTarget as Element;
    const contactId = this.contactId;
    if (!this.historyCursor || this.moreHistoryTask.status === TaskStatus.PENDING) return;
    const entries = () => this.renderRoot.querySelectorAll<HTMLElement>('.history-list > li');
    const shown = entries().length;
    await this.moreHistoryTask.run([contactId, this.historyCursor]);
    if (this.moreHistoryTask.status === TaskStatus.COMPLETE && contactId === this.contactId) {
      void moveFocusAfterChange(this, () => entries()[shown], button);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'contact-preferences': ContactPreferences;
  }
}
