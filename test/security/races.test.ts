/**
 * Races and atomicity on the platform's own writes: parallel creates of one code, parallel updates
 * from one version. The database decides; nothing is lost, nothing duplicated, no 5xx.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api } from '../support/api';
import { createTenant } from '../support/factories';
import { race } from '../support/races';

describe('races', () => {
  it('50 parallel creates of one code: exactly one unit, 49 conflicts, one audit row', async () => {
    const t = await createTenant();
    const { results, tally } = await race(50, () =>
      api('POST', `/api/v1/tenants/${t.slug}/units`, {
        token: t.adminToken,
        body: { code: 'RACE', name: 'Bagian Balapan', kind: 'bagian' },
      }),
    );
    expect(tally).toEqual({ 201: 1, 409: 49 });
    const id = results.find((r) => r.status === 201)?.body.id;
    const units = await env.DB.prepare("select count(*) as n from units where tenant_id = ? and code = 'RACE'")
      .bind(t.id)
      .first<{ n: number }>();
    expect(units?.n).toBe(1);
    const audit = await env.DB.prepare('select count(*) as n from audit_log where tenant_id = ? and entity_id = ?')
      .bind(t.id, id)
      .first<{ n: number }>();
    expect(audit?.n).toBe(1);
  });

  it('30 parallel updates from the same version: exactly one applies, the rest get 412', async () => {
    const t = await createTenant();
    const created = await api('POST', `/api/v1/tenants/${t.slug}/units`, {
      token: t.adminToken,
      body: { code: 'UPD', name: 'Bagian Awal', kind: 'bagian' },
    });
    const { results, tally } = await race(30, (i) =>
      api('PATCH', `/api/v1/tenants/${t.slug}/units/${created.body.id}`, {
        token: t.adminToken,
        body: { name: `Bagian Versi ${i}` },
        headers: { 'if-match': '"v1"' },
      }),
    );
    expect(tally).toEqual({ 200: 1, 412: 29 });
    const winner = results.find((r) => r.status === 200)?.body.name;
    const read = await api('GET', `/api/v1/tenants/${t.slug}/units/${created.body.id}`, { token: t.adminToken });
    expect(read.body).toMatchObject({ name: winner, version: 2 });
    const updates = await env.DB.prepare(
      "select count(*) as n from audit_log where tenant_id = ? and entity_id = ? and action = 'unit.update'",
    )
      .bind(t.id, created.body.id)
      .first<{ n: number }>();
    expect(updates?.n).toBe(1);
  });
});
