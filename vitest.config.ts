/**
 * Four projects: `workers` runs the suites inside workerd with real D1 (the Worker's own runtime);
 * `node` holds the few checks that need Node-only tools (the OpenAPI 3.1 validator compiles
 * schemas with `new Function`, which workerd forbids); `web` runs the console's component tests
 * beside its components (happy-dom, Testing Library); `e2e` runs the console's journeys in
 * Chromium against the real Worker and D1 (web/e2e/, which starts its own `wrangler dev`). A fresh
 * signing key pair is made for every run, so no key is ever committed. The workers project starts
 * a real OpenID Connect provider in Node first (test/node/oidc-idp.ts) for the single sign-on tests.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import react from '@vitejs/plugin-react';
import { exportJWK, generateKeyPair } from 'jose';
import { defineConfig } from 'vitest/config';
import { buildAssets } from './scripts/build-assets';
import { siasnFake } from './test/node/siasn-fake';
import { ssoClientSecrets } from './test/support/oidc-clients';
import { siasnCredentials, siasnUrls } from './test/support/siasn-regions';

const keyId = 'test-key';
const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
const publicJwk = { ...(await exportJWK(publicKey)), kid: keyId, alg: 'ES256', use: 'sig' };
const privateJwk = { ...(await exportJWK(privateKey)), kid: keyId, alg: 'ES256' };
/** Bangkom's own signing keys for the run: the current one signs, the previous one is kept for verification (rotation). */
const ownKey = async (kid: string) => ({
  ...(await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey)),
  kid,
  alg: 'ES256',
});
const ownKeys = [await ownKey('bangkom-current'), await ownKey('bangkom-previous')];
// The Worker's static assets directory must exist before the pool starts (wrangler.toml [assets]).
buildAssets();
/** Vite's cache in the checkout itself, not in node_modules: checkouts that share one node_modules keep their own. */
const cacheDir = '.cache/vite';
const migrations = await readD1Migrations(fileURLToPath(new URL('./migrations', import.meta.url)));

/**
 * Every package (and subpath) that the Worker and the workers tests import. Each test file runs in
 * a fresh workerd, which fetches and evaluates every module it imports one by one; pre-bundled by
 * Vite's optimizer, a package is a few modules instead of hundreds (zod alone is hundreds). Read
 * from the sources rather than listed by hand: a subpath left out would load unbundled next to the
 * bundle, a second copy of the package's classes.
 */
function importedPackages(): string[] {
  const found = new Set<string>();
  for (const dir of ['src', 'test']) {
    const root = new URL(`./${dir}/`, import.meta.url);
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || (dir === 'test' && file.startsWith('node/'))) continue;
      for (const [, specifier] of readFileSync(new URL(file, root), 'utf8').matchAll(/\b(?:from|import)\s*\(?\s*'([a-z@][\w@./-]*)'/g)) {
        if (!/^vitest(\/|$)/.test(specifier as string)) found.add(specifier as string);
      }
    }
  }
  return [...found].sort();
}

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    // Every core: Vitest's own default leaves one free, which on a 2-core machine ran one file at a time.
    maxWorkers: '100%',
    projects: [
      {
        cacheDir,
        plugins: [
          cloudflareTest({
            main: './src/index.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: migrations,
                TEST_SIGNING_JWK: JSON.stringify(privateJwk),
                JWT_JWKS: JSON.stringify({ keys: [publicJwk] }),
                AUTH_SIGNING_KEYS: JSON.stringify(ownKeys),
                // Few iterations keep the suites fast; one test checks the production count (docs/auth.md).
                AUTH_PBKDF2_ITERATIONS: '1000',
                // The single sign-on regions' client secrets at the test IdP (test/node/oidc-idp.ts).
                OIDC_CLIENT_SECRETS: ssoClientSecrets(),
                SERVER_TIMING: 'on',
                // Notification e-mail is also written to R2, where the tests read it (modules/notifications/mail.ts).
                EMAIL_CAPTURE: 'on',
                ...(process.env.FUZZ_SEED ? { FUZZ_SEED: process.env.FUZZ_SEED } : {}),
                // The SIASN sync's configuration: the test regions' accounts at the double of SIASN below.
                ...siasnUrls,
                SIASN_CREDENTIALS: siasnCredentials(),
              },
              // Every SIASN request goes through this binding to a double of SIASN in Node (test/node/siasn-fake.ts), never out.
              serviceBindings: { SIASN: siasnFake },
            },
          }),
        ],
        test: {
          name: 'workers',
          include: ['test/**/*.test.ts'],
          exclude: ['test/node/**'],
          setupFiles: ['./test/support/apply-migrations.ts'],
          // A real OpenID Connect provider in Node for the single sign-on tests; its URL reaches them by inject().
          globalSetup: ['./test/node/oidc-idp.ts'],
          deps: { optimizer: { ssr: { enabled: true, include: importedPackages() } } },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        cacheDir,
        test: { name: 'node', include: ['test/node/**/*.test.ts'], environment: 'node' },
      },
      {
        cacheDir,
        plugins: [react()],
        test: {
          name: 'web',
          include: ['web/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          environmentOptions: { happyDOM: { url: 'http://127.0.0.1:8787/' } },
          setupFiles: ['./web/src/test/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        cacheDir,
        test: {
          name: 'e2e',
          include: ['web/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./web/e2e/global-setup.ts'],
          // One journey file at a time (each starts its own Worker and browser: web/e2e/harness.ts),
          // in a group of its own after the others: Vitest runs a group's projects with one worker count.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
