#!/usr/bin/env node
// `npm test`: everything, in one command, on a fresh clone. Installs what is missing, runs each
// check and test runner, and ends with one line summed from the runners' own JUnit reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium, ensureDeps } from './ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const reports = join(root, 'reports');

/** Test files under `dir` whose names end with `suffix`, sorted, relative to the root. */
function files(dir, suffix) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix))
    .map((f) => relative(root, join(abs, f)))
    .sort();
}

// A test that hangs (under tsx a failing bare `assert.ok` can, tsx issue 634) fails after the
// timeout instead of holding CI until its own limit. A safety net, not a timed assertion: it is far
// above what any test takes on a loaded machine.
const nodeTest = (report, testFiles) => [
  process.execPath,
  '--import',
  'tsx',
  '--test',
  '--test-timeout=300000',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=junit',
  `--test-reporter-destination=${join(reports, report)}`,
  ...testFiles,
];

/** Each step is a check (must exit 0) or a runner (also writes a JUnit report that is counted). */
const steps = [
  { name: 'type-check', cmd: [bin('tsc'), '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'package (build, publint, a host type-checking every entry)', cmd: [process.execPath, 'scripts/check-package.mjs'] },
  { name: 'lint', cmd: [bin('eslint'), '--max-warnings=0', '.'] },
  { name: 'API contract (lint, generated types)', cmd: [process.execPath, 'scripts/check-api.mjs'] },
  { name: 'localization', cmd: [process.execPath, 'scripts/check-localization.mjs'] },
  { name: 'custom-elements manifest', cmd: [process.execPath, 'scripts/check-manifest.mjs'] },
  { name: 'storybook build', cmd: [bin('storybook'), 'build', '--quiet', '--disable-telemetry', '-o', 'storybook-static'] },
  { name: 'unit (node)', report: 'unit.xml', cmd: nodeTest('unit.xml', files('test/node', '.test.ts')) },
  { name: 'browser (web-test-runner)', report: 'browser.xml', cmd: [bin('web-test-runner'), '--static-logging'] },
  { name: 'end-to-end (playwright)', report: 'e2e.xml', cmd: nodeTest('e2e.xml', files('test/e2e', '.test.ts')) },
  { name: 'stories (every story: axe, errors, network, fr-CA)', report: 'stories.xml', cmd: [process.execPath, '--import', 'tsx', 'test/stories/run.ts'] },
];

/**
 * The guardrails' figures, written by the runners to reports/figures/*.json and summed: counts of
 * what was checked, which must not be 0, and of what went wrong, which must be (the tests that
 * produced them have already failed if not).
 */
const FIGURES = [
  ['storiesChecked', 'stories checked', 'checked'],
  ['axeViolations', 'axe violations', 'wrong'],
  ['cspViolations', 'CSP violations', 'wrong'],
  ['hostileStringsTried', 'hostile strings tried', 'checked'],
  ['executions', 'executions', 'wrong'],
];

function readFigures() {
  const dir = join(reports, 'figures');
  const sums = {};
  for (const file of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : []) {
    for (const [key, value] of Object.entries(JSON.parse(readFileSync(join(dir, file), 'utf8')))) sums[key] = (sums[key] ?? 0) + value;
  }
  return sums;
}

/** Counts test cases in a JUnit XML report. */
function countJUnit(path) {
  const xml = readFileSync(path, 'utf8');
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const match of xml.matchAll(/<testcase\b[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const body = match[1] ?? '';
    if (/<(failure|error)\b/.test(body)) failed++;
    else if (/<skipped\b/.test(body)) skipped++;
    else passed++;
  }
  return { passed, failed, skipped };
}

function main() {
  ensureDeps();
  process.env.CHROME_PATH = ensureChromium();
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });

  const totals = { passed: 0, failed: 0, skipped: 0 };
  const problems = [];
  for (const step of steps) {
    console.log(`\n=== ${step.name} ===`);
    const started = Date.now();
    const [command, ...args] = step.cmd;
    const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const ok = result.status === 0;
    if (!step.report) {
      console.log(`=== ${step.name}: ${ok ? 'ok' : 'FAILED'} (${seconds} s)`);
      if (!ok) problems.push(`${step.name} failed`);
      continue;
    }
    const reportPath = join(reports, step.report);
    const counts = existsSync(reportPath) ? countJUnit(reportPath) : { passed: 0, failed: 0, skipped: 0 };
    // A runner that died before reporting a failure still failed: count it, and say so.
    if (!ok && counts.failed === 0) {
      counts.failed = 1;
      problems.push(`${step.name} exited with code ${result.status} without reporting a failing test`);
    } else if (!ok) {
      problems.push(`${step.name}: ${counts.failed} failed`);
    }
    if (ok && counts.passed === 0) problems.push(`${step.name} ran no test`);
    console.log(`=== ${step.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s)`);
    for (const key of Object.keys(totals)) totals[key] += counts[key];
  }

  const figures = readFigures();
  console.log(`\nfigures: ${FIGURES.map(([key, label]) => `${label} ${figures[key] ?? 'not measured'}`).join(' · ')}`);
  for (const [key, label, kind] of FIGURES) {
    if (kind === 'wrong' && figures[key]) problems.push(`${label}: ${figures[key]}`);
    if (kind === 'checked' && !figures[key]) problems.push(`${label}: none`);
  }

  console.log('');
  for (const problem of problems) console.log(`problem: ${problem}`);
  const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
  console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
  process.exit(problems.length > 0 || totals.failed > 0 ? 1 : 0);
}

main();
