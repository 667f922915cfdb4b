// @ts-check
// `npm run mutation`: mutation testing of src/engine/ against the engine's own tests. Reported, not
// part of `npm test` (20–35 minutes on two shared cores). Survivors left on purpose and why:
// test/node/engine/MUTATION.md.
//
// The tap runner runs each test file as `node -r <stryker hook> --import tsx ... <file>`. The files
// are run directly, not with `--test`: on Node 20, `--test` runs every file in a child process of
// its own, so the hook in the parent never sees the instrumented engine (every mutant then shows
// "no coverage") and its hit counter cannot stop an infinite loop (`--experimental-test-isolation=none`,
// which would avoid that, is Node 22.8+). Run directly, a file's node:test tests run in the hooked
// process and report TAP with `--test-reporter=tap`.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  plugins: ['@stryker-mutator/tap-runner'],
  // Types and the barrel hold no rules to mutate.
  mutate: ['src/engine/**/*.ts', '!src/engine/index.ts', '!src/engine/types.ts'],
  tap: {
    testFiles: ['test/node/engine/*.test.ts'],
    nodeArgs: ['--import', 'tsx', '--import', './test/node/engine/mutation-setup.ts', '--test-reporter=tap'],
  },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // Infinite loops are stopped by the hit counter, not by time. A generous timeout keeps a loaded,
  // shared machine from turning a surviving mutant into a timeout, which would count as killed.
  timeoutMS: 30_000,
  thresholds: { high: 90, low: 80, break: null },
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  clearTextReporter: { logTests: false },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
};
