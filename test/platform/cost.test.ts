import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api } from '../support/api';
import { createTenant } from '../support/factories';

describe('Server-Timing carries the D1 cost of each request', () => {
  it('reports queries, rows read and rows written', async () => {
    const t = await createTenant();
    const res = await api('GET', `/api/v1/tenants/${t.slug}/units`, { token: t.adminToken });
    expect(res.headers.get('server-timing')).toMatch(/db-queries;dur=\d+, db-rows-read;dur=\d+, db-rows-written;dur=\d+, app;dur=/);
    expect(res.cost.queries).toBe(2); // tenant lookup, the page
    expect(res.cost.rowsWritten).toBe(0);
    const write = await api('POST', `/api/v1/tenants/${t.slug}/units`, { token: t.adminToken, body: { code: 'COST', name: 'Bagian Biaya', kind: 'bagian' } });
    expect(write.cost.rowsWritten).toBeGreaterThan(0);
  });

  it('keeps a tenant\'s read cost flat when another tenant grows', async () => {
    const small = await createTenant();
    const big = await createTenant();
    const one = (await api('GET', `/api/v1/tenants/${small.slug}/units`, { token: small.adminToken })).body.items[0].id;
    const measure = async () => ({
      detail: (await api('GET', `/api/v1/tenants/${small.slug}/units/${one}`, { token: small.adminToken })).cost,
      list: (await api('GET', `/api/v1/tenants/${small.slug}/units`, { token: small.adminToken })).cost,
    });
    const before = await measure();
    const now = new Date().toISOString();
    const inserts = Array.from({ length: 2000 }, (_, i) =>
      env.DB.prepare('insert into units (tenant_id, id, code, name, kind, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)').bind(
        big.id,
        `unt_bulk${i}`,
        `BULK-${i}`,
        `Bagian ${i}`,
        'bagian',
        now,
        now,
      ),
    );
    await env.DB.batch(inserts);
    const afterGrowth = await measure();
    expect(afterGrowth).toEqual(before);
    // Detail: rows read within the budget of 2 × rows returned + 10.
    expect(before.detail.rowsRead).toBeLessThanOrEqual(2 * 1 + 10);
    expect(before.list.rowsRead).toBeLessThanOrEqual(2 * 3 + 10);
    expect(before.detail.queries).toBeLessThanOrEqual(3);
  });
});
