import { describe, expect, it } from 'vitest';
import { type ApiResponse, api, expectProblem, type ResponseBody } from '../support/api';
import { createTenant } from '../support/factories';

describe('audit log', () => {
  it('records every write with who, role, action, entity, id and request id', async () => {
    const t = await createTenant();
    const created = await api('POST', `/api/v1/tenants/${t.slug}/units`, {
      token: t.adminToken,
      body: { code: 'AUD', name: 'Bagian Audit', kind: 'bagian' },
      headers: { 'x-request-id': 'req-create' },
    });
    const path = `/api/v1/tenants/${t.slug}/units/${created.body.id}` as const;
    await api('PATCH', path, {
      token: t.adminToken,
      body: { name: 'Bagian Audit Baru' },
      headers: { 'if-match': '"v1"', 'x-request-id': 'req-update' },
    });
    await api('DELETE', path, { token: t.adminToken, headers: { 'if-match': '"v2"', 'x-request-id': 'req-delete' } });

    const log = await api('GET', `/api/v1/tenants/${t.slug}/audit?entityId=${created.body.id}`, { token: t.adminToken });
    expect(log.status).toBe(200);
    expect(log.body.items.map((e) => [e.action, e.requestId])).toEqual([
      ['unit.delete', 'req-delete'],
      ['unit.update', 'req-update'],
      ['unit.create', 'req-create'],
    ]);
    expect(log.body.items[0]).toMatchObject({ actor: `admin@${t.slug}`, actorRoles: ['tenant_admin'], entity: 'unit' });
  });

  it('records nothing for a write that did not happen (stale If-Match, conflict)', async () => {
    const t = await createTenant();
    const created = await api('POST', `/api/v1/tenants/${t.slug}/units`, {
      token: t.adminToken,
      body: { code: 'STALE', name: 'Bagian Basi', kind: 'bagian' },
    });
    const path = `/api/v1/tenants/${t.slug}/units/${created.body.id}` as const;
    expectProblem(await api('PATCH', path, { token: t.adminToken, body: { name: 'Tidak Jadi' }, headers: { 'if-match': '"v7"' } }), 412);
    expectProblem(
      await api('POST', `/api/v1/tenants/${t.slug}/units`, { token: t.adminToken, body: { code: 'STALE', name: 'Lagi', kind: 'bagian' } }),
      409,
    );
    const log = await api('GET', `/api/v1/tenants/${t.slug}/audit?entity=unit&action=unit.update`, { token: t.adminToken });
    expect(log.body.items).toHaveLength(0);
    const creates = await api('GET', `/api/v1/tenants/${t.slug}/audit?entityId=${created.body.id}`, { token: t.adminToken });
    expect(creates.body.items).toHaveLength(1);
  });

  it('is readable by the tenant admin only, newest first, page by page', async () => {
    const t = await createTenant();
    for (let i = 0; i < 5; i++) {
      await api('POST', `/api/v1/tenants/${t.slug}/units`, {
        token: t.adminToken,
        body: { code: `PG${i}`, name: `Bagian ${i}`, kind: 'bagian' },
      });
    }
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res: ApiResponse<ResponseBody<'GET', '/api/v1/tenants/{tenant}/audit'>> = await api(
        'GET',
        `/api/v1/tenants/${t.slug}/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        {
          token: t.adminToken,
        },
      );
      ids.push(...res.body.items.map((e) => e.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(5 + 1 + 3 + 2); // 5 units, the tenant, its 3 units and 2 positions
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/audit`, { token: t.employeeToken }), 403);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/audit`, { token: t.nationalToken }), 403);
  });

  it("keeps a national trail for the national admin: onboarding and curation, never a tenant's own entries", async () => {
    const t = await createTenant();
    const read = (query: `?${string}` | '', token = t.nationalToken) => api('GET', `/api/v1/national/audit${query}`, { token });
    const onboarding = await read(`?entity=tenant&entityId=${t.id}`);
    expect(onboarding.status, onboarding.text).toBe(200);
    expect(onboarding.body.items).toEqual([
      expect.objectContaining({ action: 'tenant.create', entity: 'tenant', entityId: t.id, actorRoles: ['national_admin'] }),
    ]);
    await api('POST', `/api/v1/tenants/${t.slug}/units`, {
      token: t.adminToken,
      body: { code: 'NAT-AUD', name: 'Bagian Jejak', kind: 'bagian' },
    });
    const units = await read('?entity=unit&limit=500');
    expect(units.body.items).toEqual([]);
    expectProblem(await read('', t.adminToken), 403);
    expectProblem(await read('', t.employeeToken), 403);
  });
});
