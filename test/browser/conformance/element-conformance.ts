// What every optout element must do, run as a suite per element (like Shoelace's shared form
// control tests): say clearly when it is outside a provider, reach a provider defined after it,
// abort its requests when disconnected or pointed at another contact, throw nothing uncaught,
// pass axe-core, and trigger no Lit dev-mode warning.
import { expect, fixture, html } from '@open-wc/testing';
import type { AxeResults } from 'axe-core';
import type { OptOutClient } from '../../../src/client/optout-client.js';
import { OptOutProvider } from '../../../src/elements/optout-provider/optout-provider.js';
import { defineElement } from '../../../src/define.js';
import { waitFor } from '../../../src/testing/queries.js';

export interface ConformanceOptions {
  /** The element's tag. */
  tag: string;
  /** Two contact ids the element can show (set as `contact-id`), unless `subject` says otherwise. */
  contactIds: readonly [string, string];
  /**
   * For an element that shows something other than one contact (a list): the attribute that says
   * what it shows, two values of it, and the client method that fetches it. Default: `contact-id`
   * with `contactIds`, fetched by `getContact`.
   */
  subject?: { attribute: string; values: readonly [string, string]; method: string };
  /** The text (or part of it) of the element's message when it has no provider. */
  noProviderMessage: RegExp;
  /** Waits until an element against the real mock backend shows its content. */
  settled(element: HTMLElement): Promise<void>;
}

interface Call {
  method: string;
  args: unknown[];
  signal: AbortSignal | undefined;
}

/** A client whose every call waits forever (until aborted), recording what was asked and its signal. */
function pendingClient(): { client: OptOutClient; calls: Call[] } {
  const calls: Call[] = [];
  const client = new Proxy({} as OptOutClient, {
    get: (_target, method) => {
      // Only method names: Lit probes values for `_$litDirective$` and friends, and `then` makes a thenable.
      if (typeof method !== 'string' || method.startsWith('_') || method === 'then') return undefined;
      return (...args: unknown[]) => {
        const options = args.at(-1) as { signal?: AbortSignal } | undefined;
        const signal = options?.signal;
        calls.push({ method, args, signal });
        return new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        });
      };
    },
  });
  return { client, calls };
}

async function loadAxe(): Promise<{ run(context: Element, options?: object): Promise<AxeResults> }> {
  // axe-core's browser build registers itself on window.
  // @ts-expect-error the browser build ships no module types of its own
  await import('axe-core/axe.min.js');
  return (window as unknown as { axe: { run(context: Element, options?: object): Promise<AxeResults> } }).axe;
}

let lateTag = 0;

export function runElementConformance(options: ConformanceOptions): void {
  const { tag } = options;
  const subject = options.subject ?? { attribute: 'contact-id', values: options.contactIds, method: 'getContact' };
  const contactIds = subject.values;
  const make = (value: string) => {
    const el = document.createElement(tag);
    el.setAttribute(subject.attribute, value);
    return el;
  };

  describe(`${tag}: conformance`, () => {
    const uncaught: unknown[] = [];
    const warnings: string[] = [];
    const onError = (e: ErrorEvent) => uncaught.push(e.error ?? e.message);
    const onRejection = (e: PromiseRejectionEvent) => uncaught.push(e.reason);
    let originalWarn: typeof console.warn;

    beforeEach(() => {
      uncaught.length = 0;
      warnings.length = 0;
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
      originalWarn = console.warn;
      console.warn = (...args: unknown[]) => {
        warnings.push(args.map(String).join(' '));
        originalWarn.apply(console, args);
      };
    });

    afterEach(async () => {
      // Let rejections of the test's last turn surface before judging.
      await new Promise((resolve) => setTimeout(resolve, 0));
      console.warn = originalWarn;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      expect(uncaught.map(String), 'uncaught errors').to.deep.equal([]);
      // Lit announces dev mode once at load; any other warning (change-in-update, a missing
      // attribute converter, several Lit versions…) is a defect.
      expect(warnings.filter((w) => !/Lit is in dev mode/.test(w)), 'Lit dev-mode warnings').to.deep.equal([]);
    });

    it('says clearly that it needs a provider when it has none', async () => {
      const container = await fixture<HTMLElement>(html`<div></div>`);
      const el = make(contactIds[0]);
      container.append(el);
      const message = await waitFor(() => el.shadowRoot?.querySelector('[role="alert"]'), 'the no-provider message');
      expect(message.textContent ?? '').to.match(options.noProviderMessage);
    });

    it('reaches a provider defined after it', async () => {
      const { client, calls } = pendingClient();
      const lateName = `late-provider-${++lateTag}`;
      const container = await fixture<HTMLElement>(html`<div></div>`);
      const provider = document.createElement(lateName) as OptOutProvider;
      provider.client = client;
      const el = make(contactIds[0]);
      provider.append(el);
      container.append(provider);
      await waitFor(() => el.shadowRoot?.querySelector('[role="alert"]'), 'the no-provider message before the provider is defined');
      defineElement(lateName, class extends OptOutProvider {});
      await waitFor(() => calls.some((c) => c.method === subject.method), 'a request through the late provider');
      await waitFor(() => !el.shadowRoot?.textContent?.match(options.noProviderMessage), 'the no-provider message gone');
    });

    it('aborts its requests when disconnected', async () => {
      const { client, calls } = pendingClient();
      const provider = await fixture<OptOutProvider>(html`<optout-provider .client=${client}></optout-provider>`);
      const el = make(contactIds[0]);
      provider.append(el);
      await waitFor(() => calls.some((c) => c.method === subject.method), 'the contact requested');
      const own = calls.filter((c) => c.method !== 'getMe' && c.method !== 'getOrganization' && c.method !== 'getMessagingSettings');
      expect(own.length).to.be.greaterThan(0);
      el.remove();
      await waitFor(() => own.every((c) => c.signal?.aborted), 'every request of the element aborted');
    });

    it(`aborts its requests when ${subject.attribute} changes`, async () => {
      const { client, calls } = pendingClient();
      const provider = await fixture<OptOutProvider>(html`<optout-provider .client=${client}></optout-provider>`);
      const el = make(contactIds[0]);
      provider.append(el);
      await waitFor(() => calls.some((c) => c.method === subject.method), 'the first contact requested');
      // A contact's requests carry its id first; a list's are every fetch made before the change.
      const first = options.subject ? calls.filter((c) => c.method === subject.method) : calls.filter((c) => c.args[0] === contactIds[0]);
      const before = calls.length;
      el.setAttribute(subject.attribute, contactIds[1]);
      await waitFor(() => calls.slice(before).some((c) => c.method === subject.method && (options.subject !== undefined || c.args[0] === contactIds[1])), 'the second contact requested');
      await waitFor(() => first.every((c) => c.signal?.aborted), "every request for the first contact aborted");
    });

    it('passes axe-core with its content shown', async () => {
      const axe = await loadAxe();
      const provider = await fixture<OptOutProvider>(html`<optout-provider api-base="/api"></optout-provider>`);
      const el = make(contactIds[0]);
      provider.append(el);
      await options.settled(el);
      const results = await axe.run(el);
      const violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(violations).to.deep.equal([]);
    });
  });
}
