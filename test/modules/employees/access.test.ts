import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { tokenFor } from '../../support/tokens';
import { createEmployee, csvOf, importCsv, pnsNip } from './helpers';

const routes = (slug: string, id: string) =>
  [
    ['GET', `/api/v1/tenants/${slug}/employees`],
    ['POST', `/api/v1/tenants/${slug}/employees`],
    ['POST', `/api/v1/tenants/${slug}/employees/import?mode=dry-run`],
    ['GET', `/api/v1/tenants/${slug}/employees/export.csv`],
    ['GET', `/api/v1/tenants/${slug}/employees/${id}`],
    ['PATCH', `/api/v1/tenants/${slug}/employees/${id}`],
    ['POST', `/api/v1/tenants/${slug}/employees/${id}/deactivate`],
  ] as const;

/** A body only where the method may carry one. */
const call = (method: string, path: string, token: string) =>
  api(method, path, { token, headers: { 'if-match': '"v1"' }, ...(method === 'GET' ? {} : { body: {} }) });

describe('who may reach the registry', () => {
  it('an employee reads their own record, gets 404 for anyone else and 403 on everything else', async () => {
    const t = await createTenant();
    const me = (await createEmployee(t)).body;
    const other = (await createEmployee(t)).body;
    const token = await tokenFor('employee', { tenant: t.slug, employeeId: me.id });

    const own = await api('GET', `/api/v1/tenants/${t.slug}/employees/${me.id}`, { token });
    expect(own.status, own.text).toBe(200);
    expect(own.body.nip).toBe(me.nip);
    expect(own.headers.get('etag')).toBe('"v1"');

    const theirs = await api('GET', `/api/v1/tenants/${t.slug}/employees/${other.id}`, { token });
    const hidden = expectProblem(theirs, 404);
    expect(theirs.text).not.toContain(other.nip);
    const unknown = await api('GET', `/api/v1/tenants/${t.slug}/employees/emp_nobody`, { token });
    expect(expectProblem(unknown, 404).detail).toBe(hidden.detail);

    for (const [method, path] of routes(t.slug, me.id).filter(([m, p]) => !(m === 'GET' && p.endsWith(me.id)))) {
      expectProblem(await call(method, path, token), 403);
    }
  });

  it('the national admin gets 403 on every route that returns personal data', async () => {
    const t = await createTenant();
    const e = (await createEmployee(t)).body;
    for (const [method, path] of routes(t.slug, e.id)) {
      const res = await call(method, path, t.nationalToken);
      expectProblem(res, 403);
      expect(res.text).not.toContain(e.nip);
    }
  });

  it('no token is 401; a read-only token may read but not write', async () => {
    const t = await createTenant();
    const e = (await createEmployee(t)).body;
    for (const [method, path] of routes(t.slug, e.id)) expectProblem(await api(method, path), 401);
    const reader = await tokenFor('tenant_admin', { tenant: t.slug, scope: 'read' });
    expect((await api('GET', `/api/v1/tenants/${t.slug}/employees/${e.id}`, { token: reader })).status).toBe(200);
    expectProblem(await createEmployee({ ...t, adminToken: reader }), 403);
    expectProblem(await importCsv(t, csvOf([{ nip: pnsNip(1), name: 'Budi Santoso' }]), 'dry-run', reader), 403);
  });
});

describe('tenants are apart', () => {
  it('the same NIP lives in two tenants independently, and neither sees the other', async () => {
    const a = await createTenant();
    const b = await createTenant();
    const nip = pnsNip(42);
    const inA = await createEmployee(a, { nip, name: 'Budi Santoso' });
    const inB = await createEmployee(b, { nip, name: 'Budi Santoso, S.E.' });
    expect(inA.status).toBe(201);
    expect(inB.status).toBe(201);
    expect(inA.body.id).not.toBe(inB.body.id);

    const listA = await api('GET', `/api/v1/tenants/${a.slug}/employees?q=${nip}`, { token: a.adminToken });
    expect(listA.body.items.map((x) => x.id)).toEqual([inA.body.id]);
    const exportB = await api('GET', `/api/v1/tenants/${b.slug}/employees/export.csv`, { token: b.adminToken });
    expect(exportB.text).toContain('Budi Santoso, S.E.');
    expect(exportB.text).not.toContain(inA.body.id);

    // A's employee under B's path: 404, as if it did not exist.
    const crossed = await api('GET', `/api/v1/tenants/${b.slug}/employees/${inA.body.id}`, { token: b.adminToken });
    expectProblem(crossed, 404);
    const patched = await api('PATCH', `/api/v1/tenants/${b.slug}/employees/${inA.body.id}`, {
      token: b.adminToken,
      body: { name: 'Dipindah' },
      headers: { 'if-match': '"v1"' },
    });
    expectProblem(patched, 404);
    const deactivated = await api('POST', `/api/v1/tenants/${b.slug}/employees/${inA.body.id}/deactivate`, {
      token: b.adminToken,
      headers: { 'if-match': '"v1"' },
    });
    expectProblem(deactivated, 404);
    expect((await api('GET', `/api/v1/tenants/${a.slug}/employees/${inA.body.id}`, { token: a.adminToken })).body).toMatchObject({
      name: 'Budi Santoso',
      status: 'active',
      version: 1,
    });
  });

  it("a tenant's token is refused (403) on another tenant's registry", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const e = (await createEmployee(b)).body;
    for (const [method, path] of routes(b.slug, e.id)) {
      const res = await call(method, path, a.adminToken);
      expectProblem(res, 403);
      expect(res.text).not.toContain(e.nip);
    }
  });

  it("another tenant's units, positions and employees cannot be referenced", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const boss = (await createEmployee(a)).body;
    const res = await createEmployee(b, { supervisorId: boss.id, unitId: boss.unitId, positionId: boss.positionId });
    expect(expectProblem(res, 422).errors?.map((e) => e.path)).toEqual(['body.unitId', 'body.positionId', 'body.supervisorId']);
  });
});
