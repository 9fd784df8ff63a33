import { describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../src/platform/calendar';
import { api, expectProblem } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { tokenFor } from '../../support/tokens';
import { createEmployee, csvOf, importCsv, orgIds, people } from '../employees/helpers';
import { assess, createTechnical, putStandards } from './helpers';

/**
 * Standard of ANALIS-KEBIJAKAN: INTEGRITAS 3 (w 2), KOMUNIKASI 4 (w 1), TEK-PROMKES 3 (w 3),
 * PEREKAT-BANGSA 2 (w 1). Hand-computed expectations are in each test.
 */
async function fixture() {
  const t = await createTenant();
  const ids = await orgIds(t);
  await createTechnical(t, 'TEK-PROMKES');
  const std = await putStandards(t, ids['ANALIS-KEBIJAKAN'] as string, [
    { competency: 'INTEGRITAS', requiredLevel: 3, weight: 2 },
    { competency: 'KOMUNIKASI', requiredLevel: 4, weight: 1 },
    { competency: 'TEK-PROMKES', requiredLevel: 3, weight: 3 },
    { competency: 'PEREKAT-BANGSA', requiredLevel: 2, weight: 1 },
  ]);
  expect(std.status, std.text).toBe(200);
  const one = (await createEmployee(t)).body.id;
  const two = (await createEmployee(t)).body.id;
  return { t, one, two };
}

/** The tenant's rule for self-assessments (tenant settings), saved over the defaults. */
async function selfAssessmentRule(t: TestTenant, rule: 'by_date' | 'until_other_source') {
  const res = await api('PUT', `/api/v1/tenants/${t.slug}/settings`, {
    token: t.adminToken,
    headers: { 'if-match': '"v0"' },
    body: { selfAssessments: rule, jpTargets: { pns: 20, pppk: 20 } },
  });
  expect(res.status, res.text).toBe(200);
}

const record = async (t: TestTenant, employeeId: string, competency: string, level: number, source: string, date: string) => {
  const res = await assess(t, { employeeId, competency, level, source, date, assessor: 'Dr. Budi' });
  expect(res.status, res.text).toBe(201);
  return res.body;
};

describe('gaps', () => {
  it('applies the latest-by-date rule (tenant setting by_date), the source tie rule and out-of-order writes; unassessed is null, not 0', async () => {
    const { t, one } = await fixture();
    await selfAssessmentRule(t, 'by_date');
    await record(t, one, 'INTEGRITAS', 5, 'self', '2026-03-01'); // latest: 5 ≥ 3 → gap 0
    await record(t, one, 'INTEGRITAS', 2, 'supervisor', '2026-02-01');
    await record(t, one, 'KOMUNIKASI', 4, 'self', '2026-02-10'); // same date: assessment_center wins → 3, gap 1
    await record(t, one, 'KOMUNIKASI', 3, 'assessment_center', '2026-02-10');
    await record(t, one, 'KOMUNIKASI', 2, 'supervisor', '2026-02-10');
    await record(t, one, 'TEK-PROMKES', 1, 'supervisor', '2026-05-01'); // newer date written first → 1, gap 2, weighted 6
    await record(t, one, 'TEK-PROMKES', 3, 'assessment_center', '2026-01-01');
    await record(t, one, 'PELAYANAN-PUBLIK', 1, 'self', '2026-01-01'); // not in the standard: not shown
    const res = await api('GET', `/api/v1/tenants/${t.slug}/employees/${one}/gaps`, { token: t.adminToken });
    expect(res.status, res.text).toBe(200);
    const byCode = Object.fromEntries(res.body.items.map((i) => [i.code, i]));
    expect(byCode.INTEGRITAS).toMatchObject({ required: 3, current: 5, gap: 0, weight: 2, weightedGap: 0, assessedOn: '2026-03-01' });
    expect(byCode.KOMUNIKASI).toMatchObject({ required: 4, current: 3, gap: 1, weight: 1, weightedGap: 1 });
    expect(byCode['TEK-PROMKES']).toMatchObject({ required: 3, current: 1, gap: 2, weight: 3, weightedGap: 6 });
    expect(byCode['PEREKAT-BANGSA']).toMatchObject({ required: 2, current: null, gap: null, weightedGap: null });
    expect(res.body.items).toHaveLength(4);
    expect(res.body.summary).toEqual({ competencies: 4, assessed: 3, unassessed: 1, withGap: 2, weightedGap: 7 });
    // Rows read grow with this employee's competencies: 1 employee + 4 standards + 4 competencies + 3 levels (+ index probes).
    console.info(`gaps of one employee with 4 standard competencies: ${res.cost.rowsRead} rows read, ${res.cost.queries} queries`);
    expect(res.cost.queries).toBe(1);
    expect(res.cost.rowsRead).toBeLessThanOrEqual(20);
    const history = await api('GET', `/api/v1/tenants/${t.slug}/employees/${one}/assessments?limit=3`, { token: t.adminToken });
    expect(history.body.items.map((a) => a.date)).toEqual(['2026-05-01', '2026-03-01', '2026-02-10']);
    const rest = await api('GET', `/api/v1/tenants/${t.slug}/employees/${one}/assessments?limit=10&cursor=${history.body.nextCursor}`, {
      token: t.adminToken,
    });
    expect(rest.body.items).toHaveLength(5);
  });

  it('converges whatever order parallel bulk writes land in', async () => {
    const { t, one, two } = await fixture();
    const items = (employeeId: string) => [
      { employeeId, competency: 'INTEGRITAS', level: 1, source: 'self', date: '2026-04-01' },
      { employeeId, competency: 'INTEGRITAS', level: 4, source: 'evaluation', date: '2026-04-01' },
      { employeeId, competency: 'INTEGRITAS', level: 2, source: 'mentoring', date: '2026-04-01' },
      { employeeId, competency: 'INTEGRITAS', level: 5, source: 'assessment_center', date: '2025-12-31' },
    ];
    const forward = items(one);
    const backward = items(two).reverse();
    const calls = [...forward, ...backward].map((item) =>
      api('POST', `/api/v1/tenants/${t.slug}/assessments/bulk`, { token: t.adminToken, body: { items: [item] } }),
    );
    for (const res of await Promise.all(calls)) expect(res.status).toBe(201);
    for (const id of [one, two]) {
      const gaps = await api('GET', `/api/v1/tenants/${t.slug}/employees/${id}/gaps`, { token: t.adminToken });
      const integritas = gaps.body.items.find((i) => i.code === 'INTEGRITAS');
      expect(integritas).toMatchObject({ current: 4, gap: 0 }); // 2026-04-01: evaluation beats mentoring and self
    }
  });

  it('records a bulk all or nothing, and reports every bad item by path', async () => {
    const { t, one } = await fixture();
    const bulk = await api('POST', `/api/v1/tenants/${t.slug}/assessments/bulk`, {
      token: t.adminToken,
      body: {
        items: [
          { employeeId: one, competency: 'INTEGRITAS', level: 3, source: 'supervisor', date: '2026-01-05' },
          { employeeId: 'emp_tidak_ada', competency: 'INTEGRITAS', level: 3, source: 'supervisor', date: '2026-01-05' },
          { employeeId: one, competency: 'TIDAK-ADA', level: 3, source: 'supervisor', date: '2026-01-05' },
        ],
      },
    });
    expect(expectProblem(bulk, 422).errors?.map((e) => e.path)).toEqual(['body.items.1.employeeId', 'body.items.2.competency']);
    const history = await api('GET', `/api/v1/tenants/${t.slug}/employees/${one}/assessments`, { token: t.adminToken });
    expect(history.body.items).toEqual([]);
    await expectProblem(await assess(t, { employeeId: one, competency: 'INTEGRITAS', level: 0, source: 'self', date: '2026-01-05' }), 400);
    await expectProblem(await assess(t, { employeeId: one, competency: 'INTEGRITAS', level: 3, source: 'rumor', date: '2026-01-05' }), 400);
    await expectProblem(await assess(t, { employeeId: one, competency: 'INTEGRITAS', level: 3, source: 'self', date: '2026-02-30' }), 400);
    const many = Array.from({ length: 600 }, (_, i) => ({
      employeeId: one,
      competency: 'KOMUNIKASI',
      level: (i % 5) + 1,
      source: 'self',
      date: `2025-${String((i % 12) + 1).padStart(2, '0')}-01`,
    }));
    const big = await api('POST', `/api/v1/tenants/${t.slug}/assessments/bulk`, { token: t.adminToken, body: { items: many } });
    expect(big.status, big.text).toBe(201);
    expect(big.body.created).toBe(600);
  });

  it("takes an employee's self-assessment for themself only, as source self, losing a same-date tie", async () => {
    const { t, one, two } = await fixture();
    const me = await tokenFor('employee', { tenant: t.slug, employeeId: one });
    const self = await api('POST', '/api/v1/me/assessments', {
      token: me,
      body: { competency: 'KOMUNIKASI', level: 4, date: '2026-04-01', note: 'Saya rasa cukup' },
    });
    expect(self.status, self.text).toBe(201);
    expect(self.body).toMatchObject({ employeeId: one, source: 'self', level: 4, assessor: 'self' });
    let gaps = await api('GET', '/api/v1/me/gaps', { token: me });
    expect(gaps.body.items.find((i) => i.code === 'KOMUNIKASI')).toMatchObject({ current: 4, gap: 0 });
    await record(t, one, 'KOMUNIKASI', 2, 'supervisor', '2026-04-01');
    gaps = await api('GET', '/api/v1/me/gaps', { token: me });
    expect(gaps.body.items.find((i) => i.code === 'KOMUNIKASI')).toMatchObject({ current: 2, gap: 2 });
    // The body names no employee: a try to assess someone else is refused by the schema, nothing written.
    const other = await api('POST', '/api/v1/me/assessments', {
      token: me,
      body: { employeeId: two, competency: 'KOMUNIKASI', level: 5, date: '2026-04-02' },
    });
    expectProblem(other, 400);
    const history = await api('GET', `/api/v1/tenants/${t.slug}/employees/${two}/assessments`, { token: t.adminToken });
    expect(history.body.items).toHaveLength(0);
    expectProblem(
      await api('POST', '/api/v1/me/assessments', {
        token: t.adminToken,
        body: { competency: 'KOMUNIKASI', level: 3, date: '2026-04-01' },
      }),
      403,
    );
  });

  it('lets an employee read only their own gaps and history, and refuses the national admin', async () => {
    const { t, one, two } = await fixture();
    const own = await tokenFor('employee', { tenant: t.slug, employeeId: one });
    expect((await api('GET', `/api/v1/tenants/${t.slug}/employees/${one}/gaps`, { token: own })).status).toBe(200);
    expect((await api('GET', `/api/v1/tenants/${t.slug}/employees/${one}/assessments`, { token: own })).status).toBe(200);
    const me = await api('GET', '/api/v1/me/gaps', { token: own });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ employeeId: one, summary: { competencies: 4, unassessed: 4 } });
    await expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/employees/${two}/gaps`, { token: own }), 404);
    await expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/employees/${two}/assessments`, { token: own }), 404);
    await expectProblem(
      await assess(t, { employeeId: one, competency: 'INTEGRITAS', level: 5, source: 'self', date: '2026-01-01' }, own),
      403,
    );
    await expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/employees/${one}/gaps`, { token: t.nationalToken }), 403);
    await expectProblem(await api('GET', '/api/v1/me/gaps', { token: t.nationalToken }), 403);
    await expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/employees/emp_nobody/gaps`, { token: t.adminToken }), 404);
  });

  it("keeps tenants apart: another tenant's employee or technical competency is unknown", async () => {
    const { t, one } = await fixture();
    const b = await createTenant();
    const bOwn = await createTechnical(b, 'TEK-B');
    await expectProblem(await assess(t, { employeeId: one, competency: bOwn.id, level: 3, source: 'self', date: '2026-01-01' }), 422);
    await expectProblem(await assess(b, { employeeId: one, competency: 'INTEGRITAS', level: 3, source: 'self', date: '2026-01-01' }), 422);
    await expectProblem(await api('GET', `/api/v1/tenants/${b.slug}/employees/${one}/gaps`, { token: b.adminToken }), 404);
    await expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/employees/${one}/gaps`, { token: b.adminToken }), 403);
  });

  it('reads the same rows for one employee however many colleagues and assessments the tenant holds', async () => {
    const { t, one } = await fixture();
    await record(t, one, 'INTEGRITAS', 2, 'supervisor', '2026-01-10');
    const before = await api('GET', `/api/v1/tenants/${t.slug}/employees/${one}/gaps`, { token: t.adminToken });
    const imported = await importCsv(t, csvOf(people(150, 5000)));
    expect(imported.status, imported.text).toBe(200);
    const others = (await api('GET', `/api/v1/tenants/${t.slug}/employees?limit=500`, { token: t.adminToken })).body.items;
    const items = others.flatMap((e) =>
      ['INTEGRITAS', 'KOMUNIKASI', 'TEK-PROMKES'].map((competency) => ({
        employeeId: e.id,
        competency,
        level: 2,
        source: 'self',
        date: '2026-01-01',
      })),
    );
    for (let i = 0; i < items.length; i += 1000) {
      const res = await api('POST', `/api/v1/tenants/${t.slug}/assessments/bulk`, {
        token: t.adminToken,
        body: { items: items.slice(i, i + 1000) },
      });
      expect(res.status, res.text).toBe(201);
    }
    const after = await api('GET', `/api/v1/tenants/${t.slug}/employees/${one}/gaps`, { token: t.adminToken });
    expect(after.body.summary.assessed).toBe(3);
    expect(after.cost.rowsRead).toBe(before.cost.rowsRead + 2); // two more current levels of this employee, nothing else
  });

  it("refuses an assessment dated after today on the tenant's clock, by the employee or the admin, and writes nothing", async () => {
    const { t, one } = await fixture();
    // Two days ahead: still in the future if the tenant's day turns during the test.
    const future = addDays(todayIn({ timeZone: 'Asia/Jakarta' }), 2);
    const me = await tokenFor('employee', { tenant: t.slug, employeeId: one });
    const self = await api('POST', '/api/v1/me/assessments', { token: me, body: { competency: 'KOMUNIKASI', level: 5, date: future } });
    expect(expectProblem(self, 422).errors).toEqual([
      { path: 'body.date', message: expect.stringMatching(/^after today \(\d{4}-\d{2}-\d{2}\)$/) },
    ]);
    const byAdmin = await assess(t, {
      employeeId: one,
      competency: 'KOMUNIKASI',
      level: 5,
      source: 'supervisor',
      date: '2099-01-01',
      assessor: 'Dr. Budi',
    });
    expectProblem(byAdmin, 422);
    const history = await api('GET', `/api/v1/tenants/${t.slug}/employees/${one}/assessments`, { token: t.adminToken });
    expect(history.body.items).toHaveLength(0);
    expect(
      (await api('POST', '/api/v1/me/assessments', { token: me, body: { competency: 'KOMUNIKASI', level: 3, date: '2026-01-05' } })).status,
    ).toBe(201);
  });
});
