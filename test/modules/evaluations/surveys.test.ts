/** IKM surveys through the API: recording (all or nothing), the report per unit and tenant, every grade boundary. */
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { tokenFor } from '../../support/tokens';
import { orgIds } from '../employees/helpers';
import { ikmReport, recorded, recordIkm, response, responsesWithTotal } from './helpers';

const count = async (t: Awaited<ReturnType<typeof createTenant>>) => (await ikmReport(t, '?period=2026-S1')).body.tenant?.responses ?? 0;

describe('IKM survey responses', () => {
  it('reports per unit and for the tenant, hand-computed', async () => {
    const t = await createTenant();
    const ids = await orgIds(t);
    const dinkes = ids.DINKES as string;
    const capil = ids.DISDUKCAPIL as string;
    await recorded(t, [
      {
        ...response(dinkes, [4, 4, 4, 4, 4, 4, 4, 4, 4]),
        respondent: { gender: 'perempuan', ageBand: '30_39', education: 'd4_s1', service: 'Pelayanan rawat jalan' },
      },
      response(dinkes, [3, 3, 3, 3, 3, 3, 3, 3, 3]),
      response(capil, [2, 3, 2, 4, 3, 3, 2, 1, 2], '2026-S1', '2026-06-30'),
      response(capil, [3, 3, 2, 4, 3, 4, 3, 2, 3], '2026-S1', '2026-01-01'),
      response(capil, [4, 4, 4, 4, 4, 4, 4, 4, 4], '2026-S2', '2026-07-01'), // another period
    ]);
    const res = await ikmReport(t, '?period=2026-S1');
    expect(res.status, res.text).toBe(200);
    expect(res.cost.queries).toBe(1);
    // DINKES: every mean 3.5 → IKM 3.5 → 87.50 → B.
    const byCode = Object.fromEntries(res.body.units.map((u) => [u.unitCode, u]));
    expect(byCode.DINKES).toMatchObject({ unitId: dinkes, responses: 2, ikm: 3.5, converted: 87.5, grade: 'B', label: 'baik' });
    // DISDUKCAPIL: sums 5,6,4,8,6,7,5,3,5 = 49 over 2 responses → means 2.5,3,2,4,3,3.5,2.5,1.5,2.5;
    // IKM = 49 / 18 = 2.7222; converted = 2500 × 49 / 18 = 6805.5… → 68.06 → C.
    expect(byCode.DISDUKCAPIL).toMatchObject({ responses: 2, ikm: 2.7222, converted: 68.06, grade: 'C', label: 'kurang baik' });
    expect(byCode.DISDUKCAPIL?.elements.map((e) => e.mean)).toEqual([2.5, 3, 2, 4, 3, 3.5, 2.5, 1.5, 2.5]);
    // Tenant, pooled: 4 responses, total 63 + 49 = 112 (DINKES 36 + 27 = 63) → IKM 112 / 36 = 3.1111; 2500 × 112 / 36 = 7777.7… → 77.78 → B.
    expect(res.body.tenant).toMatchObject({ responses: 4, ikm: 3.1111, converted: 77.78, grade: 'B' });
    expect(res.body.units.map((u) => u.unitCode)).toEqual(['DINKES', 'DISDUKCAPIL']);

    // The unit filter keeps the tenant figure and shows only that unit.
    const one = await ikmReport(t, `?period=2026-S1&unit=${capil}`);
    expect(one.body.units).toHaveLength(1);
    expect(one.body.units[0]).toMatchObject({ unitId: capil, converted: 68.06 });
    expect(one.body.tenant).toMatchObject({ responses: 4, converted: 77.78 });
    // Another period, and a period without responses.
    expect((await ikmReport(t, '?period=2026-S2')).body).toMatchObject({
      period: '2026-S2',
      tenant: { responses: 1, converted: 100, grade: 'A' },
    });
    expect((await ikmReport(t, '?period=2025')).body).toEqual({ period: '2025', tenant: null, units: [] });
  });

  it("counts in a period's report the responses of every period inside it, and nothing outside", async () => {
    const t = await createTenant();
    const dinkes = (await orgIds(t)).DINKES as string;
    await recorded(t, [
      response(dinkes, [4, 4, 4, 4, 4, 4, 4, 4, 4], '2026', '2026-02-10'), // the whole year's survey
      response(dinkes, [3, 3, 3, 3, 3, 3, 3, 3, 3], '2026-S2', '2026-08-01'), // the public form's semester
      response(dinkes, [2, 2, 2, 2, 2, 2, 2, 2, 2], '2026-Q4', '2026-11-02'),
      response(dinkes, [1, 1, 1, 1, 1, 1, 1, 1, 1], '2026-12', '2026-12-24'),
      response(dinkes, [4, 4, 4, 4, 4, 4, 4, 4, 4], '2025-S2', '2025-12-31'), // another year
    ]);
    const responses = async (period: string) => (await ikmReport(t, `?period=${period}`)).body.tenant?.responses ?? 0;
    expect(await responses('2026')).toBe(4);
    expect(await responses('2026-S2')).toBe(3);
    expect(await responses('2026-Q4')).toBe(2);
    expect(await responses('2026-12')).toBe(1);
    expect(await responses('2026-S1')).toBe(0); // the year-long survey is not the first semester's
    // 2026: sums 36 + 27 + 18 + 9 = 90 over 4 responses → IKM 90 / 36 = 2.5 → 62.50 → D.
    expect((await ikmReport(t, '?period=2026')).body.tenant).toMatchObject({ responses: 4, ikm: 2.5, converted: 62.5, grade: 'D' });
  });

  it('grades each boundary on the score rounded to two decimals', async () => {
    const cases = [
      { n: 24, total: 763, converted: 88.31, grade: 'A' }, // 88.3102
      { n: 43, total: 1367, converted: 88.31, grade: 'A' }, // 88.3075: rounds up, graded A
      { n: 19, total: 604, converted: 88.3, grade: 'B' }, // 88.3041
      { n: 31, total: 855, converted: 76.61, grade: 'B' }, // 76.6129
      { n: 19, total: 524, converted: 76.61, grade: 'B' }, // 76.6082: rounds up, graded B
      { n: 26, total: 717, converted: 76.6, grade: 'C' }, // 76.6026
      { n: 5, total: 117, converted: 65, grade: 'C' }, // exactly 65.00
      { n: 113, total: 2644, converted: 65, grade: 'C' }, // 64.9951: rounds up, graded C
      { n: 58, total: 1357, converted: 64.99, grade: 'D' }, // 64.9904
    ];
    const t = await createTenant({
      units: cases.map((_, i) => ({ code: `UPT-${i}`, name: `UPT Pelayanan ${i}`, kind: 'uptd' as const })),
      positions: [],
    });
    const ids = await orgIds(t);
    for (const [i, c] of cases.entries()) await recorded(t, responsesWithTotal(ids[`UPT-${i}`] as string, c.n, c.total));
    const res = await ikmReport(t, '?period=2026-S1');
    expect(res.status, res.text).toBe(200);
    for (const [i, c] of cases.entries()) {
      const unit = res.body.units.find((u) => u.unitCode === `UPT-${i}`)!;
      expect({ converted: unit.converted, grade: unit.grade, responses: unit.responses }, `case ${i}`).toEqual({
        converted: c.converted,
        grade: c.grade,
        responses: c.n,
      });
    }
  });

  it('refuses invalid answers with 400 and writes nothing; one bad row refuses the whole bulk', async () => {
    const t = await createTenant();
    const ids = await orgIds(t);
    const unit = ids.DINKES as string;
    const good = response(unit, [3, 3, 3, 3, 3, 3, 3, 3, 3]);
    for (const answers of [
      [0, 3, 3, 3, 3, 3, 3, 3, 3],
      [3, 3, 3, 3, 5, 3, 3, 3, 3],
      [3, 3, 3, 3, 3, 3, 3, 3],
      [3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
      [3, 3, 3, 3, 2.5, 3, 3, 3, 3],
    ]) {
      const res = await recordIkm(t, [response(unit, answers)]);
      expect(expectProblem(res, 400).errors?.[0]?.path).toMatch(/^json\.responses\.0\.answers/);
    }
    // A bulk of 3 whose third row is bad: nothing is written.
    const bulk = await recordIkm(t, [good, good, response(unit, [3, 3, 3, 3, 3, 3, 3, 3, 8])]);
    expect(expectProblem(bulk, 400).errors?.map((e) => e.path)).toEqual(['json.responses.2.answers.8']);
    // A date outside its period, an unknown period, personal data, an empty or oversized request.
    expectProblem(await recordIkm(t, [good, { ...good, date: '2026-07-01' }]), 400);
    expectProblem(await recordIkm(t, [{ ...good, period: '2026-S3' }]), 400);
    expectProblem(await recordIkm(t, [{ ...good, respondent: { name: 'Budi', nik: '1801010101010001' } }]), 400);
    expectProblem(await recordIkm(t, []), 400);
    expectProblem(await recordIkm(t, Array(1001).fill(good)), 400);
    // A unit of no one (or of another tenant): 422 with the path, nothing written.
    const other = await createTenant();
    const foreign = (await orgIds(other)).DINKES as string;
    const unknown = await recordIkm(t, [good, { ...good, unitId: foreign }]);
    expect(expectProblem(unknown, 422).errors).toEqual([{ path: 'body.responses.1.unitId', message: 'no such unit in this tenant' }]);
    expect(await count(t)).toBe(0);
    // A full bulk of 1,000 lands whole, in one batch, with an audit row each.
    const ok = await recordIkm(t, Array(1000).fill(good));
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.created).toBe(1000);
    expect(await count(t)).toBe(1000);
    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?action=ikm.response.create&limit=1`, { token: t.adminToken });
    expect(audit.body.items[0]).toMatchObject({ action: 'ikm.response.create', entity: 'ikm_response' });
  });

  it('keeps tenants apart and is for the tenant admin only', async () => {
    const a = await createTenant();
    const b = await createTenant();
    await recorded(a, [response((await orgIds(a)).DINKES as string, [4, 4, 4, 4, 4, 4, 4, 4, 4])]);
    await recorded(b, responsesWithTotal((await orgIds(b)).DINKES as string, 3, 27));
    expect((await ikmReport(a, '?period=2026-S1')).body.tenant).toMatchObject({ responses: 1, converted: 100 });
    expect((await ikmReport(b, '?period=2026-S1')).body.tenant).toMatchObject({ responses: 3, converted: 25, grade: 'D' });
    // B's unit id as a filter under A finds nothing of B.
    expect((await ikmReport(a, `?period=2026-S1&unit=${(await orgIds(b)).DINKES}`)).body.units).toEqual([]);
    expectProblem(await ikmReport(a, '?period=2026-S1', b.adminToken), 403);
    expectProblem(await ikmReport(a, '?period=2026-S1', a.nationalToken), 403);
    expectProblem(await ikmReport(a, '?period=2026-S1', await tokenFor('employee', { tenant: a.slug, employeeId: 'emp_x' })), 403);
    expectProblem(await ikmReport(a, ''), 400);
    expectProblem(await ikmReport(a, '?period=2026-H1'), 400);
  });
});
