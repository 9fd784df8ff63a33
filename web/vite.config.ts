/**
 * The console's build. `npm run web:build` (scripts/build-console.ts) writes it to the root of the
 * Worker's static assets (`dist/public/`, beside the vendored files under /vendor/);
 * `npm run web:dev` serves it with hot reload on http://127.0.0.1:5173 and passes /api to the
 * local Worker started by `npm start` (8787).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(() => ({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/public/', import.meta.url)),
    // The directory also holds the vendored files (scripts/build-assets.ts); the build script
    // clears the console's own files (index.html, assets/) before building.
    emptyOutDir: false,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/api': 'http://127.0.0.1:8787', '/.well-known': 'http://127.0.0.1:8787' },
  },
}));
