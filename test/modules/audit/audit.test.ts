/**
 * The tenant's audit log read by its admin: filters by action, entity, who (actor) and a range of
 * days on the tenant's wall clock (Asia/Jakarta here: a row at 18:00 UTC is the next day), newest
 * first, paged; a bad date is a problem naming the field.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { tokenFor } from '../../support/tokens';

interface Entry {
  id: string;
  at: string;
  actor: string;
  action: string;
}

async function seed(tenantId: string, rows: [id: string, at: string, actor: string, action: string][]) {
  await env.DB.batch(
    rows.map(([id, at, actor, action]) =>
      env.DB.prepare(
        'insert into audit_log (tenant_id, id, at, actor, actor_roles, action, entity, entity_id, request_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).bind(tenantId, id, at, actor, 'tenant_admin', action, 'account', `acc_${id}`, `req_${id}`),
    ),
  );
}

describe('the tenant audit log', () => {
  it('filters by who and by a range of days on the tenant clock, newest first, in pages', async () => {
    const t = await createTenant({ timeZone: 'Asia/Jakarta' });
    await seed(t.id, [
      ['aud_t1', '2026-03-01T16:59:59.000Z', 'admin-a', 'account.disable'],
      ['aud_t2', '2026-03-01T17:00:00.000Z', 'admin-a', 'account.enable'],
      ['aud_t3', '2026-03-02T10:00:00.000Z', 'admin-b', 'account.disable'],
      ['aud_t4', '2026-03-03T16:59:59.999Z', 'admin-a', 'account.code_issue'],
      ['aud_t5', '2026-03-03T17:00:00.000Z', 'admin-a', 'account.disable'],
    ]);
    const read = async (query: string) => {
      const res = await api('GET', `/api/v1/tenants/${t.slug}/audit?${query}` as `/api/v1/tenants/${string}/audit`, {
        token: t.adminToken,
      });
      expect(res.status, res.text).toBe(200);
      return res.body as { items: Entry[]; nextCursor: string | null };
    };
    // 2 March WIB is 2026-03-01T17:00Z … 2026-03-02T17:00Z; 2–3 March ends at 2026-03-03T17:00Z.
    expect((await read('from=2026-03-02&to=2026-03-03')).items.map((e) => e.id)).toEqual(['aud_t4', 'aud_t3', 'aud_t2']);
    expect((await read('from=2026-03-02&to=2026-03-03&actor=admin-a')).items.map((e) => e.id)).toEqual(['aud_t4', 'aud_t2']);
    expect((await read('actor=admin-a&action=account.disable')).items.map((e) => e.id)).toEqual(['aud_t5', 'aud_t1']);
    expect((await read('to=2026-03-01')).items.map((e) => e.id)).toEqual(['aud_t1']);

    const first = await read('actor=admin-a&limit=2');
    expect(first.items.map((e) => e.id)).toEqual(['aud_t5', 'aud_t4']);
    const second = await read(`actor=admin-a&limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
    expect(second.items.map((e) => e.id)).toEqual(['aud_t2', 'aud_t1']);
  });

  it('names who wrote: a write of the admin is found under their subject', async () => {
    const t = await createTenant();
    const other = await tokenFor('tenant_admin', { tenant: t.slug, sub: `other@${t.slug}` });
    const body = { selfAssessments: 'by_date', jpTargets: { pns: 20, pppk: 20 } };
    const saved = await api('PUT', `/api/v1/tenants/${t.slug}/settings`, { token: other, body, headers: { 'if-match': '"v0"' } });
    expect(saved.status, saved.text).toBe(200);
    const mine = await api('GET', `/api/v1/tenants/${t.slug}/audit?actor=admin%40${t.slug}`, { token: t.adminToken });
    expect(mine.body.items).toEqual([]);
    const theirs = await api('GET', `/api/v1/tenants/${t.slug}/audit?actor=other%40${t.slug}`, { token: t.adminToken });
    expect(theirs.body.items).toHaveLength(1);
    expect(theirs.body.items[0]).toMatchObject({ action: 'tenant_settings.update', actor: `other@${t.slug}` });
  });

  it('refuses a day that is not a date, naming the field', async () => {
    const t = await createTenant();
    const problem = expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/audit?from=2026-13-01`, { token: t.adminToken }), 400);
    expect((problem.errors ?? []).map((e) => e.path)).toContain('query.from');
  });
});
