/**
 * The console's build. `npm run web:build` (scripts/build-console.ts) writes it to the root of the
 * Worker's static assets (`dist/public/`, beside the vendored files under /vendor/);
 * `npm run web:dev` serves it with hot reload on http://127.0.0.1:5173 and passes /api to the
 * local Worker started by `npm start` (8787).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The entry (main.tsx) is small and imports the app (start.tsx) dynamically, so that the session's
 * renewal starts before the app's code has arrived; this puts the app's chunks in index.html as
 * module preloads and its styles as style preloads, so that the browser fetches them alongside the
 * entry instead of after it.
 */
function preloadApp(): Plugin {
  return {
    name: 'bangkom:preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const app = chunks.find((c) => c.facadeModuleId?.endsWith('/src/app/start.tsx'));
        if (!app) return [];
        const files = new Set<string>();
        const visit = (name: string) => {
          if (files.has(name)) return;
          files.add(name);
          for (const imported of chunks.find((c) => c.fileName === name)?.imports ?? []) visit(imported);
        };
        visit(app.fileName);
        const fresh = (file: string) => !html.includes(`/${file}"`);
        // The styles too: the app's import waits for them, and fetched only then they would add a
        // whole request after the renewal's answer.
        const styles = [...files].flatMap((file) => [...(chunks.find((c) => c.fileName === file)?.viteMetadata?.importedCss ?? [])]);
        return [
          ...[...files].filter(fresh).map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          })),
          ...[...new Set(styles)].filter(fresh).map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', href: `/${file}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

export default defineConfig(() => ({
  root: webRoot,
  plugins: [react(), preloadApp()],
  build: {
    outDir: fileURLToPath(new URL('../dist/public/', import.meta.url)),
    // The directory also holds the vendored files (scripts/build-assets.ts); the build script
    // clears the console's own files (index.html, assets/) before building.
    emptyOutDir: false,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      output: {
        // Mantine's components (with what they import) as one chunk: split automatically they came
        // as some thirty small shared chunks, which a browser on HTTP/1.1 (the local server) fetches
        // six at a time; one chunk costs a little more to download and much less to wait for.
        codeSplitting: { groups: [{ name: 'ui', test: /node_modules[\\/]@mantine[\\/](core|hooks)[\\/]/ }] },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/api': 'http://127.0.0.1:8787', '/.well-known': 'http://127.0.0.1:8787' },
  },
}));
