import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../support/api';
import { manifestFor, uniqueSlug } from '../support/factories';
import { tokenFor } from '../support/tokens';

const rows = async (tenantId: string) => {
  const n = async (table: string) =>
    (await env.DB.prepare(`select count(*) as n from ${table} where tenant_id = ?`).bind(tenantId).first<{ n: number }>())?.n;
  return { units: await n('units'), positions: await n('positions'), audit: await n('audit_log') };
};

describe('onboarding from a manifest', () => {
  it('creates the tenant, its nested units and positions', async () => {
    const national = await tokenFor('national_admin');
    const slug = uniqueSlug();
    const res = await api('POST', '/api/v1/tenants', { token: national, body: manifestFor(slug) });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/tenants/${slug}`);
    expect(res.body).toMatchObject({ changed: true, units: { created: 3 }, positions: { created: 2 }, tenant: { slug, jpTarget: 20 } });
    const admin = await tokenFor('tenant_admin', { tenant: slug });
    const units = await api('GET', `/api/v1/tenants/${slug}/units`, { token: admin });
    const byCode = Object.fromEntries(units.body.items.map((u) => [u.code, u]));
    expect(byCode['DINKES-YANKES']?.parentId).toBe(byCode.DINKES!.id);
    const positions = await api('GET', `/api/v1/tenants/${slug}/positions`, { token: admin });
    const kadinkes = positions.body.items.find((p) => p.code === 'KADINKES');
    expect(kadinkes?.unitId).toBe(byCode.DINKES!.id);
  });

  it('is idempotent: the same manifest twice changes nothing and duplicates nothing', async () => {
    const national = await tokenFor('national_admin');
    const manifest = manifestFor(uniqueSlug());
    const first = await api('POST', '/api/v1/tenants', { token: national, body: manifest });
    const before = await rows(first.body.tenant.id);
    const again = await api('POST', '/api/v1/tenants', { token: national, body: manifest });
    expect(again.status).toBe(200);
    expect(again.body.changed).toBe(false);
    expect(again.body.tenant.version).toBe(first.body.tenant.version);
    expect(again.cost.rowsWritten).toBe(0);
    expect(await rows(first.body.tenant.id)).toEqual(before);
  });

  it('applies a changed manifest as a difference: renamed, added, left alone', async () => {
    const national = await tokenFor('national_admin');
    const manifest = manifestFor(uniqueSlug());
    const first = await api('POST', '/api/v1/tenants', { token: national, body: manifest });
    const changed = {
      ...manifest,
      jpTarget: 24,
      units: [
        { ...manifest.units![0]!, name: 'Dinas Kesehatan Kabupaten' },
        manifest.units![1]!,
        { code: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan SDM', kind: 'badan' as const },
      ],
    };
    const res = await api('POST', '/api/v1/tenants', { token: national, body: changed });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      changed: true,
      tenant: { jpTarget: 24, version: 2, id: first.body.tenant.id },
      units: { created: 1, updated: 1, unchanged: 2 },
      positions: { created: 0, updated: 0, unchanged: 2 },
    });
    expect((await rows(first.body.tenant.id)).units).toBe(4);
  });

  it('refuses inconsistent manifests with paths, and writes nothing', async () => {
    const national = await tokenFor('national_admin');
    const slug = uniqueSlug();
    const bad = manifestFor(slug, {
      units: [
        { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas' },
        { code: 'DINKES', name: 'Dinas Kesehatan Lagi', kind: 'dinas' },
      ],
      positions: [{ code: 'KASI', name: 'Kepala Seksi', category: 'pengawas', unit: 'NOWHERE' }],
    });
    const res = await api('POST', '/api/v1/tenants', { token: national, body: bad });
    expect(expectProblem(res, 400).errors?.map((e) => e.path)).toEqual(['body.units.1.code', 'body.positions.0.unit']);
    const unknownDb = await api('POST', '/api/v1/tenants', { token: national, body: manifestFor(slug, { database: 'DB_NOWHERE' }) });
    expectProblem(unknownDb, 400);
    const shape = await api('POST', '/api/v1/tenants', {
      token: national,
      body: { ...manifestFor(slug), timeZone: 'Europe/Paris', extra: 1 },
    });
    expectProblem(shape, 400);
    expectProblem(await api('GET', `/api/v1/tenants/${slug}`, { token: national }), 404);
  });

  it('will not move a tenant to another database', async () => {
    const national = await tokenFor('national_admin');
    const manifest = manifestFor(uniqueSlug());
    await api('POST', '/api/v1/tenants', { token: national, body: manifest });
    expectProblem(await api('POST', '/api/v1/tenants', { token: national, body: { ...manifest, database: 'DB_DEDICATED' } }), 409);
  });

  it('is for the national admin only', async () => {
    const slug = uniqueSlug();
    const admin = await tokenFor('tenant_admin', { tenant: slug });
    expectProblem(await api('POST', '/api/v1/tenants', { token: admin, body: manifestFor(slug) }), 401);
    const national = await tokenFor('national_admin');
    await api('POST', '/api/v1/tenants', { token: national, body: manifestFor(slug) });
    const adminNow = await tokenFor('tenant_admin', { tenant: slug });
    expectProblem(await api('POST', '/api/v1/tenants', { token: adminNow, body: manifestFor(slug, { jpTarget: 99 }) }), 403);
  });

  it("records the onboarding in the tenant's audit log", async () => {
    const national = await tokenFor('national_admin', { sub: 'admin@nasional' });
    const slug = uniqueSlug();
    await api('POST', '/api/v1/tenants', { token: national, body: manifestFor(slug), headers: { 'x-request-id': 'onboard-1' } });
    const audit = await api('GET', `/api/v1/tenants/${slug}/audit?action=tenant.create`, {
      token: await tokenFor('tenant_admin', { tenant: slug }),
    });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      actor: 'admin@nasional',
      actorRoles: ['national_admin'],
      entity: 'tenant',
      requestId: 'onboard-1',
    });
  });
});
