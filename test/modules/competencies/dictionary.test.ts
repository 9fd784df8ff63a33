import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { createTechnical, levels } from './helpers';

const national = [
  'INTEGRITAS',
  'KERJA-SAMA',
  'KOMUNIKASI',
  'ORIENTASI-HASIL',
  'PELAYANAN-PUBLIK',
  'PENGEMBANGAN-DIRI',
  'MENGELOLA-PERUBAHAN',
  'PENGAMBILAN-KEPUTUSAN',
  'PEREKAT-BANGSA',
];

describe('competency dictionary', () => {
  it('shows every tenant the national dictionary, with five level descriptions each', async () => {
    const t = await createTenant();
    for (const token of [t.adminToken, t.employeeToken, t.nationalToken]) {
      const res = await api('GET', `/api/v1/tenants/${t.slug}/competencies?scope=national`, { token });
      expect(res.status).toBe(200);
      expect(res.body.items.map((c) => c.code).sort()).toEqual([...national].sort());
      for (const c of res.body.items) expect(c.levels).toHaveLength(5);
    }
    const types = await api('GET', `/api/v1/tenants/${t.slug}/competencies?type=sosial_kultural`, { token: t.adminToken });
    expect(types.body.items.map((c) => c.name)).toEqual(['Perekat Bangsa']);
  });

  it('lets the tenant admin add technical competencies only it sees, with codes unique against the national ones', async () => {
    const a = await createTenant();
    const b = await createTenant();
    const own = await createTechnical(a, 'TEK-KESLING');
    const list = await api('GET', `/api/v1/tenants/${a.slug}/competencies?scope=tenant`, { token: a.employeeToken });
    expect(list.body.items).toMatchObject([{ code: 'TEK-KESLING', type: 'teknis', scope: 'tenant', levels }]);
    await expectProblem(
      await api('POST', `/api/v1/tenants/${a.slug}/competencies`, {
        token: a.adminToken,
        body: { code: 'INTEGRITAS', name: 'Palsu', description: 'menabrak kode nasional', levels },
      }),
      409,
    );
    await expectProblem(
      await api('POST', `/api/v1/tenants/${a.slug}/competencies`, {
        token: a.adminToken,
        body: { code: 'TEK-KESLING', name: 'Ganda', description: 'kode kembar', levels },
      }),
      409,
    );
    await expectProblem(
      await api('POST', `/api/v1/tenants/${a.slug}/competencies`, {
        token: a.employeeToken,
        body: { code: 'TEK-X', name: 'X', description: 'pegawai', levels },
      }),
      403,
    );
    await expectProblem(
      await api('POST', `/api/v1/tenants/${a.slug}/competencies`, {
        token: a.adminToken,
        body: { code: 'TEK-Y', name: 'Y', description: 'empat tingkat', levels: levels.slice(0, 4) },
      }),
      400,
    );
    // B does not see A's competency, and may use the same code for its own.
    await expectProblem(await api('GET', `/api/v1/tenants/${b.slug}/competencies/${own.id}`, { token: b.adminToken }), 404);
    const bList = await api('GET', `/api/v1/tenants/${b.slug}/competencies?scope=tenant`, { token: b.adminToken });
    expect(bList.body.items).toEqual([]);
    await createTechnical(b, 'TEK-KESLING');
  });

  it('changes a technical competency at its version, and never a national one from a tenant path', async () => {
    const t = await createTenant();
    const own = await createTechnical(t, 'TEK-GIZI');
    const path = `/api/v1/tenants/${t.slug}/competencies/${own.id}` as const;
    await expectProblem(await api('PATCH', path, { token: t.adminToken, body: { name: 'Gizi Klinis' } }), 428);
    const ok = await api('PATCH', path, { token: t.adminToken, body: { name: 'Gizi Klinis' }, headers: { 'if-match': '"v1"' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"v2"');
    await expectProblem(await api('PATCH', path, { token: t.adminToken, body: { name: 'Lagi' }, headers: { 'if-match': '"v1"' } }), 412);
    await expectProblem(
      await api('PATCH', `/api/v1/tenants/${t.slug}/competencies/natcmp_integritas`, {
        token: t.adminToken,
        body: { name: 'Diubah' },
        headers: { 'if-match': '"v1"' },
      }),
      404,
    );
  });

  it('lets the national admin curate the dictionary in every database, idempotently', async () => {
    const shared = await createTenant();
    const dedicated = await createTenant({ database: 'DB_DEDICATED' });
    const body = { name: 'Wawasan Kebangsaan', type: 'sosial_kultural', description: 'Memahami dan mengamalkan nilai kebangsaan.', levels };
    const created = await api('PUT', '/api/v1/national/competencies/WAWASAN-KEBANGSAAN', { token: shared.nationalToken, body });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ id: 'natcmp_wawasan-kebangsaan', scope: 'national', version: 1 });
    const again = await api('PUT', '/api/v1/national/competencies/WAWASAN-KEBANGSAAN', { token: shared.nationalToken, body });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(1);
    for (const t of [shared, dedicated]) {
      const seen = await api('GET', `/api/v1/tenants/${t.slug}/competencies/natcmp_wawasan-kebangsaan`, { token: t.adminToken });
      expect(seen.status).toBe(200);
    }
    const changed = await api('PUT', '/api/v1/national/competencies/WAWASAN-KEBANGSAAN', {
      token: shared.nationalToken,
      body: { ...body, name: 'Wawasan Kebangsaan (baru)' },
      headers: { 'if-match': '"v1"' },
    });
    expect(changed.body.version).toBe(2);
    await expectProblem(
      await api('PUT', '/api/v1/national/competencies/WAWASAN-KEBANGSAAN', {
        token: shared.nationalToken,
        body,
        headers: { 'if-match': '"v1"' },
      }),
      412,
    );
    for (const db of [env.DB, env.DB_DEDICATED]) {
      const row = await db.prepare("select name, version from competencies where tenant_id = '' and code = 'WAWASAN-KEBANGSAAN'").first();
      expect(row).toEqual({ name: 'Wawasan Kebangsaan (baru)', version: 2 });
    }
    // A code a tenant already uses cannot become national; a tenant admin cannot curate.
    await createTechnical(dedicated, 'TEK-ARSIP');
    await expectProblem(await api('PUT', '/api/v1/national/competencies/TEK-ARSIP', { token: shared.nationalToken, body }), 409);
    await expectProblem(await api('PUT', '/api/v1/national/competencies/X-1', { token: shared.adminToken, body }), 403);
    const list = await api('GET', '/api/v1/national/competencies', { token: shared.nationalToken });
    expect(list.body.items).toHaveLength(10);
  });
});
