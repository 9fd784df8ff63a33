import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { createOffering, createProgram } from './helpers';

describe('offerings', () => {
  it('validates dates, place and program; writes nothing when refused', async () => {
    const t = await createTenant();
    const program = await createProgram(t);
    const retired = await createProgram(t, { status: 'retired' });
    const post = (body: Record<string, unknown>) =>
      api('POST', `/api/v1/tenants/${t.slug}/offerings`, {
        token: t.adminToken,
        body: { programId: program.id, startDate: '2099-03-02', endDate: '2099-03-06', capacity: 10, online: true, ...body },
      });
    expectProblem(await post({ endDate: '2099-03-01' }), 400);
    expectProblem(await post({ online: false }), 400);
    expectProblem(await post({ capacity: 0 }), 400);
    expectProblem(await post({ startDate: '2099-02-30' }), 400);
    expectProblem(await post({ programId: 'prg_nope' }), 422);
    expectProblem(await post({ programId: retired.id }), 422);
    const n = await env.DB.prepare('select count(*) as n from offerings where tenant_id = ?').bind(t.id).first<{ n: number }>();
    expect(n?.n).toBe(0);
    const offering = await createOffering(t, program.id);
    const path = `/api/v1/tenants/${t.slug}/offerings/${offering.id}` as const;
    expectProblem(await api('PATCH', path, { token: t.adminToken, body: { endDate: '2099-03-01' }, headers: { 'if-match': '"v1"' } }), 422);
    const moved = await api('PATCH', path, {
      token: t.adminToken,
      body: { startDate: '2099-03-03', status: 'running' },
      headers: { 'if-match': '"v1"' },
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ startDate: '2099-03-03', endDate: '2099-03-06', status: 'running', version: 2 });
    expectProblem(await api('PATCH', path, { token: t.adminToken, body: { capacity: 3 }, headers: { 'if-match': '"v1"' } }), 412);
    const list = await api('GET', `/api/v1/tenants/${t.slug}/offerings?program=${program.id}&status=running`, { token: t.employeeToken });
    expect(list.body.items.map((o) => o.id)).toEqual([offering.id]);
  });
});
