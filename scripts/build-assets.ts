/**
 * Fills the Worker's static assets directory (`[assets] directory` in wrangler.toml,
 * `dist/public/`, generated and gitignored) with the files the Worker serves but does not build:
 * today the Scalar API reference bundle, copied from node_modules so that `/api/v1/reference`
 * needs nothing outside this server (it must work inside a closed network).
 *
 * Runs before `npm start`, `npm test`, `npm run deploy` and the bench; `npm run assets` runs it
 * alone. Safe to repeat: it only overwrites its own files.
 */
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scalarScriptPath } from '../src/modules/docs/reference';

const repoRoot = new URL('../', import.meta.url);
const assetsDirectory = new URL('dist/public/', repoRoot);

/** The self-contained browser build of @scalar/api-reference (no chunks, no CDN). */
const scalarBundle = new URL('node_modules/@scalar/api-reference/dist/browser/standalone.js', repoRoot);

/** Copies the vendored files into the assets directory; answers what it wrote. */
export function buildAssets(): string[] {
  const written: string[] = [];
  const copy = (from: URL, servedAt: string) => {
    const to = fileURLToPath(new URL(`.${servedAt}`, assetsDirectory));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(fileURLToPath(from), to);
    written.push(`${servedAt} (${Math.round(statSync(to).size / 1024)} KiB)`);
  };
  try {
    copy(scalarBundle, scalarScriptPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${fileURLToPath(scalarBundle)} is missing: run \`npm install\` first.`);
    }
    throw err;
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const line of buildAssets()) console.log(`assets: ${line}`);
}
