/**
 * Self-reported training from report to JP: the employee reports, the admin approves and the JP
 * lands in the ledger once by the method's rule (parallel approvals too), with the reason when it
 * is less than claimed; a rejected or withdrawn report credits nothing; caps count what the person
 * already earned, across a month boundary; every step is audited; others' reports are a 404.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { race } from '../../support/races';
import { approve, ledgerRows, person, reject, report, reported, seminar } from './helpers';

describe('report → approve → JP credited once', () => {
  it('credits the rule’s JP (less than claimed, with the reason), exactly once under parallel approvals', async () => {
    const t = await createTenant();
    const me = await person(t);
    const r = await reported(me, { ...seminar, jpClaimed: 10 });
    expect(r).toMatchObject({ status: 'diajukan', employeeId: me.id, jpClaimed: 10, jp: null, evidence: null, version: 1 });
    const queue = await api('GET', `/api/v1/tenants/${t.slug}/learning-reports?status=diajukan`, { token: t.adminToken });
    expect(queue.body.items.map((x) => x.id)).toEqual([r.id]);

    const { tally, results } = await race(6, () => approve(t, r.id));
    expect(tally).toEqual({ 200: 1, 409: 5 });
    const approved = results.find((x) => x.status === 200)?.body;
    // Seminar: 4 JP a day × 2 days = 8 JP; 10 claimed.
    expect(approved).toMatchObject({ status: 'disetujui', jp: 8, rulesVersion: 0 });
    expect(approved?.jpReason).toMatch(/4 JP per hari × 2 hari = 8 JP; diklaim 10 JP, diakui menurut aturan/);
    expect(await ledgerRows(t.id)).toEqual([
      expect.objectContaining({
        employee_id: me.id,
        source: 'learning_report',
        method: 'seminar',
        jp_centi: 800,
        year: 2025,
        reference: `learning-report:${r.id}`,
      }),
    ]);
    // The employee sees the decision and why; the queue of waiting reports is empty.
    const mine = await api('GET', `/api/v1/me/learning-reports/${r.id}`, { token: me.token });
    expect(mine.body).toMatchObject({ status: 'disetujui', jp: 8 });
    expect((await api('GET', `/api/v1/tenants/${t.slug}/learning-reports?status=diajukan`, { token: t.adminToken })).body.items).toEqual(
      [],
    );
    expectProblem(await reject(t, r.id), 409);
    expectProblem(await api('POST', `/api/v1/me/learning-reports/${r.id}/withdraw`, { token: me.token }), 409);
  });

  it('a rejected and a withdrawn report credit nothing; a withdrawn one cannot be approved', async () => {
    const t = await createTenant();
    const me = await person(t);
    const [a, b] = [await reported(me), await reported(me, { ...seminar, title: 'Seminar Kedua' })];
    expectProblem(await api('POST', `/api/v1/tenants/${t.slug}/learning-reports/${a.id}/reject`, { token: t.adminToken, body: {} }), 400);
    const rejected = await reject(t, a.id, 'Sertifikat tidak terbaca\r\nmohon unggah ulang');
    expect(rejected.body).toMatchObject({ status: 'ditolak', rejectReason: 'Sertifikat tidak terbaca\nmohon unggah ulang', jp: null });
    const withdrawn = await api('POST', `/api/v1/me/learning-reports/${b.id}/withdraw`, { token: me.token });
    expect(withdrawn.body).toMatchObject({ status: 'ditarik' });
    expectProblem(await approve(t, b.id), 409);
    expectProblem(await approve(t, a.id), 409);
    expect(await ledgerRows(t.id)).toEqual([]);
    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?entity=learning_report`, { token: t.adminToken });
    expect(audit.body.items.map((x: { action: string }) => x.action).sort()).toEqual([
      'learning_report.create',
      'learning_report.create',
      'learning_report.reject',
      'learning_report.withdraw',
    ]);
  });

  it('caps count what was already earned, across a month boundary', async () => {
    const t = await createTenant();
    const me = await person(t);
    const learning = { title: 'Komunitas Belajar Analis', method: 'komunitas_belajar', organiser: 'BKPSDM' };
    // One session on 2025-01-15: 2 JP in January.
    const first = await reported(me, { ...learning, startDate: '2025-01-15', endDate: '2025-01-15', sessions: 1 });
    expect((await approve(t, first.id)).body).toMatchObject({ jp: 2 });
    // Four sessions 2025-01-30 … 02-02: 8 JP, 4 in each month by days; January has room for 2 more.
    const second = await reported(me, { ...learning, startDate: '2025-01-30', endDate: '2025-02-02', sessions: 4 });
    const out = await approve(t, second.id);
    expect(out.body).toMatchObject({ jp: 6 });
    expect(out.body.jpReason).toMatch(/2025-01 sudah 2 JP, diakui 2 JP dari 4 JP/);
    expect((await ledgerRows(t.id)).map((r) => [r.reference, r.jp_centi, r.occurred_at])).toEqual([
      [`learning-report:${first.id}`, 200, '2025-01-15T05:00:00.000Z'],
      [`learning-report:${second.id}:2025-01`, 200, '2025-01-31T05:00:00.000Z'],
      [`learning-report:${second.id}:2025-02`, 400, '2025-02-02T05:00:00.000Z'],
    ]);
    // February is now full: one more session there earns nothing, and says so.
    const third = await reported(me, { ...learning, startDate: '2025-02-20', endDate: '2025-02-20', sessions: 1 });
    expect((await approve(t, third.id)).body).toMatchObject({ status: 'disetujui', jp: 0 });
  });

  it('the day cap counts other credits of the method on the same day, and not those of the next day (month boundary)', async () => {
    const t = await createTenant();
    const me = await person(t);
    const course = { title: 'E-Learning Manajemen ASN', method: 'e_learning', organiser: 'LAN' };
    const on31 = { startDate: '2025-03-31', endDate: '2025-03-31' };
    // 180 minutes = 4 JP, capped at 3 JP for 31 March.
    const a = await reported(me, { ...course, ...on31, hours: 3 });
    expect((await approve(t, a.id)).body).toMatchObject({ jp: 3 });
    // Another e-learning the same day: the day is full.
    const b = await reported(me, { ...course, ...on31, title: 'E-Learning Etika ASN', hours: 1.5 });
    const full = await approve(t, b.id);
    expect(full.body).toMatchObject({ status: 'disetujui', jp: 0 });
    expect(full.body.jpReason).toMatch(/dikurangi 3 JP yang sudah diperoleh pada hari yang sama: 0 JP/);
    // The next day is another month and has its own room: 90 minutes = 2 JP.
    const c = await reported(me, { ...course, title: 'E-Learning Arsip', startDate: '2025-04-01', endDate: '2025-04-01', hours: 1.5 });
    expect((await approve(t, c.id)).body).toMatchObject({ jp: 2 });
    // Both days: 31 March full, 1 April 1 JP of room; 240 minutes = 5.33 JP → 1 JP.
    const d = await reported(me, { ...course, title: 'E-Learning SAKIP', startDate: '2025-03-31', endDate: '2025-04-01', hours: 4 });
    expect((await approve(t, d.id)).body).toMatchObject({ jp: 1 });
    expect((await ledgerRows(t.id)).map((r) => [r.reference, r.jp_centi, r.occurred_at])).toEqual([
      [`learning-report:${a.id}`, 300, '2025-03-31T05:00:00.000Z'],
      [`learning-report:${c.id}`, 200, '2025-04-01T05:00:00.000Z'],
      [`learning-report:${d.id}`, 100, '2025-04-01T05:00:00.000Z'],
    ]);
  });

  it('refuses what cannot be right: an end after today, an end before the start, a quantity the rule needs', async () => {
    const t = await createTenant();
    const me = await person(t);
    expect(expectProblem(await report(me, { ...seminar, endDate: '2099-01-01' }), 422).errors).toEqual([
      { path: 'body.endDate', message: expect.any(String) },
    ]);
    expectProblem(await report(me, { ...seminar, startDate: '2025-03-12' }), 400);
    const coaching = { ...seminar, method: 'coaching' };
    expect(expectProblem(await report(me, coaching), 422).errors).toEqual([{ path: 'body.sessions', message: expect.any(String) }]);
    expect((await report(me, { ...coaching, jpClaimed: 2 })).status).toBe(201);
    expectProblem(await report(me, { ...seminar, method: 'kuliah' }), 400);
    expectProblem(await report(me, { ...seminar, hours: 1.1 }), 400);
  });

  it("answers 404 for someone else's report, to the employee; the admin's routes are the admin's", async () => {
    const t = await createTenant();
    const [me, other] = [await person(t), await person(t)];
    const r = await reported(me);
    expectProblem(await api('GET', `/api/v1/me/learning-reports/${r.id}`, { token: other.token }), 404);
    expectProblem(await api('POST', `/api/v1/me/learning-reports/${r.id}/withdraw`, { token: other.token }), 404);
    expect((await api('GET', '/api/v1/me/learning-reports', { token: other.token })).body.items).toEqual([]);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/learning-reports/${r.id}`, { token: me.token }), 403);
    expectProblem(await approve({ ...t, adminToken: me.token }, r.id), 403);
    const u = await createTenant();
    expectProblem(await api('GET', `/api/v1/tenants/${u.slug}/learning-reports/${r.id}`, { token: u.adminToken }), 404);
    expectProblem(await approve(u, r.id), 404);
    const rows = await env.DB.prepare('select count(*) as n from learning_reports where tenant_id = ?').bind(t.id).first<{ n: number }>();
    expect(rows?.n).toBe(1);
  });

  it('lists the queue by unit (with sub-units), employee and year, oldest first, paged', async () => {
    const t = await createTenant();
    const units = await api('GET', `/api/v1/tenants/${t.slug}/units?limit=50`, { token: t.adminToken });
    const id = (code: string) => units.body.items.find((u: { code: string }) => u.code === code)?.id as string;
    const [yankes, capil] = [await person(t, { unit: 'DINKES-YANKES' }), await person(t, { unit: 'DISDUKCAPIL' })];
    const a = await reported(yankes);
    const b = await reported(capil);
    const c = await reported(yankes, { ...seminar, startDate: '2024-05-01', endDate: '2024-05-01' });
    const list = (q: string) => api('GET', `/api/v1/tenants/${t.slug}/learning-reports${q as `?${string}`}`, { token: t.adminToken });
    expect((await list(`?unit=${id('DINKES')}`)).body.items.map((x) => x.id)).toEqual([a.id, c.id]);
    expect((await list(`?employee=${capil.id}`)).body.items.map((x) => x.id)).toEqual([b.id]);
    expect((await list('?year=2024')).body.items.map((x) => x.id)).toEqual([c.id]);
    const first = await list('?limit=2');
    expect(first.body.items.map((x) => x.id)).toEqual([a.id, b.id]);
    const next = await list(`?limit=2&cursor=${first.body.nextCursor}`);
    expect(next.body).toMatchObject({ items: [{ id: c.id }], nextCursor: null });
  });
});
