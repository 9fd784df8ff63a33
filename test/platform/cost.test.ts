import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api } from '../support/api';
import { createTenant, manifestFor, uniqueSlug } from '../support/factories';
import { tokenFor } from '../support/tokens';

describe('Server-Timing carries the D1 cost of each request', () => {
  it('reports queries, rows read and rows written', async () => {
    const t = await createTenant();
    const res = await api('GET', `/api/v1/tenants/${t.slug}/units`, { token: t.adminToken });
    expect(res.headers.get('server-timing')).toMatch(
      /db-queries;dur=\d+, db-rows-read;dur=\d+, db-rows-written;dur=\d+, db-directory;dur=\d+, app;dur=/,
    );
    expect(res.cost.queries).toBe(1); // the page; the directory entry is cached by the isolate
    expect(res.cost.rowsWritten).toBe(0);
    const write = await api('POST', `/api/v1/tenants/${t.slug}/units`, {
      token: t.adminToken,
      body: { code: 'COST', name: 'Bagian Biaya', kind: 'bagian' },
    });
    expect(write.cost.rowsWritten).toBeGreaterThan(0);
  });

  it("keeps a tenant's read cost flat when another tenant grows", async () => {
    const small = await createTenant();
    const big = await createTenant();
    const one = (await api('GET', `/api/v1/tenants/${small.slug}/units`, { token: small.adminToken })).body.items[0]!.id;
    // Read the tenant first: its directory entry is cached for 30 s, and a slow run could let it
    // expire between the two measurements, which would add the directory read to one of them.
    const measure = async () => ({
      warm: (await api('GET', `/api/v1/tenants/${small.slug}`, { token: small.adminToken })).status,
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

describe('the directory cache', () => {
  it('serves repeat requests without a directory read, and sees an onboarding update at once in the same isolate', async () => {
    const t = await createTenant();
    const first = await api('GET', `/api/v1/tenants/${t.slug}`, { token: t.adminToken });
    expect(first.cost.queries).toBe(0);
    expect(first.cost.directory).toBe(0);
    const national = t.nationalToken;
    await api('POST', '/api/v1/tenants', { token: national, body: manifestFor(t.slug, { jpTarget: 32 }) });
    const after = await api('GET', `/api/v1/tenants/${t.slug}`, { token: t.adminToken });
    expect(after.body.jpTarget).toBe(32);
    expect(after.headers.get('etag')).toBe('"v2"');
  });

  it('does not remember an unknown tenant: it is usable as soon as it is onboarded', async () => {
    const slug = uniqueSlug();
    const admin = await tokenFor('tenant_admin', { tenant: slug });
    const unknown = await api('GET', `/api/v1/tenants/${slug}`, { token: admin });
    expect(unknown.status).toBe(401);
    // The lookup the cache could not serve is reported apart from the request's own round trips.
    expect(unknown.cost).toMatchObject({ queries: 0, directory: 1 });
    const again = await api('GET', `/api/v1/tenants/${slug}`, { token: admin });
    expect(again.cost.directory).toBe(1);
    await api('POST', '/api/v1/tenants', { token: await tokenFor('national_admin'), body: manifestFor(slug) });
    const known = await api('GET', `/api/v1/tenants/${slug}`, { token: admin });
    expect(known.status).toBe(200);
    expect(known.cost).toMatchObject({ queries: 0, directory: 0 });
  });
});
