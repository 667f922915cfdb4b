import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContactPages, type PageFetcher } from '../../../src/elements/bulk-unsubscribe-table/contact-pages.js';
import type { ContactPage, ContactSummary } from '../../../src/client/types.js';

const row = (i: number): ContactSummary => ({ id: `c-${i}`, name: `Contact ${i}`, phone: null, email: null, status: 'subscribed', blocked: null, unsubscribedChannelCount: 0, tags: [], locationIds: [] });

/** A list of `total` rows paged by cursor ("cursor:<start>"), recording the cursors asked for. */
function list(total: number, pageSize: number) {
  const asked: (string | null)[] = [];
  const fetcher: PageFetcher = async (cursor, signal) => {
    asked.push(cursor);
    await new Promise((resolve) => setImmediate(resolve));
    if (signal.aborted) throw signal.reason;
    const start = cursor ? Number(cursor.split(':')[1]) : 0;
    const items = Array.from({ length: Math.min(pageSize, total - start) }, (_, k) => row(start + k));
    const next = start + pageSize < total ? `cursor:${start + pageSize}` : null;
    return { items, total, nextCursor: next } satisfies ContactPage;
  };
  return { fetcher, asked };
}

describe('ContactPages', () => {
  it('loads the pages a range needs, walking cursors in order from the last one known', async () => {
    const { fetcher, asked } = list(1000, 100);
    const pages = new ContactPages({ pageSize: 100, onChange: () => {} });
    pages.reset(fetcher, await fetcher(null, new AbortController().signal));
    asked.length = 0;
    await pages.ensure(350, 420);
    assert.deepEqual(asked, ['cursor:100', 'cursor:200', 'cursor:300', 'cursor:400']);
    assert.equal(pages.row(420)?.id, 'c-420');
    assert.equal(pages.total, 1000);
  });

  it('fetches a page dropped to save memory again from its kept cursor, not from the start', async () => {
    const { fetcher, asked } = list(1000, 100);
    const pages = new ContactPages({ pageSize: 100, keepPages: 2, onChange: () => {} });
    pages.reset(fetcher);
    await pages.ensure(900, 950);
    assert.equal(pages.row(50), undefined, 'the first page was dropped');
    asked.length = 0;
    await pages.ensure(150, 160);
    assert.deepEqual(asked, ['cursor:100']);
  });

  it('never applies an answer of a query that was replaced, and aborts it', async () => {
    const old = list(1000, 100);
    let oldSignal: AbortSignal | undefined;
    const slow: PageFetcher = (cursor, signal) => {
      oldSignal = signal;
      return old.fetcher(cursor, signal);
    };
    const pages = new ContactPages({ pageSize: 100, onChange: () => {} });
    pages.reset(slow);
    const loading = pages.ensure(0, 10);
    const fresh = list(3, 100);
    pages.reset(fresh.fetcher);
    await loading;
    assert.equal(oldSignal?.aborted, true);
    assert.equal(pages.total, null, 'nothing of the old query was kept');
    await pages.ensure(0, 10);
    assert.equal(pages.total, 3);
    assert.equal(pages.row(0)?.id, 'c-0');
  });

  it('keeps a failure until retry, then loads', async () => {
    const { fetcher } = list(10, 5);
    let fail = true;
    const flaky: PageFetcher = (cursor, signal) => (fail ? Promise.reject(new Error('boom')) : fetcher(cursor, signal));
    const pages = new ContactPages({ pageSize: 5, onChange: () => {} });
    pages.reset(flaky);
    await pages.ensure(0, 4);
    assert.equal((pages.error as Error).message, 'boom');
    fail = false;
    await pages.retry();
    assert.equal(pages.error, undefined);
    assert.equal(pages.row(4)?.id, 'c-4');
  });
  it('refreshes the rows shown in place from their kept cursors, without starting over', async () => {
    const { fetcher, asked } = list(1000, 100);
    let version = 0;
    const changing: PageFetcher = async (cursor, signal) => {
      const page = await fetcher(cursor, signal);
      return { ...page, items: page.items.map((r) => ({ ...r, name: `${r.name} v${version}` })) };
    };
    const pages = new ContactPages({ pageSize: 100, onChange: () => {} });
    pages.reset(changing);
    await pages.ensure(250, 260);
    version = 1;
    asked.length = 0;
    await pages.refresh();
    assert.deepEqual(asked, ['cursor:200']);
    assert.equal(pages.row(255)?.name, 'Contact 255 v1');
    assert.equal(pages.row(10)?.name, 'Contact 10 v0', 'pages outside the range are left alone');
  });
});
