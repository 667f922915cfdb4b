import { defineConfig } from 'vite';

export default defineConfig({
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1' },
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
});
