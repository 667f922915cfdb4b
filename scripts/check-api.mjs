#!/usr/bin/env node
// Keeps the API contract honest: lints api/openapi.yaml with Redocly (rules in redocly.yaml), then
// regenerates what is derived from it and fails when a committed copy differs, so the client and
// the mock backend always follow the contract as it is:
//   - src/client/generated/schema.ts: TypeScript types (openapi-typescript);
//   - mocks/generated/request-schemas.ts: each operation's query and body JSON Schemas, which the
//     mock backend validates every request against.
//
//   node scripts/check-api.mjs           lint + fail when a generated file is stale
//   node scripts/check-api.mjs --write   lint + (re)write the generated files
//
// The tools are the project's own devDependencies.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SPEC = 'api/openapi.yaml';
const GENERATED = 'src/client/generated/schema.ts';
const REQUEST_SCHEMAS = 'mocks/generated/request-schemas.ts';

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
const files = new Map([
  [GENERATED, `${header}${generate.stdout.replace(/\r\n/g, '\n')}`],
  [REQUEST_SCHEMAS, requestSchemas(parse(readFileSync(join(root, SPEC), 'utf8')))],
]);

let stale = false;
for (const [file, expected] of files) {
  const target = join(root, file);
  const current = existsSync(target) ? readFileSync(target, 'utf8').replace(/\r\n/g, '\n') : null;
  if (current === expected) {
    console.log(`${file} is up to date.`);
  } else if (write) {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, expected, 'utf8');
    console.log(`Wrote ${file}.`);
  } else {
    console.error(`${file} is stale: run \`node scripts/check-api.mjs --write\``);
    stale = true;
  }
}
process.exit(stale ? 1 : 0);

/**
 * Each operation's request as JSON Schema 2020-12 (which OpenAPI 3.1 schemas are), for the mock
 * backend's validator: the query parameters as one object schema, the body's schema, and the
 * component schemas they refer to, under one base URI.
 */
function requestSchemas(spec) {
  const BASE = 'https://optout.test/contract.json';
  const absolute = (node) => JSON.parse(JSON.stringify(node).replaceAll('"$ref":"#/', `"$ref":"${BASE}#/`));
  const resolve = (node) => {
    let current = node;
    while (current && current.$ref) current = current.$ref.replace(/^#\//, '').split('/').reduce((at, key) => at[key], spec);
    return current;
  };
  const operations = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      const op = item[method];
      if (!op) continue;
      const query = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve).filter((p) => p.in === 'query');
      const media = Object.entries(op.requestBody?.content ?? {})[0];
      operations[op.operationId] = {
        method: method.toUpperCase(),
        path,
        query: query.length === 0 ? null : {
          // An unknown parameter is refused: a misspelt filter must not silently widen a list.
          schema: absolute({ type: 'object', additionalProperties: false, properties: Object.fromEntries(query.map((p) => [p.name, p.schema])), required: query.filter((p) => p.required).map((p) => p.name) }),
          // Query values arrive as text; these are read as numbers before validation.
          numeric: query.filter((p) => ['integer', 'number'].includes(resolve(p.schema).type)).map((p) => p.name),
          // … these as true/false, and these collect every repetition (`action=a&action=b`) into a list.
          boolean: query.filter((p) => resolve(p.schema).type === 'boolean').map((p) => p.name),
          repeated: query.filter((p) => resolve(p.schema).type === 'array').map((p) => p.name),
        },
        body: media ? { contentType: media[0], required: op.requestBody.required === true, schema: absolute(media[1].schema) } : null,
      };
    }
  }
  const document = { $id: BASE, components: { schemas: withoutSlowChecks(withDiscriminators(spec.components.schemas)) } };
  return [
    `// Generated from ${SPEC} by scripts/check-api.mjs. Do not edit by hand: change the contract, then`,
    '// run `node scripts/check-api.mjs --write` (`node scripts/check-api.mjs` fails while this file is stale).',
    '',
    'export interface RequestSchema {',
    '  method: string;',
    '  path: string;',
    '  query: { schema: object; numeric: string[]; boolean: string[]; repeated: string[] } | null;',
    '  body: { contentType: string; required: boolean; schema: object } | null;',
    '}',
    '',
    '/** The component schemas, as one JSON Schema document the operation schemas refer into. */',
    `export const contractDocument: object = ${JSON.stringify(document, null, 2)};`,
    '',
    '/** Each operation\'s query and body, by operationId. */',
    `export const requestSchemas: Record<string, RequestSchema> = ${JSON.stringify(operations, null, 2)};`,
    '',
  ].join('\n');
}

/**
 * Bulk targets may list 100,000 ids, and the validator checks `uniqueItems` pair by pair (about
 * 30 s at that size). These arrays keep the rule in the contract; the mock checks it with a Set
 * (mocks/store/bulk-jobs.ts) instead of in the schema.
 */
function withoutSlowChecks(schemas) {
  const LARGE_ARRAYS = [
    ['IdsTarget', 'ids'],
    ['FilterTarget', 'excludedIds'],
  ];
  const out = structuredClone(schemas);
  for (const [schema, property] of LARGE_ARRAYS) {
    const array = out[schema]?.properties?.[property];
    if (!array?.uniqueItems) throw new Error(`check-api: ${schema}.${property} is no longer a uniqueItems array; update LARGE_ARRAYS`);
    delete array.uniqueItems;
  }
  return out;
}

/**
 * OpenAPI's `discriminator` is not JSON Schema: a `oneOf` with one is rewritten so the
 * discriminating property picks the branch, and a mistake is reported against that branch only.
 */
function withDiscriminators(schemas) {
  const out = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const { discriminator, oneOf, ...rest } = schema;
    if (!discriminator?.mapping || !oneOf) {
      out[name] = schema;
      continue;
    }
    const property = discriminator.propertyName;
    const values = Object.keys(discriminator.mapping);
    out[name] = {
      ...rest,
      type: 'object',
      required: [property],
      properties: { [property]: { enum: values } },
      allOf: values.map((value) => ({ if: { properties: { [property]: { const: value } }, required: [property] }, then: { $ref: discriminator.mapping[value] } })),
    };
  }
  return out;
}
