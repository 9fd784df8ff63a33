/**
 * The yearly JP target per employment type (SPEC 12): PNS from the manifest's `jpTarget` until the
 * tenant admin sets it, PPPK its own setting (default 20). Each person is counted against their own
 * type's target: in their ledger (and /me/jp), the tenant summary, the national figure and the plan.
 */
import { describe, expect, it } from 'vitest';
import { shareReachingJpTarget } from '../../../src/modules/national/needs-figures';
import { api } from '../../support/api';
import { contextFor } from '../../support/context';
import { createTenant, type TestTenant } from '../../support/factories';
import { tokenFor } from '../../support/tokens';
import { createEmployee } from '../employees/helpers';
import { createPlan, planWorld } from '../plans/helpers';
import { credited, ledger } from './helpers';

let pppkSerial = 0;
/** A PPPK employee (18-digit number, grade IX). */
async function pppk(t: TestTenant) {
  const res = await createEmployee(t, {
    nip: `19900101202121${String(1000 + pppkSerial++).slice(-4)}`,
    employmentType: 'pppk',
    grade: 'IX',
  });
  expect(res.status, res.text).toBe(201);
  return res.body.id as string;
}
const pns = async (t: TestTenant) => (await createEmployee(t)).body.id as string;

async function saveTargets(t: TestTenant, jpTargets: { pns: number; pppk: number }) {
  const read = await api('GET', `/api/v1/tenants/${t.slug}/settings`, { token: t.adminToken });
  const res = await api('PUT', `/api/v1/tenants/${t.slug}/settings`, {
    token: t.adminToken,
    headers: { 'if-match': read.headers.get('etag') ?? '' },
    body: { selfAssessments: read.body.selfAssessments, jpTargets },
  });
  expect(res.status, res.text).toBe(200);
}

const summary = (t: TestTenant) => api('GET', `/api/v1/tenants/${t.slug}/jp/summary?year=2026`, { token: t.adminToken });

describe('JP targets per employment type', () => {
  it('counts each person against their own type: ledger, /me/jp and the summary (hand-computed)', async () => {
    const t = await createTenant({ jpTarget: 24 });
    const [a, b, c] = [await pns(t), await pppk(t), await pppk(t)];
    await credited(t, a, 22, '2026-03-01T08:00:00+07:00');
    await credited(t, b, 22, '2026-03-01T08:00:00+07:00');
    await credited(t, c, 18, '2026-03-01T08:00:00+07:00');

    // Defaults: PNS 24 (the manifest), PPPK 20. Before, PPPK was held to the PNS target.
    const settings = await api('GET', `/api/v1/tenants/${t.slug}/settings`, { token: t.adminToken });
    expect(settings.body).toMatchObject({ jpTargets: { pns: 24, pppk: 20 }, version: 0 });
    expect((await ledger(t, a, 2026)).body).toMatchObject({ employmentType: 'pns', total: 22, target: 24, remaining: 2, reached: false });
    const lb = await ledger(t, b, 2026);
    expect(lb.body).toMatchObject({ employmentType: 'pppk', total: 22, target: 20, remaining: 0, reached: true });
    expect(lb.cost.queries).toBe(1);
    expect((await ledger(t, c, 2026)).body).toMatchObject({ target: 20, remaining: 2, reached: false });
    const s1 = await summary(t);
    expect(s1.body).toEqual({
      year: 2026,
      unitId: null,
      target: 24,
      targets: { pns: 24, pppk: 20 },
      employees: 3,
      reached: 1,
      share: 0.3333,
      meanJp: 20.67,
      byEmploymentType: { pns: { employees: 1, reached: 0, share: 0 }, pppk: { employees: 2, reached: 1, share: 0.5 } },
    });
    expect(s1.cost.queries).toBe(1);

    // The admin sets PNS 20, PPPK 24: a reaches, b and c do not.
    await saveTargets(t, { pns: 20, pppk: 24 });
    expect((await ledger(t, a, 2026)).body).toMatchObject({ target: 20, reached: true });
    const own = await api('GET', '/api/v1/me/jp?year=2026', { token: await tokenFor('employee', { tenant: t.slug, employeeId: b }) });
    expect(own.body).toMatchObject({ employeeId: b, employmentType: 'pppk', target: 24, remaining: 2, reached: false });
    expect((await summary(t)).body).toMatchObject({
      target: 20,
      targets: { pns: 20, pppk: 24 },
      reached: 1,
      byEmploymentType: { pns: { employees: 1, reached: 1, share: 1 }, pppk: { employees: 2, reached: 0, share: 0 } },
    });
    // Another tenant keeps its own (default) targets.
    const other = await createTenant({ jpTarget: 24 });
    expect((await summary(other)).body).toMatchObject({ targets: { pns: 24, pppk: 20 } });
  });

  it("the national figure counts each person against their type's target", async () => {
    const t = await createTenant({ jpTarget: 24 });
    const people = [await pns(t), await pns(t), await pns(t), await pppk(t), await pppk(t), await pppk(t)];
    for (const id of people) await credited(t, id, 22, '2026-03-01T08:00:00+07:00');
    const ctx = await contextFor(t);
    const measure = async () => {
      const rows = await ctx.db
        .unscoped('the provider statement, as compute.ts runs it')
        .all<{ sum: number; count: number }>(shareReachingJpTarget.measure({ tenant: ctx.tenant, db: ctx.db, year: 2026 }));
      return rows.reduce((s, r) => ({ sum: s.sum + r.sum, count: s.count + r.count }), { sum: 0, count: 0 });
    };
    // PNS 24 (not reached with 22), PPPK 20 (reached): 3 of 6. Before, all six were held to 24: 0 of 6.
    expect(await measure()).toEqual({ sum: 3, count: 6 });
    await saveTargets(t, { pns: 22, pppk: 25 });
    expect(await measure()).toEqual({ sum: 3, count: 6 });
    await saveTargets(t, { pns: 22, pppk: 22 });
    expect(await measure()).toEqual({ sum: 6, count: 6 });
  });

  it("the annual plan counts each person against their type's target and reports both targets", async () => {
    const w = await planWorld(await createTenant({ jpTarget: 24 }));
    // Budi becomes PPPK; both earned 22 JP in the plan's year.
    const budi = await api('GET', `/api/v1/tenants/${w.t.slug}/employees/${w.budi}`, { token: w.t.adminToken });
    const moved = await api('PATCH', `/api/v1/tenants/${w.t.slug}/employees/${w.budi}`, {
      token: w.t.adminToken,
      headers: { 'if-match': budi.headers.get('etag') ?? '' },
      body: { employmentType: 'pppk', grade: 'IX' },
    });
    expect(moved.status, moved.text).toBe(200);
    for (const id of [w.ani, w.budi]) await credited(w.t, id, 22, '2099-03-01T08:00:00+07:00');
    const plan = await createPlan(w.t, { budget: 4_000_000, options: { jpTargetBonus: 0 } });
    expect(plan.status, plan.text).toBe(201);
    // Ani (PNS, 24) not yet; Budi (PPPK, 20) already. Her 24-JP SIMRS course lifts Ani too.
    expect(plan.body.totals).toMatchObject({
      jpTarget: 24,
      jpTargets: { pns: 24, pppk: 20 },
      reachingTargetBefore: 1,
      reachingTargetAfter: 2,
    });
  });
});
