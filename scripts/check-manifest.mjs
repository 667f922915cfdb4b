#!/usr/bin/env node
// Keeps custom-elements.json (the elements' API as Storybook, IDEs and hosts read it) current:
// regenerates it from the class JSDoc with @custom-elements-manifest/analyzer and fails when the
// committed copy differs.
//   node scripts/check-manifest.mjs           fail when custom-elements.json is stale
//   node scripts/check-manifest.mjs --write   (re)write it (also `npm run manifest`)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'custom-elements.json');
const write = process.argv.includes('--write');
// The analyzer resolves --outdir against the working directory; .cache/ is gitignored.
const outdir = '.cache/cem-check';
const out = join(root, outdir);
mkdirSync(out, { recursive: true });
try {
  const run = spawnSync(join(root, 'node_modules/.bin/cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', outdir, '--quiet'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    process.exit(2);
  }
  const expected = readFileSync(join(out, 'custom-elements.json'), 'utf8');
  if (write) {
    writeFileSync(target, expected, 'utf8');
    console.log('custom-elements.json written');
  } else if (!existsSync(target) || readFileSync(target, 'utf8') !== expected) {
    console.error('custom-elements.json is stale: run `npm run manifest` and commit it.');
    process.exit(1);
  } else {
    console.log('custom-elements.json is current');
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
