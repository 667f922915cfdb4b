import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { Task, initialState } from '@lit/task';
import { mergeConsent, mergeContacts } from '../../engine/merge.js';
import { isAbortError } from '../../client/errors.js';
import type { RequestOptions } from '../../client/optout-client.js';
import type { ContactDetail, ContactSummary } from '../../client/types.js';
import { formatList } from '../shared/labels.js';
import { formatDestination } from '../shared/format.js';
import { ActionDialog } from './action-dialog.js';
import { OptOutMergeEvent, OptOutMergeRequestEvent } from './contact-actions-menu.events.js';

type Args = readonly [contactId: string, sourceContactId: string, etag: string];
type Result = { sourceContactId: string; source: string; detail: ContactDetail };

const RESULTS = 8;

/**
 * "Merge": finds the other contact with an APG combobox over the contacts list (each keystroke
 * aborts the search before it), then shows the engine's result before confirming: this contact
 * survives with both sides' destinations, and the strictest consent of each.
 */
export class MergeDialog extends ActionDialog<Args, Result> {
  readonly id = 'merge-dialog';
  private query = '';
  private expanded = false;
  private active = -1;
  private source: ContactSummary | undefined;

  private readonly search = new Task(this.host, {
    task: async ([query, open]: readonly [string, boolean], { signal }) => {
      const client = this.options.context.client;
      if (!client || !open || !query.trim()) return initialState;
      const page = await client.listContacts({ query, limit: RESULTS + 1 }, { signal });
      return page.items.filter((c) => c.id !== this.options.contactId()).slice(0, RESULTS);
    },
    args: () => [this.query, this.expanded] as const,
  });

  private readonly sourceDetail = new Task(this.host, {
    task: async ([id]: readonly [string], { signal }) => {
      const cache = this.options.context.cache;
      if (!cache || !id) return initialState;
      return cache.getContact(id, { signal });
    },
    args: () => [this.source?.id ?? ''] as const,
  });

  preset(sourceContactId?: string): void {
    if (sourceContactId) this.source = { id: sourceContactId, name: sourceContactId } as ContactSummary;
  }

  protected reset(): void {
    this.query = '';
    this.expanded = false;
    this.active = -1;
    this.source = undefined;
  }

  protected async send([contactId, sourceContactId, etag]: Args, options: RequestOptions): Promise<Result> {
    const detail = await this.options.context.client!.mergeContact(contactId, sourceContactId, { ...options, ifMatch: etag });
    const cache = this.options.context.cache;
    cache?.putContact(detail);
    // The merged-away contact no longer exists; anything showing it asks again.
    cache?.invalidateContact(sourceContactId);
    return { sourceContactId, source: this.sourceName(), detail };
  }

  protected completed({ sourceContactId, source, detail }: Result): void {
    this.close();
    const name = detail.contact.name;
    this.options.announce(msg(str`${source} was merged into ${name}. Every opt-out of both was kept.`));
    this.host.dispatchEvent(new OptOutMergeEvent(sourceContactId, detail));
    this.reset();
  }

  protected confirm(): void {
    const detail = this.options.detail();
    if (!detail) return;
    if (!this.source) {
      this.refuse(msg('Find and choose the contact to merge into this one.'), '#merge-search');
      return;
    }
    const contactId = this.options.contactId();
    this.submit([contactId, this.source.id, detail.etag] as const, new OptOutMergeRequestEvent(contactId, this.source.id));
  }

  render(): TemplateResult {
    const detail = this.options.detail();
    const name = detail?.contact.name ?? '';
    const body = html`<p id="${this.id}-lead">
        ${msg(str`Choose the contact to merge into ${name}. ${name} stays; the other contact is removed, and everything it had is kept here.`)}
      </p>
      ${this.renderCombobox()} ${detail ? this.renderPreview(detail) : nothing}`;
    return this.renderFrame(msg('Merge contacts'), body, { label: msg('Merge contacts'), danger: true, disabled: !this.source });
  }

  private renderCombobox() {
    const results = this.expanded ? (this.search.value ?? []) : [];
    const showList = this.expanded && results.length > 0;
    const optionId = (i: number) => `merge-option-${i}`;
    return html`<label for="merge-search" id="merge-search-label" class="field-label">${msg('Contact to merge')}</label>
      <div class="combobox">
        <input
          id="merge-search"
          type="text"
          role="combobox"
          aria-labelledby="merge-search-label"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-controls="merge-results"
          aria-expanded=${showList ? 'true' : 'false'}
          aria-activedescendant=${showList && this.active >= 0 ? optionId(this.active) : nothing}
          aria-describedby="merge-search-hint"
          .value=${this.query}
          @input=${this.handleInput}
          @keydown=${this.handleKeydown}
        />
        <ul id="merge-results" role="listbox" aria-label=${msg('Matching contacts')} ?hidden=${!showList}>
          ${results.map(
            // The keyboard works on the combobox's input (APG: focus stays there), not on the options.
            // eslint-disable-next-line lit-a11y/click-events-have-key-events
            (c, i) => html`<li id=${optionId(i)} role="option" aria-selected=${i === this.active ? 'true' : 'false'} @click=${() => this.choose(c)} @pointerdown=${(e: Event) => e.preventDefault()}>
              <span translate="no">${c.name}</span> <span class="muted" translate="no">${[c.phone, c.email].filter(Boolean).map((v) => formatDestination(v!)).join(' · ')}</span>
            </li>`,
          )}
        </ul>
      </div>
      <p id="merge-search-hint" class="hint">${msg('Search by name, phone number or email address.')}</p>
      ${this.expanded && this.query.trim() && this.search.value?.length === 0 ? html`<p class="muted" role="status">${msg('No matching contact.')}</p>` : nothing}`;
  }

  private renderPreview(primary: ContactDetail) {
    if (!this.source) return nothing;
    return this.sourceDetail.render({
      pending: () => html`<p class="muted" role="status">${msg('Loading the contact to merge…')}</p>`,
      error: (error) => (isAbortError(error) ? nothing : html`<p class="problem" role="alert">${msg('The contact to merge could not be loaded.')}</p>`),
      complete: (other) => {
        if (!other) return nothing;
        const merged = mergeContacts(primary.contact, other.contact);
        const consent = mergeConsent(primary.consent, other.consent).filter((r) => r.status === 'unsubscribed');
        const survivor = primary.contact.name;
        const removed = other.contact.name;
        return html`<section class="preview" role="group" aria-labelledby="merge-preview-title">
          <h4 id="merge-preview-title">${msg('After the merge')}</h4>
          <p>${msg(str`${survivor} stays; ${removed} is removed.`)}</p>
          <p><span>${msg('Destinations kept:')}</span> <span translate="no">${formatList(merged.destinations.map((d) => formatDestination(d.value)))}</span></p>
          <p>${merged.blocked ? msg('Blocked, because one of the two was blocked.') : msg('Not blocked.')}</p>
          ${consent.length === 0
            ? html`<p>${msg('No opt-out on either contact.')}</p>`
            : html`<p id="merge-kept">${msg('Opt-outs kept (any opt-out of either contact):')}</p>
                <ul aria-labelledby="merge-kept" class="pairs">
                ${consent.map((r) => html`<li><span translate="no">${this.channelName(r.channelId)}</span>: <span translate="no">${formatDestination(r.destination)}</span></li>`)}
              </ul>`}
        </section>`;
      },
    });
  }

  private sourceName(): string {
    return this.sourceDetail.value?.contact.name ?? this.source?.name ?? '';
  }

  private choose(contact: ContactSummary) {
    this.source = contact;
    this.query = contact.name;
    this.expanded = false;
    this.active = -1;
    this.problem = '';
    this.requestUpdate();
  }

  private readonly handleInput = (e: Event) => {
    this.query = (e.target as HTMLInputElement).value;
    this.source = undefined;
    this.expanded = true;
    this.active = -1;
    this.requestUpdate();
  };

  private readonly handleKeydown = (e: KeyboardEvent) => {
    const results = this.search.value ?? [];
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        if (!this.expanded) this.expanded = true;
        if (results.length === 0) break;
        const step = e.key === 'ArrowDown' ? 1 : -1;
        this.active = this.active < 0 ? (step > 0 ? 0 : results.length - 1) : (this.active + step + results.length) % results.length;
        break;
      }
      case 'Enter': {
        // Enter picks the option; it must not submit the dialog's form.
        const picked = this.expanded ? results[this.active] : undefined;
        if (picked) {
          e.preventDefault();
          this.choose(picked);
        } else if (!this.source) e.preventDefault();
        return;
      }
      case 'Escape':
        if (this.expanded && results.length > 0) {
          // Closes the list only; the dialog stays open.
          e.preventDefault();
          e.stopPropagation();
          this.expanded = false;
          this.active = -1;
        } else return;
        break;
      default:
        return;
    }
    this.requestUpdate();
  };
}
