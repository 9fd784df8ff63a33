/**
 * Static assets and the Worker together, the way `wrangler dev` and Cloudflare serve them: the
 * Workers test pool cannot show this (its `exports.default.fetch` reaches the Worker only), so
 * these tests start the real configuration with wrangler's `unstable_startWorker` on a free port
 * and talk HTTP to it. Needs `dist/public/` filled (`npm test` does that first).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unstable_startWorker } from 'wrangler';
import { openApiPath, scalarScriptPath } from '../../src/modules/docs/reference';

const root = fileURLToPath(new URL('../../', import.meta.url));
type Worker = Awaited<ReturnType<typeof unstable_startWorker>>;

async function start(config: string): Promise<{ worker: Worker; url: string }> {
  const worker = await unstable_startWorker({
    config,
    // The Worker refuses to start without a key set; no request here needs a real one.
    bindings: { JWT_JWKS: { type: 'plain_text', value: '{"keys":[]}' } },
    envFiles: [],
    sendMetrics: false,
    dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, persist: false, watch: false, logLevel: 'none' },
  });
  await worker.ready;
  const url = (await worker.url).origin;
  return { worker, url };
}

/** Answers from the Worker carry its request id; the asset router's answers do not. */
const fromWorker = (res: Response) => res.headers.has('x-request-id');
const navigate = { headers: { accept: 'text/html', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' } };

describe('static assets with wrangler.toml as it is', { timeout: 120_000 }, () => {
  let worker: Worker;
  let url: string;
  beforeAll(async () => {
    ({ worker, url } = await start(join(root, 'wrangler.toml')));
  }, 120_000);
  afterAll(async () => {
    await worker?.dispose();
  });

  it('serves the Scalar bundle from the assets, not the Worker', async () => {
    const res = await fetch(`${url}${scalarScriptPath}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^(?:text|application)\/javascript/);
    expect(fromWorker(res)).toBe(false);
    expect((await res.text()).length).toBeGreaterThan(1_000_000);
  });

  it('serves the reference page from the Worker, and the page loads that same path', async () => {
    const res = await fetch(`${url}/api/v1/reference`, navigate);
    expect(res.status).toBe(200);
    expect(fromWorker(res)).toBe(true);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain(`<script src="${scalarScriptPath}"></script>`);
    const doc = await fetch(`${url}${openApiPath}`);
    expect(doc.status).toBe(200);
    expect(((await doc.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('sends /health and /.well-known/* to the Worker even for a browser navigation', async () => {
    const health = await fetch(`${url}/health`, navigate);
    expect(fromWorker(health)).toBe(true);
    expect(await health.json()).toEqual({ status: 'ok' });
    // Bangkom's public keys are the Worker's own answer (JSON), never the console's page.
    const jwks = await fetch(`${url}/.well-known/jwks.json`, navigate);
    expect(jwks.status).toBe(200);
    expect(fromWorker(jwks)).toBe(true);
    expect(await jwks.json()).toHaveProperty('keys');
    // An unknown API path without a token is refused before routing (401); nothing else is at /.well-known/ (404).
    for (const [path, status] of [
      ['/.well-known/anything', 404],
      ['/api/v1/no-such-route', 401],
    ] as const) {
      const res = await fetch(`${url}${path}`, navigate);
      expect(res.status, path).toBe(status);
      expect(fromWorker(res), path).toBe(true);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/problem\+json/);
    }
  });
});

/**
 * The console at `/`, with wrangler.toml's own [assets] settings pointed at a directory laid out
 * as the console's build lays it out (index.html, assets/, the _headers file from web/public,
 * vendored files under /vendor/): any path without a file gets index.html, while the API,
 * /health and /.well-known/* still reach the Worker, even for a browser's navigation request.
 */
describe('the console at / (single-page fallback)', { timeout: 120_000 }, () => {
  let worker: Worker;
  let url: string;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bangkom-spa-'));
    const assets = join(dir, 'public');
    await mkdir(join(assets, 'vendor/scalar'), { recursive: true });
    await mkdir(join(assets, 'assets'), { recursive: true });
    await writeFile(join(assets, 'index.html'), '<!doctype html><title>console</title>');
    await writeFile(join(assets, 'assets/app.js'), 'console.log(1)');
    await writeFile(join(assets, '_headers'), await readFile(join(root, 'web/public/_headers'), 'utf8'));
    await writeFile(join(assets, scalarScriptPath), '/* bundle */');
    const toml = (await readFile(join(root, 'wrangler.toml'), 'utf8'))
      .replace(/^main = "(.*)"$/m, (_, main: string) => `main = ${JSON.stringify(join(root, main))}`)
      .replace(/^directory = "dist\/public"$/m, `directory = ${JSON.stringify(assets)}`)
      .replaceAll(/^migrations_dir = .*$/gm, '');
    expect(toml).toContain('not_found_handling = "single-page-application"');
    expect(toml).toContain(`directory = ${JSON.stringify(assets)}`);
    await writeFile(join(dir, 'wrangler.toml'), toml);
    ({ worker, url } = await start(join(dir, 'wrangler.toml')));
  }, 120_000);
  afterAll(async () => {
    await worker?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers the console for / and for its pages, with the console headers', async () => {
    for (const path of ['/', '/tugas', '/pendampingan/pair_123', '/masuk?next=%2Ftugas']) {
      const res = await fetch(`${url}${path}`, navigate);
      expect(res.status, path).toBe(200);
      expect(fromWorker(res), path).toBe(false);
      expect(await res.text(), path).toContain('<title>console</title>');
      expect(res.headers.get('content-security-policy'), path).toContain("script-src 'self'");
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
    const script = await fetch(`${url}/assets/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('still sends the API, /health, /.well-known/* and the verification page to the Worker', async () => {
    const paths = ['/api/v1/reference', '/api/v1/no-such-route', '/api/v1/tenants/kalianda', '/health', '/.well-known/anything'];
    for (const path of [...paths, '/verifikasi/0123456789abcdefghjkmnpqrstvwxyz']) {
      const res = await fetch(`${url}${path}`, navigate);
      expect(fromWorker(res), path).toBe(true);
      expect(await res.text(), path).not.toContain('<title>console</title>');
    }
    const bundle = await fetch(`${url}${scalarScriptPath}`);
    expect(fromWorker(bundle)).toBe(false);
    expect(await bundle.text()).toBe('/* bundle */');
  });
});
