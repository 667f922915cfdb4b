import { defineConfig, type UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from './scripts/content-security-policy.mjs';

// The demo is served under the strict policy the elements promise hosts, in development
// (`npm start`) and built (`vite build --mode demo`, then `vite preview --mode demo`), so a
// violation shows while working, not in a host's page.
const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY };

/** The demo page (index.html) with the mock backend's service worker. */
const demo: UserConfig = {
  server: { host: '127.0.0.1', port: 5173, strictPort: false, headers },
  preview: { host: '127.0.0.1', headers },
  // The demo bundles the whole mock backend (seed, engine, MSW), so its one chunk is large.
  build: { outDir: 'dist/demo', target: 'es2022', chunkSizeWarningLimit: 2048 },
};

/** The library: the elements, their registration and the engine, without the demo's worker. */
const library: UserConfig = {
  server: demo.server,
  preview: demo.preview,
  build: {
    // The library build must not ship the demo's mock service worker.
    copyPublicDir: false,
    target: 'es2022',
    lib: {
      entry: { index: 'src/index.ts', define: 'src/define.ts', engine: 'src/engine/index.ts' },
      formats: ['es'],
    },
    rollupOptions: { external: [/^lit/, /^@lit\//, 'idb-keyval'] },
  },
};

export default defineConfig(({ mode }) => (mode === 'demo' ? demo : library));
