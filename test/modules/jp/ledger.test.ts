import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { race } from '../../support/races';
import { tokenFor } from '../../support/tokens';
import { createEmployee } from '../employees/helpers';
import { credit, credited, ledger } from './helpers';

const newEmployee = async (t: Awaited<ReturnType<typeof createTenant>>) => (await createEmployee(t)).body.id;

describe('JP ledger', () => {
  it('totals per year, newest first, exact in hundredths, against the tenant target', async () => {
    const t = await createTenant({ jpTarget: 20 });
    const one = await newEmployee(t);
    await credited(t, one, 12.5, '2026-02-10T09:00:00+07:00');
    await credited(t, one, 4.25, '2026-06-01T09:00:00+07:00', { source: 'self_study', note: 'E-learning ASN' });
    await credited(t, one, 0.1, '2026-03-01T09:00:00+07:00', { source: 'mentoring' });
    await credited(t, one, 0.2, '2026-03-02T09:00:00+07:00', { source: 'coaching' });
    await credited(t, one, 7.5, '2025-11-20T09:00:00+07:00');
    // 2026: 12.5 + 4.25 + 0.1 + 0.2 = 17.05 → remaining 20 − 17.05 = 2.95, not reached.
    const y2026 = await ledger(t, one, 2026);
    expect(y2026.status, y2026.text).toBe(200);
    expect(y2026.body).toMatchObject({ employeeId: one, year: 2026, total: 17.05, target: 20, remaining: 2.95, reached: false });
    expect(y2026.body.entries.map((e) => e.jp)).toEqual([4.25, 0.2, 0.1, 12.5]);
    expect(y2026.body.entries[0]).toMatchObject({
      source: 'self_study',
      note: 'E-learning ASN',
      occurredAt: '2026-06-01T02:00:00.000Z',
      year: 2026,
      reference: null,
    });
    // 2025: 7.5 → remaining 12.5.
    expect((await ledger(t, one, 2025)).body).toMatchObject({ total: 7.5, remaining: 12.5, reached: false });
    // 2026 plus 2.95 reaches exactly 20: reached, remaining 0.
    await credited(t, one, 2.95, '2026-07-01T09:00:00+07:00');
    expect((await ledger(t, one, 2026)).body).toMatchObject({ total: 20, remaining: 0, reached: true });
    // A year without credits.
    expect((await ledger(t, one, 2024)).body).toMatchObject({ entries: [], total: 0, remaining: 20, reached: false });
  });

  it("puts an entry in the year of the tenant's wall clock (WIT and WIB at the turn of the year)", async () => {
    const wit = await createTenant({ timeZone: 'Asia/Jayapura' });
    const wib = await createTenant({ timeZone: 'Asia/Jakarta' });
    const [p, q] = [await newEmployee(wit), await newEmployee(wib)];
    // 31 Dec 23:30 WIT = 31 Dec 14:30Z: still 2026 in Jayapura.
    expect(await credited(wit, p, 2, '2026-12-31T23:30:00+09:00')).toMatchObject({ year: 2026, occurredAt: '2026-12-31T14:30:00.000Z' });
    // 1 Jan 00:30 WIB = 31 Dec 17:30Z: already 2027 in Jakarta.
    expect(await credited(wib, q, 3, '2027-01-01T00:30:00+07:00')).toMatchObject({ year: 2027, occurredAt: '2026-12-31T17:30:00.000Z' });
    // The same instants given in UTC land in the same years.
    expect(await credited(wit, p, 1, '2026-12-31T14:59:00Z')).toMatchObject({ year: 2026 }); // 23:59 WIT
    expect(await credited(wit, p, 1, '2026-12-31T15:00:00Z')).toMatchObject({ year: 2027 }); // 00:00 WIT
    expect(await credited(wib, q, 1, '2026-12-31T16:59:00Z')).toMatchObject({ year: 2026 }); // 23:59 WIB
    expect((await ledger(wit, p, 2026)).body.total).toBe(3);
    expect((await ledger(wit, p, 2027)).body.total).toBe(1);
    expect((await ledger(wib, q, 2026)).body.total).toBe(1);
    expect((await ledger(wib, q, 2027)).body.total).toBe(3);
  });

  it('defaults to the current year in the tenant time zone', async () => {
    const t = await createTenant({ timeZone: 'Asia/Jayapura' });
    const one = await newEmployee(t);
    const now = new Date();
    const year = new Date(now.getTime() + 9 * 3_600_000).getUTCFullYear();
    await credited(t, one, 1.5, now.toISOString());
    expect((await ledger(t, one)).body).toMatchObject({ year, total: 1.5 });
  });

  it('credits a reference exactly once: a repeat answers 200 with the first entry', async () => {
    const t = await createTenant();
    const one = await newEmployee(t);
    const body = { employeeId: one, jp: 8, source: 'program', occurredAt: '2026-04-01T08:00:00+07:00', reference: 'enr_0001' };
    const first = await credit(t, body);
    expect(first.status, first.text).toBe(201);
    const again = await credit(t, { ...body, jp: 9 });
    expect(again.status, again.text).toBe(200);
    expect(again.body).toEqual(first.body);
    // Same reference from another source is another credit.
    expect((await credit(t, { ...body, source: 'mentoring' })).status).toBe(201);
    expect((await ledger(t, one, 2026)).body.total).toBe(16);
    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?limit=100`, { token: t.adminToken });
    expect(audit.body.items.filter((a) => a.action === 'jp.credit')).toHaveLength(2);
  });

  it('credits once when 10 credits with one reference race', async () => {
    const t = await createTenant();
    const one = await newEmployee(t);
    const body = { employeeId: one, jp: 3, source: 'coaching', occurredAt: '2026-05-05T10:00:00+08:00', reference: 'pair_race' };
    const { tally, results } = await race(10, () => credit(t, body));
    expect(tally).toEqual({ 201: 1, 200: 9 });
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const l = await ledger(t, one, 2026);
    expect(l.body.entries).toHaveLength(1);
    expect(l.body.total).toBe(3);
  });

  it('lets an employee read only their own ledger; refuses the national admin', async () => {
    const t = await createTenant();
    const [me, other] = [await newEmployee(t), await newEmployee(t)];
    await credited(t, me, 5, '2026-03-03T10:00:00+07:00');
    const mine = await tokenFor('employee', { tenant: t.slug, employeeId: me });
    expect((await ledger(t, me, 2026, mine)).body.total).toBe(5);
    expectProblem(await ledger(t, other, 2026, mine), 404);
    const own = await api('GET', '/api/v1/me/jp?year=2026', { token: mine });
    expect(own.status, own.text).toBe(200);
    expect(own.body).toMatchObject({ employeeId: me, total: 5, target: 20, remaining: 15 });
    expectProblem(await ledger(t, me, 2026, t.nationalToken), 403);
    expectProblem(await api('GET', '/api/v1/me/jp', { token: t.adminToken }), 403);
    expectProblem(await credit(t, { employeeId: me, jp: 1, source: 'other', occurredAt: '2026-03-03T10:00:00Z' }, mine), 403);
    expectProblem(await credit(t, { employeeId: me, jp: 1, source: 'other', occurredAt: '2026-03-03T10:00:00Z' }, t.nationalToken), 403);
  });

  it("answers 404 for another tenant's employee, 422 when crediting one, 400 on bad input", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const ofA = await newEmployee(a);
    expectProblem(await ledger(b, ofA, 2026), 404);
    expectProblem(await ledger(a, 'emp_nobody', 2026), 404);
    const valid = { employeeId: ofA, jp: 2, source: 'program', occurredAt: '2026-03-03T10:00:00+07:00' };
    expectProblem(await credit(b, valid), 422);
    for (const bad of [
      { jp: 0 },
      { jp: -1 },
      { jp: 1.234 },
      { jp: '2' },
      { source: 'seminar' },
      { occurredAt: '2026-03-03' },
      { occurredAt: '2026-03-03T10:00:00' },
      { occurredAt: 'kemarin' },
      { employeeId: '' },
      { extra: true },
    ]) {
      expectProblem(await credit(a, { ...valid, ...bad }), 400);
    }
    expectProblem(await api('GET', `/api/v1/tenants/${a.slug}/employees/${ofA}/jp?year=abc`, { token: a.adminToken }), 400);
    expectProblem(await api('GET', `/api/v1/tenants/${a.slug}/jp/summary?year=1800`, { token: a.adminToken }), 400);
    expect((await ledger(a, ofA, 2026)).body.entries).toEqual([]);
  });

  it('refuses a learning_report credit by hand with a 400 pointing at the approval, which alone credits it', async () => {
    const t = await createTenant();
    const employeeId = await newEmployee(t);
    const problem = expectProblem(
      await credit(t, {
        employeeId,
        jp: 8,
        source: 'learning_report',
        occurredAt: '2026-03-03T10:00:00+07:00',
        reference: 'learning-report:x',
      }),
      400,
    );
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: 'json.source', message: expect.stringMatching(/approving the report.*\/approve/) }),
    ]);
    expect((await ledger(t, employeeId, 2026)).body.entries).toEqual([]);
  });

  it('refuses an amount that rounds to zero hundredths (the fuzzer once found 5e-324): a 400, never a 500', async () => {
    const t = await createTenant();
    const employeeId = await newEmployee(t);
    const valid = { employeeId, jp: 2, source: 'program', occurredAt: '2026-03-03T10:00:00+07:00' };
    for (const jp of [5e-324, 0.001, 0.004]) expectProblem(await credit(t, { ...valid, jp }), 400);
    expect((await credit(t, { ...valid, jp: 0.01 })).status).toBe(201);
    expect((await ledger(t, employeeId, 2026)).body.total).toBe(0.01);
  });
});
