import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { createOffering, createProgram, enroll, queue } from '../catalog/helpers';
import { createPlan, linesOf, planWorld, recompute } from './helpers';

describe('annual plan: compute and explain', () => {
  it('finds the hand-computed best plan and every line explains its gaps', async () => {
    const w = await planWorld();
    const res = await createPlan(w.t, { budget: 4_000_000, options: { jpTargetBonus: 0 } });
    expect(res.status, res.text).toBe(201);
    expect(res.headers.get('etag')).toBe('"v1"');
    expect(res.body).toMatchObject({ status: 'draft', year: 2099, budget: 4_000_000, version: 1, sourcePlanId: null });
    expect(res.body.totals).toMatchObject({
      budgetUsed: 4_000_000,
      lines: 2,
      value: 10,
      weightedGap: 13,
      closed: 10,
      closureShare: 0.769,
      employeesInScope: 2,
      reachingTargetBefore: 0,
      reachingTargetAfter: 1,
      jpTarget: 20,
    });
    expect(res.body.totals.naiveValue).toBeLessThanOrEqual(res.body.totals.value);
    expect(res.body.totals.byUnit).toEqual([
      expect.objectContaining({ unitId: w.ids.DINKES, employees: 2, lines: 2, cost: 4_000_000, weightedGap: 13, closed: 10 }),
    ]);
    const lines = await linesOf(w.t, res.body.id);
    const byOffering = Object.fromEntries(lines.map((l) => [l.offeringId, l]));
    expect(lines.every((l) => l.employeeId === w.ani)).toBe(true);
    expect(byOffering[w.tek]).toMatchObject({
      cost: 1_000_000,
      value: 6,
      gaps: [{ competencyId: w.tekCompetencyId, from: 1, to: 3, weight: 3 }],
    });
    expect(byOffering[w.integritas]).toMatchObject({ cost: 3_000_000, value: 4, gaps: [{ from: 1, to: 3, weight: 2 }] });
  });

  it('keeps within budget and capacity, and respects the per-person cap', async () => {
    const w = await planWorld();
    const tight = await createPlan(w.t, { budget: 3_500_000, options: { jpTargetBonus: 0 } });
    expect(tight.status, tight.text).toBe(201);
    expect(tight.body.totals.budgetUsed).toBeLessThanOrEqual(3_500_000);
    expect(tight.body.totals.value).toBe(6);
    const capped = await createPlan(w.t, { budget: 10_000_000, options: { jpTargetBonus: 0, perPersonCap: 1 } });
    const lines = await linesOf(w.t, capped.body.id);
    // One offering each: Budi–TEK 3 + Ani–INTEGRITAS 4 = 7 beats Ani–TEK 6 alone.
    expect(lines.map((l) => `${l.employeeId}/${l.offeringId}`).sort()).toEqual([`${w.budi}/${w.tek}`, `${w.ani}/${w.integritas}`].sort());
    expect(capped.body.totals).toMatchObject({ value: 7, budgetUsed: 4_000_000 });
    const none = await createPlan(w.t, { budget: 0 });
    expect(none.body.totals).toMatchObject({ budgetUsed: 0, lines: 0, closed: 0 });
  });

  it('priority weights change the choice; units out of scope are left out', async () => {
    const w = await planWorld();
    // INTEGRITAS ×5 (managerial): Ani–INTEGRITAS is worth 20 and wins the Rp 3.000.000.
    const res = await createPlan(w.t, {
      budget: 3_000_000,
      options: { jpTargetBonus: 0, weights: { competencyTypes: { manajerial: 5 } } },
    });
    expect(res.status, res.text).toBe(201);
    expect((await linesOf(w.t, res.body.id)).map((l) => l.offeringId)).toEqual([w.integritas]);
    const scoped = await createPlan(w.t, { budget: 4_000_000, options: { units: [w.ids.DISDUKCAPIL] } });
    expect(scoped.body.totals).toMatchObject({ lines: 0, employeesInScope: 0 });
  });

  it("never plans another tenant's offering, and refuses one asked for", async () => {
    const w = await planWorld();
    const other = await createTenant();
    const theirs = await createOffering(
      other,
      (await createProgram(other, { targets: [{ competency: 'INTEGRITAS', expectedGain: 2 }], costPerParticipant: 1 })).id,
      { capacity: 50 },
    );
    const res = await createPlan(w.t, { budget: 100_000_000 });
    const lines = await linesOf(w.t, res.body.id);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => [w.tek, w.integritas].includes(l.offeringId))).toBe(true);
    const asked = await createPlan(w.t, { budget: 100_000_000, options: { offerings: [w.tek, theirs.id] } });
    expectProblem(asked, 422);
    expect(asked.text).not.toContain('Aula');
    const list = await api('GET', `/api/v1/tenants/${w.t.slug}/plans`, { token: w.t.adminToken });
    expect(list.body.items).toHaveLength(1);
  });

  it('counts seats already taken and validates input', async () => {
    const w = await planWorld();
    expect((await enroll(w.t, w.tek, [w.budi])).status).toBe(201);
    const res = await createPlan(w.t, { budget: 4_000_000, options: { jpTargetBonus: 0 } });
    expect((await linesOf(w.t, res.body.id)).map((l) => l.offeringId)).toEqual([w.integritas]);
    expect((await queue(w.t, w.tek)).length).toBe(1);
    expectProblem(await createPlan(w.t, { budget: -1 }), 400);
    expectProblem(await createPlan(w.t, { budget: 1.5 }), 400);
    expectProblem(await createPlan(w.t, { budget: 1, options: { perPersonCap: 0 } }), 400);
    expectProblem(await createPlan(w.t, { budget: 1, surprise: true }), 400);
    expectProblem(
      await api('POST', `/api/v1/tenants/${w.t.slug}/plans`, { token: w.t.employeeToken, body: { year: 2099, budget: 1 } }),
      403,
    );
  });
});

describe('annual plan: list, lines, recompute, compare', () => {
  it('pages lines with a cursor, recomputes into a new draft and compares', async () => {
    const w = await planWorld();
    const a = (await createPlan(w.t, { budget: 4_000_000, options: { jpTargetBonus: 0 } })).body;
    const first = await api('GET', `/api/v1/tenants/${w.t.slug}/plans/${a.id}/lines?limit=1`, { token: w.t.adminToken });
    expect(first.body.items).toHaveLength(1);
    // A line names who and what, read in the same statement as the line.
    const ani = await api('GET', `/api/v1/tenants/${w.t.slug}/employees/${w.ani}`, { token: w.t.adminToken });
    expect(first.body.items[0]).toMatchObject({ employeeName: ani.body.name, programTitle: expect.stringMatching(/^Pelatihan /) });
    expect(first.body.items[0]?.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const second = await api('GET', `/api/v1/tenants/${w.t.slug}/plans/${a.id}/lines?limit=1&cursor=${first.body.nextCursor}`, {
      token: w.t.adminToken,
    });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.items[0]?.seq).toBe(2);
    const b = await recompute(w.t, a.id, { budget: 1_000_000 });
    expect(b.status, b.text).toBe(201);
    expect(b.body).toMatchObject({ sourcePlanId: a.id, budget: 1_000_000, status: 'draft', options: { jpTargetBonus: 0 } });
    const cmp = await api('GET', `/api/v1/tenants/${w.t.slug}/plans/compare?a=${a.id}&b=${b.body.id}`, { token: w.t.adminToken });
    expect(cmp.status, cmp.text).toBe(200);
    expect(cmp.body.a.totals.budgetUsed).toBe(4_000_000);
    expect(cmp.body.b.totals.budgetUsed).toBe(1_000_000);
    expect(cmp.body.onlyInA).toEqual({
      count: 1,
      items: [
        {
          employeeId: w.ani,
          offeringId: w.integritas,
          cost: 3_000_000,
          employeeName: ani.body.name,
          programTitle: 'Pelatihan Integritas',
          startDate: expect.any(String),
        },
      ],
    });
    expect(cmp.body.onlyInB).toEqual({ count: 0, items: [] });
    expect(cmp.body.inBoth).toBe(1);
    const list = await api('GET', `/api/v1/tenants/${w.t.slug}/plans?limit=1`, { token: w.t.adminToken });
    expect(list.body.items[0]).toMatchObject({ id: b.body.id, lines: 1, budgetUsed: 1_000_000 });
    const rest = await api('GET', `/api/v1/tenants/${w.t.slug}/plans?limit=1&cursor=${list.body.nextCursor}`, { token: w.t.adminToken });
    expect(rest.body.items[0]?.id).toBe(a.id);
    expectProblem(await api('GET', `/api/v1/tenants/${w.t.slug}/plans/compare?a=${a.id}&b=pln_nope`, { token: w.t.adminToken }), 404);
  });
});
