// What every optout element must do, run as a suite per element (like Shoelace's shared form
// control tests): say clearly when it is outside a provider, reach a provider defined after it,
// mark its content with its strings' language, abort its requests when disconnected or pointed at
// another contact, throw nothing uncaught, pass axe-core, and trigger no Lit dev-mode warning.
import { expect, fixture, html } from '@open-wc/testing';
import type { AxeResults } from 'axe-core';
import type { OptOutClient } from '../../../src/client/optout-client.js';
import { OptOutProvider } from '../../../src/elements/optout-provider/optout-provider.js';
import { defineElement } from '../../../src/define.js';
import { waitFor } from '../../../src/testing/queries.js';
import { setLocale } from '../../../src/localization/localization.js';

export interface ConformanceOptions {
  /** The element's tag. */
  tag: string;
  /** Two contact ids the element can show; omitted for an element that shows no contact (the contact-id test is then not run). */
  contactIds?: readonly [string, string];
  /** The client method the element calls first for its own content (default `getContact`). */
  firstRequest?: string;
  /**
   * For an element that shows a list instead of one contact: the attribute that says what it
   * shows and two values of it; changing it must abort what the first value asked for.
   */
  subject?: { attribute: string; values: readonly [string, string] };
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
  const { tag, contactIds } = options;
  const first = options.firstRequest ?? 'getContact';
  const make = (contactId: string | undefined) => {
    const el = document.createElement(tag);
    if (contactId !== undefined) el.setAttribute('contact-id', contactId);
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
      const el = make(contactIds?.[0]);
      container.append(el);
      const message = await waitFor(() => el.shadowRoot?.querySelector('[role="alert"]'), 'the no-provider message');
      expect(message.textContent ?? '').to.match(options.noProviderMessage);
    });

    it('marks what it shows with the language of its strings, so a French element on an English page is read as French', async () => {
      const container = await fixture<HTMLElement>(html`<div></div>`);
      const el = make(contactIds?.[0]);
      container.append(el);
      const base = await waitFor(() => el.shadowRoot?.querySelector('[part~="base"]'), 'the base part');
      expect(base.getAttribute('lang')).to.equal('en');
      try {
        await setLocale('fr-CA');
        await waitFor(() => el.shadowRoot?.querySelector('[part~="base"]')?.getAttribute('lang') === 'fr-CA', 'lang="fr-CA" on the base part');
        expect(el.shadowRoot?.querySelector('[role="alert"]')?.matches(':lang(fr)'), 'the message inside is French').to.equal(true);
      } finally {
        await setLocale('en');
      }
    });

    it('reaches a provider defined after it', async () => {
      const { client, calls } = pendingClient();
      const lateName = `late-provider-${++lateTag}`;
      const container = await fixture<HTMLElement>(html`<div></div>`);
      const provider = document.createElement(lateName) as OptOutProvider;
      provider.client = client;
      const el = make(contactIds?.[0]);
      provider.append(el);
      container.append(provider);
      await waitFor(() => el.shadowRoot?.querySelector('[role="alert"]'), 'the no-provider message before the provider is defined');
      defineElement(lateName, class extends OptOutProvider {});
      await waitFor(() => calls.some((c) => c.method === first), 'a request through the late provider');
      await waitFor(() => !el.shadowRoot?.textContent?.match(options.noProviderMessage), 'the no-provider message gone');
    });

    it('aborts its requests when disconnected', async () => {
      const { client, calls } = pendingClient();
      const provider = await fixture<OptOutProvider>(html`<optout-provider .client=${client}></optout-provider>`);
      // What the provider asked for itself comes before the element is inside it.
      const providers = calls.length;
      const el = make(contactIds?.[0]);
      provider.append(el);
      await waitFor(() => calls.slice(providers).some((c) => c.method === first), 'the element’s own content requested');
      const own = calls.slice(providers);
      expect(own.length).to.be.greaterThan(0);
      el.remove();
      await waitFor(() => own.every((c) => c.signal?.aborted), 'every request of the element aborted');
    });

    if (contactIds) {
      const ids = contactIds;
      it('aborts its requests when the contact id changes', async () => {
        const { client, calls } = pendingClient();
        const provider = await fixture<OptOutProvider>(html`<optout-provider .client=${client}></optout-provider>`);
        const el = make(ids[0]);
        provider.append(el);
        await waitFor(() => calls.some((c) => c.method === 'getContact'), 'the first contact requested');
        const forFirst = calls.filter((c) => c.args[0] === ids[0]);
        el.setAttribute('contact-id', ids[1]);
        await waitFor(() => calls.some((c) => c.method === 'getContact' && c.args[0] === ids[1]), 'the second contact requested');
        await waitFor(() => forFirst.every((c) => c.signal?.aborted), "every request for the first contact aborted");
      });
    }

    if (options.subject) {
      const { attribute, values } = options.subject;
      it(`aborts its requests when ${attribute} changes`, async () => {
        const { client, calls } = pendingClient();
        const provider = await fixture<OptOutProvider>(html`<optout-provider .client=${client}></optout-provider>`);
        const el = make(contactIds?.[0]);
        el.setAttribute(attribute, values[0]);
        provider.append(el);
        await waitFor(() => calls.some((c) => c.method === first), 'the first list requested');
        const forFirst = calls.filter((c) => c.method === first);
        const before = calls.length;
        el.setAttribute(attribute, values[1]);
        await waitFor(() => calls.slice(before).some((c) => c.method === first), 'the second list requested');
        await waitFor(() => forFirst.every((c) => c.signal?.aborted), 'every request for the first list aborted');
      });
    }

    it('passes axe-core with its content shown', async () => {
      const axe = await loadAxe();
      const provider = await fixture<OptOutProvider>(html`<optout-provider api-base="/api"></optout-provider>`);
      const el = make(contactIds?.[0]);
      provider.append(el);
      await options.settled(el);
      const results = await axe.run(el);
      const violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(violations).to.deep.equal([]);
    });
  });
}
