#!/usr/bin/env node
// Fails when a translation is missing or the generated locale modules are stale, so every
// string added with msg() reaches fr-CA before it lands.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The package's strings (src/) and the demo's (demo/, a host page with strings of its own) are
// built apart, so the package ships only its own translations.
const projects = [
  { config: 'lit-localize.json', generated: 'src/localization/generated/fr-CA.ts', xliff: 'xliff/fr-CA.xlf' },
  { config: 'lit-localize.demo.json', generated: 'demo/generated/fr-CA.ts', xliff: 'xliff/demo/fr-CA.xlf' },
];
let failed = false;
for (const project of projects) {
  const generated = join(root, project.generated);
  const before = readFileSync(generated, 'utf8');
  const run = spawnSync(join(root, 'node_modules/.bin/lit-localize'), ['build', '--config', project.config], { cwd: root, encoding: 'utf8' });
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) failed = true;
  if (/missing|not found/i.test(output)) {
    console.error(`Some strings have no fr-CA translation: run \`npm run localize:extract\` and translate ${project.xliff}.`);
    failed = true;
  }
  if (readFileSync(generated, 'utf8') !== before) {
    console.error(`${project.generated} was stale: it has been rebuilt; commit it.`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
