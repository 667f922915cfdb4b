// Every browser test runs under the Content-Security-Policy of scripts/content-security-policy.mjs,
// Trusted Types included (web-test-runner.config.mjs sends it and imports this module first in
// every test file). Here a violation fails the test that caused it: the browser refuses the
// sink or the script, and a test that never looks would pass on an element that is broken for
// every host with a strict policy.
import { executeServerCommand } from '@web/test-runner-commands';
import { readableFailure } from './readable-failures.js';

export interface PolicyViolation {
  /** The directive that refused it, e.g. `require-trusted-types-for`, `script-src-attr`. */
  directive: string;
  /** What was refused: a URL, `inline`, `eval` or `trusted-types-sink`. */
  blocked: string;
  /** The first characters of what was refused, as the browser reports them. */
  sample: string;
  /** Where, as `file:line`. */
  source: string;
}

const pending: PolicyViolation[] = [];
/** Violations that failed a test, for `npm test`'s figures. */
let failed = 0;

document.addEventListener('securitypolicyviolation', (event) => {
  pending.push({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    sample: event.sample,
    source: `${event.sourceFile || '(page)'}:${event.lineNumber}`,
  });
});

export function describeViolation(v: PolicyViolation): string {
  return `${v.directive} refused ${v.blocked}${v.sample ? ` (${JSON.stringify(v.sample)})` : ''} at ${v.source}`;
}

/**
 * The violations since the last call, which the guard will then not report: for a suite that
 * expects some and reports them as its own findings (the hostile-data suite). The browser
 * dispatches the event in a task queued at the violation, so one task later every violation
 * caused so far has arrived.
 */
export async function takeViolations(): Promise<PolicyViolation[]> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  return pending.splice(0);
}

async function failOnViolations(what: string): Promise<void> {
  const found = await takeViolations();
  failed += found.length;
  if (found.length > 0) {
    throw new Error(`${found.length} Content-Security-Policy violation(s) ${what}:\n${found.map(describeViolation).join('\n')}`);
  }
}

type TestFunction = Mocha.Func | Mocha.AsyncFunc;

/** `fn`, its failure made readable (readable-failures.ts). Callback-style functions are left as they are. */
function readably(fn: TestFunction): Mocha.AsyncFunc {
  return async function (this: Mocha.Context) {
    try {
      await (fn as Mocha.AsyncFunc).call(this);
    } catch (error) {
      throw readableFailure(error);
    }
  };
}

/** `fn`, then a failure if it caused a violation. Callback-style tests are checked by the next one. */
function guarded(fn: TestFunction | undefined): TestFunction | undefined {
  if (!fn || fn.length > 0) return fn;
  const test = readably(fn);
  return async function (this: Mocha.Context) {
    await test.call(this);
    await failOnViolations('during this test');
  };
}

// Hooks too: an assertion about an element in a hook is reported, not left to hang the run.
for (const name of ['before', 'after', 'beforeEach', 'afterEach'] as const) {
  const hook = globalThis[name];
  globalThis[name] = ((...args: [string | TestFunction, TestFunction?]) => {
    const at = typeof args[0] === 'function' ? 0 : 1;
    const fn = args[at] as TestFunction | undefined;
    if (fn && fn.length === 0) args[at] = readably(fn);
    return (hook as (...a: unknown[]) => void)(...args);
  }) as typeof hook;
}

const original = globalThis.it;
const wrapped = Object.assign((title: string, fn?: TestFunction) => original(title, guarded(fn)), original, {
  only: (title: string, fn?: TestFunction) => original.only(title, guarded(fn)),
});
globalThis.it = wrapped as Mocha.TestFunction;

// Violations outside any test (module evaluation, hooks, a render after the last test) fail the file.
after(async () => {
  try {
    await failOnViolations('outside a test (while loading, in a hook, or after the last test)');
  } finally {
    await executeServerCommand('guardrail-figures', { cspViolations: failed });
  }
});
