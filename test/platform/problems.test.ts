import { beforeAll, describe, expect, it } from 'vitest';
import { api, expectProblem } from '../support/api';
import { createTenant, type TestTenant } from '../support/factories';

let t: TestTenant;
beforeAll(async () => {
  t = await createTenant();
});

describe('problem+json for every failure', () => {
  it('400 lists at most 200 field errors and says how many there were', async () => {
    const items = Array.from({ length: 300 }, () => ({ level: 9 }));
    const res = await api('POST', `/api/v1/tenants/${t.slug}/assessments/bulk`, { token: t.adminToken, body: { items } });
    const problem = expectProblem(res, 400);
    expect(problem.errors).toHaveLength(200);
    const total = Number(/^(\d+) problem/.exec(problem.detail)?.[1]);
    expect(total).toBeGreaterThan(1000);
    expect(problem.detail).toContain('the first 200 are listed');
  });

  it('400 with validation errors and their paths', async () => {
    const res = await api('POST', `/api/v1/tenants/${t.slug}/units`, { token: t.adminToken, body: { code: 'lower case', kind: 'castle' } });
    const paths = expectProblem(res, 400).errors?.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['json.code', 'json.name', 'json.kind']));
  });

  it('400 for malformed JSON, 415 for a body that is not JSON', async () => {
    expectProblem(
      await api('POST', `/api/v1/tenants/${t.slug}/units`, {
        token: t.adminToken,
        rawBody: '{"code":',
        headers: { 'content-type': 'application/json' },
      }),
      400,
    );
    expectProblem(
      await api('POST', `/api/v1/tenants/${t.slug}/units`, {
        token: t.adminToken,
        rawBody: 'code=X',
        headers: { 'content-type': 'text/plain' },
      }),
      415,
    );
  });

  it('401, 403 and 404', async () => {
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/units`), 401);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/audit`, { token: t.employeeToken }), 403);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/units/unt_doesnotexist`, { token: t.adminToken }), 404);
    expectProblem(await api('GET', '/api/v1/nowhere', { token: t.adminToken }), 404);
    expectProblem(await api('GET', '/nowhere'), 404);
  });

  it('405 with Allow for a known path under another method', async () => {
    const res = await api('PUT', `/api/v1/tenants/${t.slug}/units`, { token: t.adminToken, body: {} });
    expectProblem(res, 405);
    expect(res.headers.get('allow')).toBe('GET, POST');
  });

  it('413 for a body over 1 MB, and nothing is written', async () => {
    const res = await api('POST', `/api/v1/tenants/${t.slug}/units`, {
      token: t.adminToken,
      body: { code: 'BIG', name: 'x'.repeat(1024 * 1024), kind: 'bagian' },
    });
    expectProblem(res, 413);
    const list = await api('GET', `/api/v1/tenants/${t.slug}/units?limit=500`, { token: t.adminToken });
    expect(list.body.items.some((u) => u.code === 'BIG')).toBe(false);
  });

  it('412 on a stale If-Match, 428 without one', async () => {
    const created = await api('POST', `/api/v1/tenants/${t.slug}/units`, {
      token: t.adminToken,
      body: { code: 'P412', name: 'Bagian Uji', kind: 'bagian' },
    });
    const path = `/api/v1/tenants/${t.slug}/units/${created.body.id}` as const;
    expectProblem(await api('PATCH', path, { token: t.adminToken, body: { name: 'Bagian Baru' } }), 428);
    const ok = await api('PATCH', path, { token: t.adminToken, body: { name: 'Bagian Baru' }, headers: { 'if-match': '"v1"' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"v2"');
    expectProblem(await api('PATCH', path, { token: t.adminToken, body: { name: 'Bagian Lama' }, headers: { 'if-match': '"v1"' } }), 412);
    expect((await api('GET', path, { token: t.adminToken })).body.name).toBe('Bagian Baru');
  });

  it('carries the request id in the body and the header, and never a stack trace', async () => {
    const res = await api('GET', `/api/v1/tenants/${t.slug}/units/nope`, { token: t.adminToken, headers: { 'x-request-id': 'trace-123' } });
    expect(expectProblem(res, 404).requestId).toBe('trace-123');
    expect(res.headers.get('x-request-id')).toBe('trace-123');
  });
});
