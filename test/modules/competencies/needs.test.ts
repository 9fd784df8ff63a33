import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/platform/xlsx';
import { api, expectProblem } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { createEmployee, orgIds } from '../employees/helpers';
import { putStandards } from './helpers';

/**
 * ANALIS-KEBIJAKAN requires INTEGRITAS 3 (w 2) and KOMUNIKASI 4 (w 1). In DINKES: e1 INT 1, KOM 4;
 * e2 INT 3, KOM unassessed. In DISDUKCAPIL: e3 INT 2, KOM 2. e4 holds KADINKES, which has no standard.
 */
async function fixture(): Promise<TestTenant & { e1: string; e3: string; ids: Record<string, string> }> {
  const t = await createTenant();
  const ids = await orgIds(t);
  expect(
    (
      await putStandards(t, ids['ANALIS-KEBIJAKAN'] as string, [
        { competency: 'INTEGRITAS', requiredLevel: 3, weight: 2 },
        { competency: 'KOMUNIKASI', requiredLevel: 4, weight: 1 },
      ])
    ).status,
  ).toBe(200);
  const e1 = (await createEmployee(t)).body.id;
  const e2 = (await createEmployee(t)).body.id;
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
    body: {
      items: [
        item(e1, 'INTEGRITAS', 1),
        item(e1, 'KOMUNIKASI', 4),
        item(e2, 'INTEGRITAS', 3),
        item(e3, 'INTEGRITAS', 2),
        item(e3, 'KOMUNIKASI', 2),
      ],
    },
  });
  expect(bulk.status, bulk.text).toBe(201);
  return { ...t, e1, e3, ids };
}

const report = (t: { slug: string; adminToken: string }, groupBy: string) =>
  api('GET', `/api/v1/tenants/${t.slug}/needs?groupBy=${groupBy}`, { token: t.adminToken });

describe('needs report', () => {
  it('groups by competency, unit and type with hand-computed figures; unassessed never counts as 0', async () => {
    const t = await fixture();
    const byCompetency = await report(t, 'competency');
    expect(byCompetency.status, byCompetency.text).toBe(200);
    expect(byCompetency.body.items).toMatchObject([
      {
        code: 'INTEGRITAS',
        employees: 3,
        employeesWithGap: 2,
        employeesUnassessed: 0,
        assessed: 3,
        unassessed: 0,
        meanGap: 1,
        weightedGap: 6,
        topPriorities: [{ code: 'INTEGRITAS', weightedGap: 6 }],
      },
      {
        code: 'KOMUNIKASI',
        employees: 3,
        employeesWithGap: 1,
        employeesUnassessed: 1,
        assessed: 2,
        unassessed: 1,
        meanGap: 1,
        weightedGap: 2,
      },
    ]);
    const byUnit = await report(t, 'unit');
    const unit = Object.fromEntries(byUnit.body.items.map((i) => [String(i.code), i]));
    expect(byUnit.body.items).toHaveLength(2);
    expect(unit.DINKES).toMatchObject({
      employees: 2,
      employeesWithGap: 1,
      employeesUnassessed: 1,
      assessed: 3,
      unassessed: 1,
      meanGap: 0.67,
      weightedGap: 4,
      topPriorities: [{ code: 'INTEGRITAS', weightedGap: 4 }],
    });
    expect(unit.DISDUKCAPIL).toMatchObject({ employees: 1, employeesWithGap: 1, assessed: 2, unassessed: 0, meanGap: 1.5, weightedGap: 4 });
    expect(unit.DISDUKCAPIL?.topPriorities.map((p) => p.code)).toEqual(['INTEGRITAS', 'KOMUNIKASI']);
    const byType = await report(t, 'type');
    expect(byType.body.items).toMatchObject([
      {
        key: 'manajerial',
        employees: 3,
        employeesWithGap: 2,
        employeesUnassessed: 1,
        assessed: 5,
        unassessed: 1,
        meanGap: 1,
        weightedGap: 8,
      },
    ]);
    const byPosition = await report(t, 'position');
    expect(byPosition.body.items).toMatchObject([{ code: 'ANALIS-KEBIJAKAN', employees: 3, weightedGap: 8 }]);
    console.info(`needs report by unit: ${byUnit.cost.rowsRead} rows read, ${byUnit.cost.queries} queries`);
    // Computed: the snapshot check, the groups and the individual priorities in one batch, the snapshot stored.
    expect(byUnit.cost.queries).toBe(3);
    // Asked again with nothing changed: the snapshot, one round trip, the same figures.
    const again = await report(t, 'unit');
    expect(again.cost).toMatchObject({ queries: 1, rowsWritten: 0 });
    expect(again.cost.rowsRead).toBeLessThanOrEqual(3);
    expect(again.body).toEqual(byUnit.body);
  });

  it('names the largest individual gaps (who, where, from what to what) and filters by unit and type', async () => {
    const t = await fixture();
    const all = await report(t, 'competency');
    // e1 INTEGRITAS 1→3 ×2 = 4; e3 KOMUNIKASI 2→4 ×1 = 2 (gap 2); e3 INTEGRITAS 2→3 ×2 = 2 (gap 1).
    expect(all.body.priorities.map((p) => [p.employeeId, p.competencyCode, p.weightedGap])).toEqual([
      [t.e1, 'INTEGRITAS', 4],
      [t.e3, 'KOMUNIKASI', 2],
      [t.e3, 'INTEGRITAS', 2],
    ]);
    expect(all.body.priorities[0]).toMatchObject({ unitCode: 'DINKES', requiredLevel: 3, currentLevel: 1, gap: 2, weight: 2 });
    expect(all.cost.queries).toBe(3);

    const capil = await api('GET', `/api/v1/tenants/${t.slug}/needs?groupBy=competency&unit=${t.ids.DISDUKCAPIL}&priorities=1`, {
      token: t.adminToken,
    });
    expect(capil.body.items).toMatchObject([
      { code: 'INTEGRITAS', employees: 1, employeesWithGap: 1, meanGap: 1, weightedGap: 2 },
      { code: 'KOMUNIKASI', employees: 1, employeesWithGap: 1, meanGap: 2, weightedGap: 2 },
    ]);
    expect(capil.body.priorities).toHaveLength(1);
    const teknis = await api('GET', `/api/v1/tenants/${t.slug}/needs?competencyType=teknis`, { token: t.adminToken });
    expect(teknis.body).toMatchObject({ items: [], priorities: [] });
  });

  it('exports the report as CSV, one line per group', async () => {
    const t = await fixture();
    const res = await api('GET', `/api/v1/tenants/${t.slug}/needs.csv?groupBy=competency`, { token: t.adminToken });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.text.trim().split('\r\n')).toEqual([
      'group,code,name,employees,employees_with_gap,employees_unassessed,assessed,unassessed,mean_gap,weighted_gap,top_priorities',
      'competency,INTEGRITAS,Integritas,3,2,0,3,0,1,6,INTEGRITAS',
      'competency,KOMUNIKASI,Komunikasi,3,1,1,2,1,1,2,KOMUNIKASI',
    ]);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/needs.csv`, { token: t.employeeToken }), 403);
  });

  it('exports the report as xlsx: the groups as the CSV, numbers as numbers, and the priorities on a second sheet', async () => {
    const t = await fixture();
    const res = await api('GET', `/api/v1/tenants/${t.slug}/needs.xlsx?groupBy=competency&priorities=2`, { token: t.adminToken });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain('.xlsx');
    const [groups, priorities] = readXlsx(res.bytes);
    expect(groups?.name).toBe('Kebutuhan');
    expect(groups?.rows).toEqual([
      [
        'group',
        'code',
        'name',
        'employees',
        'employees_with_gap',
        'employees_unassessed',
        'assessed',
        'unassessed',
        'mean_gap',
        'weighted_gap',
        'top_priorities',
      ],
      ['competency', 'INTEGRITAS', 'Integritas', 3, 2, 0, 3, 0, 1, 6, 'INTEGRITAS'],
      ['competency', 'KOMUNIKASI', 'Komunikasi', 3, 1, 1, 2, 1, 1, 2, 'KOMUNIKASI'],
    ]);
    expect(priorities?.name).toBe('Prioritas');
    expect(priorities?.rows).toHaveLength(3);
    expect(priorities?.rows[1]).toMatchObject([expect.any(String), expect.any(String), expect.any(String), 'INTEGRITAS', 3, 1, 2, 2, 4]);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/needs.xlsx`, { token: t.employeeToken }), 403);
  });

  it('is for the tenant admin only, and refuses unknown groupings', async () => {
    const t = await createTenant();
    await expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/needs`, { token: t.employeeToken }), 403);
    await expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/needs`, { token: t.nationalToken }), 403);
    await expectProblem(await report(t, 'golongan'), 400);
    const empty = await api('GET', `/api/v1/tenants/${t.slug}/needs`, { token: t.adminToken });
    expect(empty.body).toEqual({ groupBy: 'competency', computedAt: expect.any(String), items: [], priorities: [] });
  });
});
