import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { setLocale } from '../../../src/localization/localization.js';
import { TEXT_LIMITS } from '../../../src/engine/limits.js';
import { sampleChannels, sampleLocations } from '../../../mocks/fixtures/sample-organization.js';
import type { InboundReplyPlayground } from '../../../src/elements/inbound-reply-playground/inbound-reply-playground.js';
import { click, getByRole, press, queryAllByRole, queryByRole, textOf, type } from '../helpers/queries.js';
import { until } from '../helpers/until.js';

async function renderPlayground(attrs: { reply?: string; scope?: string } = {}) {
  return fixture<InboundReplyPlayground>(html`<inbound-reply-playground
    .channels=${sampleChannels}
    .locations=${sampleLocations}
    reply=${attrs.reply ?? 'STOP'}
    scope=${attrs.scope ?? 'channel'}
  ></inbound-reply-playground>`);
}

const status = (el: Element) => textOf(getByRole(el, 'status'));

function affectedItems(el: Element): string[] {
  const list = queryByRole(el, 'list');
  return list ? queryAllByRole(list, 'listitem').map((li) => textOf(li)) : [];
}

describe('inbound-reply-playground', () => {
  afterEach(() => setLocale('en'));

  it('classifies STOP on the messaged channel only under the channel scope', async () => {
    const el = await renderPlayground();
    expect(status(el)).to.equal('Unsubscribes the contact from 1 channel.');
    expect(affectedItems(el)).to.deep.equal(['Downtown SMS']);
    expect(textOf(el.shadowRoot?.querySelector('[part="explanation"]'))).to.match(/^If a contact replies STOP to Downtown SMS, they are unsubscribed from Downtown SMS only/);
  });

  it('widens to every SMS channel when the admin picks the channel-type scope', async () => {
    const el = await renderPlayground();
    await click(getByRole(el, 'radio', { name: 'All channels of the same type' }));
    await until(() => affectedItems(el).length === 3, 'three SMS channels listed');
    expect(affectedItems(el)).to.deep.equal(['Downtown SMS', 'Airport SMS', 'Uptown SMS']);
    expect(status(el)).to.equal('Unsubscribes the contact from 3 channels.');
  });

  it('treats STOP ALL as organization-wide whatever the scope', async () => {
    const el = await renderPlayground({ reply: 'STOP ALL' });
    expect(getByRole(el, 'radio', { name: 'Only the channel messaged' })).to.have.property('checked', true);
    expect(affectedItems(el)).to.have.length(sampleChannels.length);
  });

  it('recomputes as the agent types, and leaves ordinary messages alone', async () => {
    const el = await renderPlayground({ reply: '' });
    await type(getByRole(el, 'textbox', { name: 'Reply' }), 'can you stop by at 5?');
    await until(() => /reaches the inbox as usual/.test(status(el)), 'ordinary-message summary');
    expect(affectedItems(el)).to.deep.equal([]);
  });

  it('queues a plain-language request for review by default and applies it when told to', async () => {
    const el = await renderPlayground({ reply: 'please stop texting me' });
    expect(status(el)).to.contain('Queued for review');
    await click(getByRole(el, 'radio', { name: 'Apply at once' }));
    await until(() => status(el).startsWith('Unsubscribes'), 'applied summary');
  });

  it('follows the channel the reply arrived on', async () => {
    const el = await renderPlayground();
    const channel = getByRole(el, 'combobox', { name: 'Channel' }) as HTMLSelectElement;
    channel.focus();
    // Keyboard: the last option of a native select is reached with End.
    await press('End');
    await until(() => affectedItems(el)[0] === 'Uptown Email', 'Uptown Email affected');
  });

  it('fills the reply from a sample button, by keyboard', async () => {
    const el = await renderPlayground({ reply: '' });
    getByRole(el, 'button', { name: 'HELP' }).focus();
    await press('Enter');
    await until(() => /help reply/.test(status(el)), 'help summary');
    expect((getByRole(el, 'textbox', { name: 'Reply' }) as HTMLTextAreaElement).value).to.equal('HELP');
  });

  it('says so when the organization has no channels', async () => {
    const el = await fixture<InboundReplyPlayground>(html`<inbound-reply-playground></inbound-reply-playground>`);
    expect(status(el)).to.contain('no channels');
  });

  it('renders in Canadian French', async () => {
    await setLocale('fr-CA');
    const el = await renderPlayground();
    await until(() => queryByRole(el, 'combobox', { name: 'Canal' }) !== null, 'French channel label');
    expect(status(el)).to.equal('Désabonne le contact de 1 canal.');
    await click(getByRole(el, 'radio', { name: 'Tous les canaux du même type' }));
    await until(() => status(el) === 'Désabonne le contact de 3 canaux.', 'French plural');
  });

  it('says the reply’s length and the limit before it is reached, and stops typing at the limit', async () => {
    const el = await renderPlayground({ reply: 'STOP' });
    const reply = getByRole(el, 'textbox', { name: 'Reply' }) as HTMLTextAreaElement;
    expect(reply.maxLength).to.equal(TEXT_LIMITS.inboundBody);
    const length = () => textOf(el.shadowRoot?.getElementById(reply.getAttribute('aria-describedby') ?? ''));
    expect(length()).to.equal('4 / 10,000 characters');
    await type(reply, ' please');
    await until(() => length() === '11 / 10,000 characters', 'the length to follow the typing');
    el.reply = 'x'.repeat(TEXT_LIMITS.inboundBody - 1);
    await el.updateComplete;
    await type(reply, 'ab');
    await until(() => length() === '10,000 / 10,000 characters', 'typing to stop at the limit');
    expect(reply.value).to.have.length(TEXT_LIMITS.inboundBody);
  });

  it('says when a reply set by the host is longer than an inbound message can be', async () => {
    const el = await renderPlayground({ reply: 'x'.repeat(TEXT_LIMITS.inboundBody + 1) });
    expect(textOf(el.shadowRoot?.getElementById('reply-length'))).to.equal('10,001 / 10,000 characters: longer than an inbound message can be');
  });

  it('says the length in Canadian French, with French digit grouping', async () => {
    await setLocale('fr-CA');
    const el = await renderPlayground({ reply: 'x'.repeat(1234) });
    await until(() => /caractères$/.test(textOf(el.shadowRoot?.getElementById('reply-length'))), 'French length');
    // fr-CA groups digits with a (narrow) no-break space, which textOf collapses like any space.
    expect(textOf(el.shadowRoot?.getElementById('reply-length'))).to.equal('1 234 / 10 000 caractères');
  });

  it('is accessible', async () => {
    const el = await renderPlayground({ reply: 'STOP ALL' });
    await expect(el).to.be.accessible();
  });
});
