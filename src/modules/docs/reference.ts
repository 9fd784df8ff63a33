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
 * the agent, the MCP link, the developer toolbar, the hosted client) are off. "Test Request"
 * sends requests to this same origin, which the policy allows.
 */
const configuration = {
  slug: 'bangkom',
  withDefaultFonts: false,
  telemetry: false,
  showDeveloperTools: 'never',
  agent: { disabled: true },
  mcp: { disabled: true },
  hideClientButton: true,
  documentDownloadType: 'json',
  modelsSectionLabel: 'Schemas',
};

/**
 * Only this origin's scripts, connections, fonts and images; the page itself has no inline script
 * (the configuration travels in data attributes), and nothing may frame it. Styles also need
 * 'unsafe-inline': Scalar builds its look at run time as <style> elements (its stylesheet, the
 * theme, the toasts and more) and `style` attributes, and only the first of those would carry a
 * nonce, so a nonce policy leaves the page unstyled. Inline styles cannot run code, and with
 * images, fonts and connections held to this origin they cannot send anything elsewhere either.
 *
 * Browsers report one blocked `Function('')` from the bundle: zod probing whether it may compile
 * validators, which it then does without. 'unsafe-eval' stays out.
 */
const referencePolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const escapeAttribute = (s: string) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const referenceHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
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

/** GET /api/v1/reference */
export function referencePage(c: Context): Response {
  c.header('content-security-policy', referencePolicy);
  c.header('x-content-type-options', 'nosniff');
  c.header('referrer-policy', 'no-referrer');
  return c.html(referenceHtml);
}
