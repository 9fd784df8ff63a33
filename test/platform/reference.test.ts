/**
 * The API reference page and the Scalar bundle it loads, inside workerd. The page comes from the
 * Worker; the bundle comes from the static assets, which the test pool exposes through the ASSETS
 * binding (its `exports.default.fetch` reaches the Worker only, never the asset router, so the
 * routing between the two is checked against `wrangler dev` in test/node/assets-routing.test.ts).
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openApiPath, scalarScriptPath } from '../../src/modules/docs/reference';
import { api } from '../support/api';

const assets = (env as unknown as { ASSETS: Fetcher }).ASSETS;

/** Every URL the page's markup names: src, href, data-url, action, and url() in styles. */
function urlsIn(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href|data-url|action|content)\s*=\s*"([^"]*)"|url\(([^)]*)\)/g)].map((m) =>
    (m[1] ?? m[2] ?? '').trim(),
  );
}

describe('API reference', () => {
  it('is an HTML page that loads Scalar from this origin and points it at the OpenAPI document', async () => {
    const res = await api('GET', '/api/v1/reference');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('<title>Bangkom API</title>');
    expect(res.text).toContain(`<script src="${scalarScriptPath}"></script>`);
    expect(res.text).toContain(`data-url="${openApiPath}"`);
    expect(scalarScriptPath.startsWith('/') && !scalarScriptPath.startsWith('//')).toBe(true);
  });

  it('names no other origin: no absolute or protocol-relative URL, no inline script', async () => {
    const { text } = await api('GET', '/api/v1/reference');
    expect(text).not.toMatch(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    for (const url of urlsIn(text)) expect(url, url).not.toMatch(/^(?:[a-z][a-z0-9+.-]*:(?!,)|\/\/)/i);
    // The only scripts: the configuration element (empty, so nothing inline runs) and the bundle.
    const scripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(2);
    for (const [, , body] of scripts) expect(body).toBe('');
    const configuration = JSON.parse(
      /data-configuration="([^"]*)"/.exec(text)?.[1]?.replaceAll('&quot;', '"').replaceAll('&amp;', '&') ?? '{}',
    );
    expect(configuration).toMatchObject({ withDefaultFonts: false, telemetry: false });
  });

  it('sends a strict Content-Security-Policy', async () => {
    const res = await api('GET', '/api/v1/reference');
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('font-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    // No directive allows another origin, eval, or inline scripts.
    expect(csp).not.toMatch(/https?:|\*|'unsafe-eval'|'strict-dynamic'|blob:/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('needs no token, and the document it points to needs none either', async () => {
    const res = await api('GET', openApiPath);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ openapi: '3.1.0' });
  });

  it('has the Scalar bundle in the static assets, as JavaScript', async () => {
    const res = await assets.fetch(`https://bangkom.test${scalarScriptPath}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^(?:text|application)\/javascript/);
    const body = await res.text();
    expect(body.length).toBeGreaterThan(1_000_000);
    expect(body).toContain('createApiReference');
  });
});
