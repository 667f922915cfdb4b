import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { junitReporter } from '@web/test-runner-junit-reporter';
import { CONTENT_SECURITY_POLICY } from './scripts/content-security-policy.mjs';
import { isTemplateSource, minifyTemplates } from './scripts/minify-templates.mjs';

const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const workerPath = fileURLToPath(new URL('./public/mockServiceWorker.js', import.meta.url));
const figuresPath = fileURLToPath(new URL('./reports/figures/browser.json', import.meta.url));

/** Every test file imports the policy guard first (see `guardEveryTestFile`). */
const POLICY_GUARD = '/test/browser/helpers/policy-guard.ts';
const TEST_FILE = /^\/test\/browser\/.*\.test\.ts$/;

// The runner's page starts with inline scripts of its own (its configuration, console capture),
// which `script-src 'self'` refuses. Rather than widening the policy for them, they are served as
// same-origin scripts: the tests run under exactly the policy the README gives hosts.
const inlineScripts = new Map();
const INLINE_SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/g;

function externalizeInlineScripts(html) {
  return html.replace(INLINE_SCRIPT, (tag, attributes = '', code) => {
    if (/\ssrc\s*=/.test(attributes) || code.trim() === '') return tag;
    const name = `/__inline-scripts/${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
    inlineScripts.set(name, code);
    return `<script${attributes} src="${name}"></script>`;
  });
}

/** Figures the guard and the hostile-data suite report from the browser, summed for `npm test`. */
const figures = { cspViolations: 0, hostileStringsTried: 0, executions: 0 };

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  plugins: [
    // The tsconfig path must be explicit, and that tsconfig self-contained, or decorators fail to parse.
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)), target: 'es2022' }),
    {
      // The elements are tested with their templates minified, as the builds ship them. A stack
      // frame in an element's source then points into the minified code, not the line as written.
      name: 'minify-templates',
      async transform(context) {
        if (isTemplateSource(context.path)) return { body: (await minifyTemplates(context.body, context.path)).code };
      },
    },
    {
      // @tanstack/virtual-core reads process.env.NODE_ENV, which bundlers (Vite, esbuild, webpack)
      // replace; the runner serves it unbundled, so it is replaced here as a bundler would.
      name: 'node-env',
      transform(context) {
        if (context.path.includes('/@tanstack/virtual-core/')) return { body: context.body.replaceAll('process.env.NODE_ENV', '"development"') };
      },
    },
    {
      // A violation must fail the test that caused it, in every file, present and future, without
      // each file remembering to ask: the guard wraps `it` before the file's own code runs.
      name: 'guard-every-test-file',
      transform(context) {
        if (TEST_FILE.test(context.path)) return { body: `import '${POLICY_GUARD}';\n${context.body}` };
      },
    },
    {
      name: 'guardrail-figures',
      executeCommand({ command, payload }) {
        if (command !== 'guardrail-figures') return undefined;
        for (const key of Object.keys(figures)) figures[key] += Number(payload?.[key] ?? 0);
        return true;
      },
      serverStop() {
        mkdirSync(fileURLToPath(new URL('./reports/figures/', import.meta.url)), { recursive: true });
        writeFileSync(figuresPath, `${JSON.stringify(figures, null, 2)}\n`);
      },
    },
  ],
  middleware: [
    async function contentSecurityPolicy(context, next) {
      const script = inlineScripts.get(context.path);
      if (script !== undefined) {
        context.type = 'application/javascript';
        context.body = script;
      } else if (context.path === '/mockServiceWorker.js') {
        // MSW's worker must be served from / so its scope covers the test page.
        const { readFile } = await import('node:fs/promises');
        context.type = 'application/javascript';
        context.body = await readFile(workerPath, 'utf8');
      } else {
        await next();
        if (context.response.is('html') && typeof context.body === 'string') context.body = externalizeInlineScripts(context.body);
      }
      context.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    },
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromePath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), junitReporter({ outputPath: './reports/browser.xml', reportLogs: true })],
};
