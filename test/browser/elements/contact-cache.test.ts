// The provider's one contact cache, over a scripted client: one request per contact however many
// elements ask, aborted only when every asker is gone, and never a stale read over a newer write.
import { expect } from '@open-wc/testing';
import type { OptOutClient } from '../../../src/client/optout-client.js';
import type { ContactDetail } from '../../../src/client/types.js';
import { ClientContactCache } from '../../../src/elements/optout-provider/contact-cache.js';

interface Pending {
  contactId: string;
  signal: AbortSignal;
  resolve(detail: ContactDetail): void;
}

function detail(id: string, name: string): ContactDetail {
  return {
    contact: { id, name, destinations: [], blocked: null, excludedChannelTypes: [], tags: [], locationIds: [] },
    eligibility: [],
    consent: [],
    pendingReviews: [],
    etag: `"${id}-v1"`,
  };
}

function scriptedClient() {
  const pending: Pending[] = [];
  const client = {
    getContact: (contactId: string, { signal }: { signal: AbortSignal }) =>
      new Promise<ContactDetail>((resolve, reject) => {
        pending.push({ contactId, signal, resolve });
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
  } as unknown as OptOutClient;
  return { client, pending };
}

const aborted = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: unknown) => (e as Error).name);

describe('ClientContactCache', () => {
  it('sends one request for concurrent readers and answers both', async () => {
    const { client, pending } = scriptedClient();
    const cache = new ClientContactCache(client);
    const a = cache.getContact('c-1', {});
    const b = cache.getContact('c-1', {});
    expect(pending).to.have.length(1);
    pending[0]!.resolve(detail('c-1', 'Ava'));
    expect((await a).contact.name).to.equal('Ava');
    expect((await b).contact.name).to.equal('Ava');
    expect((await cache.getContact('c-1', {})).contact.name).to.equal('Ava');
    expect(pending).to.have.length(1);
  });

  it('aborts the shared request only when every reader aborted', async () => {
    const { client, pending } = scriptedClient();
    const cache = new ClientContactCache(client);
    const one = new AbortController();
    const two = new AbortController();
    const a = cache.getContact('c-1', { signal: one.signal });
    const b = cache.getContact('c-1', { signal: two.signal });
    one.abort();
    expect(await aborted(a)).to.equal('AbortError');
    expect(pending[0]!.signal.aborted).to.equal(false);
    two.abort();
    expect(await aborted(b)).to.equal('AbortError');
    expect(pending[0]!.signal.aborted).to.equal(true);
  });

  it('gives a reader arriving right after the last abort a request of its own', async () => {
    const { client, pending } = scriptedClient();
    const cache = new ClientContactCache(client);
    const first = new AbortController();
    void aborted(cache.getContact('c-1', { signal: first.signal }));
    first.abort();
    const next = cache.getContact('c-1', {});
    expect(pending).to.have.length(2);
    pending[1]!.resolve(detail('c-1', 'Ava'));
    expect((await next).contact.name).to.equal('Ava');
  });

  it('keeps a write made while a read was in flight, and tells listeners', async () => {
    const { client, pending } = scriptedClient();
    const cache = new ClientContactCache(client);
    const changes: (string | null)[] = [];
    cache.subscribe(({ contactId }) => changes.push(contactId));
    const read = cache.getContact('c-1', {});
    const before = cache.versionOf('c-1');
    cache.putContact(detail('c-1', 'After the write'));
    expect(cache.versionOf('c-1')).to.not.equal(before);
    pending[0]!.resolve(detail('c-1', 'Before the write'));
    expect((await read).contact.name).to.equal('After the write');
    expect(cache.peekContact('c-1')?.contact.name).to.equal('After the write');
    expect(changes).to.deep.equal(['c-1']);
  });

  it('fetches again after a revalidation, keeping the old value meanwhile', async () => {
    const { client, pending } = scriptedClient();
    const cache = new ClientContactCache(client);
    const read = cache.getContact('c-1', {});
    pending[0]!.resolve(detail('c-1', 'Ava'));
    await read;
    cache.revalidate();
    expect(cache.peekContact('c-1')?.contact.name).to.equal('Ava');
    const again = cache.getContact('c-1', {});
    expect(pending).to.have.length(2);
    pending[1]!.resolve(detail('c-1', 'Ava Tremblay'));
    expect((await again).contact.name).to.equal('Ava Tremblay');
  });
});
