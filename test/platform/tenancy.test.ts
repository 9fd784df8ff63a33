import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { type ApiResponse, api, expectProblem, type ResponseBody } from '../support/api';
import { createTenant } from '../support/factories';
import { tokenFor } from '../support/tokens';

const count = async (db: D1Database, table: string, tenantId: string) =>
  (await db.prepare(`select count(*) as n from ${table} where tenant_id = ?`).bind(tenantId).first<{ n: number }>())?.n;

describe('tenancy', () => {
  it('gives a tenant admin their own tenant, 403 for another, and the national admin any', async () => {
    const a = await createTenant();
    const b = await createTenant();
    expect((await api('GET', `/api/v1/tenants/${a.slug}`, { token: a.adminToken })).status).toBe(200);
    const other = await api('GET', `/api/v1/tenants/${b.slug}`, { token: a.adminToken });
    expectProblem(other, 403);
    expect(other.text).not.toContain(b.id);
    expect((await api('GET', `/api/v1/tenants/${b.slug}`, { token: a.nationalToken })).status).toBe(200);
    expectProblem(await api('GET', '/api/v1/tenants/no-such-region', { token: a.nationalToken }), 404);
    // A tenant-bound token never learns whether another slug exists.
    expectProblem(await api('GET', '/api/v1/tenants/no-such-region', { token: a.adminToken }), 403);
  });

  it("answers 404 for another tenant's ids under one's own path", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const bUnits = await api('GET', `/api/v1/tenants/${b.slug}/units`, { token: b.adminToken });
    const foreign = bUnits.body.items[0]!.id;
    const res = await api('GET', `/api/v1/tenants/${a.slug}/units/${foreign}`, { token: a.adminToken });
    expectProblem(res, 404);
    const patch = await api('PATCH', `/api/v1/tenants/${a.slug}/units/${foreign}`, {
      token: a.adminToken,
      body: { name: 'Diambil alih' },
      headers: { 'if-match': '"v1"' },
    });
    expectProblem(patch, 404);
    expect((await api('GET', `/api/v1/tenants/${b.slug}/units/${foreign}`, { token: b.adminToken })).body.name).not.toBe('Diambil alih');
  });

  it('refuses a unit whose parent belongs to another tenant', async () => {
    const a = await createTenant();
    const b = await createTenant();
    const foreignParent = (await api('GET', `/api/v1/tenants/${b.slug}/units`, { token: b.adminToken })).body.items[0]!.id;
    const res = await api('POST', `/api/v1/tenants/${a.slug}/units`, {
      token: a.adminToken,
      body: { code: 'SUSUP', name: 'Bagian Susupan', kind: 'bagian', parentId: foreignParent },
    });
    expectProblem(res, 422);
  });

  it('stores a tenant on its dedicated binding and nowhere else', async () => {
    const shared = await createTenant();
    const dedicated = await createTenant({ database: 'DB_DEDICATED' });
    expect(await count(env.DB_DEDICATED, 'units', dedicated.id)).toBe(3);
    expect(await count(env.DB, 'units', dedicated.id)).toBe(0);
    expect(await count(env.DB_DEDICATED, 'positions', dedicated.id)).toBe(2);
    expect(await count(env.DB, 'positions', dedicated.id)).toBe(0);
    expect(await count(env.DB, 'units', shared.id)).toBe(3);
    expect(await count(env.DB_DEDICATED, 'units', shared.id)).toBe(0);
    // The directory stays in the control database.
    const entry = await env.DB.prepare('select database from tenants where id = ?').bind(dedicated.id).first<{ database: string }>();
    expect(entry?.database).toBe('DB_DEDICATED');

    // Writes through the API land there too, and are read back from there.
    const created = await api('POST', `/api/v1/tenants/${dedicated.slug}/units`, {
      token: dedicated.adminToken,
      body: { code: 'UPT-BELAWAN', name: 'UPT Puskesmas Belawan', kind: 'uptd' },
    });
    expect(created.status).toBe(201);
    expect(await count(env.DB_DEDICATED, 'units', dedicated.id)).toBe(4);
    expect(await count(env.DB, 'units', dedicated.id)).toBe(0);
    expect(await count(env.DB_DEDICATED, 'audit_log', dedicated.id)).toBeGreaterThan(0);
    expect(await count(env.DB, 'audit_log', dedicated.id)).toBe(0);
    const read = await api('GET', `/api/v1/tenants/${dedicated.slug}/units/${created.body.id}`, { token: dedicated.adminToken });
    expect(read.body.code).toBe('UPT-BELAWAN');
  });

  it('lists the whole directory to the national admin, page by page, and only their own to a tenant admin', async () => {
    const tenants = [await createTenant(), await createTenant(), await createTenant()];
    const national = await tokenFor('national_admin');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: ApiResponse<ResponseBody<'GET', '/api/v1/tenants'>> = await api(
        'GET',
        `/api/v1/tenants?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: national },
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((t) => t.slug));
      cursor = res.body.nextCursor;
    } while (cursor);
    for (const t of tenants) expect(seen).toContain(t.slug);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);

    const own = await api('GET', '/api/v1/tenants', { token: tenants[0]!.adminToken });
    expect(own.body.items.map((t) => t.slug)).toEqual([tenants[0]!.slug]);
    expect(own.body.items[0]).not.toHaveProperty('manifestHash');
    expectProblem(await api('GET', '/api/v1/tenants', { token: tenants[0]!.employeeToken }), 403);
  });
});
