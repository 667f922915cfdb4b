// The guard's rewrite of a failed assertion about elements: reported in words, so the runner does
// not hang serializing what a Lit element reaches (readable-failures.ts).
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { readableFailure } from './readable-failures.js';

describe('readableFailure', () => {
  it('describes the elements an assertion compared, and keeps its message', async () => {
    const provider = await fixture(html`<optout-provider api-base="/api"><contact-preferences contact-id="c-1"></contact-preferences></optout-provider>`);
    const el = provider.querySelector('contact-preferences')!;
    await el.updateComplete;
    let caught: unknown;
    try {
      expect(el.shadowRoot!.querySelector('h2')).to.equal(el.shadowRoot!.querySelector('article'));
    } catch (error) {
      caught = error;
    }
    const failure = readableFailure(caught) as { actual: unknown; expected: unknown; message: string };
    expect(failure.actual).to.equal('<h2#title> "Communication preferences"');
    expect(failure.expected).to.match(/^<article> "Communication preferences/);
    expect(failure.message).to.match(/^expected <h2 id="title">/);
  });

  it('leaves other failures as they are', () => {
    const error = Object.assign(new Error('expected 1 to equal 2'), { actual: 1, expected: 2 });
    expect(readableFailure(error)).to.deep.include({ actual: 1, expected: 2 });
  });
});
