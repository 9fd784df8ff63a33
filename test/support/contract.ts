/**
 * The contract check. Every answer the test client receives for a documented operation (method and
 * path matching one in the app's own OpenAPI document) is held to what the document promises: the
 * status is one the operation declares, the content type one declared for that status, and a JSON
 * body — success or problem+json — is valid against that status's schema (JSON Schema 2020-12, the
 * dialect of OpenAPI 3.1, with @cfworker/json-schema: it runs in workerd, Ajv does not), with no
 * field the schema does not declare. A mismatch fails the calling test with the operation, the
 * status, the validator's errors and the body. Undocumented paths (bogus ones, the document itself)
 * are skipped.
 *
 * The document comes from the Worker itself, once per test file (each file runs in its own workerd).
 */

import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { dereference, type OutputUnit, type Schema, validate } from '@cfworker/json-schema';
import worker from '../../src/index';

/** What of an answer the check reads; `ApiResponse` has all of it. */
export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

interface MediaType {
  schema?: Schema;
}

interface Operation {
  /** `GET /api/v1/tenants/{tenant}/units/{id}` */
  name: string;
  method: string;
  pattern: RegExp;
  /** Literal path segments: the more, the more specific (`/plans/compare` before `/plans/{id}`). */
  literals: number;
  responses: Record<string, { content?: Record<string, MediaType> }>;
}

export interface Contract {
  operations: Operation[];
  lookup: Record<string, Schema | boolean>;
}

interface Document {
  paths: Record<string, Record<string, { responses: Operation['responses'] }>>;
  components?: { schemas?: Record<string, Schema> };
}

const base = new URL('https://bangkom.test/api/v1/openapi.json');
const subschemaMaps = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const subschemaLists = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const subschemas = new Set([
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
]);
const componentPrefix = '#/components/schemas/';

/** Components used as a part of an `allOf` (`UnitIndicatorDetail` = `UnitIndicator` and more). */
function allOfParts(schemas: unknown[]): Set<string> {
  const parts = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) for (const v of x) walk(v);
    else if (x && typeof x === 'object') {
      for (const [key, value] of Object.entries(x)) {
        if (key === 'allOf' && Array.isArray(value)) {
          for (const part of value) {
            const ref = (part as Schema).$ref;
            if (typeof ref === 'string' && ref.startsWith(componentPrefix)) parts.add(ref.slice(componentPrefix.length));
          }
        }
        walk(value);
      }
    }
  };
  walk(schemas);
  return parts;
}

/**
 * A schema as the check reads it:
 * - closed: an object answer may hold only the fields its schema declares (JSON Schema lets any
 *   other through unless told; a field the document does not name is one a generated client does
 *   not know). `unevaluatedProperties: false` on every object schema that is not itself a part of
 *   an `allOf` (the whole sees the fields of all its parts, a part only its own);
 * - without its `example`s: they are data, yet the validator indexes every object it walks (an
 *   example's `id` would be taken for a schema id).
 */
function prepared(schema: unknown, parts: Set<string>, isPart = false): unknown {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'example' || key === 'examples') continue;
    if (subschemaMaps.has(key) && value && typeof value === 'object')
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, prepared(sub, parts)]));
    else if (subschemaLists.has(key) && Array.isArray(value)) out[key] = value.map((sub) => prepared(sub, parts, key === 'allOf'));
    else if (subschemas.has(key)) out[key] = prepared(value, parts);
    else out[key] = value;
  }
  const ref = typeof out.$ref === 'string' && out.$ref.startsWith(componentPrefix) ? out.$ref.slice(componentPrefix.length) : undefined;
  const object = out.properties !== undefined || out.allOf !== undefined || (ref !== undefined && parts.has(ref));
  if (object && !isPart && out.additionalProperties === undefined && out.unevaluatedProperties === undefined) {
    out.unevaluatedProperties = false;
  }
  return out;
}

const pointer = (...parts: string[]) => parts.map((p) => `/${p.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

/** Reads a document into operations whose schemas resolve their `$ref`s (`#/components/schemas/…`). */
function contractOf(doc: Document): Contract {
  const lookup: Record<string, Schema | boolean> = Object.create(null);
  const components = doc.components?.schemas ?? {};
  const parts = allOfParts([components, doc.paths]);
  for (const [name, schema] of Object.entries(components)) {
    dereference(prepared(schema, parts, parts.has(name)) as Schema, lookup, base, pointer('components', 'schemas', name));
  }
  const operations: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    const segments = path.split('/');
    const pattern = new RegExp(
      `^${segments.map((s) => (/^{\w+}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`,
    );
    for (const [method, op] of Object.entries(byMethod)) {
      const responses: Operation['responses'] = {};
      for (const [status, response] of Object.entries(op.responses)) {
        const content: Record<string, MediaType> = {};
        for (const [type, media] of Object.entries(response.content ?? {})) {
          const schema = media.schema && (prepared(media.schema, parts) as Schema);
          if (schema) dereference(schema, lookup, base, pointer('paths', path, method, 'responses', status, 'content', type, 'schema'));
          content[type] = schema ? { schema } : {};
        }
        responses[status] = response.content ? { content } : {};
      }
      operations.push({
        name: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        pattern,
        literals: segments.filter((s) => !s.startsWith('{')).length,
        responses,
      });
    }
  }
  return { operations, lookup };
}

let loaded: Promise<Contract> | undefined;

/** The app's own document, fetched through the Worker once per test file. */
export function contract(): Promise<Contract> {
  loaded ??= (async () => {
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request(base) as Parameters<typeof worker.fetch>[0], env, ctx);
    await waitOnExecutionContext(ctx);
    if (res.status !== 200) throw new Error(`contract: the OpenAPI document answered ${res.status}`);
    return contractOf((await res.json()) as Document);
  })();
  return loaded;
}

/** The documented operation a call reaches, if any: the most specific path template that matches. */
function operationFor(c: Contract, method: string, path: string): Operation | undefined {
  const bare = (path.split(/[?#]/)[0] as string).replace(/^https?:\/\/[^/]+/, '');
  let best: Operation | undefined;
  for (const op of c.operations) {
    if (op.method !== method.toUpperCase() || !op.pattern.test(bare)) continue;
    if (!best || op.literals > best.literals) best = op;
  }
  return best;
}

const maxErrors = 12;

/** Why an answer breaks the document (a readable message), or undefined when it keeps it. */
export function contractViolation(c: Contract, method: string, path: string, answer: Answer): string | undefined {
  const op = operationFor(c, method, path);
  if (!op) return undefined;
  const mismatch = (what: string) =>
    `contract: ${op.name} (called as ${method.toUpperCase()} ${path}) answered ${answer.status}, ${what}\n  body: ${answer.text.slice(0, 2000)}`;
  const response = op.responses[String(answer.status)] ?? op.responses[`${String(answer.status)[0]}XX`] ?? op.responses.default;
  if (!response) return mismatch(`a status the operation does not declare (it declares ${Object.keys(op.responses).join(', ')})`);
  const type = (answer.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!response.content) {
    return answer.text === '' ? undefined : mismatch(`with a body (${type || 'no content type'}) where the document declares none`);
  }
  const media = response.content[type];
  if (!media) return mismatch(`as ${type || 'no content type'}, where the document declares ${Object.keys(response.content).join(', ')}`);
  if (!media.schema || !/[/+]json$/.test(type)) return undefined;
  const result = validate(answer.body, media.schema, '2020-12', c.lookup, false);
  if (result.valid) return undefined;
  const reasons = readable(result.errors);
  const listed = reasons
    .slice(0, maxErrors)
    .map((r) => `  ${r}`)
    .join('\n');
  const more = reasons.length > maxErrors ? `\n  … and ${reasons.length - maxErrors} more` : '';
  return mismatch(`a body that does not match its ${type} schema:\n${listed}${more}`);
}

/**
 * The validator's errors, as few as say it all: the deepest of each failing branch (the enclosing
 * ones only repeat that a subschema failed), and each undeclared field once, unless the field
 * already fails its own schema (the validator then also calls it unevaluated).
 */
function readable(errors: OutputUnit[]): string[] {
  const within = (location: string, e: OutputUnit) => e.instanceLocation === location || e.instanceLocation.startsWith(`${location}/`);
  const real = errors.filter((e) => e.keyword !== 'unevaluatedProperties' && e.keyword !== 'false');
  const deepest = real.filter((e) => !real.some((o) => o !== e && o.keywordLocation.startsWith(`${e.keywordLocation}/`)));
  const undeclared = [...new Set(errors.filter((e) => e.keyword === 'false').map((e) => e.instanceLocation))].filter(
    (location) => !real.some((e) => within(location, e)),
  );
  return [
    ...deepest.map((e) => `${e.instanceLocation}: ${e.error} (${e.keywordLocation})`),
    ...undeclared.map((location) => `${location}: a field the document does not declare`),
  ];
}

/** Fails the calling test when the answer breaks the document; otherwise hands the answer back. */
export async function checkContract<A extends Answer>(method: string, path: string, answer: A): Promise<A> {
  const violation = contractViolation(await contract(), method, path, answer);
  if (violation) throw new Error(violation);
  return answer;
}
