import { describe, expect, it } from 'vitest';
import { api, expectProblem, type Query } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { tokenFor } from '../../support/tokens';
import { createEmployee, orgIds } from '../employees/helpers';
import { credited } from './helpers';

const summary = (t: TestTenant, query: Query, token = t.adminToken) =>
  api('GET', `/api/v1/tenants/${t.slug}/jp/summary${query}`, { token });

describe('JP summary', () => {
  it('counts active employees reaching the target, the share and the mean JP (hand-computed)', async () => {
    const t = await createTenant({ jpTarget: 20 });
    const ids = await orgIds(t);
    const id = async (unit = 'DINKES') => (await createEmployee(t, { unitId: ids[unit] })).body.id;
    const [a, b, c, d, e] = [await id(), await id(), await id(), await id('DISDUKCAPIL'), await id()];
    await credited(t, a, 12, '2026-02-01T08:00:00+07:00');
    await credited(t, a, 8, '2026-09-01T08:00:00+07:00'); // a: 20 → reached (exactly the target)
    await credited(t, a, 10, '2025-09-01T08:00:00+07:00'); // another year: not counted in 2026
    await credited(t, b, 25.5, '2026-03-01T08:00:00+07:00'); // b: 25.5 → reached
    await credited(t, c, 5.5, '2026-03-01T08:00:00+07:00'); // c: 5.5
    // d: nothing in 2026 (counts as 0 JP)
    await credited(t, e, 30, '2026-03-01T08:00:00+07:00'); // e: inactive → not counted
    const off = await api('POST', `/api/v1/tenants/${t.slug}/employees/${e}/deactivate`, {
      token: t.adminToken,
      headers: { 'if-match': '"v1"' },
    });
    expect(off.status, off.text).toBe(200);

    // 4 active: a 20, b 25.5, c 5.5, d 0 → reached 2, share 2/4 = 0.5, mean 51 / 4 = 12.75.
    const all = await summary(t, '?year=2026');
    expect(all.status, all.text).toBe(200);
    expect(all.body).toEqual({
      year: 2026,
      unitId: null,
      target: 20,
      targets: { pns: 20, pppk: 20 },
      employees: 4,
      reached: 2,
      share: 0.5,
      meanJp: 12.75,
      byEmploymentType: { pns: { employees: 4, reached: 2, share: 0.5 }, pppk: { employees: 0, reached: 0, share: null } },
    });
    expect(all.cost.queries).toBe(1);
    // DINKES only: a, b, c → reached 2, share 2/3 = 0.6667, mean 51 / 3 = 17.
    const dinkes = await summary(t, `?year=2026&unit=${ids.DINKES}`);
    expect(dinkes.body).toMatchObject({ unitId: ids.DINKES, employees: 3, reached: 2, share: 0.6667, meanJp: 17 });
    // 2025: only a's 10 → reached 0, share 0, mean 10 / 4 = 2.5.
    expect((await summary(t, '?year=2025')).body).toMatchObject({ employees: 4, reached: 0, share: 0, meanJp: 2.5 });
    // No employees in the unit: no share, no mean.
    expect((await summary(t, '?year=2026&unit=unt_nothing')).body).toMatchObject({ employees: 0, reached: 0, share: null, meanJp: null });
    // Aggregates only: no ids of people in the answer.
    for (const person of [a, b, c, d, e]) expect(all.text).not.toContain(person);
  });

  it('counts a unit with the units under it (an OPD with its bidang)', async () => {
    const t = await createTenant({ jpTarget: 20 });
    const ids = await orgIds(t);
    const inDinas = (await createEmployee(t, { unitId: ids.DINKES })).body.id;
    const inBidang = (await createEmployee(t, { unitId: ids['DINKES-YANKES'] })).body.id;
    await createEmployee(t, { unitId: ids.DISDUKCAPIL });
    await credited(t, inDinas, 4, '2026-02-01T08:00:00+07:00');
    await credited(t, inBidang, 21, '2026-02-01T08:00:00+07:00');
    expect((await summary(t, `?year=2026&unit=${ids.DINKES}`)).body).toMatchObject({ employees: 2, reached: 1, share: 0.5, meanJp: 12.5 });
    expect((await summary(t, `?year=2026&unit=${ids['DINKES-YANKES']}`)).body).toMatchObject({ employees: 1, reached: 1, meanJp: 21 });
  });

  it("defaults to the current year in the tenant's time zone and is for the tenant admin only", async () => {
    const t = await createTenant({ timeZone: 'Asia/Makassar' });
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const res = await summary(t, '');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ year, employees: 0, share: null });
    expectProblem(await summary(t, '', t.nationalToken), 403);
    expectProblem(await summary(t, '', await tokenFor('employee', { tenant: t.slug, employeeId: 'emp_x' })), 403);
    const other = await createTenant();
    expectProblem(await summary(t, '', other.adminToken), 403);
  });
});
