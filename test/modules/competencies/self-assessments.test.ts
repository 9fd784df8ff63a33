/**
 * Self-assessments and the current level (SPEC 15): by default a self-assessment counts only while
 * no other source has assessed that competency, whatever its date; the tenant setting `by_date`
 * brings back "the latest counts". A mentee's end-of-mentoring self-assessment (assessor = the
 * employee) is a self-assessment too. Changing the rule re-chooses every current level at once,
 * and the needs report follows.
 */
import { describe, expect, it } from 'vitest';
import { prng } from '../../../scripts/demo/random';
import { needsFromPairs } from '../../../src/modules/competencies/needs/pairs';
import { groupings } from '../../../src/modules/competencies/needs/shared';
import { needsFromTotals } from '../../../src/modules/competencies/needs/totals';
import type { TenantContext } from '../../../src/platform/context';
import { api } from '../../support/api';
import { contextFor } from '../../support/context';
import { createTenant, type TestTenant } from '../../support/factories';
import { tokenFor } from '../../support/tokens';
import { createEmployee, csvOf, importCsv, orgIds, people } from '../employees/helpers';
import { assess, putStandards } from './helpers';

/** Standard of ANALIS-KEBIJAKAN: INTEGRITAS 3 (weight 2), KOMUNIKASI 4 (weight 1). */
async function fixture() {
  const t = await createTenant();
  const ids = await orgIds(t);
  const std = await putStandards(t, ids['ANALIS-KEBIJAKAN'] as string, [
    { competency: 'INTEGRITAS', requiredLevel: 3, weight: 2 },
    { competency: 'KOMUNIKASI', requiredLevel: 4, weight: 1 },
  ]);
  expect(std.status, std.text).toBe(200);
  const one = (await createEmployee(t)).body.id as string;
  const two = (await createEmployee(t)).body.id as string;
  return { t, one, two, own: await tokenFor('employee', { tenant: t.slug, employeeId: one }) };
}

const record = async (t: TestTenant, body: Record<string, unknown>) => {
  const res = await assess(t, { assessor: 'Atasan langsung', ...body });
  expect(res.status, res.text).toBe(201);
  return res.body;
};
const selfAssess = async (token: string, body: Record<string, unknown>) => {
  const res = await api('POST', '/api/v1/me/assessments', { token, body });
  expect(res.status, res.text).toBe(201);
  return res.body;
};
const current = async (t: TestTenant, employeeId: string, code: string) => {
  const res = await api('GET', `/api/v1/tenants/${t.slug}/employees/${employeeId}/gaps`, { token: t.adminToken });
  return res.body.items.find((i) => i.code === code);
};
const needs = (t: TestTenant) => api('GET', `/api/v1/tenants/${t.slug}/needs?groupBy=competency`, { token: t.adminToken });
const settings = (t: TestTenant) => api('GET', `/api/v1/tenants/${t.slug}/settings`, { token: t.adminToken });
async function saveRule(t: TestTenant, rule: 'by_date' | 'until_other_source', jpTargets = { pns: 20, pppk: 20 }) {
  const etag = (await settings(t)).headers.get('etag') ?? '';
  const res = await api('PUT', `/api/v1/tenants/${t.slug}/settings`, {
    token: t.adminToken,
    headers: { 'if-match': etag },
    body: { selfAssessments: rule, jpTargets },
  });
  expect(res.status, res.text).toBe(200);
  return res;
}

describe('the default rule: a self-assessment counts only while no other source has assessed the competency', () => {
  it('a later self-assessment does not replace the supervisor’s level', async () => {
    const { t, one, own } = await fixture();
    await record(t, { employeeId: one, competency: 'INTEGRITAS', level: 2, source: 'supervisor', date: '2026-02-01' });
    const mine = await selfAssess(own, { competency: 'INTEGRITAS', level: 5, date: '2026-03-01' });
    expect(mine).toMatchObject({ source: 'self', selfAssessed: true, level: 5 });
    // Before: the latest counted, so the employee's own 5 closed the gap.
    expect(await current(t, one, 'INTEGRITAS')).toMatchObject({ current: 2, gap: 1, weightedGap: 2, assessedOn: '2026-02-01' });
    const report = await needs(t);
    expect(report.body.items.find((i) => i.code === 'INTEGRITAS')).toMatchObject({ assessed: 1, weightedGap: 2 });
  });

  it('counts while it is the only one, and gives way to another source of any date', async () => {
    const { t, one, own } = await fixture();
    await selfAssess(own, { competency: 'KOMUNIKASI', level: 4, date: '2026-04-01' });
    expect(await current(t, one, 'KOMUNIKASI')).toMatchObject({ current: 4, gap: 0 });
    await record(t, { employeeId: one, competency: 'KOMUNIKASI', level: 2, source: 'assessment_center', date: '2026-01-10' });
    expect(await current(t, one, 'KOMUNIKASI')).toMatchObject({ current: 2, gap: 2, assessedOn: '2026-01-10' });
    await selfAssess(own, { competency: 'KOMUNIKASI', level: 5, date: '2026-05-01' });
    expect(await current(t, one, 'KOMUNIKASI')).toMatchObject({ current: 2, gap: 2 });
    // Between other sources the latest still counts.
    await record(t, { employeeId: one, competency: 'KOMUNIKASI', level: 3, source: 'supervisor', date: '2026-02-10' });
    expect(await current(t, one, 'KOMUNIKASI')).toMatchObject({ current: 3, gap: 1 });
  });

  it("treats an assessment whose assessor is the employee (the mentee's end-of-mentoring one) as a self-assessment", async () => {
    const { t, one } = await fixture();
    await record(t, { employeeId: one, competency: 'INTEGRITAS', level: 1, source: 'supervisor', date: '2026-01-05' });
    const byThemself = await record(t, {
      employeeId: one,
      competency: 'INTEGRITAS',
      level: 4,
      source: 'mentoring',
      date: '2026-06-01',
      assessor: one,
    });
    expect(byThemself).toMatchObject({ source: 'mentoring', selfAssessed: true });
    expect(await current(t, one, 'INTEGRITAS')).toMatchObject({ current: 1, gap: 2 });
    const byMentor = await record(t, {
      employeeId: one,
      competency: 'INTEGRITAS',
      level: 3,
      source: 'mentoring',
      date: '2026-06-02',
      assessor: 'Mentor',
    });
    expect(byMentor).toMatchObject({ selfAssessed: false });
    expect(await current(t, one, 'INTEGRITAS')).toMatchObject({ current: 3, gap: 0 });
    const history = await api('GET', `/api/v1/tenants/${t.slug}/employees/${one}/assessments`, { token: t.adminToken });
    expect(history.body.items.map((a) => a.selfAssessed)).toEqual([false, true, false]);
  });
});

describe('changing the rule', () => {
  it('re-chooses every current level at once; the gaps and the needs report follow, both ways', async () => {
    const { t, one, two, own } = await fixture();
    await record(t, { employeeId: one, competency: 'INTEGRITAS', level: 2, source: 'supervisor', date: '2026-02-01' });
    await selfAssess(own, { competency: 'INTEGRITAS', level: 5, date: '2026-03-01' });
    await record(t, { employeeId: two, competency: 'INTEGRITAS', level: 1, source: 'self', date: '2026-01-01' });
    // Default: one 2 (gap 1, weighted 2), two 1 (gap 2, weighted 4).
    const before = await needs(t);
    expect(before.body.items.find((i) => i.code === 'INTEGRITAS')).toMatchObject({ employeesWithGap: 2, weightedGap: 6 });
    expect((await needs(t)).cost.queries).toBe(1); // from the snapshot

    const saved = await saveRule(t, 'by_date');
    expect(saved.body).toMatchObject({ selfAssessments: 'by_date', version: 1 });
    expect(await current(t, one, 'INTEGRITAS')).toMatchObject({ current: 5, gap: 0, assessedOn: '2026-03-01' });
    expect(await current(t, two, 'INTEGRITAS')).toMatchObject({ current: 1, gap: 2 });
    const byDate = await needs(t);
    expect(byDate.cost.queries, 'the snapshot was dropped').toBe(3); // looked up, computed in one batch, stored
    expect(byDate.body.items.find((i) => i.code === 'INTEGRITAS')).toMatchObject({ employeesWithGap: 1, weightedGap: 4 });

    // A change of the JP targets alone moves no level and keeps the snapshot.
    await saveRule(t, 'by_date', { pns: 24, pppk: 20 });
    expect((await needs(t)).cost.queries).toBe(1);

    await saveRule(t, 'until_other_source');
    expect(await current(t, one, 'INTEGRITAS')).toMatchObject({ current: 2, gap: 1, assessedOn: '2026-02-01' });
    const back = await needs(t);
    expect(back.body.items.find((i) => i.code === 'INTEGRITAS')).toMatchObject({ employeesWithGap: 2, weightedGap: 6 });
    // New writes follow the rule in force.
    await selfAssess(own, { competency: 'INTEGRITAS', level: 4, date: '2026-07-01' });
    expect(await current(t, one, 'INTEGRITAS')).toMatchObject({ current: 2 });
  });

  it('keeps the needs totals equal to the report from the pairs (seed 20261129)', async () => {
    const t = await createTenant();
    const ctx: TenantContext = await contextFor(t, { subject: 'test' });
    const ids = await orgIds(t);
    const std = await putStandards(t, ids['ANALIS-KEBIJAKAN'] as string, [
      { competency: 'INTEGRITAS', requiredLevel: 4, weight: 2 },
      { competency: 'KOMUNIKASI', requiredLevel: 3, weight: 1 },
      { competency: 'PEREKAT-BANGSA', requiredLevel: 3, weight: 1.5 },
    ]);
    expect(std.status, std.text).toBe(200);
    const rows = people(12, 7300).map((r) => ({ ...r, position_code: 'ANALIS-KEBIJAKAN' }));
    expect((await importCsv(t, csvOf(rows))).status).toBe(200);
    const staff = (await api('GET', `/api/v1/tenants/${t.slug}/employees?limit=100`, { token: t.adminToken })).body.items as {
      id: string;
    }[];
    const seed = 20261129;
    console.info(`self-assessment rule totals: seed ${seed}`);
    const random = prng(seed);
    const sources = ['self', 'self', 'supervisor', 'assessment_center', 'mentoring'];
    const items = staff.flatMap((e) =>
      ['INTEGRITAS', 'KOMUNIKASI', 'PEREKAT-BANGSA'].flatMap((competency) =>
        Array.from({ length: random.int(0, 3) }, () => ({
          employeeId: e.id,
          competency,
          level: random.int(1, 5),
          source: sources[random.int(0, sources.length - 1)],
          date: `2026-0${random.int(1, 9)}-1${random.int(0, 9)}`,
        })),
      ),
    );
    const bulk = await api('POST', `/api/v1/tenants/${t.slug}/assessments/bulk`, { token: t.adminToken, body: { items } });
    expect(bulk.status, bulk.text).toBe(201);
    const same = async (stage: string) => {
      for (const groupBy of groupings) {
        const filters = { groupBy, competencyType: undefined, priorities: 5 };
        expect(await needsFromTotals(ctx, filters, 3), `${stage}: ${groupBy}`).toEqual(await needsFromPairs(ctx, filters, 3));
      }
    };
    await same('default rule');
    const defaultReport = (await needs(t)).body.items;
    await saveRule(t, 'by_date');
    await same('by_date');
    await saveRule(t, 'until_other_source');
    await same('default rule again');
    expect((await needs(t)).body.items).toEqual(defaultReport);
  });
});
