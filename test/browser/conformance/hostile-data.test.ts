// The hostile-data suite on a safe test-only element, and the same checks catching each kind of
// unsafe element: a suite that cannot fail would pass every element it is run for.
import { expect, html } from '@open-wc/testing';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { HOSTILE_STRINGS, HOSTILE_TRAP } from '../../fixtures/hostile-strings.js';
import './fixture-elements.js';
import { checkHostileString, hostileDataSuite } from './hostile-data.js';

hostileDataSuite('fixture-safe-name', (id) => html`<fixture-safe-name contact-id=${id}></fixture-safe-name>`);

describe('hostile-data suite: what it catches', () => {
  let mock: BrowserMock;
  before(async () => {
    mock = await startBrowserMock({ persist: false, params: new URLSearchParams() });
  });
  after(() => mock?.stop());

  it('has at least 50 strings of every kind the issue names, none twice', () => {
    expect(HOSTILE_STRINGS.length).to.be.at.least(50);
    expect(new Set(HOSTILE_STRINGS.map((s) => s.value)).size).to.equal(HOSTILE_STRINGS.length);
    expect(new Set(HOSTILE_STRINGS.map((s) => s.kind))).to.have.all.keys('markup', 'breakout', 'template', 'url', 'unicode', 'long', 'script-mix', 'look-alike');
    expect(HOSTILE_STRINGS.some((s) => s.value.length >= 10_000)).to.equal(true);
  });

  it('an element that renders the name as markup: the markup becomes elements, and the policy refuses its handler', async () => {
    const findings = await checkHostileString(mock, (id) => html`<fixture-unsafe-html-name contact-id=${id}></fixture-unsafe-html-name>`, `<img src=x onerror=${HOSTILE_TRAP}(2)>`);
    expect(findings).to.include('markup in the data became elements: 1 <img>');
    expect(findings.some((f) => f.startsWith("the page's policy refused what the data tried: script-src-attr"))).to.equal(true, findings.join('\n'));
  });

  it('an element that renders the name as markup fails on every string with a tag in it', async () => {
    const missed: string[] = [];
    // The attribute injections are plain text in an element's content; they break only attributes.
    for (const hostile of HOSTILE_STRINGS.filter((s) => (s.kind === 'markup' || s.kind === 'breakout') && /[<&]/.test(s.value))) {
      const findings = await checkHostileString(mock, (id) => html`<fixture-unsafe-html-name contact-id=${id}></fixture-unsafe-html-name>`, hostile.value);
      if (findings.length === 0) missed.push(hostile.name);
    }
    expect(missed).to.deep.equal([]);
  });

  it('an element whose code runs what the data names: the trap is called', async () => {
    const findings = await checkHostileString(mock, (id) => html`<fixture-evaluating-name contact-id=${id}></fixture-evaluating-name>`, `<svg onload=${HOSTILE_TRAP}(3)>`);
    expect(findings).to.deep.equal([`executed: the payload called ${HOSTILE_TRAP}(3)`]);
  });

  it('an element that makes the data a link: a javascript: URL in href is caught', async () => {
    const findings = await checkHostileString(mock, (id) => html`<fixture-linked-name contact-id=${id}></fixture-linked-name>`, `javascript:${HOSTILE_TRAP}(40)`);
    expect(findings).to.deep.equal(['<a href> takes a script URL from the data']);
  });

  it('an element whose long names do not wrap: wider than the panel', async () => {
    const findings = await checkHostileString(mock, (id) => html`<fixture-nowrap-name contact-id=${id}></fixture-nowrap-name>`, 'A'.repeat(10_000));
    expect(findings).to.have.length(1);
    expect(findings[0]).to.match(/^wider than its 320 px container: \d+ px of content$/);
  });

  it('an element that cuts the name short: not shown as typed', async () => {
    const findings = await checkHostileString(mock, (id) => html`<fixture-truncating-name contact-id=${id}></fixture-truncating-name>`, 'please stop '.repeat(10));
    expect(findings).to.have.length(1);
    expect(findings[0]).to.match(/^not shown as typed: /);
  });
});
