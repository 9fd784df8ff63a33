/**
 * The human-readable API reference: Scalar's API reference, rendered in the browser from the
 * OpenAPI document the Worker serves (/api/v1/openapi.json), so it cannot drift from the API.
 *
 * Everything comes from this server: the page below (from the Worker), Scalar's self-contained
 * browser bundle (a static asset, copied from node_modules by scripts/build-assets.ts) and the
 * document. No CDN, no web fonts, no telemetry: it works inside a closed network, and the
 * Content-Security-Policy forbids any other origin anyway.
 */
import type { Context } from 'hono';

/** Where the static assets serve Scalar's bundle (see scripts/build-assets.ts and wrangler.toml). */
export const scalarScriptPath = '/vendor/scalar/api-reference.js';
export const openApiPath = '/api/v1/openapi.json';

/**
 * Scalar's configuration: the features that would reach Scalar's services (web fonts, telemetry,
 * the agent, the MCP link, the developer toolbar) are off. "Try it" sends requests to this same
 * origin, which the policy allows.
 */
const configuration = {
  withDefaultFonts: false,
  telemetry: false,
  showDeveloperTools: 'never',
  agent: { disabled: true },
  mcp: { disabled: true },
  documentDownloadType: 'json',
  modelsSectionLabel: 'Schemas',
  hideModels: false,
  defaultOpenFirstTag: true,
};

/**
 * Only this origin's scripts; the page has no inline script (the configuration travels in data
 * attributes). Scalar injects its stylesheet as a <style> element that carries the nonce it reads
 * from `<meta property="csp-nonce">`; its components also set `style` attributes (positions of
 * popovers, sizes), which `style-src-attr` allows and which cannot run code.
 */
export function referencePolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const escapeAttribute = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function renderReference(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="csp-nonce" content="${escapeAttribute(nonce)}">
<title>Bangkom API</title>
<link rel="icon" href="data:,">
</head>
<body>
<noscript>The API reference needs JavaScript. The machine-readable document is at <a href="${openApiPath}">${openApiPath}</a> (OpenAPI 3.1).</noscript>
<script id="api-reference" data-url="${openApiPath}" data-configuration="${escapeAttribute(JSON.stringify(configuration))}"></script>
<script src="${scalarScriptPath}"></script>
</body>
</html>
`;
}

function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/** GET /api/v1/reference */
export function referencePage(c: Context): Response {
  const nonce = randomNonce();
  c.header('content-security-policy', referencePolicy(nonce));
  c.header('x-content-type-options', 'nosniff');
  c.header('referrer-policy', 'no-referrer');
  c.header('cache-control', 'no-store');
  return c.html(renderReference(nonce));
}
