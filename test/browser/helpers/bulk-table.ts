// A <bulk-unsubscribe-table> in its own provider against the mock backend, loaded: for the test
// files that need a page of their own (what a page has already loaded is what they test).
import { fixture, html } from '@open-wc/testing';
import type { OptOutProvider } from '../../../src/elements/optout-provider/optout-provider.js';
import { BulkUnsubscribeTableHarness } from '../../../src/testing/index.js';

export async function renderBulkTable(): Promise<{ el: HTMLElement; harness: BulkUnsubscribeTableHarness }> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const provider = document.createElement('optout-provider') as OptOutProvider;
  provider.setAttribute('api-base', '/api');
  const el = document.createElement('bulk-unsubscribe-table');
  provider.append(el);
  container.append(provider);
  return { el, harness: await new BulkUnsubscribeTableHarness(el).loaded() };
}
