// Hostile data, for every element that shows a contact: `hostileDataSuite(name, render)` seeds the
// mock backend with a contact whose every free-text field (name, tag, notes, block reason,
// keyword, inbound text, a review's body) holds one string of test/fixtures/hostile-strings.ts,
// renders the element on that contact in a 320 px side panel, and fails unless:
// - nothing executes: the payloads' global trap is never called, the page's policy refuses
//   nothing, no markup of the data becomes elements, no URL attribute takes a script scheme;
// - the text shows as typed (the exact characters reach the page's text);
// - the layout is bounded: nothing is wider than the panel;
// - nothing throws.
// Each element's tests add one line: `hostileDataSuite('contact-card', (id) => html`…`)`.
import { executeServerCommand } from '@web/test-runner-commands';
import { render, type TemplateResult } from 'lit';
import { MockBackend } from '../../../mocks/backend.js';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { WELL_KNOWN, generateSeed } from '../../../mocks/seed/seed.js';
import type { MockDatabase } from '../../../mocks/store/types.js';
import { HOSTILE_STRINGS, HOSTILE_TRAP } from '../../fixtures/hostile-strings.js';
import { describeViolation, takeViolations } from '../helpers/policy-guard.js';
import { until } from '../helpers/until.js';

/** The contact whose fields hold the hostile string: Liam, who has a STOP record and its audit events. */
export const HOSTILE_CONTACT_ID = WELL_KNOWN.partlyUnsubscribed;

/** Renders the element under test on a contact of the mock backend. */
export type RenderOnContact = (contactId: string) => TemplateResult;

export interface HostileDataOptions {
  /** The side panel's width, in CSS pixels (default 320: the narrowest host the design serves). */
  width?: number;
  /** Puts `value` where an element that shows no contact shows it (e.g. the settings' keywords). */
  prepare?: (db: MockDatabase, value: string) => void;
  /** Whether the element shows all it will, beyond its requests and updates (a part loaded on demand). */
  shown?: (container: HTMLElement) => boolean;
}

function preparedDatabase(value: string, options: HostileDataOptions): MockDatabase {
  const db = hostileDatabase(value);
  options.prepare?.(db, value);
  return db;
}

/** The seed, with every free-text field of one contact (and its history) set to `value`. */
export function hostileDatabase(value: string): MockDatabase {
  const db = generateSeed({ contacts: 12 });
  const contact = db.contacts.find((c) => c.id === HOSTILE_CONTACT_ID);
  if (!contact) throw new Error(`The seed has no ${HOSTILE_CONTACT_ID}`);
  const now = new Date().toISOString();
  contact.name = value;
  contact.tags = [value];
  contact.blocked = { blockedBy: { type: 'user', id: 'u-manager' }, blockedAt: now, reason: value };
  const destinations = new Set(contact.destinations.map((d) => d.value));
  for (const record of db.consent.filter((r) => destinations.has(r.destination))) Object.assign(record, { note: value, keyword: value });
  for (const event of db.audit.filter((e) => e.contactId === contact.id)) Object.assign(event, { note: value, keyword: value, inboundText: value });
  const phone = contact.destinations.find((d) => d.kind === 'phone')?.value ?? '';
  db.reviews.push({
    id: 'r-hostile',
    contactId: contact.id,
    destination: phone,
    channelId: 'ch-downtown-sms',
    body: value,
    receivedAt: now,
    // Far from due, so the backend never applies it on its own during a test.
    dueAt: new Date(Date.now() + 60 * 86_400_000).toISOString(),
    timeZone: 'America/Toronto',
    status: 'pending',
    affectedChannelIds: ['ch-downtown-sms'],
    scope: 'channel',
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
  });
  return db;
}

/** Tags that markup in the data would create; an element's own template may hold none of them more than its benign render does. */
const MARKUP_TAGS = ['script', 'img', 'svg', 'iframe', 'object', 'embed', 'style', 'link', 'meta', 'base', 'form', 'math', 'video', 'audio', 'source', 'details', 'body', 'b', 'i', 'table', 'mglyph'];
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc'];

/** Every element under `root`, through shadow roots. */
export function* composedElements(root: Element | ShadowRoot): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* composedElements(el.shadowRoot);
  }
}

/** The text a person can read, through shadow roots and slots (light DOM not slotted is not shown). */
function composedText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof HTMLSlotElement) {
    const assigned = node.assignedNodes({ flatten: true });
    return (assigned.length > 0 ? assigned : [...node.childNodes]).map(composedText).join('');
  }
  if (node instanceof HTMLTextAreaElement || node instanceof HTMLInputElement) return node.value;
  const children = node instanceof Element && node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
  return [...children].map(composedText).join('');
}

function tagCounts(root: Element): Map<string, number> {
  const counts = new Map<string, number>();
  for (const el of composedElements(root)) {
    const tag = el.localName;
    if (MARKUP_TAGS.includes(tag)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return counts;
}

interface Rendered {
  container: HTMLElement;
  errors: string[];
  calls: unknown[];
}

/** The side panel an element is rendered in, with what watches it; `unmount` undoes it all. */
class Panel {
  readonly container = document.createElement('div');
  readonly errors: string[] = [];
  readonly calls: unknown[] = [];
  /** Requests started whose body has not all arrived (the client resolves `fetch` per call). */
  inFlight = 0;
  private readonly fetch = globalThis.fetch;
  private readonly onError = (event: ErrorEvent) => this.errors.push(event.message);
  private readonly onRejection = (event: PromiseRejectionEvent) => this.errors.push(String(event.reason));

  constructor(width: number) {
    // A scroll container, so anything wider than the panel shows in its scrollWidth.
    this.container.style.cssText = `width: ${width}px; overflow: auto; contain: layout;`;
    (globalThis as Record<string, unknown>)[HOSTILE_TRAP] = (id: unknown) => this.calls.push(id);
    const original = this.fetch;
    globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
      this.inFlight++;
      let response: Response;
      try {
        response = await original(...args);
      } catch (error) {
        this.inFlight--;
        throw error;
      }
      // fetch resolves on the headers; a long body arrives over several tasks after them.
      void response
        .clone()
        .arrayBuffer()
        .catch(() => undefined)
        .finally(() => this.inFlight--);
      return response;
    };
    window.addEventListener('error', this.onError);
    window.addEventListener('unhandledrejection', this.onRejection);
    document.body.append(this.container);
  }

  unmount() {
    render(null, this.container);
    this.container.remove();
    globalThis.fetch = this.fetch;
    window.removeEventListener('error', this.onError);
    window.removeEventListener('unhandledrejection', this.onRejection);
    delete (globalThis as Record<string, unknown>)[HOSTILE_TRAP];
  }
}

/**
 * Renders `template` on the mock backend holding `db` and waits until it has settled: every
 * request answered, every Lit element done updating and every image loaded or failed, on two
 * animation frames in a row.
 */
async function renderSettled(mock: BrowserMock, db: MockDatabase, template: TemplateResult, width: number, shown: (container: HTMLElement) => boolean = () => true): Promise<Rendered & { unmount(): void }> {
  mock.worker.resetHandlers(...new MockBackend({ database: db }).handlers);
  const panel = new Panel(width);
  try {
    render(template, panel.container);
    let quiet = 0;
    await until(async () => {
      const elements = [...composedElements(panel.container)];
      const updates = elements.filter((el): el is Element & { updateComplete: Promise<boolean> } => 'updateComplete' in el).map((el) => el.updateComplete);
      // updateComplete resolves to false when another update was requested meanwhile.
      const done = (await Promise.all(updates)).every(Boolean);
      // A broken image's error handler runs when it has failed: only then can the policy refuse it.
      const loaded = elements.every((el) => !(el instanceof HTMLImageElement) || el.complete);
      quiet = done && loaded && panel.inFlight === 0 && shown(panel.container) ? quiet + 1 : 0;
      return quiet >= 2;
    }, 'the element to finish its requests, updates and images');
  } catch (error) {
    panel.unmount();
    throw error;
  }
  return { container: panel.container, errors: panel.errors, calls: panel.calls, unmount: () => panel.unmount() };
}

/** What went wrong when the element showed `value`; empty when it held. */
export async function checkHostileString(mock: BrowserMock, renderOnContact: RenderOnContact, value: string, options: HostileDataOptions = {}): Promise<string[]> {
  const width = options.width ?? 320;
  const findings: string[] = [];
  await takeViolations();
  const baseline = await renderSettled(mock, preparedDatabase('Ava Tremblay', options), renderOnContact(HOSTILE_CONTACT_ID), width, options.shown);
  const expectedTags = tagCounts(baseline.container);
  baseline.unmount();

  const shown = await renderSettled(mock, preparedDatabase(value, options), renderOnContact(HOSTILE_CONTACT_ID), width, options.shown);
  try {
    if (shown.calls.length > 0) findings.push(`executed: the payload called ${HOSTILE_TRAP}(${shown.calls.join(', ')})`);
    for (const violation of await takeViolations()) findings.push(`the page's policy refused what the data tried: ${describeViolation(violation)}`);
    for (const [tag, count] of tagCounts(shown.container)) {
      const extra = count - (expectedTags.get(tag) ?? 0);
      if (extra > 0) findings.push(`markup in the data became elements: ${extra} <${tag}>`);
    }
    for (const el of composedElements(shown.container)) {
      for (const name of URL_ATTRIBUTES) {
        const url = el.getAttribute(name);
        if (url && /^\s*(?:javascript|data|vbscript):/i.test(url.replace(/[\t\n\r]/g, ''))) findings.push(`<${el.localName} ${name}> takes a script URL from the data`);
      }
    }
    const text = composedText(shown.container);
    const typed = value.trim() || value;
    const excerpt = (s: string) => `${JSON.stringify(s.slice(0, 60))}${s.length > 60 ? '…' : ''}`;
    if (!text.includes(typed)) findings.push(`not shown as typed: ${excerpt(typed)} is not in the element's text (${excerpt(text.trim())})`);
    const { container } = shown;
    if (container.scrollWidth > container.clientWidth) findings.push(`wider than its ${width} px container: ${container.scrollWidth} px of content`);
    for (const error of shown.errors) findings.push(`threw: ${error}`);
  } finally {
    shown.unmount();
  }
  return findings;
}

/**
 * One test per hostile string for the element `render` draws on a contact. Every element issue
 * adds one line calling this for its element.
 */
export function hostileDataSuite(name: string, renderOnContact: RenderOnContact, options: HostileDataOptions = {}): void {
  describe(`${name}: hostile data`, () => {
    let mock: BrowserMock;
    const figures = { hostileStringsTried: 0, executions: 0, cspViolations: 0 };
    before(async () => {
      mock = await startBrowserMock({ persist: false, params: new URLSearchParams() });
    });
    after(async () => {
      await mock?.stop();
      await executeServerCommand('guardrail-figures', figures);
    });
    for (const hostile of HOSTILE_STRINGS) {
      it(`${hostile.kind}: ${hostile.name}`, async () => {
        const findings = await checkHostileString(mock, renderOnContact, hostile.value, options);
        figures.hostileStringsTried++;
        figures.executions += findings.filter((f) => f.startsWith('executed')).length;
        figures.cspViolations += findings.filter((f) => f.startsWith("the page's policy")).length;
        if (findings.length > 0) throw new Error(findings.join('\n'));
      });
    }
  });
}
