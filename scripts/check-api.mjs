#!/usr/bin/env node
// Keeps the API contract honest: lints api/openapi.yaml with Redocly (rules in redocly.yaml), then
// regenerates its TypeScript types with openapi-typescript and fails when
// src/client/generated/schema.ts differs from them, so the client and the mock backend are always
// typed from the contract as it is.
//
//   node scripts/check-api.mjs           lint + fail when the generated types are stale
//   node scripts/check-api.mjs --write   lint + (re)write src/client/generated/schema.ts
//
// Node built-ins only; the two tools are the project's own devDependencies.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SPEC = 'api/openapi.yaml';
const GENERATED = 'src/client/generated/schema.ts';
const STALE_MESSAGE = `${GENERATED} is stale: run \`node scripts/check-api.mjs --write\``;

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--write');
if (unknown.length > 0) {
  console.error(`Unknown argument(s): ${unknown.join(' ')}. Usage: node scripts/check-api.mjs [--write]`);
  process.exit(2);
}
const write = args.includes('--write');

/** Runs a local bin (node_modules/.bin) from the repo root and returns its captured output. */
function runBin(name, binArgs) {
  const windows = process.platform === 'win32';
  const bin = join(root, 'node_modules/.bin', windows ? `${name}.cmd` : name);
  if (!existsSync(bin)) {
    console.error(`${name} is not installed (${bin} is missing): run \`npm ci\`.`);
    process.exit(2);
  }
  const result = spawnSync(bin, binArgs, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    shell: windows,
    // No telemetry or update check: the check must be offline and quiet.
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
  if (result.error) {
    console.error(`Could not run ${name}: ${result.error.message}`);
    process.exit(2);
  }
  return result;
}

// Redocly prints a boxed Node-version notice on every run; it says nothing about the contract.
function withoutBanner(text) {
  return text
    .split('\n')
    .filter((line) => !/^\s*[╔║╚]/.test(line))
    .join('\n')
    .replace(/^\s*\n/, '');
}

// 1. Lint.
const lint = runBin('redocly', ['lint', SPEC]);
process.stdout.write(withoutBanner(lint.stdout));
process.stderr.write(withoutBanner(lint.stderr));
if (lint.status !== 0) {
  console.error(`${SPEC} has lint errors (see above).`);
  process.exit(1);
}

// 2. Generate into memory (stdout) and compare with the committed file.
const generate = runBin('openapi-typescript', [SPEC]);
if (generate.status !== 0) {
  process.stdout.write(generate.stdout);
  process.stderr.write(generate.stderr);
  console.error(`openapi-typescript could not generate types from ${SPEC}.`);
  process.exit(1);
}
const toolVersion = JSON.parse(readFileSync(join(root, 'node_modules/openapi-typescript/package.json'), 'utf8')).version;
const header = [
  `// Generated from ${SPEC} by openapi-typescript ${toolVersion}. Do not edit by hand:`,
  '// change the contract, then run `node scripts/check-api.mjs --write`',
  '// (`node scripts/check-api.mjs` fails while this file is stale).',
  '',
].join('\n');
const expected = `${header}${generate.stdout.replace(/\r\n/g, '\n')}`;
const target = join(root, GENERATED);
const current = existsSync(target) ? readFileSync(target, 'utf8').replace(/\r\n/g, '\n') : null;

if (write) {
  if (current === expected) {
    console.log(`${GENERATED} is up to date.`);
  } else {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, expected, 'utf8');
    console.log(`Wrote ${GENERATED}.`);
  }
  process.exit(0);
}
if (current !== expected) {
  console.error(STALE_MESSAGE);
  process.exit(1);
}
console.log(`${GENERATED} is up to date.`);
