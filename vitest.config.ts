/**
 * Two projects: `workers` runs the suites inside workerd with real D1 (the Worker's own runtime);
 * `node` holds the few checks that need Node-only tools (the OpenAPI 3.1 validator compiles
 * schemas with `new Function`, which workerd forbids). A fresh signing key pair is made for every
 * run, so no key is ever committed.
 */
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { exportJWK, generateKeyPair } from 'jose';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const keyId = 'test-key';
const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
const publicJwk = { ...(await exportJWK(publicKey)), kid: keyId, alg: 'ES256', use: 'sig' };
const privateJwk = { ...(await exportJWK(privateKey)), kid: keyId, alg: 'ES256' };
const migrations = await readD1Migrations(fileURLToPath(new URL('./migrations', import.meta.url)));

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        plugins: [
          cloudflareTest({
            main: './src/index.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: migrations,
                TEST_SIGNING_JWK: JSON.stringify(privateJwk),
                JWT_JWKS: JSON.stringify({ keys: [publicJwk] }),
                SERVER_TIMING: 'on',
              },
            },
          }),
        ],
        test: {
          name: 'workers',
          include: ['test/**/*.test.ts'],
          exclude: ['test/node/**'],
          setupFiles: ['./test/support/apply-migrations.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: { name: 'node', include: ['test/node/**/*.test.ts'], environment: 'node' },
      },
    ],
  },
});
