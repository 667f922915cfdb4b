import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { VirtualizerController } from '@tanstack/lit-virtual';
// Engine modules by name, not its index: the index also brings the classifier's phrase tables.
import { can } from '../../engine/permissions.js';
import { CHANNEL_TYPES, type ChannelType } from '../../engine/types.js';
import { isAbortError, isOptOutApiError } from '../../client/errors.js';
import type { OptOutClient } from '../../client/optout-client.js';
import type { ContactFilter, ContactListQuery, ContactStatusFilter, ContactSummary, Me, Organization } from '../../client/types.js';
import { OptOutContextController } from '../shared/optout-context-controller.js';
import { MenuButtonController, menuButtonStyles, type MenuItem } from '../shared/menu-button.js';
import { byCount, channelTypeLabel, formatList } from '../shared/labels.js';
import { formatDate, formatDestination } from '../shared/format.js';
import { canIcon, cannotIcon } from '../shared/icons.js';
import { ContactPages } from './contact-pages.js';
import type { BulkJobController } from './bulk-job-controller.js';
import { keptJobId } from './job-store.js';
import { LazyPart } from '../shared/lazy-part.js';
import { EMPTY_SELECTION, headerState, isSelected, selectAllMatching, selectionCount, setSelected, targetOf, type SelectionState } from './selection.js';
import { formatCount } from './format-count.js';
import { ROW_HEIGHT, HEADER_HEIGHT, styles } from './bulk-unsubscribe-table.styles.js';
import { getLocale } from '../../localization/localization.js';

const PAGE_SIZE = 100;
const COLUMNS = 6;
const STATUS_FILTERS: readonly ContactStatusFilter[] = ['subscribed', 'unsubscribed', 'blocked', 'unreachable'];
type Sort = NonNullable<ContactListQuery['sort']>;

/**
 * "All contacts": the organization's contacts in a virtualized grid, searched and filtered on the
 * server, paged by cursor as the user scrolls; rows are selected one by one, in Shift+click
 * ranges, by page, or as "every contact matching the filter" (kept as the filter and the rows
 * taken back out, so it costs the same at 100,000 contacts). The "Bulk actions" menu unsubscribes
 * the selection after a review of exactly what the server will change; the job runs on that
 * reviewed audience only, survives a reload, can be cancelled, and undone while the backend
 * allows. The code of that review, progress and undo loads when it is first needed (or at once
 * when a job this user started is still running), so a page that only browses does not pay for it.
 *
 * Search and filters are attributes, so a host can deep-link them. With `contact-href`, each row's
 * name links to the contact's page in the host app. Place it inside an
 * `<optout-provider>`; give it a height (it scrolls inside itself, 480 px by default).
 *
 * @summary Search, select, review and bulk-unsubscribe contacts, at 100,000 contacts.
 * @tag bulk-unsubscribe-table
 *
 * @fires {OptOutBulkUnsubscribeRequestEvent} optout-bulk-unsubscribe-request - Before a reviewed bulk unsubscribe starts; cancelable.
 * @fires {OptOutBulkUnsubscribeEvent} optout-bulk-unsubscribe - A bulk unsubscribe stopped (completed, cancelled, failed) or was undone.
 *
 * @csspart base - The whole element.
 * @csspart header - The title row with the count and the bulk actions.
 * @csspart filters - The search and filter controls.
 * @csspart banner - The "select all matching" banner.
 * @csspart grid - The contacts grid.
 * @csspart row - One contact's row.
 * @csspart button - The "Bulk actions" button.
 * @csspart menu - Its menu.
 * @csspart menu-item - An item of the menu.
 * @csspart dialog - The review dialog.
 * @csspart job - A bulk job's progress or result.
 * @csspart message - A state message (loading, empty, error, no provider).
 *
 * @cssproperty --optout-font - Base font (default 14 px system font).
 * @cssproperty --optout-radius - Corner radius (default 6 px).
 * @cssproperty --optout-color-text - Text colour.
 * @cssproperty --optout-color-muted - Secondary text colour.
 * @cssproperty --optout-color-border - Borders and rules.
 * @cssproperty --optout-color-surface - Background of the element and its dialogs.
 * @cssproperty --optout-color-subtle - Background of the header row and notes.
 * @cssproperty --optout-color-accent - Links, primary buttons, focus rings, selected rows.
 * @cssproperty --optout-color-can-message - Subscribed (always with ✓ and a word).
 * @cssproperty --optout-color-cannot-message - Unsubscribed, blocked, invalid (always with ✕ and a word).
 * @cssproperty --optout-color-warning - Warnings in the review.
 * @cssproperty --optout-bulk-unsubscribe-table-height - Height of the scrolling grid (default 480 px).
 */
@localized()
export class BulkUnsubscribeTable extends LitElement {
  static override styles = [styles, menuButtonStyles];

  private readonly context = new OptOutContextController(this);

  private readonly menu = new MenuButtonController(this, { onSelect: (value) => void this.handleAction(value) });

  private readonly pages = new ContactPages({ pageSize: PAGE_SIZE, onChange: () => this.requestUpdate() });

  private readonly virtualizer = new VirtualizerController<HTMLDivElement, HTMLDivElement>(this, {
    count: 0,
    getScrollElement: () => this.renderRoot.querySelector<HTMLDivElement>('.scroller'),
    estimateSize: () => ROW_HEIGHT,
    scrollMargin: HEADER_HEIGHT,
    overscan: 8,
  });

  /**
   * The bulk job's review, progress, result and undo: loaded when the user first chooses Bulk
   * actions > Unsubscribe, or at once when a job this user started is still kept (a reload).
   */
  private readonly jobPart = new LazyPart<BulkJobController>(this, async () => {
    const { BulkJobController } = await import('./bulk-job-controller.js');
    return new BulkJobController(this, {
      context: this.context,
      scope: () => this.context.me?.user.id,
      announce: (text) => this.announce(text),
      focusAfterClose: () => this.renderRoot.querySelector<HTMLElement>(`#${this.menu.buttonId}`),
      started: () => this.clearSelection(msg('The selection was cleared: the bulk unsubscribe runs on the reviewed audience.')),
      progressed: () => void this.pages.refresh(),
      settled: () => {
        // Rows show what is true now; every element in the provider refetches what it shows.
        this.context.cache?.revalidate();
        this.reload += 1;
      },
    });
  });

  private get job(): BulkJobController | undefined {
    return this.jobPart.value;
  }

  private readonly listTask = new Task(this, {
    task: async ([client, key, sort]: readonly [OptOutClient | undefined, string, Sort, number], { signal }) => {
      if (!client) return initialState;
      const filter = JSON.parse(key) as ContactFilter;
      const first = await client.listContacts({ ...filter, sort, limit: PAGE_SIZE }, { signal });
      return { key, sort, first, client };
    },
    args: () => [this.context.client, JSON.stringify(this.filter), this.sort, this.reload] as const,
    onComplete: ({ key, sort, first, client }) => {
      const filter = JSON.parse(key) as ContactFilter;
      this.pages.reset((cursor, signal) => client.listContacts({ ...filter, sort, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }, { signal }), first);
    },
  });

  private readonly reattachTask = new Task(this, {
    task: async ([client, userId]: readonly [OptOutClient | undefined, string | undefined], { signal }) => {
      if (!client || !userId) return;
      // Only a page with a job to show pays for loading the job's code.
      if (!this.job && !(await keptJobId(userId))) return;
      const job = await this.jobPart.get();
      if (job && !signal.aborted) await job.reattach(userId, signal);
    },
    args: () => [this.context.client, this.context.me?.user.id] as const,
  });

  /** Free text matched against name, phone and email on the server. */
  @property({ attribute: 'query', reflect: true }) query = '';

  /** Only contacts of this location (an id of the organization's locations). */
  @property({ attribute: 'location-id', reflect: true }) locationId = '';

  /** Only contacts reachable by this channel type (`sms`, `whatsapp`, `voice`, `email`); statuses are then counted on that type. */
  @property({ attribute: 'channel-type', reflect: true }) channelType: ChannelType | '' = '';

  /** Only contacts in this status: `subscribed`, `unsubscribed` (partly too), `blocked` or `unreachable`. */
  @property({ attribute: 'status', reflect: true }) status: ContactStatusFilter | '' = '';

  /** Only contacts with exactly this tag. */
  @property({ attribute: 'tag', reflect: true }) tag = '';

  /** Row order: `name`, `-name`, `status` or `-status`. */
  @property({ attribute: 'sort', reflect: true }) sort: Sort = 'name';

  /**
   * Where a contact's page is in the host app; `{id}` is replaced by the contact's id. Without it,
   * rows name their contact but do not link it.
   */
  @property({ attribute: 'contact-href' }) contactHref = '';

  /** How long typing in the search box waits before searching, in ms. */
  @property({ attribute: 'search-delay', type: Number }) searchDelay = 250;

  @state() private selection: SelectionState = EMPTY_SELECTION;
  @state() private announcement = '';
  @state() private focusRow = -1;
  @state() private focusCol = 0;
  @state() private reload = 0;

  /** The rows' box height and the rendered window's offset, as the last render computed them. */
  private layout = { height: 0, offset: 0 };
  /** Whether the row holding the grid's tab stop is rendered (see renderGrid). */
  private focusRendered = true;
  /** The row a Shift+click range starts from. */
  private anchor: number | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.pages.reset(undefined);
    this.listTask.abort(new DOMException('bulk-unsubscribe-table was disconnected', 'AbortError'));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a disconnect dropped the rows: load them again.
    if (this.hasUpdated) this.reload += 1;
  }

  /** The filter the list shows now, as the contract's `ContactFilter`. */
  get filter(): ContactFilter {
    const filter: ContactFilter = {};
    if (this.query.trim()) filter.query = this.query.trim();
    if (this.locationId) filter.locationId = [this.locationId];
    if (this.channelType) filter.channelType = this.channelType;
    if (this.status) filter.status = [this.status];
    if (this.tag) filter.tag = this.tag;
    return filter;
  }

  /** How many contacts are selected. */
  get selectedCount(): number {
    return selectionCount(this.selection);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const filterChanged = (['query', 'locationId', 'channelType', 'status', 'tag', 'sort'] as const).some((key) => changed.has(key));
    if (filterChanged && this.hasUpdated) {
      this.anchor = undefined;
      this.focusRow = Math.min(this.focusRow, 0);
      if (selectionCount(this.selection) > 0) this.clearSelection(msg('Selection cleared because the search or filters changed.'));
    }
    const v = this.virtualizer.getVirtualizer();
    const count = this.pages.total ?? 0;
    if (v.options.count !== count) v.setOptions({ ...v.options, count });
  }

  protected override updated(): void {
    // Sizes go through the CSSOM: a style attribute (what styleMap writes first) is refused by the
    // Content-Security-Policy hosts are asked to use.
    const body = this.renderRoot.querySelector<HTMLElement>('.body');
    const windowEl = this.renderRoot.querySelector<HTMLElement>('.window');
    if (body) body.style.height = `${this.layout.height}px`;
    if (windowEl) windowEl.style.transform = `translateY(${this.layout.offset}px)`;
    const items = this.virtualizer.getVirtualizer().getVirtualItems();
    const first = items[0];
    const last = items[items.length - 1];
    if (first && last && this.pages.total !== null) void this.pages.ensure(first.index, last.index);
  }

  /** Shows the row at `index` (0-based), e.g. for a host's "jump to". */
  scrollToRow(index: number): void {
    this.virtualizer.getVirtualizer().scrollToIndex(index, { align: 'start' });
  }

  protected override render() {
    const total = this.pages.total;
    return html`<article part="base" class="base" lang=${getLocale()} aria-labelledby="title">
      <header part="header" class="header">
        <h2 id="title">${msg('All contacts')}</h2>
        ${total !== null && this.context.hasProvider
          ? html`<p class="total" id="total">${byCount(total, () => msg(str`${formatCount(total)} contact`), () => msg(str`${formatCount(total)} contacts`))}</p>`
          : nothing}
        ${this.context.hasProvider ? this.renderActions() : nothing}
      </header>
      ${this.renderBody()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </article>`;
  }

  private renderBody() {
    if (!this.context.hasProvider) {
      return this.renderMessage(msg('All contacts cannot be shown: this element must be placed inside an <optout-provider> element, which connects it to the backend.'), 'alert');
    }
    const { organization, session } = this.context;
    const problem = this.problemOf(session?.status === 'error' ? session.error : undefined) ?? this.problemOf(organization?.status === 'error' ? organization.error : undefined);
    if (problem) return problem;
    if (organization?.status !== 'ready') return this.renderMessage(msg('Loading contacts…'));
    const org = organization.value.organization;
    return html`${this.renderFilters(org)} ${this.job?.renderProgress(org) ?? nothing} ${this.renderJobLoadFailure()} ${this.renderBanner()}
      ${this.listTask.render({
        initial: () => this.renderMessage(msg('Loading contacts…')),
        pending: () => (this.pages.total === null ? this.renderMessage(msg('Loading contacts…')) : this.renderGrid(org)),
        complete: () => this.renderGrid(org),
        error: (error) => this.problemOf(error) ?? this.renderMessage(msg('Loading contacts…')),
      })}
      ${this.job?.renderDialog(org) ?? nothing}`;
  }

  /**
   * The job's code could not be loaded: said where the job would show. Browsers keep a failed
   * module load for the life of the page, so only a reload tries again.
   */
  private renderJobLoadFailure() {
    if (this.jobPart.status !== 'error') return nothing;
    return html`<p part="job" class="problem" role="alert">
      ${msg('Bulk unsubscribe could not be loaded: the server could not be reached. Nothing was changed from this page, and a job already running goes on on the server. Reload the page once the connection is back.')}
    </p>`;
  }

  private renderActions() {
    const me = this.context.me;
    const count = this.selectedCount;
    const items: MenuItem[] = [{ value: 'unsubscribe', label: msg('Unsubscribe'), ...this.unsubscribeBlocker(me, count) }];
    return html`<div class="actions">
      <span class="selected-count" aria-hidden="true">${count > 0 ? msg(str`${formatCount(count)} selected`) : nothing}</span>
      ${this.menu.renderButton(msg('Bulk actions'))}${this.menu.renderMenu(items)}
    </div>`;
  }

  private unsubscribeBlocker(me: Me | undefined, count: number): { disabledReason?: string } {
    if (!me || !can(me.role, 'bulk:unsubscribe')) return { disabledReason: msg('Only managers and admins can bulk unsubscribe contacts.') };
    if (this.job?.busy) return { disabledReason: msg('A bulk unsubscribe is already running.') };
    if (count === 0) return { disabledReason: msg('Select contacts first.') };
    return {};
  }

  private renderFilters(org: Organization) {
    const types = CHANNEL_TYPES.filter((t) => org.channels.some((c) => c.type === t));
    return html`<div part="filters" class="filters" role="search" aria-label=${msg('Search and filter contacts')}>
      <label class="search"
        >${msg('Search')}
        <input type="search" .value=${this.query} placeholder=${msg('Name, phone or email')} @input=${this.handleSearchInput} @keydown=${this.handleSearchKey} />
      </label>
      <label
        >${msg('Location')}
        <select @change=${(e: Event) => (this.locationId = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.locationId}>${msg('All locations')}</option>
          ${org.locations.map((l) => html`<option value=${l.id} ?selected=${this.locationId === l.id} translate="no">${l.name}</option>`)}
        </select>
      </label>
      <label
        >${msg('Channel type')}
        <select @change=${(e: Event) => (this.channelType = (e.target as HTMLSelectElement).value as ChannelType | '')}>
          <option value="" ?selected=${!this.channelType}>${msg('All channel types')}</option>
          ${types.map((t) => html`<option value=${t} ?selected=${this.channelType === t}>${channelTypeLabel(t)}</option>`)}
        </select>
      </label>
      <label
        >${msg('Status')}
        <select @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value as ContactStatusFilter | '')}>
          <option value="" ?selected=${!this.status}>${msg('Any status')}</option>
          ${STATUS_FILTERS.map((s) => html`<option value=${s} ?selected=${this.status === s}>${this.statusFilterLabel(s)}</option>`)}
        </select>
      </label>
      <label
        >${msg('Tag')}
        <input type="text" .value=${this.tag} @change=${(e: Event) => (this.tag = (e.target as HTMLInputElement).value.trim())} />
      </label>
    </div>`;
  }

  private renderBanner() {
    const total = this.pages.total ?? 0;
    const selection = this.selection;
    if (selection.kind === 'matching') {
      const count = formatCount(selectionCount(selection));
      const all = formatCount(selection.total);
      return html`<div part="banner" class="banner">
        <span>${selection.excluded.size === 0 ? msg(str`All ${all} matching contacts are selected.`) : msg(str`${count} of ${all} matching contacts are selected.`)}</span>
        <button type="button" class="link" @click=${() => this.clearSelection(msg('Selection cleared.'))}>${msg('Clear selection')}</button>
      </div>`;
    }
    const loaded = this.pages.loadedRows();
    if (loaded.length === 0 || headerState(selection, loaded.map((r) => r.id)) !== 'checked' || total <= loaded.length) return nothing;
    const shown = formatCount(loaded.length);
    const all = formatCount(total);
    return html`<div part="banner" class="banner">
      <span>${msg(str`All ${shown} on this page are selected.`)}</span>
      <button type="button" class="link" @click=${this.handleSelectAllMatching}>${msg(str`Select all ${all} matching`)}</button>
    </div>`;
  }

  private renderGrid(org: Organization) {
    const total = this.pages.total ?? 0;
    if (this.pages.error !== undefined && this.pages.loadedRows().length === 0) return this.problemOf(this.pages.error) ?? nothing;
    if (total === 0) {
      const filtered = Object.keys(this.filter).length > 0;
      return html`<div part="message" class="message">
        <p>${filtered ? msg('No contacts match the search and filters.') : msg('No contacts yet.')}</p>
        ${filtered ? html`<button type="button" @click=${this.handleClearFilters}>${msg('Clear the search and filters')}</button>` : nothing}
      </div>`;
    }
    const v = this.virtualizer.getVirtualizer();
    const items = v.getVirtualItems();
    const loadedIds = this.pages.loadedRows().map((r) => r.id);
    const header = headerState(this.selection, loadedIds);
    this.layout = { height: v.getTotalSize() - HEADER_HEIGHT, offset: (items[0]?.start ?? HEADER_HEIGHT) - HEADER_HEIGHT };
    // The grid keeps one tab stop: when the focused row has scrolled out (and is not rendered),
    // the header checkbox holds it, so Tab still enters the grid.
    this.focusRendered = this.focusRow < 0 || items.some((item) => item.index === this.focusRow);
    return html`<div class="scroller" @keydown=${this.handleGridKey}>
        <div
          part="grid"
          class="grid"
          role="grid"
          aria-labelledby="title"
          aria-describedby="total"
          aria-rowcount=${total + 1}
          aria-colcount=${COLUMNS}
          aria-multiselectable="true"
          aria-busy=${this.listTask.status === TaskStatus.PENDING ? 'true' : 'false'}
        >
          <div class="row head" role="row" aria-rowindex="1">
            <div class="cell check" role="columnheader" aria-colindex="1">
              <input
                type="checkbox"
                data-cell="-1:0"
                tabindex=${this.tabFor(-1, 0)}
                aria-label=${msg('Select every loaded row')}
                .checked=${header === 'checked'}
                .indeterminate=${header === 'mixed'}
                @click=${this.handleHeaderCheck}
              />
            </div>
            ${this.renderSortHeader(1, msg('Name'), 'name')}
            <div class="cell" role="columnheader" aria-colindex="3"><span data-cell="-1:2" tabindex=${this.tabFor(-1, 2)}>${msg('Destinations')}</span></div>
            <div class="cell" role="columnheader" aria-colindex="4"><span data-cell="-1:3" tabindex=${this.tabFor(-1, 3)}>${msg('Locations')}</span></div>
            ${this.renderSortHeader(4, msg('Status'), 'status')}
            <div class="cell" role="columnheader" aria-colindex="6"><span data-cell="-1:5" tabindex=${this.tabFor(-1, 5)}>${msg('Last activity')}</span></div>
          </div>
          <div class="body" role="rowgroup">
            <div class="window">
              ${items.map((item) => this.renderRow(item.index, org))}
            </div>
          </div>
        </div>
      </div>
      ${this.pages.error !== undefined
        ? html`<p class="problem" role="alert">
            ${msg('More contacts could not be loaded.')} <button type="button" @click=${() => void this.pages.retry()}>${msg('Try again')}</button>
          </p>`
        : nothing}`;
  }

  private renderSortHeader(col: number, label: string, key: 'name' | 'status') {
    const sorted = this.sort === key ? 'ascending' : this.sort === `-${key}` ? 'descending' : 'none';
    return html`<div class="cell" role="columnheader" aria-colindex=${col + 1} aria-sort=${sorted}>
      <button type="button" class="sort" data-cell="-1:${col}" tabindex=${this.tabFor(-1, col)} @click=${() => this.handleSort(key)}>
        ${label}<span aria-hidden="true">${sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}</span>
      </button>
    </div>`;
  }

  private renderRow(index: number, org: Organization): TemplateResult {
    const row = this.pages.row(index);
    if (!row) {
      return html`<div class="row placeholder" role="row" aria-rowindex=${index + 2}>
        <div class="cell" role="gridcell" aria-colindex="1" data-cell="${index}:0" tabindex=${this.tabFor(index, 0)}>${msg('Loading…')}</div>
      </div>`;
    }
    const selected = isSelected(this.selection, row.id);
    return html`<div part="row" class="row" role="row" aria-rowindex=${index + 2} aria-selected=${selected ? 'true' : 'false'} data-status=${row.status}>
      <div class="cell check" role="gridcell" aria-colindex="1">
        <input
          type="checkbox"
          data-cell="${index}:0"
          tabindex=${this.tabFor(index, 0)}
          aria-label=${msg(str`Select ${row.name}`)}
          .checked=${selected}
          @click=${(e: MouseEvent) => this.handleRowCheck(index, row, e)}
        />
      </div>
      ${this.contactHref
        ? html`<div class="cell name" role="gridcell" aria-colindex="2" translate="no">
            <a href=${this.contactHref.replaceAll('{id}', encodeURIComponent(row.id))} data-cell="${index}:1" tabindex=${this.tabFor(index, 1)}>${row.name}</a>
          </div>`
        : html`<div class="cell name" role="gridcell" aria-colindex="2" data-cell="${index}:1" tabindex=${this.tabFor(index, 1)} translate="no">${row.name}</div>`}
      <div class="cell" role="gridcell" aria-colindex="3" data-cell="${index}:2" tabindex=${this.tabFor(index, 2)}>${this.renderDestinations(row)}</div>
      <div class="cell" role="gridcell" aria-colindex="4" data-cell="${index}:3" tabindex=${this.tabFor(index, 3)} translate="no">
        ${formatList(row.locationIds.map((id) => org.locations.find((l) => l.id === id)?.name ?? id))}
      </div>
      <div class="cell status" role="gridcell" aria-colindex="5" data-cell="${index}:4" tabindex=${this.tabFor(index, 4)}>${this.renderStatus(row, org)}</div>
      <div class="cell" role="gridcell" aria-colindex="6" data-cell="${index}:5" tabindex=${this.tabFor(index, 5)}>
        ${row.lastActivityAt ? formatDate(row.lastActivityAt) : msg('No consent change')}
      </div>
    </div>`;
  }

  private renderDestinations(row: ContactSummary) {
    const destinations = row.destinations ?? [
      ...(row.phone ? [{ kind: 'phone' as const, value: row.phone, valid: true }] : []),
      ...(row.email ? [{ kind: 'email' as const, value: row.email, valid: true }] : []),
    ];
    if (destinations.length === 0) return msg('None');
    return destinations.map(
      (d) =>
        html`<span class="destination" data-valid=${d.valid ? 'yes' : 'no'}
          ><span translate="no">${formatDestination(d.value)}</span>${d.valid ? nothing : html` <span class="invalid">${cannotIcon}${d.kind === 'phone' ? msg('invalid phone number') : msg('invalid email address')}</span>`}</span
        >`,
    );
  }

  private renderStatus(row: ContactSummary, org: Organization) {
    const channels = formatCount(row.unsubscribedChannelCount);
    const all = formatCount(org.channels.length);
    switch (row.status) {
      case 'subscribed':
        return html`${canIcon}<span>${msg('Subscribed')}</span>`;
      case 'partially-unsubscribed':
        return html`${cannotIcon}<span>${msg(str`Partly unsubscribed: ${channels} of ${all} channels`)}</span>`;
      case 'unsubscribed':
        return html`${cannotIcon}<span>${msg('Unsubscribed from every channel that reaches them')}</span>`;
      case 'blocked':
        return html`${cannotIcon}<span>${msg('Blocked')}</span>`;
      case 'unreachable':
        return html`${cannotIcon}<span>${msg('Unreachable: no valid phone number or email address')}</span>`;
    }
  }

  private statusFilterLabel(status: ContactStatusFilter): string {
    switch (status) {
      case 'subscribed':
        return msg('Subscribed');
      case 'unsubscribed':
        return msg('Unsubscribed or partly');
      case 'blocked':
        return msg('Blocked');
      case 'unreachable':
        return msg('Unreachable');
    }
  }

  private renderMessage(text: string, role?: 'alert', retry?: () => void) {
    return html`<div part="message" class="message" role=${role ?? nothing}>
      <p>${text}</p>
      ${retry ? html`<button type="button" @click=${retry}>${msg('Try again')}</button>` : nothing}
    </div>`;
  }

  private problemOf(error: unknown): TemplateResult | undefined {
    if (error === undefined || isAbortError(error)) return undefined;
    const retry = () => this.retry();
    if (isOptOutApiError(error)) {
      if (error.is('forbidden')) return this.renderMessage(msg("You don't have permission to view contacts."), 'alert');
      if (error.is('unauthenticated')) return this.renderMessage(msg('You are signed out. Sign in again to see contacts.'), 'alert', retry);
      if (error.status === 0) return this.renderMessage(msg('Contacts could not be loaded: the server could not be reached.'), 'alert', retry);
    }
    return this.renderMessage(msg('Contacts could not be loaded. Something went wrong on the server; try again.'), 'alert', retry);
  }

  private tabFor(row: number, col: number): string {
    if (!this.focusRendered) return row === -1 && col === 0 ? '0' : '-1';
    return row === this.focusRow && col === this.focusCol ? '0' : '-1';
  }

  private announce(text: string) {
    this.announcement = text;
  }

  private clearSelection(why: string) {
    this.selection = EMPTY_SELECTION;
    this.anchor = undefined;
    this.announce(why);
  }

  private select(next: SelectionState) {
    this.selection = next;
    const count = selectionCount(next);
    this.announce(byCount(count, () => msg(str`${formatCount(count)} contact selected.`), () => msg(str`${formatCount(count)} contacts selected.`)));
  }

  private retry() {
    const { session, organization } = this.context;
    if (session && session.status !== 'ready') session.retry();
    if (organization && organization.status !== 'ready') organization.retry();
    this.reload += 1;
  }

  private handleSearchInput(e: Event) {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    // Typing waits for a pause; the list task aborts the search still on its way when this one starts.
    this.searchTimer = setTimeout(() => (this.query = value), this.searchDelay);
  }

  private handleSearchKey(e: KeyboardEvent) {
    if (e.key !== 'Enter') return;
    clearTimeout(this.searchTimer);
    this.query = (e.target as HTMLInputElement).value;
  }

  private handleClearFilters() {
    this.query = '';
    this.locationId = '';
    this.channelType = '';
    this.status = '';
    this.tag = '';
  }

  private handleSort(key: 'name' | 'status') {
    this.sort = this.sort === key ? `-${key}` : key;
  }

  private handleHeaderCheck(e: Event) {
    const ids = this.pages.loadedRows().map((r) => r.id);
    const on = headerState(this.selection, ids) !== 'checked';
    (e.target as HTMLInputElement).checked = on;
    this.select(setSelected(this.selection, ids, on));
  }

  private readonly handleSelectAllMatching = () => {
    this.select(selectAllMatching(this.filter, this.pages.total ?? 0));
  };

  private handleRowCheck(index: number, row: ContactSummary, e: MouseEvent) {
    const on = (e.target as HTMLInputElement).checked;
    this.focusRow = index;
    this.focusCol = 0;
    if (e.shiftKey && this.anchor !== undefined) {
      const [from, to] = this.anchor < index ? [this.anchor, index] : [index, this.anchor];
      const ids: string[] = [];
      for (let i = from; i <= to; i++) {
        const r = this.pages.row(i);
        if (r) ids.push(r.id);
      }
      this.select(setSelected(this.selection, ids, on));
    } else {
      this.select(setSelected(this.selection, [row.id], on));
    }
    this.anchor = index;
  }

  private toggleRow(index: number) {
    const row = this.pages.row(index);
    if (!row) return;
    this.anchor = index;
    this.select(setSelected(this.selection, [row.id], !isSelected(this.selection, row.id)));
  }

  private async handleGridKey(e: KeyboardEvent) {
    const total = this.pages.total ?? 0;
    const target = e.target as HTMLElement;
    const [rowText, colText] = (target.dataset.cell ?? '').split(':');
    if (rowText === undefined || colText === undefined) return;
    let row = Number(rowText);
    let col = Number(colText);
    const page = Math.max(1, Math.floor(((this.renderRoot.querySelector('.scroller')?.clientHeight ?? ROW_HEIGHT * 10) - HEADER_HEIGHT) / ROW_HEIGHT));
    switch (e.key) {
      case 'ArrowDown':
        row = Math.min(total - 1, row + 1);
        break;
      case 'ArrowUp':
        row = Math.max(-1, row - 1);
        break;
      case 'ArrowRight':
        col = Math.min(COLUMNS - 1, col + 1);
        break;
      case 'ArrowLeft':
        col = Math.max(0, col - 1);
        break;
      case 'Home':
        if (e.ctrlKey) row = 0;
        col = 0;
        break;
      case 'End':
        if (e.ctrlKey) row = total - 1;
        col = COLUMNS - 1;
        break;
      case 'PageDown':
        row = Math.min(total - 1, row + page);
        break;
      case 'PageUp':
        row = Math.max(0, row - page);
        break;
      case ' ':
        // The checkbox toggles itself; anywhere else on a row, Space selects the row.
        if (row >= 0 && !(target instanceof HTMLInputElement)) {
          e.preventDefault();
          this.toggleRow(row);
        }
        return;
      default:
        return;
    }
    e.preventDefault();
    this.focusRow = row;
    this.focusCol = col;
    if (row >= 0) this.virtualizer.getVirtualizer().scrollToIndex(row, { align: 'auto' });
    await this.updateComplete;
    // A row scrolled into view renders on the next frames (the virtualizer reacts to the scroll).
    for (let tries = 0; tries < 5; tries++) {
      const cell = this.renderRoot.querySelector<HTMLElement>(`[data-cell="${row}:${col}"]`) ?? this.renderRoot.querySelector<HTMLElement>(`[data-cell="${row}:0"]`);
      if (cell) {
        cell.focus();
        return;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await this.updateComplete;
    }
  }

  /** Whether Bulk actions > Unsubscribe is waiting for the job's code, so a second choice opens nothing more. */
  private opening = false;

  private async handleAction(value: string) {
    if (value !== 'unsubscribe' || this.opening) return;
    // The code may already be loading for a reattach after a reload: the choice waits for it too.
    this.opening = true;
    let job: BulkJobController | undefined;
    try {
      job = await this.jobPart.get();
    } finally {
      this.opening = false;
    }
    // Read after loading: the selection and the session are what they are when the review opens.
    const organization = this.context.organization;
    const me = this.context.me;
    if (!job || organization?.status !== 'ready' || this.unsubscribeBlocker(me, this.selectedCount).disabledReason) return;
    job.open(targetOf(this.selection), this.selectedCount, organization.value.organization);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bulk-unsubscribe-table': BulkUnsubscribeTable;
  }
}
