import { describe, expect, it } from 'vitest';
import { api, expectProblem, type Query } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { assess, createTechnical, putStandards } from '../competencies/helpers';
import { orgIds } from '../employees/helpers';
import { createOffering, createProgram, employees, employeeToken } from './helpers';

/**
 * Standard of ANALIS-KEBIJAKAN: INTEGRITAS 3 (w 2), KOMUNIKASI 4 (w 1), TEK 3 (w 3), PEREKAT-BANGSA 2 (w 1).
 * One:  INTEGRITAS 1 (gap 2), KOMUNIKASI 3 (gap 1), TEK 1 (gap 2), PEREKAT-BANGSA unassessed, PELAYANAN-PUBLIK 2.
 * Two:  INTEGRITAS 3 (gap 0), KOMUNIKASI unassessed, TEK 2 (gap 1), PELAYANAN-PUBLIK 1.
 */
async function fixture() {
  const t = await createTenant();
  const ids = await orgIds(t);
  const tek = await createTechnical(t, 'TEK-SIMRS');
  const std = await putStandards(t, ids['ANALIS-KEBIJAKAN'] as string, [
    { competency: 'INTEGRITAS', requiredLevel: 3, weight: 2 },
    { competency: 'KOMUNIKASI', requiredLevel: 4, weight: 1 },
    { competency: 'TEK-SIMRS', requiredLevel: 3, weight: 3 },
    { competency: 'PEREKAT-BANGSA', requiredLevel: 2, weight: 1 },
  ]);
  expect(std.status, std.text).toBe(200);
  const [one, two] = (await employees(t, 2)) as [string, string];
  const levels: [string, string, number][] = [
    [one, 'INTEGRITAS', 1],
    [one, 'KOMUNIKASI', 3],
    [one, 'TEK-SIMRS', 1],
    [one, 'PELAYANAN-PUBLIK', 2],
    [two, 'INTEGRITAS', 3],
    [two, 'TEK-SIMRS', 2],
    [two, 'PELAYANAN-PUBLIK', 1],
  ];
  for (const [employeeId, competency, level] of levels) {
    const res = await assess(t, { employeeId, competency, level, source: 'assessment_center', date: '2026-02-01' });
    expect(res.status, res.text).toBe(201);
  }
  const program = (
    title: string,
    cost: number,
    targets: [string, number][],
    prerequisites: [string, number][] = [],
    extra: Record<string, unknown> = {},
  ) =>
    createProgram(t, {
      title,
      costPerParticipant: cost,
      targets: targets.map(([competency, expectedGain]) => ({ competency, expectedGain })),
      prerequisites: prerequisites.map(([competency, minimumLevel]) => ({ competency, minimumLevel })),
      ...extra,
    });
  const p = {
    A: await program('A Bimtek SIMRS dan Integritas', 1_000_000, [
      ['TEK-SIMRS', 1],
      ['INTEGRITAS', 1],
    ]),
    B: await program('B Pelatihan SIMRS Lengkap', 5_000_000, [['TEK-SIMRS', 4]]),
    C: await program('C Kursus Integritas dan Komunikasi', 500_000, [
      ['INTEGRITAS', 2],
      ['KOMUNIKASI', 2],
    ]),
    D: await program('D SIMRS Kebangsaan', 100_000, [['TEK-SIMRS', 2]], [['PEREKAT-BANGSA', 1]]),
    E: await program('E SIMRS untuk Pelayan Publik', 2_000_000, [['TEK-SIMRS', 2]], [['PELAYANAN-PUBLIK', 2]]),
    F: await program('F Wawasan Kebangsaan', 100_000, [['PEREKAT-BANGSA', 1]]),
    G: await program('G SIMRS Arsip', 100_000, [['TEK-SIMRS', 2]], [], { status: 'retired' }),
  };
  return { t, ids, tek, one, two, p };
}

const titles = (res: { body: { items: { program: { title: string } }[] } }) => res.body.items.map((i) => i.program.title[0]);
const scores = (res: { body: { items: { score: number }[] } }) => res.body.items.map((i) => i.score);
const recommend = (t: TestTenant, employeeId: string, query: Query = '', token = t.adminToken) =>
  api('GET', `/api/v1/tenants/${t.slug}/employees/${employeeId}/recommendations${query}`, { token });

describe('recommendations', () => {
  it('ranks an employee’s programs by weighted gap closed, respecting prerequisites, retirement and cost', async () => {
    const { t, one, p, tek } = await fixture();
    const offering = await createOffering(t, p.B.id, { startDate: '2099-05-04', endDate: '2099-05-08' });
    const res = await recommend(t, one);
    expect(res.status, res.text).toBe(200);
    // E: 3·min(2,2)=6 (2 M) · B: 3·min(2,4)=6 (5 M) · C: 2·min(2,2)+1·min(1,2)=5 (0.5 M) · A: 3·1+2·1=5 (1 M).
    // D: PEREKAT-BANGSA unassessed fails its prerequisite; F: only an unassessed gap; G: retired.
    expect(titles(res)).toEqual(['E', 'B', 'C', 'A']);
    expect(scores(res)).toEqual([6, 6, 5, 5]);
    expect(res.body.items[0]?.reasons).toEqual([
      { competencyId: tek.id, code: 'TEK-SIMRS', name: 'Kompetensi TEK-SIMRS', from: 1, to: 3, weight: 3, closes: 6, people: 1 },
    ]);
    expect(res.body.items[3]?.reasons.map((r) => [r.code, r.from, r.to, r.closes])).toEqual([
      ['TEK-SIMRS', 1, 2, 3],
      ['INTEGRITAS', 1, 2, 2],
    ]);
    expect(res.body.items[1]?.offerings.map((o) => o.id)).toEqual([offering.id]);
    expect(titles(await recommend(t, one, '?maxCost=1000000'))).toEqual(['C', 'A']);
    expect(titles(await recommend(t, one, '?limit=1'))).toEqual(['E']);
  });

  it('the employee reads their own (also at /me), never a colleague’s', async () => {
    const { t, one, two } = await fixture();
    const token = await employeeToken(t, one);
    const own = await recommend(t, one, '', token);
    expect(own.status, own.text).toBe(200);
    const me = await api('GET', '/api/v1/me/recommendations', { token });
    expect(me.body).toEqual(own.body);
    expectProblem(await recommend(t, two, '', token), 404);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/units/${(await orgIds(t)).DINKES}/recommendations`, { token }), 403);
  });

  it('ranks a unit’s programs by the gap closed summed over its people', async () => {
    const { t, ids } = await fixture();
    const res = await api('GET', `/api/v1/tenants/${t.slug}/units/${ids.DINKES}/recommendations`, { token: t.adminToken });
    expect(res.status, res.text).toBe(200);
    // B: 6 + 3·min(1,4)=3 → 9 · A: 5 + 3 → 8 · E: 6 + (two fails PELAYANAN-PUBLIK ≥ 2) → 6 · C: 5 + 0 → 5.
    expect(titles(res)).toEqual(['B', 'A', 'E', 'C']);
    expect(scores(res)).toEqual([9, 8, 6, 5]);
    expect(res.body.items[0]?.reasons).toMatchObject([{ code: 'TEK-SIMRS', from: 1, to: 3, weight: 3, closes: 9, people: 2 }]);
    const empty = await api('GET', `/api/v1/tenants/${t.slug}/units/${ids.DISDUKCAPIL}/recommendations`, { token: t.adminToken });
    expect(empty.body.items).toEqual([]);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/units/unt_nope/recommendations`, { token: t.adminToken }), 404);
  });

  it('lists a unit’s people each with their own programs and reasons, in one round trip, and hides another region’s unit', async () => {
    const { t, ids, one, two, tek } = await fixture();
    const unitPeople = (query: Query = '') =>
      api('GET', `/api/v1/tenants/${t.slug}/units/${ids.DINKES}/recommendations/people${query}`, { token: t.adminToken });
    const res = await unitPeople();
    expect(res.status, res.text).toBe(200);
    expect(res.cost.queries).toBeLessThanOrEqual(3);
    // One: E 6, B 6, C 5 (the first three of their own ranking). Two: A 3 (1 M), B 3 (5 M); C closes nothing, D and E fail a prerequisite.
    const people = res.body.people as {
      employee: { id: string };
      items: { program: { title: string }; score: number; reasons: unknown[] }[];
    }[];
    expect(people.map((p) => p.employee.id)).toEqual([one, two]);
    expect(people[0]?.items.map((i) => [i.program.title[0], i.score])).toEqual([
      ['E', 6],
      ['B', 6],
      ['C', 5],
    ]);
    expect(people[1]?.items.map((i) => [i.program.title[0], i.score])).toEqual([
      ['A', 3],
      ['B', 3],
    ]);
    expect(people[1]?.items[0]?.reasons).toEqual([
      { competencyId: tek.id, code: 'TEK-SIMRS', name: 'Kompetensi TEK-SIMRS', from: 2, to: 3, weight: 3, closes: 3, people: 1 },
    ]);
    const one1 = await unitPeople('?limit=1&people=1');
    expect(one1.body.people.map((p) => [p.employee.id, p.items.length])).toEqual([[one, 1]]);
    expect(one1.body.withoutRecommendation).toBe(res.body.withoutRecommendation);
    const cheap = await unitPeople('?maxCost=1000000');
    expect(cheap.body.people.map((p) => p.items.map((i) => i.program.title[0]))).toEqual([['C', 'A'], ['A']]);
    const empty = await api('GET', `/api/v1/tenants/${t.slug}/units/${ids.DISDUKCAPIL}/recommendations/people`, { token: t.adminToken });
    expect(empty.body.people).toEqual([]);
    expectProblem(
      await api('GET', `/api/v1/tenants/${t.slug}/units/${ids.DINKES}/recommendations/people?limit=11`, { token: t.adminToken }),
      400,
    );
    expectProblem(
      await api('GET', `/api/v1/tenants/${t.slug}/units/${ids.DINKES}/recommendations/people`, { token: await employeeToken(t, one) }),
      403,
    );
    // Another region's admin, through their own region, finds no such unit.
    const other = await createTenant();
    expectProblem(
      await api('GET', `/api/v1/tenants/${other.slug}/units/${ids.DINKES}/recommendations/people`, { token: other.adminToken }),
      404,
    );
  });

  it('reads an employee’s and a unit’s ranking within three round trips', async () => {
    const { t, ids, one } = await fixture();
    for (const path of [`employees/${one}/recommendations`, `units/${ids.DINKES}/recommendations`]) {
      const res = await api('GET', `/api/v1/tenants/${t.slug}/${path}`, { token: t.adminToken });
      expect(res.status, res.text).toBe(200);
      expect(res.cost.queries).toBeLessThanOrEqual(3);
    }
  });
});
