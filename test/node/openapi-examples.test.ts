/**
 * Every example the OpenAPI document shows (src/modules/docs/examples.ts and any given next to a
 * schema) must be valid for its schema, and every example must still have a schema or an operation
 * to attach to: a schema that changes without its example fails here. JSON Schema 2020-12 (the
 * dialect of OpenAPI 3.1) with Ajv, in Node because Ajv compiles validators with `new Function`.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { requestExamples, responseExamples, schemaExamples } from '../../src/modules/docs/examples';

const env = { JWT_ISSUER: 'x', JWT_AUDIENCE: 'y', JWT_JWKS: '{"keys":[]}' };
const docId = 'https://bangkom.invalid/openapi.json';

type Schema = Record<string, unknown>;
type Media = { schema?: Schema; example?: unknown };
type Operation = { requestBody?: { content?: Record<string, Media> }; responses: Record<string, { content?: Record<string, Media> }> };
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** Local `$ref`s made absolute, so an operation's own schema can be compiled on its own. */
function absoluteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(absoluteRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${docId}${v}` : absoluteRefs(v),
      ]),
    );
  }
  return value;
}

async function load() {
  const res = await createApp().request('/api/v1/openapi.json', {}, env);
  const doc = (await res.json()) as Document;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: docId, components: doc.components });
  const check = (schema: Schema, example: unknown, where: string) => {
    const validate = ajv.compile(absoluteRefs(schema) as Schema);
    const valid = validate(example);
    expect(valid ? [] : validate.errors?.map((e) => `${where}${e.instancePath} ${e.message}`)).toEqual([]);
  };
  return { doc, check };
}

describe('OpenAPI examples', { timeout: 60_000 }, () => {
  it('match their schemas, wherever they come from', async () => {
    const { doc, check } = await load();
    let checked = 0;
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      if (schema.example === undefined) continue;
      check({ $ref: `#/components/schemas/${name}` }, schema.example, name);
      checked++;
    }
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const media = [
          op.requestBody?.content?.['application/json'],
          ...Object.values(op.responses).map((r) => r.content?.['application/json']),
        ];
        for (const m of media) {
          if (m?.schema && m.example !== undefined) {
            check(m.schema, m.example, `${method.toUpperCase()} ${path}`);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(Object.keys(schemaExamples).length);
  });

  it('each still has its schema or operation, and reaches the document', async () => {
    const { doc } = await load();
    for (const name of Object.keys(schemaExamples)) {
      expect(doc.components.schemas[name], name).toBeDefined();
      expect(doc.components.schemas[name]?.example, name).toBeDefined();
    }
    const operation = (key: string) => {
      const [method = '', path = ''] = key.split(' ');
      return doc.paths[path]?.[method.toLowerCase()];
    };
    for (const key of Object.keys(requestExamples)) {
      expect(operation(key)?.requestBody?.content?.['application/json']?.example, key).toBeDefined();
    }
    for (const key of Object.keys(responseExamples)) {
      const ok = Object.entries(operation(key)?.responses ?? {}).filter(([status]) => status.startsWith('2'));
      expect(ok.length, key).toBeGreaterThan(0);
      for (const [, response] of ok) expect(response.content?.['application/json']?.example, key).toBeDefined();
    }
  });
});
