/** Evaluation settings: defaults at version 0, saves at the version read, tenant admin only. */
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';

describe('evaluation settings', () => {
  it('starts with 30 waiting days at v0 and saves only at the version read', async () => {
    const t = await createTenant();
    const path = `/api/v1/tenants/${t.slug}/evaluation-settings` as const;
    const put = (body: unknown, etag?: string) =>
      api('PUT', path, { token: t.adminToken, body, ...(etag ? { headers: { 'if-match': etag } } : {}) });
    const first = await api('GET', path, { token: t.adminToken });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toEqual({ l3WaitingDays: 30, version: 0, updatedAt: null });
    expect(first.headers.get('etag')).toBe('"v0"');

    expectProblem(await put({ l3WaitingDays: 45 }), 428);
    expectProblem(await put({ l3WaitingDays: 45 }, '"v1"'), 412);
    expectProblem(await put({ l3WaitingDays: -1 }, '"v0"'), 400);
    expectProblem(await put({ l3WaitingDays: 366 }, '"v0"'), 400);
    expectProblem(await put({ l3WaitingDays: 30.5 }, '"v0"'), 400);
    const saved = await put({ l3WaitingDays: 45 }, '"v0"');
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ l3WaitingDays: 45, version: 1 });
    expect(saved.headers.get('etag')).toBe('"v1"');
    // The first save again (a second admin who read v0) is stale.
    expectProblem(await put({ l3WaitingDays: 10 }, '"v0"'), 412);
    expect((await put({ l3WaitingDays: 60 }, '"v1"')).body).toMatchObject({ l3WaitingDays: 60, version: 2 });
    expectProblem(await put({ l3WaitingDays: 7 }, '"v1"'), 412);
    expect((await api('GET', path, { token: t.adminToken })).body).toMatchObject({ l3WaitingDays: 60, version: 2 });

    // Parallel saves at the same version: exactly one wins.
    const race = await Promise.all([
      put({ l3WaitingDays: 14 }, '"v2"'),
      put({ l3WaitingDays: 21 }, '"v2"'),
      put({ l3WaitingDays: 28 }, '"v2"'),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 412, 412]);
    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?action=evaluation_settings.update`, { token: t.adminToken });
    expect(audit.body.items).toHaveLength(3);

    // Another tenant keeps its defaults; other roles are refused.
    const other = await createTenant();
    expect((await api('GET', `/api/v1/tenants/${other.slug}/evaluation-settings`, { token: other.adminToken })).body).toMatchObject({
      l3WaitingDays: 30,
      version: 0,
    });
    expectProblem(await api('GET', path, { token: other.adminToken }), 403);
    expectProblem(await api('GET', path, { token: t.employeeToken }), 403);
    expectProblem(await api('GET', path, { token: t.nationalToken }), 403);
  });
});
