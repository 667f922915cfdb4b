// `npm run bench`: prints speed figures. Nothing here asserts a time: the machines are shared
// and noisy, so figures are read, compared with their targets, and never fail a build.
import { run as engine, type BenchResult } from './engine.bench.js';
import { run as mockBackend } from './mock-backend.bench.js';
import { run as eligibilityCheck } from './eligibility-check.bench.js';
import { run as browserMock } from './browser-mock.bench.js';
import { run as contactPreferences } from './contact-preferences.bench.js';
import { run as contactActionsMenu } from './contact-actions-menu.bench.js';
import { run as optoutSettings } from './optout-settings.bench.js';
import { run as bulkUnsubscribeTable } from './bulk-unsubscribe-table.bench.js';
import { run as librarySize } from './library-size.bench.js';
import { run as optoutApp } from './optout-app.bench.js';

const suites: [string, () => Promise<BenchResult[]>][] = [
  ['engine', engine],
  ['mock backend', mockBackend],
  ['pre-send eligibility check', eligibilityCheck],
  ['browser mock backend (headless Chromium)', browserMock],
  ['contact-preferences', contactPreferences],
  ['contact-actions-menu', contactActionsMenu],
  ['optout-settings', optoutSettings],
  ['bulk-unsubscribe-table (headless Chromium, 100,000 contacts in the page)', bulkUnsubscribeTable],
  ['library size (the single-file bundle and each package entry)', librarySize],
  ['optout-app (headless Chromium)', optoutApp],
];

// Four significant figures below 100, so a figure just under its target (19.96 kB) never prints
// as the target itself.
function format(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : String(Number(value.toPrecision(4)));
}

// `npm run bench -- bulk size` runs only the suites whose names contain one of the words.
const only = process.argv.slice(2);
for (const [name, suite] of suites.filter(([name]) => only.length === 0 || only.some((word) => name.includes(word)))) {
  console.log(`\n# ${name}`);
  const results = await suite();
  const width = Math.max(...results.map((r) => r.name.length));
  for (const r of results) {
    console.log(`${r.name.padEnd(width)}  ${format(r.value).padStart(12)} ${r.unit}${r.target ? `   (target ${r.target})` : ''}`);
  }
}
