import { defineConfig, type UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from './scripts/content-security-policy.mjs';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';

// The demo is served under the strict policy the elements promise hosts, in development
// (`npm start`) and built (`vite build --mode demo`, then `vite preview --mode demo`), so a
// violation shows while working, not in a host's page.
const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY };

/** The demo page (index.html) with the mock backend's service worker. */
const demo: UserConfig = {
  plugins: [minifyTemplatesPlugin()],
  server: { host: '127.0.0.1', port: 5173, strictPort: false, headers },
  preview: { host: '127.0.0.1', headers },
  // The demo bundles the whole mock backend (seed, engine, MSW), so its one chunk is large.
  build: { outDir: 'dist/demo', target: 'es2022', chunkSizeWarningLimit: 2048 },
};

/** The package's entry points, named after their source so each `.d.ts` from tsc sits beside its module. */
const entries = {
  'src/index': 'src/index.ts',
  'src/define': 'src/define.ts',
  'src/app/index': 'src/app/index.ts',
  'src/engine/index': 'src/engine/index.ts',
  'src/testing/index': 'src/testing/index.ts',
  'src/react/index': 'src/react/index.ts',
  'mocks/index': 'mocks/index.ts',
  'mocks/node-entry': 'mocks/node-entry.ts',
};

// The host installs these (dependencies and peers), so the modules import them rather than carry
// a second copy; what the mocks use from devDependencies (openapi-msw, the schema validator) is inlined.
const external = [/^lit($|\/)/, /^@lit\//, /^idb-keyval/, /^@tanstack\//, /^libphonenumber-js/, /^openapi-fetch/, /^dom-accessibility-api/, /^msw($|\/)/, /^react($|\/)/, /^react-dom($|\/)/];

/** The library as ES modules, one per entry and shared chunks, for hosts with a bundler. */
const library: UserConfig = {
  plugins: [minifyTemplatesPlugin()],
  server: demo.server,
  preview: demo.preview,
  build: {
    // The library build must not ship the demo's mock service worker.
    copyPublicDir: false,
    target: 'es2022',
    lib: { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
    rollupOptions: { external, output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
};

/** One self-contained module that registers every tag, Lit included, for a plain `<script type="module">`. */
const bundle: UserConfig = {
  plugins: [minifyTemplatesPlugin()],
  server: demo.server,
  preview: demo.preview,
  // Lit's production build; the virtualizer reads NODE_ENV, which no bundler will replace after us.
  resolve: { conditions: ['module', 'browser', 'production'] },
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    copyPublicDir: false,
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib: { entry: { 'optout-elements.bundle': 'src/bundle.ts' }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
    // One file: the fr-CA strings are inlined rather than a chunk the page would have to find.
    rollupOptions: { output: { codeSplitting: false, minify: true } },
  },
};

export default defineConfig(({ mode }) => (mode === 'demo' ? demo : mode === 'bundle' ? bundle : library));
