#!/usr/bin/env node
// The package as a host installs it: builds dist/ (`npm run build`'s three steps), lints the
// packed package with publint (exports, types, files, module format) and attw (each entry's types
// resolve, for bundlers and Node's ESM resolution), then type-checks a small
// host file that imports every entry by the package's name, so a `types` path that resolves to
// nothing, or a declaration that does not compile on its own, fails here rather than in a host.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(label, command, args) {
  console.log(`> ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`check-package: ${label} failed`);
    process.exit(1);
  }
}

const HOST = `import { ContactPreferences, HttpOptOutClient, type OptOutClient } from 'optout-elements';
import { defineElement } from 'optout-elements/define';
import { mount, unmount, type OptOutAppProps } from 'optout-elements/app';
import { classifyInbound } from 'optout-elements/engine';
import { ContactPreferencesHarness } from 'optout-elements/testing';
import { startBrowserMock, WELL_KNOWN } from 'optout-elements/mocks';
import { startMockServer } from 'optout-elements/mocks/node';
import { ContactActionsMenu } from 'optout-elements/react';
import { createElement } from 'react';

const client: OptOutClient = new HttpOptOutClient({ baseUrl: '/api' });
const props: OptOutAppProps = { domElement: document.body, basePath: '/crm', client };
const id: string = document.createElement('contact-preferences').contactId;
document.createElement('contact-actions-menu').addEventListener('optout-unsubscribe', (e) => e.contact.contact.id);
createElement(ContactActionsMenu, { contactId: id, onOptoutUnsubscribe: (e) => e.contact.contact.id });
// @ts-expect-error contactId is a string
createElement(ContactActionsMenu, { contactId: 1 });
export const used = [ContactPreferences, defineElement, mount(props), unmount(props), classifyInbound, ContactPreferencesHarness, startBrowserMock, WELL_KNOWN, startMockServer];
`;

run('vite build (ES modules)', bin('vite'), ['build', '--logLevel', 'warn']);
run('vite build --mode bundle (single file)', bin('vite'), ['build', '--mode', 'bundle', '--logLevel', 'warn']);
run('tsc -p tsconfig.build.json (declarations)', bin('tsc'), ['-p', 'tsconfig.build.json']);
run('publint', bin('publint'), ['--strict']);
// The package is ES modules only, so CommonJS resolution (node10, require from node16) is out of scope.
// Quiet when clean: its table lists the ignored CommonJS resolutions as failures, which would read
// as problems in the log; on a real problem it runs again to print the table.
const attw = [bin('attw'), ['--pack', '.', '--profile', 'esm-only']];
console.log('> are the types wrong (attw)');
if (spawnSync(attw[0], [...attw[1], '--quiet'], { cwd: root, stdio: 'inherit' }).status !== 0) {
  spawnSync(attw[0], [...attw[1], '--format', 'ascii'], { cwd: root, stdio: 'inherit' });
  console.error('check-package: are the types wrong (attw) failed');
  process.exit(1);
}

// The host file lives inside the package so that its imports resolve through package.json's
// own exports (self-reference), exactly as from a host's node_modules.
const dir = join(root, '.cache', 'package-host');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'host.ts'), HOST);
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: [],
    },
    files: ['host.ts'],
  }),
);
try {
  run('a host importing every entry type-checks against dist/', bin('tsc'), ['-p', join(dir, 'tsconfig.json')]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log('check-package: ok');
