/**
 * The OpenAPI document is checked with a real OpenAPI 3.1 validator. It runs in Node because the
 * validator compiles JSON Schemas with `new Function`, which workerd forbids; the document itself
 * comes from the same `createApp()` the Worker serves.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';

const env = { JWT_ISSUER: 'x', JWT_AUDIENCE: 'y', JWT_JWKS: '{"keys":[]}' };

describe('OpenAPI document', () => {
  // Compiling the validator and the document takes seconds on a loaded machine.
  it('is a valid OpenAPI 3.1 document covering every route', { timeout: 60_000 }, async () => {
    const app = createApp();
    const res = await app.request('/api/v1/openapi.json', {}, env);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { 'x-roles'?: string[]; 'x-public'?: boolean; security?: unknown[] }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);

    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/{(\w+)}/g, ':$1')}`),
    );
    const served = app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/') && !['/api/v1/openapi.json', '/api/v1/reference'].includes(r.path))
      .map((r) => `${r.method} ${r.path}`);
    expect(new Set(documented)).toEqual(new Set(served));
    // Every route lists its roles, except the public ones (sign-in, certificate verification, the citizens' survey of a unit
    // and its published results, the e-mails' signed unsubscribe link), which say so and take no token.
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const op of Object.values(ops)) {
        if (op['x-public']) {
          expect(path).toMatch(/^\/api\/v1\/(auth\/|verifikasi\/\{code\}$|survei\/\{region\}\/\{unit\}(\/hasil)?$|berhenti-langganan$)/);
          expect(op.security).toEqual([]);
        } else expect(op['x-roles']?.length).toBeGreaterThan(0);
      }
    }
  });

  it('declares the platform headers a client must send: Idempotency-Key on keeping POSTs, If-Match where 428 is answered', async () => {
    const res = await createApp().request('/api/v1/openapi.json', {}, env);
    type Operation = {
      parameters?: { name: string; in: string; required?: boolean }[];
      responses: Record<string, unknown>;
      'x-public'?: boolean;
      'x-idempotency'?: boolean;
    };
    const doc = (await res.json()) as { paths: Record<string, Record<string, Operation>> };
    const header = (op: Operation, name: string) => op.parameters?.find((p) => p.in === 'header' && p.name === name);
    let keyed = 0;
    let versioned = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`;
        const keeps = method === 'post' && !op['x-public'] && op['x-idempotency'] !== false;
        expect(header(op, 'Idempotency-Key')?.required ?? null, where).toBe(keeps ? false : null);
        expect(header(op, 'If-Match')?.required ?? null, where).toBe('428' in op.responses ? true : null);
        if (keeps) keyed++;
        if ('428' in op.responses) versioned++;
      }
    }
    // Sign-in and activation-code POSTs keep nothing; most other POSTs do; every update is versioned.
    expect(keyed).toBeGreaterThan(30);
    expect(versioned).toBeGreaterThan(15);
  });

  it('has a human-readable reference page that renders it', async () => {
    const res = await createApp().request('/api/v1/reference', {}, env);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('data-url="/api/v1/openapi.json"');
  });
});
