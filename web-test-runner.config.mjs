import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { junitReporter } from '@web/test-runner-junit-reporter';

const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const workerPath = fileURLToPath(new URL('./public/mockServiceWorker.js', import.meta.url));

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
  ],
  middleware: [
    // MSW's worker must be served from / so its scope covers the test page.
    async function serveMockServiceWorker(context, next) {
      if (context.path === '/mockServiceWorker.js') {
        const { readFile } = await import('node:fs/promises');
        context.type = 'application/javascript';
        context.body = await readFile(workerPath, 'utf8');
        return;
      }
      return next();
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
