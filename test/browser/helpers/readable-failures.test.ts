// The guard's rewrite of a failed assertion about elements: reported in words, so the runner does
// not hang serializing all that a Lit element reaches (readable-failures.ts).
import { expect, fixture, html } from '@open-wc/testing';
import { readableFailure } from './readable-failures.js';

/** The error `assertion` throws. */
function failureOf(assertion: () => void): { actual: unknown; expected: unknown; message: string } {
  try {
    assertion();
  } catch (error) {
    return readableFailure(error) as { actual: unknown; expected: unknown; message: string };
  }
  throw new Error('the assertion passed');
}

describe('readableFailure', () => {
  it('describes the elements an assertion compared, with the shadow root they are in, and keeps its message', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const heading = Object.assign(document.createElement('h2'), { id: 'title', textContent: 'Communication preferences' });
    const button = Object.assign(document.createElement('button'), { textContent: '✕' });
    button.setAttribute('aria-label', 'Close');
    root.append(heading, button);
    const failure = failureOf(() => expect(root.querySelector('h2')).to.equal(root.querySelector('button')));
    expect(failure.actual).to.equal('<h2#title> "Communication preferences" in <div>');
    expect(failure.expected).to.equal('<button> "Close" in <div>');
    expect(failure.message).to.match(/^expected <h2 id="title">/);
  });

  it('describes elements in an array or a plain object', async () => {
    const list = await fixture<HTMLElement>(html`<ul><li>One</li><li>Two</li></ul>`);
    const items = [...list.querySelectorAll('li')];
    expect(failureOf(() => expect(items).to.deep.equal([])).actual).to.deep.equal(['<li> "One"', '<li> "Two"']);
    expect(failureOf(() => expect({ first: items[0] }).to.deep.equal({})).actual).to.deep.equal({ first: '<li> "One"' });
  });

  it('leaves other failures as they are', () => {
    const failure = failureOf(() => expect([1, { a: 2 }]).to.deep.equal([1]));
    expect(failure.actual).to.deep.equal([1, { a: 2 }]);
    expect(failure.expected).to.deep.equal([1]);
  });
});
