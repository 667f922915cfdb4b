// Serves host pages that use the package as it is installed: dist/ as `npm run build` writes it,
// under the Content-Security-Policy the README gives hosts (no mock service worker: the mock
// backend answers /api from Node, through its own MSW handlers, so the page is a plain host page
// and the test reads the backend's state directly). Pages' errors and policy violations are kept.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { getResponse } from 'msw';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { MockBackend } from '../../../mocks/backend.js';
import { ELEMENTS_CONTENT_SECURITY_POLICY } from '../../../scripts/content-security-policy.mjs';
import { CHROMIUM_ARGS } from './demo.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.map': 'application/json', '.html': 'text/html; charset=utf-8' };

/** Builds dist/ as `npm run build` does (the ES modules and the single file; types are not needed to run). */
export async function buildPackage(): Promise<void> {
  await viteBuild({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'error' });
  await viteBuild({ root, configFile: join(root, 'vite.config.ts'), mode: 'bundle', logLevel: 'error' });
}

/** Bundles a host's entry as the host's own bundler would, importing the package by its name. */
export async function bundleHost(entry: string): Promise<string> {
  const result = await esbuild({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['production'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export interface HostPage {
  page: Page;
  /** Policy violations, uncaught errors and console errors the page reported so far. */
  problems(): Promise<string[]>;
}

export interface PackageHost {
  readonly url: string;
  readonly backend: MockBackend;
  /** Every path the pages asked the server for, in order. */
  readonly requested: string[];
  open(path: string): Promise<HostPage>;
  close(): Promise<void>;
}

export interface HostOptions {
  /** Pages by path: their HTML, served under the hosts' policy, or with another one. */
  pages: Record<string, string | { html: string; policy: string }>;
  /** Files of the project served as they are, by path (MSW's worker script). */
  files?: Record<string, string>;
  /** Scripts by path: their source (a host's own bundle). */
  scripts?: Record<string, string>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startPackageHost(options: HostOptions): Promise<PackageHost> {
  const requested: string[] = [];
  // Made once the port is known: the handlers match the API's absolute URL.
  const api: { backend?: MockBackend } = {};
  const server: Server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
    requested.push(url.pathname);
    if (url.pathname.startsWith('/api/') && api.backend) {
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await readBody(request);
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
      const answer = await getResponse(api.backend.handlers, new Request(url, { method: request.method, headers, body: body && new Uint8Array(body) }));
      if (!answer) return void response.writeHead(404).end();
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      return void response.end(Buffer.from(await answer.arrayBuffer()));
    }
    // No icon: answered empty rather than 404, which the browser would log as a console error.
    if (url.pathname === '/favicon.ico') return void response.writeHead(204).end();
    const page = options.pages[url.pathname];
    if (page !== undefined) {
      const { html, policy } = typeof page === 'string' ? { html: page, policy: ELEMENTS_CONTENT_SECURITY_POLICY } : page;
      return void response.writeHead(200, { 'Content-Type': TYPES['.html']!, 'Content-Security-Policy': policy }).end(html);
    }
    const file = options.files?.[url.pathname];
    if (file !== undefined) return void response.writeHead(200, { 'Content-Type': TYPES['.js']! }).end(await readFile(join(root, file)));
    const script = options.scripts?.[url.pathname];
    if (script !== undefined) return void response.writeHead(200, { 'Content-Type': TYPES['.js']! }).end(script);
    if (url.pathname.startsWith('/dist/')) {
      const built = normalize(join(root, url.pathname));
      if (!built.startsWith(join(root, 'dist'))) return void response.writeHead(403).end();
      const content = await readFile(built).catch(() => undefined);
      if (!content) return void response.writeHead(404).end();
      return void response.writeHead(200, { 'Content-Type': TYPES[extname(built)] ?? 'application/octet-stream' }).end(content);
    }
    response.writeHead(404).end();
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The host server did not report a port.');
  const url = `http://127.0.0.1:${address.port}`;
  const backend = new MockBackend({ baseUrl: `${url}/api` });
  api.backend = backend;
  const browser: Browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  return {
    url,
    backend,
    requested,
    async open(path) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.stack ?? error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
      });
      // Init scripts run before the page's own and are not subject to its policy.
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { violations: string[] }).violations = seen;
        document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} refused ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
      });
      await page.goto(`${url}${path}`);
      return {
        page,
        // The violation event comes a task after the violation; evaluating is at least one task later.
        problems: async () => [...problems, ...(await page.evaluate(() => (window as unknown as { violations: string[] }).violations))],
      };
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
