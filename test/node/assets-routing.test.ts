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

  it('leaves every other path to the Worker when no file matches', async () => {
    const health = await fetch(`${url}/health`);
    expect(fromWorker(health)).toBe(true);
    expect(await health.json()).toEqual({ status: 'ok' });
    for (const path of ['/', '/nothing-here', '/vendor/scalar/missing.js', '/.well-known/jwks.json']) {
      const res = await fetch(`${url}${path}`, navigate);
      expect(res.status, path).toBe(404);
      expect(fromWorker(res), path).toBe(true);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/problem\+json/);
    }
  });
});

/**
 * The layout wrangler.toml promises for the console: an index.html at the root of the assets and
 * the single-page-application fallback. The API, /health and /.well-known/* must still reach the
 * Worker, even for a browser's navigation request, while any other unknown path gets the console.
 */
describe('a single-page console at / (the planned layout)', { timeout: 120_000 }, () => {
  let worker: Worker;
  let url: string;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bangkom-spa-'));
    const assets = join(dir, 'public');
    await mkdir(join(assets, 'vendor/scalar'), { recursive: true });
    await writeFile(join(assets, 'index.html'), '<!doctype html><title>console</title>');
    await writeFile(join(assets, scalarScriptPath), '/* bundle */');
    const toml = (await readFile(join(root, 'wrangler.toml'), 'utf8'))
      .replace(/^main = "(.*)"$/m, (_, main: string) => `main = ${JSON.stringify(join(root, main))}`)
      .replace(/^directory = "dist\/public"$/m, `directory = ${JSON.stringify(assets)}\nnot_found_handling = "single-page-application"`)
      .replaceAll(/^migrations_dir = .*$/gm, '');
    expect(toml).toContain('single-page-application');
    await writeFile(join(dir, 'wrangler.toml'), toml);
    ({ worker, url } = await start(join(dir, 'wrangler.toml')));
  }, 120_000);
  afterAll(async () => {
    await worker?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers the console for / and for unknown pages', async () => {
    for (const path of ['/', '/plans/2027', '/employees/123']) {
      const res = await fetch(`${url}${path}`, navigate);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain('<title>console</title>');
    }
  });

  it('still sends the API, /health and /.well-known/* to the Worker', async () => {
    for (const path of ['/api/v1/reference', '/api/v1/no-such-route', '/api/v1/tenants/kalianda', '/health', '/.well-known/anything']) {
      const res = await fetch(`${url}${path}`, navigate);
      expect(fromWorker(res), path).toBe(true);
      expect(await res.text(), path).not.toContain('<title>console</title>');
    }
    const bundle = await fetch(`${url}${scalarScriptPath}`);
    expect(fromWorker(bundle)).toBe(false);
    expect(await bundle.text()).toBe('/* bundle */');
  });
});
