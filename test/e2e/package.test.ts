// The package as hosts install it (dist/, through package.json's exports), in host pages under
// the README's Content-Security-Policy: a plain HTML page with the single-file bundle, and a React
// page with the wrappers. The mock backend answers from Node, so the backend's state is read here.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type * as NodeMocks from '../../mocks/node-entry.js';
import { WELL_KNOWN } from '../../mocks/seed/seed.js';
import type * as Root from '../../src/index.js';
import { CONTENT_SECURITY_POLICY } from '../../scripts/content-security-policy.mjs';
import { buildPackage, bundleHost, startPackageHost, type PackageHost } from './support/package-host.js';

const PLAIN_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Plain host page</title>
    <script type="module" src="/dist/optout-elements.bundle.js"></script>
  </head>
  <body>
    <main>
      <h1>Contact</h1>
      <optout-provider api-base="/api">
        <contact-preferences contact-id="${WELL_KNOWN.partlyUnsubscribed}"></contact-preferences>
      </optout-provider>
    </main>
  </body>
</html>`;

const REACT_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>React host page</title>
    <script type="module" src="/react-host.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

const MOCK_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Host page with the mock backend</title>
    <script type="module" src="/mock-host.js"></script>
  </head>
  <body>
    <main></main>
  </body>
</html>`;

const TAGS = ['optout-provider', 'contact-preferences', 'contact-actions-menu', 'bulk-unsubscribe-table', 'optout-settings', 'optout-review-queue', 'optout-app'];

describe('the package in host pages', () => {
  let host: PackageHost;
  before(async () => {
    await buildPackage();
    host = await startPackageHost({
      // The mock's page also needs the policy name its worker registration uses (the demo's policy).
      pages: { '/plain.html': PLAIN_PAGE, '/react.html': REACT_PAGE, '/mock.html': { html: MOCK_PAGE, policy: CONTENT_SECURITY_POLICY } },
      scripts: { '/react-host.js': await bundleHost('test/e2e/hosts/react-host.jsx'), '/mock-host.js': await bundleHost('test/e2e/hosts/mock-host.js') },
      files: { '/mockServiceWorker.js': 'public/mockServiceWorker.js' },
    });
  });
  after(async () => {
    await host?.close();
  });

  test("a host's Node test: optout-elements/mocks/node serves the seed to the package's own HTTP client", async () => {
    // By the package's name, so through its exports to dist/; typed from the sources, as dist/ has no
    // declarations until `npm run build` has run tsc.
    const mocks = (await import(['optout-elements', 'mocks/node'].join('/'))) as typeof NodeMocks;
    const root = (await import('optout-elements' as string)) as typeof Root;
    const server = mocks.startMockServer();
    try {
      const client = new root.HttpOptOutClient({ baseUrl: mocks.NODE_API_BASE });
      const liam = await client.getContact(mocks.WELL_KNOWN.partlyUnsubscribed, {});
      assert.equal(liam.contact.name, 'Liam Gagnon');
      await client.unsubscribeContact(liam.contact.id, { note: 'From a host test' }, {});
      const records = liam.contact.destinations.flatMap((d) => server.backend.store.consentOfDestination(d.value));
      assert.ok(records.some((r) => r.note === 'From a host test' && r.status === 'unsubscribed'));
    } finally {
      server.close();
    }
  });

  test("a host's page with optout-elements/mocks: the service worker answers the elements, nothing reaches the server", async () => {
    const from = host.requested.length;
    const { page, problems } = await host.open('/mock.html');
    await page.getByText('Olivia Roy', { exact: true }).waitFor();
    await page.getByText('Cannot be messaged on any channel: blocked').waitFor();
    assert.deepEqual(
      host.requested.slice(from).filter((path) => path.startsWith('/mock-api') || path.startsWith('/api')),
      [],
      'every API request answered in the page',
    );
    assert.deepEqual(await problems(), []);
    await page.context().close();
  });

  test('a plain page with the single-file bundle shows the contact preferences, from one script and no policy violation', async () => {
    const from = host.requested.length;
    const { page, problems } = await host.open('/plain.html');
    await page.getByRole('heading', { name: 'Communication preferences' }).waitFor();
    await page.getByText('Liam Gagnon', { exact: true }).waitFor();
    await page.getByText('Can be messaged on 8 of 9 channels').waitFor();
    assert.deepEqual(await page.evaluate((tags) => tags.filter((tag) => !customElements.get(tag)), TAGS), [], 'every tag registered');
    const scripts = host.requested.slice(from).filter((path) => path.endsWith('.js'));
    assert.deepEqual(scripts, ['/dist/optout-elements.bundle.js'], 'one file, nothing else fetched');
    assert.ok(host.requested.slice(from).includes(`/api/contacts/${WELL_KNOWN.partlyUnsubscribed}`), 'the contact came from the backend');
    assert.deepEqual(await problems(), []);
    await page.context().close();
  });

  test('a React page: typed props reach the elements, and the host hears the unsubscribe through onOptoutUnsubscribe', async () => {
    const { page, problems } = await host.open(`/react.html?contact=${WELL_KNOWN.subscribed}`);
    const log = page.getByRole('list', { name: 'Host log' });
    await log.getByRole('listitem').filter({ hasText: 'loaded Ava Tremblay' }).waitFor();
    await page.getByText('Can be messaged on 9 of 9 channels').waitFor();

    await page.getByRole('button', { name: 'Contact actions' }).click();
    // hideUnavailable={true} reached the element, and the client object (an agent's token) the provider: an agent may only do these two.
    const items = await page.getByRole('menuitem').allTextContents();
    assert.deepEqual(
      items.map((s) => s.trim()),
      ['Unsubscribe contact', 'Block contact'],
    );
    await page.getByRole('menuitem', { name: 'Unsubscribe contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'Unsubscribe contact' });
    await dialog.getByText('Ava Tremblay will no longer receive messages').waitFor();
    await dialog.getByRole('button', { name: 'Unsubscribe contact' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await log.getByRole('listitem').filter({ hasText: 'Ava Tremblay unsubscribed from every channel' }).waitFor();
    const heard = (await log.getByRole('listitem').allTextContents()).filter((line) => !line.startsWith('loaded'));
    assert.deepEqual(heard, [`asked to unsubscribe ${WELL_KNOWN.subscribed}`, 'Ava Tremblay unsubscribed from every channel']);
    await page.getByText('Cannot be messaged on any channel: unsubscribed').waitFor();

    const store = host.backend.store;
    const ava = store.contact(WELL_KNOWN.subscribed);
    const records = ava.destinations.flatMap((d) => store.consentOfDestination(d.value)).filter((r) => r.status === 'unsubscribed');
    assert.equal(new Set(records.map((r) => r.channelId)).size, 9, 'every channel unsubscribed in the backend');
    assert.ok(
      records.every((r) => r.actor.type === 'user' && r.actor.id === 'u-agent'),
      'made as the agent whose client the host passed',
    );
    assert.deepEqual(await problems(), []);
    await page.context().close();
  });
});
