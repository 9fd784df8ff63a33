/**
 * The tenant settings resource: defaults at version 0 (the PNS target from the manifest), saves at
 * the version read (ETag / If-Match) with one audit entry each, bad input refused with nothing
 * written, the tenant admin only, each tenant its own.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { tokenFor } from '../../support/tokens';

const valid = { selfAssessments: 'until_other_source', jpTargets: { pns: 20, pppk: 24 } };

describe('tenant settings', () => {
  it('start from the defaults at v0 and save only at the version read', async () => {
    const t = await createTenant({ jpTarget: 25 });
    const path = `/api/v1/tenants/${t.slug}/settings`;
    const put = (body: unknown, etag?: string) =>
      api('PUT', path, { token: t.adminToken, body, ...(etag ? { headers: { 'if-match': etag } } : {}) });
    const first = await api('GET', path, { token: t.adminToken });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toEqual({ selfAssessments: 'until_other_source', jpTargets: { pns: 25, pppk: 20 }, version: 0, updatedAt: null });
    expect(first.headers.get('etag')).toBe('"v0"');

    expectProblem(await put(valid), 428);
    expectProblem(await put(valid, '"v1"'), 412);
    const saved = await put({ selfAssessments: 'by_date', jpTargets: { pns: 20, pppk: 24 } }, '"v0"');
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ selfAssessments: 'by_date', jpTargets: { pns: 20, pppk: 24 }, version: 1 });
    expect(saved.headers.get('etag')).toBe('"v1"');
    // A second admin who read v0 is stale, even with another rule: nothing changes.
    expectProblem(await put({ ...valid, selfAssessments: 'until_other_source' }, '"v0"'), 412);
    expect((await api('GET', path, { token: t.adminToken })).body).toMatchObject({ selfAssessments: 'by_date', version: 1 });

    // Parallel saves at the same version: exactly one wins.
    const race = await Promise.all([20, 21, 22].map((pns) => put({ ...valid, jpTargets: { pns, pppk: 20 } }, '"v1"')));
    expect(race.map((r) => r.status).sort()).toEqual([200, 412, 412]);
    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?action=tenant_settings.update`, { token: t.adminToken });
    expect(audit.body.items).toHaveLength(2);
    expect(audit.body.items[0]).toMatchObject({ entity: 'tenant_settings', entityId: t.id });
  });

  it('refuses bad input with a problem naming the field, and writes nothing', async () => {
    const t = await createTenant();
    const path = `/api/v1/tenants/${t.slug}/settings`;
    const headers = { 'if-match': '"v0"' };
    for (const [body, field] of [
      [{ ...valid, selfAssessments: 'latest' }, 'json.selfAssessments'],
      [{ ...valid, jpTargets: { pns: 0, pppk: 20 } }, 'json.jpTargets.pns'],
      [{ ...valid, jpTargets: { pns: 20, pppk: 201 } }, 'json.jpTargets.pppk'],
      [{ ...valid, jpTargets: { pns: 20.5, pppk: 20 } }, 'json.jpTargets.pns'],
      [{ ...valid, jpTargets: { pns: 20 } }, 'json.jpTargets.pppk'],
      [{ ...valid, l3WaitingDays: 30 }, 'json'],
    ] as const) {
      const problem = expectProblem(await api('PUT', path, { token: t.adminToken, headers, body }), 400);
      expect((problem.errors ?? []).map((e) => e.path)).toContain(field);
    }
    const rows = await env.DB.prepare('select count(*) as n from tenant_settings where tenant_id = ?').bind(t.id).first<{ n: number }>();
    expect(rows?.n).toBe(0);
    expect((await api('GET', path, { token: t.adminToken })).body).toMatchObject({ version: 0 });
  });

  it('are for the tenant admin only, each tenant its own', async () => {
    const t = await createTenant();
    const other = await createTenant();
    const path = `/api/v1/tenants/${t.slug}/settings`;
    const saved = await api('PUT', path, { token: t.adminToken, headers: { 'if-match': '"v0"' }, body: valid });
    expect(saved.status, saved.text).toBe(200);
    expect((await api('GET', `/api/v1/tenants/${other.slug}/settings`, { token: other.adminToken })).body).toMatchObject({
      jpTargets: { pns: 20, pppk: 20 },
      version: 0,
    });
    const employee = await tokenFor('employee', { tenant: t.slug, employeeId: 'emp_x' });
    for (const token of [employee, t.nationalToken, other.adminToken]) {
      expectProblem(await api('GET', path, { token }), 403);
      expectProblem(await api('PUT', path, { token, headers: { 'if-match': '"v1"' }, body: valid }), 403);
    }
    expect((await api('GET', path, { token: t.adminToken })).body).toMatchObject({ jpTargets: { pns: 20, pppk: 24 }, version: 1 });
  });
});
