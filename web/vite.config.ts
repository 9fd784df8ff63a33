/**
 * The console's build. `npm run web:build` (scripts/build-console.ts) writes it to the root of the
 * Worker's static assets (`dist/public/`, beside the vendored files under /vendor/);
 * `npm run web:dev` serves it with hot reload on http://127.0.0.1:5173 and passes /api to the
 * local Worker started by `npm start` (8787).
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, transformWithOxc } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const entryModule = fileURLToPath(new URL('src/app/main.tsx', import.meta.url));
const appModule = fileURLToPath(new URL('src/app/start.tsx', import.meta.url));
/** Beranda's learning half: rendered lazily, below the fold, but part of the employee's home. */
const learningModule = fileURLToPath(new URL('src/features/learning/LearningSection.tsx', import.meta.url));
const renewalModule = fileURLToPath(new URL('src/app/renewal.ts', import.meta.url));

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
        const app = chunks.find((c) => c.moduleIds.includes(appModule));
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
            // crossorigin as the app's loader asks for it (Vite's preload helper sets crossOrigin on
            // the stylesheet link): otherwise the preload is not reused and the file comes twice.
            attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

/**
 * The session's renewal (src/app/renewal.ts) inlined at the top of index.html, so that the refresh
 * request leaves while the HTML is still being read, before any of the console's files is asked
 * for. The CSP allows no inline script but this one: its sha-256 is added to `script-src` in the
 * built `_headers` (copied from web/public/).
 */
function earlyRenewal(): Plugin {
  let code = '';
  let outDir = '';
  return {
    name: 'bangkom:early-renewal',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async buildStart() {
      code = (await transformWithOxc(await readFile(renewalModule, 'utf8'), renewalModule, { lang: 'ts' })).code.trim();
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'script', attrs: { type: 'module', async: true }, children: code, injectTo: 'head-prepend' }],
    },
    async closeBundle() {
      const file = join(outDir, '_headers');
      const hash = createHash('sha256').update(code).digest('base64');
      const headers = await readFile(file, 'utf8');
      if (!headers.includes("script-src 'self'")) throw new Error(`${file}: no script-src 'self' to add the renewal's hash to`);
      await writeFile(file, headers.replace("script-src 'self'", `script-src 'self' 'sha256-${hash}'`));
    },
  };
}

/**
 * React Router's package points every export condition at its development build, whose only
 * difference is its developer warnings (and a "Hey developer" text in its default error screen).
 * A build takes the production one; `npm run web:dev` keeps the warnings.
 */
const routerProduction = fileURLToPath(new URL('../node_modules/react-router/dist/production/index.mjs', import.meta.url));

export default defineConfig(({ command }) => ({
  root: webRoot,
  plugins: [react(), earlyRenewal(), preloadApp()],
  resolve: command === 'build' ? { alias: [{ find: /^react-router$/, replacement: routerProduction }] } : {},
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
        // Few files for the first screen: a browser on HTTP/1.1 (the local server) fetches six at a
        // time, and the session's renewal and the first reads wait behind them. Each group takes
        // its module and everything that module imports (not what it loads lazily), unless a group
        // of higher priority took it first:
        // - `boot`: the entry (main.tsx) and its imports, free of React: the renewal and the reads;
        // - `start`: the app (start.tsx) and its imports: React, the router, the query hooks, the
        //   layout, Beranda and the components they use, with Beranda's learning half (rendered
        //   lazily, but on its own it would fetch `ui`, the rest of Mantine, on every home screen);
        // - `ui`: the rest of Mantine, for the other screens, as one chunk rather than some thirty.
        codeSplitting: {
          groups: [
            { name: 'boot', test: (id: string) => id === entryModule, priority: 3 },
            { name: 'start', test: (id: string) => id === appModule || id === learningModule, priority: 2 },
            { name: 'ui', test: /node_modules[\\/]@mantine[\\/](core|hooks)[\\/]/, priority: 1 },
          ],
        },
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
