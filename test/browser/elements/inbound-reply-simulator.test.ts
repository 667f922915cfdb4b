// <inbound-reply-simulator>: a reply sent through the mock backend, as the messaging integration
// or as a signed Twilio delivery, and what the backend did, shown and true in the backend's state.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define.js';
import { defineInboundReplySimulator, type InboundReplySimulator } from '../../../src/elements/inbound-reply-simulator/inbound-reply-simulator.js';
import type { OptOutProvider } from '../../../src/elements/optout-provider/optout-provider.js';
import { ContactPreferencesHarness, getByRole, queryAllByRole, textOf, waitFor } from '../../../src/testing/index.js';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { WELL_KNOWN } from '../../../mocks/seed/seed.js';
import { signTwilioRequest } from '../../../mocks/twilio.js';

// Imports run first: define.ts has registered every tag it registers by now.
const definedByDefine = customElements.get('inbound-reply-simulator') !== undefined;
defineInboundReplySimulator();

let mock: BrowserMock;
before(async () => {
  mock = await startBrowserMock({ params: new URLSearchParams('reset=1'), persist: false });
});
after(() => mock.stop());
beforeEach(async () => {
  mock.backend.reset();
  await mock.backend.flush();
});

const AVA = { id: WELL_KNOWN.subscribed, name: 'Ava Tremblay', phone: '+14162030001', email: 'ava.tremblay@example.com' };
const store = () => mock.backend.store;

async function render({ signer = true } = {}) {
  const provider = await fixture<OptOutProvider>(html`<optout-provider api-base="/api">
    <inbound-reply-simulator .contacts=${[AVA]} .twilioSigner=${signer ? signTwilioRequest : undefined}></inbound-reply-simulator>
    <contact-preferences contact-id=${AVA.id}></contact-preferences>
  </optout-provider>`);
  const el = provider.querySelector('inbound-reply-simulator') as InboundReplySimulator;
  const form = await waitFor(() => el.shadowRoot?.querySelector('form'), 'the form');
  const select = (label: string, value: string) => {
    const field = getByRole(el, 'combobox', { name: label }) as HTMLSelectElement;
    field.value = value;
    field.dispatchEvent(new Event('change'));
  };
  const send = async (body: string, via: 'integration' | 'twilio' = 'integration') => {
    select('Contact', AVA.id);
    await el.updateComplete;
    const reply = getByRole(el, 'textbox', { name: 'Reply' }) as HTMLTextAreaElement;
    reply.value = body;
    reply.dispatchEvent(new Event('input'));
    if (via === 'twilio') (getByRole(el, 'radio', { name: 'A signed Twilio delivery' }) as HTMLInputElement).click();
    await el.updateComplete;
    getByRole(el, 'button', { name: 'Send reply' }).click();
    // The previous answer is gone once the send has rendered as pending.
    await el.updateComplete;
    const region = getByRole(el, 'heading', { name: 'What the backend did' }).closest('section')!;
    return waitFor(() => {
      const status = queryAllByRole(region, 'status').map((s) => textOf(s)).find((t) => t !== 'Sending…');
      return status;
    }, 'what the backend did');
  };
  return { el, form, send, provider };
}

describe('inbound-reply-simulator', () => {
  it('is not registered by define, only by defineInboundReplySimulator(), which may run twice', () => {
    expect(definedByDefine).to.equal(false);
    expect(customElements.get('inbound-reply-simulator')).to.not.equal(undefined);
    defineInboundReplySimulator();
  });

  it('sends STOP as the messaging integration: the channels the scope yields, changed for real, and the confirmation', async () => {
    const { el, send, provider } = await render();
    const prefs = await new ContactPreferencesHarness(provider.querySelector('contact-preferences')!).loaded();
    expect(prefs.summary()).to.equal('Can be messaged on 9 of 9 channels');
    expect(await send('STOP')).to.equal('Unsubscribed from Downtown SMS, Airport SMS, and Uptown SMS.');
    const text = textOf(el.shadowRoot!.querySelector('dl'));
    expect(text).to.include('Opt-out');
    expect(text).to.include('Exact keyword');
    expect(text).to.include('Reply START to resubscribe');
    expect(store().currentConsent(AVA.phone, 'ch-airport-sms')?.status).to.equal('unsubscribed');
    // contact-preferences in the same provider fetched Ava again.
    await waitFor(() => prefs.summary() === 'Can be messaged on 6 of 9 channels', 'contact-preferences updated');
  });

  it('sends a signed Twilio delivery: the webhook accepts its signature and applies it once', async () => {
    const { send } = await render();
    expect(await send('STOP ALL', 'twilio')).to.match(/^Unsubscribed from /);
    expect(store().db.audit.filter((e) => e.action === 'inbound-received' && e.destination === AVA.phone)).to.have.length(1);
    expect(store().currentConsent(AVA.email, 'ch-uptown-email')?.status).to.equal('unsubscribed');
  });

  it('without a signer, only the integration path is offered', async () => {
    const { el } = await render({ signer: false });
    expect((getByRole(el, 'radio', { name: 'A signed Twilio delivery' }) as HTMLInputElement).disabled).to.equal(true);
  });

  it('shows HELP answered, a plain-language request queued, and ordinary text left alone', async () => {
    const { send } = await render();
    expect(await send('HELP')).to.equal('The help reply was sent. No channel changed.');
    expect(await send('please stop texting me')).to.match(/^Queued for review \(rv-\d+\)/);
    expect(store().db.reviews.filter((r) => r.status === 'pending')).to.have.length(1);
    expect(await send('see you at 5')).to.equal('Not a keyword or a request to stop: the message reaches the inbox as usual.');
  });

  it('ARRET is answered in French and START re-subscribes what it stopped', async () => {
    const { el, send } = await render();
    await send('ARRET');
    expect(textOf(el.shadowRoot!.querySelector('dl'))).to.include('vous êtes désabonné');
    expect(await send('START')).to.equal('Re-subscribed to Downtown SMS, Airport SMS, and Uptown SMS.');
  });
});
