/**
 * The needs heat map: units or positions × competencies, hand-computed on a small region, with an
 * unassessed cell as null (never 0), the head count, and its cost (one statement, then its snapshot).
 */
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { createEmployee, orgIds } from '../employees/helpers';
import { putStandards } from './helpers';

const heatmap = (t: { slug: string; adminToken: string }, by: string) =>
  api('GET', `/api/v1/tenants/${t.slug}/needs/heatmap?by=${by}`, { token: t.adminToken });

describe('needs heat map', () => {
  it('gives every unit × competency its pairs, assessed and weighted gap; unassessed is null, not 0', async () => {
    const t = await createTenant();
    const ids = await orgIds(t);
    // ANALIS-KEBIJAKAN requires INTEGRITAS 3 (weight 2) and KOMUNIKASI 4 (weight 1).
    expect(
      (
        await putStandards(t, ids['ANALIS-KEBIJAKAN'] as string, [
          { competency: 'INTEGRITAS', requiredLevel: 3, weight: 2 },
          { competency: 'KOMUNIKASI', requiredLevel: 4, weight: 1 },
        ])
      ).status,
    ).toBe(200);
    const e1 = (await createEmployee(t)).body.id;
    // e2: never assessed.
    await createEmployee(t);
    const e3 = (await createEmployee(t, { unitId: ids.DISDUKCAPIL })).body.id;
    await createEmployee(t, { positionId: ids.KADINKES });
    const item = (employeeId: string, competency: string, level: number) => ({
      employeeId,
      competency,
      level,
      source: 'supervisor',
      date: '2026-02-01',
    });
    const bulk = await api('POST', `/api/v1/tenants/${t.slug}/assessments/bulk`, {
      token: t.adminToken,
      body: { items: [item(e1, 'INTEGRITAS', 1), item(e1, 'KOMUNIKASI', 4), item(e3, 'INTEGRITAS', 2), item(e3, 'KOMUNIKASI', 2)] },
    });
    expect(bulk.status, bulk.text).toBe(201);

    const res = await heatmap(t, 'unit');
    expect(res.status, res.text).toBe(200);
    // e1 and e3 assessed in both; e2 in neither; the KADINKES holder has no standard.
    expect(res.body).toMatchObject({ by: 'unit', headcount: 4, employeesWithStandard: 3, employeesFullyAssessed: 2 });
    expect(res.body.groups.map((g) => [g.code, g.employees, g.weightedGap])).toEqual([
      ['DINKES', 2, 4],
      ['DISDUKCAPIL', 1, 4],
    ]);
    expect(res.body.competencies.map((c) => [c.code, c.type, c.weightedGap])).toEqual([
      ['INTEGRITAS', 'manajerial', 6],
      ['KOMUNIKASI', 'manajerial', 2],
    ]);
    const code = Object.fromEntries(res.body.groups.map((g) => [g.key, g.code]));
    const competency = Object.fromEntries(res.body.competencies.map((c) => [c.id, c.code]));
    const cells = res.body.cells
      .map((c) => [code[c.groupKey], competency[c.competencyId], c.pairs, c.assessed, c.meanGap, c.weightedGap])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])));
    expect(cells).toEqual([
      ['DINKES', 'INTEGRITAS', 2, 1, 2, 4],
      ['DINKES', 'KOMUNIKASI', 2, 1, 0, 0],
      ['DISDUKCAPIL', 'INTEGRITAS', 1, 1, 1, 2],
      ['DISDUKCAPIL', 'KOMUNIKASI', 1, 1, 2, 2],
    ]);
    // Computed: the snapshot check, the statement, the snapshot stored; then the snapshot alone.
    expect(res.cost.queries).toBeLessThanOrEqual(3);
    const again = await heatmap(t, 'unit');
    expect(again.cost).toMatchObject({ queries: 1, rowsWritten: 0 });
    expect(again.body).toEqual(res.body);

    // A standard changed: the snapshot is dropped and the cell moves at once.
    expect(
      (await putStandards(t, ids['ANALIS-KEBIJAKAN'] as string, [{ competency: 'INTEGRITAS', requiredLevel: 5, weight: 1 }])).status,
    ).toBe(200);
    const changed = await heatmap(t, 'unit');
    expect(changed.body.competencies.map((c) => [c.code, c.weightedGap])).toEqual([['INTEGRITAS', 7]]);
    expect(changed.body.cells.find((c) => code[c.groupKey] === 'DINKES')).toMatchObject({ pairs: 2, assessed: 1, weightedGap: 4 });

    const byPosition = await heatmap(t, 'position');
    expect(byPosition.body.groups).toMatchObject([{ code: 'ANALIS-KEBIJAKAN', employees: 3, weightedGap: 7 }]);
  });

  it('counts a unit whose people are not assessed yet with null cells', async () => {
    const t = await createTenant();
    const ids = await orgIds(t);
    expect((await putStandards(t, ids['ANALIS-KEBIJAKAN'] as string, [{ competency: 'INTEGRITAS', requiredLevel: 3 }])).status).toBe(200);
    await createEmployee(t);
    const res = await heatmap(t, 'unit');
    expect(res.body).toMatchObject({ headcount: 1, employeesWithStandard: 1, employeesFullyAssessed: 0 });
    expect(res.body.cells).toMatchObject([{ pairs: 1, assessed: 0, meanGap: null, weightedGap: null }]);
  });

  it('is for the tenant admin only and refuses an unknown dimension', async () => {
    const t = await createTenant();
    await expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/needs/heatmap`, { token: t.employeeToken }), 403);
    await expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/needs/heatmap`, { token: t.nationalToken }), 403);
    await expectProblem(await heatmap(t, 'golongan'), 400);
    const empty = await api('GET', `/api/v1/tenants/${t.slug}/needs/heatmap`, { token: t.adminToken });
    expect(empty.body).toMatchObject({ by: 'unit', headcount: 0, groups: [], competencies: [], cells: [] });
  });
});
