// The QA controls: a strip above the CRM, styled as tooling so that nobody takes it for the
// product, collapsed to one line (what the mock backend is doing) until opened.
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { FaultSettings } from '../mocks/faults.js';
import { signTwilioRequest } from '../mocks/twilio.js';
import { byCount } from '../src/elements/shared/labels.js';
import { roleLabel, navigateTo } from './crm-shell.js';
import { SEED_SIZES, type MockSession, type QaContact } from './mock-session.js';

const OPEN_KEY = 'optout-demo.qa-open';
const HINT_KEY = 'optout-demo.hint-dismissed';

/**
 * The QA controls over the demo's mock backend: the signed-in user, faults, an inbound reply
 * from any contact, the data's reset and size, and the QA pages.
 */
@localized()
export class DemoQaPanel extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: 400 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
      color: #1b1f24;
      background: #fff8c5;
      border-bottom: 1px dashed #9a6700;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 16px;
      padding: 4px 20px;
    }
    .bar p {
      margin: 0;
    }
    .toggle {
      font-weight: 600;
    }
    .toggle::before {
      content: '▸ ';
    }
    .toggle[aria-expanded='true']::before {
      content: '▾ ';
    }
    .tag {
      color: #6e5200;
    }
    .faults-on {
      font-weight: 600;
      color: #9a3412;
    }
    .body {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
      gap: 12px;
      padding: 4px 20px 16px;
      /* Open, the panel still leaves the product in view, to watch what a control does to it. */
      max-height: 60vh;
      overflow: auto;
      overscroll-behavior: contain;
    }
    .body[hidden],
    .hint[hidden] {
      display: none;
    }
    section {
      min-width: 0;
      padding: 12px;
      background: #fffdf0;
      border: 1px solid #d4a72c;
      border-radius: 6px;
    }
    section.wide {
      grid-column: 1 / -1;
    }
    h2 {
      margin: 0 0 4px;
      font-size: 14px;
      font-weight: 600;
    }
    .what {
      margin: 0 0 8px;
      color: #57606a;
    }
    form {
      display: grid;
      gap: 8px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .field {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 6rem;
      gap: 0 8px;
      align-items: center;
    }
    .field .what,
    .check .what {
      grid-column: 1 / -1;
      margin: 0;
      font-size: 12px;
    }
    .check {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr);
      gap: 0 8px;
      align-items: center;
    }
    fieldset {
      margin: 0;
      padding: 0;
      border: none;
    }
    legend {
      padding: 0;
      margin-bottom: 4px;
    }
    input,
    select,
    button {
      font: inherit;
    }
    input[type='number'],
    input[type='search'],
    select {
      min-width: 0;
      padding: 2px 4px;
      border: 1px solid #8c959f;
      border-radius: 6px;
      background: #fff;
    }
    input[type='search'] {
      width: min(100%, 24rem);
    }
    button {
      padding: 2px 12px;
      border: 1px solid #8c959f;
      border-radius: 6px;
      background: #fff;
      color: #1b1f24;
      cursor: pointer;
    }
    button:disabled {
      cursor: default;
      opacity: 0.6;
    }
    .toggle {
      border-color: #9a6700;
    }
    button:focus-visible,
    input:focus-visible,
    select:focus-visible,
    a:focus-visible {
      outline: 2px solid #0969da;
      outline-offset: 2px;
    }
    a {
      color: #0550ae;
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li + li {
      margin-top: 8px;
    }
    .alert:empty {
      display: none;
    }
    .alert {
      font-weight: 600;
      color: #9a3412;
    }
    .hint {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      margin: 0;
      padding: 8px 20px;
      background: #ddf4ff;
      border-top: 1px solid #54aeff;
      color: #0a3069;
    }
    .hint p {
      margin: 0;
      flex: 1 1 30rem;
    }
    inbound-reply-simulator {
      display: block;
      margin-top: 8px;
    }
    @media (max-width: 48rem) {
      .bar,
      .hint {
        padding-left: 8px;
        padding-right: 8px;
      }
      .body {
        padding: 4px 8px 12px;
      }
    }
  `;

  @property({ attribute: false }) session?: MockSession;

  @property() locale = 'en';

  @state() private open = sessionStorage.getItem(OPEN_KEY) === '1';
  @state() private hintDismissed = localStorage.getItem(HINT_KEY) === '1';
  /** Rendered once the panel is first opened, and kept: its state survives closing. */
  @state() private simulatorWanted = this.open;
  @state() private contacts: QaContact[] = [];
  @state() private query = '';
  @state() private busy = '';
  @state() private failure = '';
  @state() private persistenceProblem = '';
  @state() private size = 0;

  private readonly refresh = () => this.requestUpdate();
  private findTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.session?.addEventListener('change', this.refresh);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.session?.removeEventListener('change', this.refresh);
    clearTimeout(this.findTimer);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('session') && this.session) {
      (changed.get('session') as MockSession | undefined)?.removeEventListener('change', this.refresh);
      if (this.isConnected) this.session.addEventListener('change', this.refresh);
      this.contacts = this.session.findContacts('');
      this.size = this.session.seedSize;
      const { persistence } = this.session.mock;
      persistence.addEventListener('persistence-error', (event) => {
        const error = (event as Event & { error?: unknown }).error;
        const why = error instanceof Error || error instanceof DOMException ? ` (${error.name}: ${error.message})` : '';
        this.persistenceProblem = msg(str`Changes are not being saved in this browser${why}. They are kept while this page stays open; a reload would lose them.`);
      });
      persistence.addEventListener('persistence-restored', () => {
        this.persistenceProblem = msg('Saving works again: every change is saved.');
      });
    }
  }

  protected override render() {
    const session = this.session;
    if (!session) return nothing;
    return html`<div role="region" aria-label=${msg('QA controls')}>
      <div class="bar">
        <button type="button" class="toggle" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="qa-body" @click=${this.toggle}>${msg('QA controls')}</button>
        <span class="tag">${msg('Not part of the product')}</span>
        <p role="status">${this.backendLine(session)}</p>
        <p class=${this.faultsOn(session.faults) ? 'faults-on' : ''}>${this.faultsLine(session.faults)}</p>
        <p class="alert" role="alert">${this.persistenceProblem}</p>
      </div>
      <div class="body" id="qa-body" ?hidden=${!this.open}>
        ${this.renderUser(session)} ${this.renderFaults(session.faults)} ${this.renderData(session)} ${this.renderPages()} ${this.renderReply()}
        ${this.failure ? html`<p class="alert wide" role="alert">${this.failure}</p>` : nothing}
      </div>
      </div>
      <div class="hint" ?hidden=${this.hintDismissed}>
        <p>
          ${msg(
            'A demo CRM: Contacts and Settings › Messaging are the opt-out microfrontend, on a mock backend kept in this browser. The QA controls are not part of the product: they switch the user, inject faults, send replies as a contact and reset the data.',
          )}
        </p>
        <button type="button" @click=${this.dismissHint}>${msg('Dismiss', { id: 'demo-hint-dismiss', desc: 'Hides the first-visit hint (fr-CA: not “Rejeter”, which dismisses a request).' })}</button>
      </div>`;
  }

  private backendLine(session: MockSession): string {
    const count = session.contactCount.toLocaleString(this.locale);
    const user = session.user;
    return user
      ? msg(str`Mock backend: ${count} contacts · signed in as ${user.name} (${user.role})`)
      : msg(str`Mock backend: ${count} contacts · signed out: every API call answers 401`);
  }

  private faultsOn(faults: FaultSettings): boolean {
    return faults.offline || faults.latencyMs > 0 || faults.errorRate > 0 || faults.failNext > 0 || faults.rateLimit > 0 || faults.jobStepMs > 0;
  }

  private faultsLine(faults: FaultSettings): string {
    const on: string[] = [];
    const n = (value: number) => value.toLocaleString(this.locale);
    if (faults.offline) on.push(msg('offline'));
    if (faults.latencyMs > 0) on.push(msg(str`${n(faults.latencyMs)} ms latency`));
    if (faults.errorRate > 0) on.push(msg(str`${n(Math.round(faults.errorRate * 100))} % errors`));
    if (faults.failNext > 0) on.push(msg(str`the next ${n(faults.failNext)} requests fail`));
    if (faults.rateLimit > 0) on.push(msg(str`at most ${n(faults.rateLimit)} requests a minute`));
    if (faults.jobStepMs > 0) on.push(msg(str`bulk jobs pause ${n(faults.jobStepMs)} ms a chunk`));
    return on.length > 0 ? msg(str`Faults on: ${on.join(', ')}`) : msg('No faults');
  }

  private renderUser(session: MockSession) {
    const current = session.user?.id ?? '';
    return html`<section aria-labelledby="qa-user">
      <h2 id="qa-user">${msg('Signed-in user')}</h2>
      <p class="what">${msg('Signs in as that user and reloads the page, as signing in again would. The backend enforces the role.')}</p>
      <form class="row" @submit=${this.handleUser}>
        <label for="qa-user-select">${msg('User')}</label>
        <select id="qa-user-select" name="user">
          ${session.users.map((u) => html`<option value=${u.id} ?selected=${u.id === current}>${u.name} · ${roleLabel(u.role)}</option>`)}
          <option value="" ?selected=${current === ''}>${msg('Signed out (every API call answers 401)')}</option>
        </select>
        <button type="submit" ?disabled=${this.busy !== ''}>${msg('Switch user')}</button>
      </form>
    </section>`;
  }

  private renderFaults(faults: FaultSettings) {
    return html`<section aria-labelledby="qa-faults">
      <h2 id="qa-faults">${msg('Faults')}</h2>
      <p class="what">${msg('Make the API slow or failing, at once and until cleared (kept across reloads in this tab). The QA controls themselves are never affected.')}</p>
      <form @submit=${this.handleFaults}>
        <div class="check">
          <input type="checkbox" id="qa-offline" name="offline" .checked=${faults.offline} />
          <label for="qa-offline">${msg('Offline')}</label>
          <p class="what">${msg('Every API request fails as a network error.')}</p>
        </div>
        ${this.numberField('latencyMs', msg('Latency (ms)'), msg('Added to every API answer.'), faults.latencyMs, 100)}
        ${this.numberField('errorRate', msg('Error rate (%)'), msg('That share of API requests answers 503.'), Math.round(faults.errorRate * 100), 10, 100)}
        ${this.numberField('failNext', msg('Fail the next N requests'), msg('The next N API requests answer 503, then it counts down.'), faults.failNext, 1)}
        ${this.numberField('rateLimit', msg('Rate limit (requests a minute)'), msg('Past it, 429 with Retry-After. 0 is no limit.'), faults.rateLimit, 10)}
        ${this.numberField('jobStepMs', msg('Bulk job pause (ms a chunk)'), msg('Slows bulk jobs, to watch their progress and cancel them.'), faults.jobStepMs, 100)}
        <div class="row">
          <button type="submit">${msg('Apply faults')}</button>
          <button type="button" @click=${this.clearFaults}>${msg('Clear faults')}</button>
        </div>
      </form>
    </section>`;
  }

  private numberField(name: keyof FaultSettings, label: string, what: string, value: number, step: number, max?: number) {
    const id = `qa-${name}`;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input type="number" id=${id} name=${name} min="0" max=${max ?? nothing} step=${step} .value=${String(value)} />
      <p class="what">${what}</p>
    </div>`;
  }

  private renderData(session: MockSession) {
    return html`<section aria-labelledby="qa-data">
      <h2 id="qa-data">${msg('Data')}</h2>
      <p class="what">${msg(str`Re-seeds ${session.seedSize.toLocaleString(this.locale)} contacts and reloads: every change made in this browser is lost.`)}</p>
      <div class="row">
        <button type="button" ?disabled=${this.busy !== ''} @click=${() => this.run(msg('Resetting the data…'), () => session.reset())}>${msg('Reset the data')}</button>
      </div>
      <form @submit=${this.handleSize}>
        <fieldset>
          <legend>${msg('Number of contacts')}</legend>
          <div class="row">
            ${SEED_SIZES.map(
              (size) =>
                html`<label><input type="radio" name="size" .value=${String(size)} .checked=${size === this.size} @change=${() => (this.size = size)} />${size.toLocaleString(this.locale)}</label>`,
            )}
          </div>
        </fieldset>
        <p class="what">${msg('Re-seeds with that many contacts and reloads; 100,000 takes a few seconds.')}</p>
        <div class="row">
          <button type="submit" ?disabled=${this.busy !== ''}>${msg('Re-seed with this many contacts')}</button>
        </div>
      </form>
      ${this.busy ? html`<p role="status">${this.busy}</p>` : nothing}
    </section>`;
  }

  private renderPages() {
    return html`<section aria-labelledby="qa-pages">
      <h2 id="qa-pages">${msg('QA pages')}</h2>
      <ul>
        <li>
          <a href="/playground" @click=${this.handleLink}>${msg('Inbound reply playground')}</a>
          <p class="what">${msg('The keyword rules alone: what a reply would do under each scope. Nothing is sent.')}</p>
        </li>
        <li>
          <a href="/playground/try-it" @click=${this.handleLink}>${msg('Settings with the reply simulator')}</a>
          <p class="what">${msg('Opt-out preferences, the reply simulator and one contact side by side, sharing one connection.')}</p>
        </li>
        <li>
          <a href="/crm/contacts" @click=${this.handleLink}>${msg('Back to the CRM')}</a>
        </li>
      </ul>
    </section>`;
  }

  private renderReply() {
    const count = this.contacts.length;
    return html`<section class="wide" aria-labelledby="qa-reply">
      <h2 id="qa-reply">${msg('Send an inbound reply')}</h2>
      <p class="what">${msg('Sends a reply from a contact through the backend, as the messaging provider would: consent changes for real and the app shows it.')}</p>
      <div class="row">
        <label for="qa-find">${msg('Find a contact')}</label>
        <input type="search" id="qa-find" autocomplete="off" aria-describedby="qa-find-what" .value=${this.query} @input=${this.handleFind} />
        <span id="qa-find-what" class="what">${msg('Name, phone, email or id (c-000042). Empty: the seed’s well-known contacts.')}</span>
      </div>
      <p role="status">
        ${count === 0
          ? msg('No contact matches; the simulator can still reply from any number.')
          : byCount(
              count,
              () => msg(str`${count.toLocaleString(this.locale)} contact in the simulator’s Contact list.`),
              () => msg(str`${count.toLocaleString(this.locale)} contacts in the simulator’s Contact list.`),
            )}
      </p>
      ${this.simulatorWanted
        ? // The simulator reads the channels as the admin, whoever QA signed in (or out) as; what it
          // sends goes as the messaging integration, like the provider's webhook.
          html`<optout-provider api-base="/api" token="mock:u-admin">
            <inbound-reply-simulator .contacts=${this.simulatorContacts} .twilioSigner=${signTwilioRequest}></inbound-reply-simulator>
          </optout-provider>`
        : nothing}
    </section>`;
  }

  /** Names repeat among 100,000 contacts: the simulator's list says which one by its id. */
  private get simulatorContacts(): QaContact[] {
    return this.contacts.map((c) => ({ ...c, name: `${c.name} (${c.id})` }));
  }

  private readonly toggle = () => {
    this.open = !this.open;
    if (this.open) this.simulatorWanted = true;
    sessionStorage.setItem(OPEN_KEY, this.open ? '1' : '0');
  };

  private readonly dismissHint = () => {
    this.hintDismissed = true;
    localStorage.setItem(HINT_KEY, '1');
  };

  private readonly handleFind = (event: Event) => {
    this.query = (event.target as HTMLInputElement).value;
    // At 100,000 contacts a search takes a moment: once typing pauses, not at every key.
    clearTimeout(this.findTimer);
    this.findTimer = setTimeout(() => (this.contacts = this.session?.findContacts(this.query) ?? []), 150);
  };

  private readonly handleLink = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigateTo((event.currentTarget as HTMLAnchorElement).pathname);
  };

  private readonly handleUser = (event: SubmitEvent) => {
    event.preventDefault();
    const session = this.session;
    const value = new FormData(event.target as HTMLFormElement).get('user');
    if (session) void this.run(msg('Switching user…'), () => session.switchUser(value ? String(value) : null));
  };

  private readonly handleSize = (event: SubmitEvent) => {
    event.preventDefault();
    const session = this.session;
    const size = this.size;
    if (session) void this.run(msg(str`Re-seeding ${size.toLocaleString(this.locale)} contacts…`), () => session.reset(size));
  };

  private readonly handleFaults = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const number = (name: string) => Math.max(0, Number(form.get(name)) || 0);
    void this.run('', () =>
      this.session!.setFaults({
        offline: form.get('offline') === 'on',
        latencyMs: number('latencyMs'),
        errorRate: Math.min(100, number('errorRate')) / 100,
        failNext: number('failNext'),
        rateLimit: number('rateLimit'),
        jobStepMs: number('jobStepMs'),
      }),
    );
  };

  private readonly clearFaults = () => {
    void this.run('', () => this.session!.setFaults({ offline: false, latencyMs: 0, errorRate: 0, failNext: 0, rateLimit: 0, jobStepMs: 0 }));
  };

  /** Runs a control; says what it is doing while it runs (a reload follows some) and what failed. */
  private async run(doing: string, action: () => Promise<void>) {
    this.failure = '';
    this.busy = doing;
    try {
      await action();
    } catch (error) {
      this.busy = '';
      this.failure = msg(str`The mock backend refused: ${String(error)}`);
    }
    if (!doing) this.busy = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-qa-panel': DemoQaPanel;
  }
}
