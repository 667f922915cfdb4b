import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

const fixture = fileURLToPath(new URL('./fixtures/page-errors.ts', import.meta.url));

/** Runs the fixture file as a test file of its own and reads each test's outcome from its TAP output. */
function outcomes(): { results: Map<string, string>; output: string } {
  // Without the parent runner's context variable the child reports TAP instead of talking to a parent.
  const { NODE_TEST_CONTEXT: _parent, ...env } = process.env;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--test-reporter=tap', fixture], { encoding: 'utf8', env, timeout: 120_000 });
  const output = `${run.stdout}\n${run.stderr}`;
  const results = new Map<string, string>();
  for (const match of run.stdout.matchAll(/^(ok|not ok) \d+ - (.+?)(?: #.*)?$/gm)) results.set(match[2] ?? '', match[1] ?? '');
  return { results, output };
}

describe('e2e harness', () => {
  test('an uncaught error or a console error fails the test whose page reported it, and only that test', () => {
    const { results, output } = outcomes();
    assert.deepEqual(
      Object.fromEntries(results),
      {
        'throws in an event handler': 'not ok',
        'logs a console error': 'not ok',
        'gets a 503 from the mock backend on purpose': 'ok',
        'does nothing wrong': 'ok',
      },
      output,
    );
    assert.match(output, /uncaught Error: handler broke/);
    assert.match(output, /console\.error: render failed/);
  });
});
