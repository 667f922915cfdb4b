#!/usr/bin/env node
// Fails when a translation is missing or the generated locale modules are stale, so every
// string added with msg() reaches fr-CA before it lands.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const generated = join(root, 'src/localization/generated/fr-CA.ts');
const before = readFileSync(generated, 'utf8');
const run = spawnSync(join(root, 'node_modules/.bin/lit-localize'), ['build'], { cwd: root, encoding: 'utf8' });
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
const output = `${run.stdout}\n${run.stderr}`;
let failed = run.status !== 0;
if (/missing|not found/i.test(output)) {
  console.error('Some strings have no fr-CA translation: run `npm run localize:extract` and translate xliff/fr-CA.xlf.');
  failed = true;
}
if (readFileSync(generated, 'utf8') !== before) {
  console.error('src/localization/generated/fr-CA.ts was stale: it has been rebuilt; commit it.');
  failed = true;
}
process.exit(failed ? 1 : 0);
