/**
 * `npm run web:build [-- --mode production]`: builds the console (web/) into the root of the
 * Worker's static assets, `dist/public/` (index.html and assets/), next to the vendored files
 * that scripts/build-assets.ts copies under /vendor/. The console's previous files are removed
 * first, so no stale chunk stays behind. The default mode is `development`; `npm run deploy`
 * builds with `--mode production`.
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';

const assetsDirectory = new URL('../dist/public/', import.meta.url);
const configFile = fileURLToPath(new URL('../web/vite.config.ts', import.meta.url));

export type ConsoleMode = 'development' | 'production';

/** Builds the console; answers the seconds it took. */
export async function buildConsole(mode: ConsoleMode = 'development'): Promise<number> {
  const started = performance.now();
  await rm(new URL('assets/', assetsDirectory), { recursive: true, force: true });
  await rm(new URL('index.html', assetsDirectory), { force: true });
  // Vite takes NODE_ENV from the environment when it is set, and the journeys build from inside
  // vitest, where it is `test`: React's development code would be built in. The console is built
  // as people get it, whoever builds it.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile, mode, logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return Math.round((performance.now() - started) / 100) / 10;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { mode } = parseArgs({ options: { mode: { type: 'string', default: 'development' } } }).values;
  if (mode !== 'development' && mode !== 'production') throw new Error(`--mode ${mode}: use development or production`);
  console.log(`console (${mode}) built in ${await buildConsole(mode)} s`);
}
