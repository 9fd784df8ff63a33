import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { race } from '../../support/races';
import { enroll, queue } from '../catalog/helpers';
import { approve, createPlan, planWorld, recompute } from './helpers';

const enrollmentsOf = async (tenantId: string) =>
  (
    await env.DB.prepare('select offering_id, employee_id, status, seq from enrollments where tenant_id = ? order by offering_id, seq')
      .bind(tenantId)
      .all()
  ).results;

describe('annual plan: approval', () => {
  it('creates every enrollment once, is idempotent and freezes the plan', async () => {
    const w = await planWorld();
    const plan = await createPlan(w.t, { budget: 4_000_000, options: { jpTargetBonus: 0 } });
    expectProblem(await api('POST', `/api/v1/tenants/${w.t.slug}/plans/${plan.body.id}/approve`, { token: w.t.adminToken }), 428);
    expectProblem(await approve(w.t, plan.body.id, '"v7"'), 412);
    const ok = await approve(w.t, plan.body.id, '"v1"');
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', version: 2, approvedBy: `admin@${w.t.slug}` });
    expect((await queue(w.t, w.tek)).map((e) => [e.employeeId, e.status, e.seq])).toEqual([[w.ani, 'enrolled', 1]]);
    expect((await queue(w.t, w.integritas)).map((e) => [e.employeeId, e.status])).toEqual([[w.ani, 'enrolled']]);
    const again = await approve(w.t, plan.body.id, '"v1"');
    expect(again.status, again.text).toBe(200);
    expect(again.body).toEqual(ok.body);
    expect(await enrollmentsOf(w.t.id)).toHaveLength(2);
    expectProblem(
      await api('POST', `/api/v1/tenants/${w.t.slug}/plans/${plan.body.id}/recompute`, { token: w.t.adminToken, body: {} }),
      409,
    );
    const read = await api('GET', `/api/v1/tenants/${w.t.slug}/plans/${plan.body.id}`, { token: w.t.adminToken });
    expect(read.body).toEqual(ok.body);
    const audit = await env.DB.prepare("select count(*) as n from audit_log where tenant_id = ? and action = 'plan.approve'")
      .bind(w.t.id)
      .first<{ n: number }>();
    expect(audit?.n).toBe(1);
  });

  it('is all or nothing: a seat taken meanwhile refuses the approval and creates nothing', async () => {
    const w = await planWorld();
    const plan = await createPlan(w.t, { budget: 4_000_000, options: { jpTargetBonus: 0 } });
    expect(plan.body.totals.lines).toBe(2);
    // Budi takes the only TEK seat after the plan was computed.
    expect((await enroll(w.t, w.tek, [w.budi])).status).toBe(201);
    const refused = await approve(w.t, plan.body.id, '"v1"');
    expectProblem(refused, 409);
    expect(await enrollmentsOf(w.t.id)).toEqual([expect.objectContaining({ employee_id: w.budi, status: 'enrolled' })]);
    const read = await api('GET', `/api/v1/tenants/${w.t.slug}/plans/${plan.body.id}`, { token: w.t.adminToken });
    expect(read.body).toMatchObject({ status: 'draft', version: 1, approvedAt: null });
    const audit = await env.DB.prepare("select count(*) as n from audit_log where tenant_id = ? and action = 'plan.approve'")
      .bind(w.t.id)
      .first<{ n: number }>();
    expect(audit?.n).toBe(0);
    // A recomputed plan fits the seats left and approves.
    const fresh = await recompute(w.t, plan.body.id, {});
    expect(fresh.status, fresh.text).toBe(201);
    expect((await approve(w.t, fresh.body.id, '"v1"')).status).toBe(200);
    expect(await enrollmentsOf(w.t.id)).toHaveLength(2);
  });

  it('refuses when an offering of the plan was cancelled meanwhile', async () => {
    const w = await planWorld();
    const plan = await createPlan(w.t, { budget: 4_000_000, options: { jpTargetBonus: 0 } });
    await env.DB.prepare("update offerings set status = 'cancelled' where tenant_id = ? and id = ?").bind(w.t.id, w.integritas).run();
    expectProblem(await approve(w.t, plan.body.id, '"v1"'), 409);
    expect(await enrollmentsOf(w.t.id)).toHaveLength(0);
  });

  it('parallel approvals create one set of enrollments', async () => {
    const w = await planWorld();
    const plan = await createPlan(w.t, { budget: 4_000_000, options: { jpTargetBonus: 0 } });
    const { results, tally } = await race(6, () => approve(w.t, plan.body.id, '"v1"'));
    expect(tally).toEqual({ 200: 6 });
    expect(new Set(results.map((r) => r.text)).size).toBe(1);
    const rows = await enrollmentsOf(w.t.id);
    expect(rows.map((r) => `${r.employee_id}/${r.offering_id}`).sort()).toEqual([`${w.ani}/${w.tek}`, `${w.ani}/${w.integritas}`].sort());
  });

  it('approves many lines into one offering with distinct queue places', async () => {
    const w = await planWorld();
    // 30 more people needing TEK, 40 seats: everyone with a TEK gap gets a place, one each.
    const ids = await import('../catalog/helpers').then((h) => h.employees(w.t, 30));
    const { assess } = await import('../competencies/helpers');
    for (const employeeId of ids)
      expect(
        (await assess(w.t, { employeeId, competency: 'TEK-SIMRS', level: 1, source: 'assessment_center', date: '2026-02-01' })).status,
      ).toBe(201);
    await api('PATCH', `/api/v1/tenants/${w.t.slug}/offerings/${w.tek}`, {
      token: w.t.adminToken,
      body: { capacity: 40 },
      headers: { 'if-match': '"v1"' },
    });
    const plan = await createPlan(w.t, { budget: 100_000_000, options: { perPersonCap: 1 } });
    expect(plan.body.totals.lines).toBe(32);
    expect((await approve(w.t, plan.body.id, '"v1"')).status).toBe(200);
    const tek = await queue(w.t, w.tek);
    expect(tek.length).toBe(32);
    expect(tek.map((e) => e.seq)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(tek.every((e) => e.status === 'enrolled')).toBe(true);
  });
});
