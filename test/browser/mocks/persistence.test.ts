// The browser mock's saves in IndexedDB: a mutation is answered once it is saved, every kind of
// state survives a reload (over a compacted base and the journal since), an older save re-seeds,
// and a failed save is reported once, retried, and loses nothing.
import { expect } from '@open-wc/testing';
import { createStore, set } from 'idb-keyval';
import { HttpOptOutClient, OptOutApiError, waitForBulkJob } from '../../../src/client/index.js';
import { startBrowserMock, type BrowserMock } from '../../../mocks/browser.js';
import { MockPersistence, type PersistenceErrorEvent } from '../../../mocks/persistence.js';
import { WELL_KNOWN, generateSeed } from '../../../mocks/seed/seed.js';
import { DATABASE_VERSION, type MockDatabase } from '../../../mocks/store/types.js';
import { until } from '../helpers/until.js';

const retry = { baseDelayMs: 1, maxDelayMs: 5 };
const client = new HttpOptOutClient({ baseUrl: '/api', retry });
const integration = new HttpOptOutClient({ baseUrl: '/api', token: 'mock:u-integration', retry });
/** Surfaces a 503 at once instead of retrying it. */
const impatient = new HttpOptOutClient({ baseUrl: '/api', retry: { attempts: 0 } });

const AVA = WELL_KNOWN.subscribed;
const LIAM = WELL_KNOWN.partlyUnsubscribed;
const CHARLOTTE = WELL_KNOWN.whatsappExcluded;
const CHARLOTTE_PHONE = '+14162030007';

let mock: BrowserMock | undefined;

/** Starts the mock like a page load with these URL parameters (the previous one saves and stops first). */
async function load(search: string): Promise<BrowserMock> {
  await mock?.stop();
  mock = await startBrowserMock({ params: new URLSearchParams(search) });
  return mock;
}

/** What IndexedDB holds right now, read without flushing or taking over from the running mock. */
async function saved(): Promise<MockDatabase> {
  const db = await new MockPersistence().load({ claim: false });
  if (!db) throw new Error('nothing is saved');
  return db;
}

const consentOf = (db: MockDatabase, destination: string, channelId: string) => db.consent.find((r) => r.destination === destination && r.channelId === channelId);
const canMessage = async (contactId: string, channelId: string) => (await client.getContact(contactId, {})).eligibility.find((e) => e.channelId === channelId)?.canMessage;

async function rejectsUnavailable(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    expect(error).to.be.instanceOf(OptOutApiError);
    expect((error as OptOutApiError).is('unavailable'), String(error)).to.equal(true);
    return;
  }
  expect.fail('the mutation was answered as done although it was not saved');
}

describe('browser mock backend: saving to IndexedDB', () => {
  after(() => mock?.stop());

  it('answers each mutation once it is saved, and a reload keeps every kind of state', async () => {
    await load('reset=1&contacts=40');

    await client.blockContact(AVA, { reason: 'QA' }, {});
    expect((await saved()).contacts.find((c) => c.id === AVA)?.blocked?.reason, 'block').to.equal('QA');

    await client.unsubscribeContact(CHARLOTTE, { channelIds: ['ch-airport-sms'], note: 'Asked at the desk' }, {});
    expect(consentOf(await saved(), CHARLOTTE_PHONE, 'ch-airport-sms')?.source, 'unsubscribe').to.equal('agent');

    await client.resubscribeContact(LIAM, { channelIds: ['ch-downtown-sms'], note: 'Said yes on the phone' }, { ifMatch: (await client.getContact(LIAM, {})).etag });
    expect(consentOf(await saved(), '+14162030002', 'ch-downtown-sms')?.status, 'consent').to.equal('subscribed');

    // Folds everything so far into the base: what follows is saved as journal entries on top of it.
    await mock?.persistence.compact();
    expect(mock?.persistence.journalLength).to.equal(0);

    const stop = await integration.receiveInboundMessage({ channelId: 'ch-downtown-sms', from: CHARLOTTE_PHONE, body: 'STOP' }, {});
    expect(stop.action).to.equal('opted-out');
    const afterStop = await saved();
    expect(consentOf(afterStop, CHARLOTTE_PHONE, 'ch-uptown-sms')?.source, 'inbound STOP under the channel-type scope').to.equal('stop-reply');
    expect(afterStop.messages.some((m) => m.to === CHARLOTTE_PHONE), 'its confirmation').to.equal(true);

    const { etag } = await client.getMessagingSettings({});
    await client.updateMessagingSettings({ optOutScope: 'organization', phrasePolicy: 'apply', customKeywords: { optOut: ['BASTA'], optOutAll: [], optIn: [], help: [] } }, etag, {});
    expect((await saved()).settings.customKeywords.optOut, 'settings').to.deep.equal(['BASTA']);

    const preview = await client.createBulkUnsubscribePreview({ target: { kind: 'filter', filter: { status: ['subscribed'] }, excludedIds: [] }, channelIds: ['ch-downtown-email'] }, {});
    const job = await client.startBulkUnsubscribeJob(preview.id, {});
    expect((await saved()).jobs.map((j) => j.id), 'the bulk job').to.deep.equal([job.id]);
    expect((await waitForBulkJob(client, job.id, { intervalMs: 5 })).status).to.equal('completed');

    const session = await fetch('/__mock/session', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId: 'u-manager' }) });
    expect(session.status).to.equal(200);
    const beforeReload = await saved();
    expect(beforeReload.currentUserId, 'session').to.equal('u-manager');
    expect(mock?.persistence.journalLength).to.be.greaterThan(0);
    const actions = new Set(beforeReload.audit.map((e) => e.action));
    for (const action of ['blocked', 'unsubscribed', 'resubscribed', 'inbound-received', 'settings-changed', 'bulk-job-started'] as const) {
      expect(actions.has(action), `audit: ${action}`).to.equal(true);
    }

    // A new page load: base plus journal, not the seed.
    await load('contacts=40');
    expect((await client.getMe({})).role).to.equal('manager');
    expect((await client.getContact(AVA, {})).contact.blocked?.reason).to.equal('QA');
    expect(await canMessage(CHARLOTTE, 'ch-airport-sms')).to.equal(false);
    expect(await canMessage(CHARLOTTE, 'ch-uptown-sms')).to.equal(false);
    expect(await canMessage(LIAM, 'ch-downtown-sms')).to.equal(true);
    expect((await client.getMessagingSettings({})).settings.phrasePolicy).to.equal('apply');
    const reloadedJob = await waitForBulkJob(client, job.id, { intervalMs: 5 });
    expect(reloadedJob.status).to.equal('completed');
    expect(reloadedJob.changed).to.equal(preview.willChange);
    const audit = await client.listAuditEvents({ limit: 200 }, {});
    expect(audit.items.map((e) => e.id)).to.deep.equal([...beforeReload.audit].reverse().map((e) => e.id));
    const history = await client.listConsentHistory(CHARLOTTE, { limit: 200 }, {});
    expect(history.items.some((e) => e.action === 'unsubscribed' && e.source === 'stop-reply')).to.equal(true);
  });

  it('folds a long journal into the base once idle, and loads the same from it', async () => {
    await mock?.stop();
    mock = await startBrowserMock({ params: new URLSearchParams('reset=1&contacts=40'), persistence: { compactAfterEntries: 3, compactWhenIdleMs: 20 } });
    const { persistence } = mock;
    await persistence.flush();
    for (const id of [AVA, CHARLOTTE, WELL_KNOWN.noPhone, WELL_KNOWN.frenchStop]) await client.blockContact(id, { reason: 'Compaction' }, {});
    await until(() => persistence.journalLength === 0, 'the journal folded into the base');
    const db = await saved();
    expect(db.contacts.filter((c) => c.blocked?.reason === 'Compaction').map((c) => c.id).sort()).to.deep.equal([AVA, CHARLOTTE, WELL_KNOWN.noPhone, WELL_KNOWN.frenchStop].sort());
    await load('contacts=40');
    const blocked = (await client.listContacts({ status: ['blocked'], limit: 200 }, {})).items.map((c) => c.id);
    expect(blocked).to.include.members([AVA, CHARLOTTE, WELL_KNOWN.noPhone, WELL_KNOWN.frenchStop]);
  });

  it('re-seeds over a save in an older format', async () => {
    await load('reset=1&contacts=40');
    await client.blockContact(AVA, { reason: 'QA' }, {});
    await mock?.stop();
    mock = undefined;
    // Version 2 saved the whole database as one value; a later version saved in this one's format.
    const idb = createStore('optout-mock-backend', 'state');
    await set('database', { ...generateSeed({ contacts: 40 }), version: 2 }, idb);
    const { contacts: _contacts, consent: _consent, audit: _audit, ...rest } = generateSeed({ contacts: 40 });
    await set(['base', 'rest'], { ...rest, version: DATABASE_VERSION + 1 }, idb);
    const { persistence } = await load('contacts=40');
    expect((await client.getContact(AVA, {})).contact.blocked).to.equal(null);
    await persistence.flush();
    expect((await saved()).version).to.equal(DATABASE_VERSION);
  });

  it('reports a failed save once, retries it with the next save, and loses none of the changes', async () => {
    const { persistence } = await load('reset=1&contacts=40');
    await persistence.flush();
    const errors: PersistenceErrorEvent[] = [];
    let restored = 0;
    persistence.addEventListener('persistence-error', (event) => errors.push(event as PersistenceErrorEvent));
    persistence.addEventListener('persistence-restored', () => restored++);
    const warnings: unknown[][] = [];
    const warn = console.warn;
    const put = IDBObjectStore.prototype.put;
    const key = crypto.randomUUID();
    console.warn = (...args: unknown[]) => warnings.push(args);
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The disk is full.', 'QuotaExceededError');
    };
    try {
      await rejectsUnavailable(impatient.blockContact(AVA, { reason: 'Spam' }, { idempotencyKey: key }));
      await rejectsUnavailable(impatient.unsubscribeContact(CHARLOTTE, { channelIds: ['ch-airport-sms'] }, {}));
      await rejectsUnavailable(impatient.blockContact(AVA, { reason: 'Spam' }, { idempotencyKey: key }));
    } finally {
      IDBObjectStore.prototype.put = put;
      console.warn = warn;
    }
    expect(errors).to.have.length(1);
    expect((errors[0]?.error as DOMException).name).to.equal('QuotaExceededError');
    expect(warnings.filter(([message]) => String(message).startsWith('Mock backend: saving to IndexedDB failed'))).to.have.length(1);
    expect(persistence.error).to.not.equal(null);
    expect((await saved()).contacts.find((c) => c.id === AVA)?.blocked, 'nothing of it was saved').to.equal(null);

    // The repeat of the failed block answers its first answer, now that it is saved.
    const repeat = await impatient.blockContact(AVA, { reason: 'Spam' }, { idempotencyKey: key });
    expect(repeat.contact.blocked?.reason).to.equal('Spam');
    expect(restored).to.equal(1);
    expect(persistence.error).to.equal(null);
    const afterRetry = await saved();
    expect(afterRetry.contacts.find((c) => c.id === AVA)?.blocked?.reason).to.equal('Spam');
    expect(consentOf(afterRetry, CHARLOTTE_PHONE, 'ch-airport-sms')?.status, 'the other failed change is saved too').to.equal('unsubscribed');
    // Later mutations are saved as before.
    await client.unblockContact(WELL_KNOWN.blocked, {});
    expect((await saved()).contacts.find((c) => c.id === WELL_KNOWN.blocked)?.blocked).to.equal(null);
    expect(errors).to.have.length(1);

    await load('contacts=40');
    expect((await client.getContact(AVA, {})).contact.blocked?.reason).to.equal('Spam');
    expect(await canMessage(CHARLOTTE, 'ch-airport-sms')).to.equal(false);
    expect((await client.getContact(WELL_KNOWN.blocked, {})).contact.blocked).to.equal(null);
    expect((await client.listAuditEvents({ limit: 200 }, {})).items.filter((e) => e.action === 'blocked' && e.contactId === AVA)).to.have.length(1);
  });
});
