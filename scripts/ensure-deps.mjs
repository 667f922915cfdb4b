#!/usr/bin/env node
// Makes a fresh clone runnable with one command: installs dependencies when they are
// missing or older than the lock file, and (with --browser) finds or installs Chromium.
// Only Node built-ins here: this runs before node_modules exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** True when node_modules is missing or older than package-lock.json. */
function depsStale() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return true;
  return statSync(marker).mtimeMs < statSync(join(root, 'package-lock.json')).mtimeMs;
}

export function ensureDeps() {
  if (!depsStale()) return;
  console.log('[setup] node_modules is missing or older than package-lock.json: running npm ci');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail('npm ci failed; see the output above.');
}

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Returns a Chromium executable path, installing Debian's chromium when possible. */
export function ensureChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    fail(`CHROME_PATH is set to ${fromEnv}, which does not exist.`);
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    fail('No Chromium found: install it (Debian: apt-get install -y chromium) or set CHROME_PATH to a Chromium/Chrome executable.');
  }
  console.log('[setup] Chromium not found: installing Debian\'s chromium with apt-get');
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch {
    fail('Installing chromium with apt-get failed: install it by hand or set CHROME_PATH.');
  }
  const installed = CANDIDATES.find((p) => existsSync(p));
  if (!installed) fail('apt-get finished but no Chromium executable was found: set CHROME_PATH.');
  return installed;
}

function fail(message) {
  console.error(`[setup] ${message}`);
  process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureDeps();
  if (process.argv.includes('--browser')) console.log(`[setup] Chromium: ${ensureChromium()}`);
}
