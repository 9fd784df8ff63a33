/**
 * A human-readable API reference rendered on the server from the OpenAPI document itself: no
 * script, no CDN, so it works offline and cannot drift from the API.
 */
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  'x-roles'?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
  responses?: Record<string, { description?: string }>;
}

interface Document {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}

const escape = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function operationHtml(method: string, path: string, op: Operation): string {
  const params = (op.parameters ?? [])
    .map((p) => `<li><code>${escape(p.name)}</code> <small>${p.in}${p.required ? ', required' : ''}</small> ${escape(p.description ?? '')}</li>`)
    .join('');
  const body = Object.values(op.requestBody?.content ?? {})[0]?.schema?.$ref?.split('/').pop();
  const responses = Object.entries(op.responses ?? {})
    .map(([status, r]) => `<li><code>${status}</code> ${escape(r.description ?? '')}</li>`)
    .join('');
  return `<section class="op">
  <h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>
  <p>${escape(op.summary ?? '')}</p>${op.description ? `<p>${escape(op.description)}</p>` : ''}
  <p><small>Roles: ${(op['x-roles'] ?? ['public']).map(escape).join(', ')}</small></p>
  ${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ''}
  ${body ? `<h4>Body</h4><p><code>${escape(body)}</code> (see the OpenAPI document)</p>` : ''}
  <h4>Responses</h4><ul>${responses}</ul>
</section>`;
}

export function renderReference(doc: Document): string {
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? 'General';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, path, op)]);
    }
  }
  const toc = [...byTag.keys()].map((t) => `<a href="#${escape(t)}">${escape(t)}</a>`).join(' · ');
  const sections = [...byTag.entries()].map(([t, ops]) => `<h2 id="${escape(t)}">${escape(t)}</h2>${ops.join('')}`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(doc.info.title)} API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2433}
code{background:#f2f4f8;padding:0 .25rem;border-radius:3px}.op{border:1px solid #dde2ea;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.m{font-weight:700;padding:0 .4rem;border-radius:3px;color:#fff;background:#5b6b82}.get{background:#2f7d4f}.post{background:#2360a8}
.patch{background:#a86b23}.delete{background:#a8232f}h4{margin:.5rem 0 0}</style></head><body>
<h1>${escape(doc.info.title)} <small>${escape(doc.info.version)}</small></h1><p>${escape(doc.info.description ?? '')}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Every error is <code>application/problem+json</code>.</p>
<nav>${toc}</nav>${sections}</body></html>`;
}
