import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { orgIds } from '../employees/helpers';
import { person } from '../mentoring/helpers';
import { createIndicator, putValue } from './helpers';
import { answers, cohort, rate, react, scores } from './level-helpers';

const report = <P extends string>(t: TestTenant, path: P, token = t.adminToken) =>
  api('GET', `/api/v1/tenants/${t.slug}/${path}`, { token });

/**
 * Offering A (4–8 May 2026, three DISDUKCAPIL participants completed 8 May 2026) and offering B of
 * the same program (one participant completed 10 Nov 2025, one still enrolled). Every expected
 * figure below is worked out by hand in the comment beside it.
 */
async function fixture() {
  const t = await createTenant();
  const a = await cohort(t, 3, {
    completedOn: '2026-05-08',
    unit: 'DISDUKCAPIL',
    offering: { startDate: '2026-05-04', endDate: '2026-05-08' },
  });
  const [p1, p2, p3] = a.participants as [(typeof a.participants)[0], (typeof a.participants)[0], (typeof a.participants)[0]];
  expect((await react(t, p1.enrollmentId, p1.token, { answers: answers([4, 5, 4, 3, 5, 4]) })).status).toBe(201);
  expect((await react(t, p2.enrollmentId, p2.token, { answers: answers([2, 3, 4, 5, 1, 4]) })).status).toBe(201);
  const l2 = await scores(t, a.offeringId, [
    { enrollmentId: p1.enrollmentId, pre: 40, post: 70 },
    { enrollmentId: p2.enrollmentId, pre: 60, post: 80 },
    { enrollmentId: p3.enrollmentId, pre: 100, post: 90 },
  ]);
  expect(l2.status, l2.text).toBe(200);
  expect((await rate(t, p1.enrollmentId, a.supervisor.token, { rating: 4 })).status).toBe(201);
  expect((await rate(t, p2.enrollmentId, a.supervisor.token, { rating: 3 })).status).toBe(201);

  const b = await cohort(t, 1, {
    programId: a.programId,
    completedOn: '2025-11-10',
    offering: { startDate: '2025-11-03', endDate: '2025-11-07' },
  });
  const q = b.participants[0] as (typeof b.participants)[0];
  expect((await react(t, q.enrollmentId, q.token, { answers: answers([5, 5, 5, 5, 5, 5]) })).status).toBe(201);
  expect((await rate(t, q.enrollmentId, b.supervisor.token, { rating: 5 })).status).toBe(201);
  const waiting = await person(t);
  expect(
    (
      await api('POST', `/api/v1/tenants/${t.slug}/offerings/${b.offeringId}/enrollments`, {
        token: t.adminToken,
        body: { employeeIds: [waiting.id] },
      })
    ).status,
  ).toBe(201);

  const ids = await orgIds(t);
  const ktp = await createIndicator(t, {
    unitId: ids.DISDUKCAPIL,
    name: 'Waktu penerbitan KTP-el',
    measure: 'hari',
    direction: 'lower_is_better',
  });
  const akta = await createIndicator(t, {
    unitId: ids.DISDUKCAPIL,
    name: 'Akta kelahiran terbit tepat waktu',
    measure: '%',
    direction: 'higher_is_better',
  });
  const elsewhere = await createIndicator(t, {
    unitId: ids.DINKES,
    name: 'Cakupan imunisasi',
    measure: '%',
    direction: 'higher_is_better',
  });
  for (const [id, period, value] of [
    [ktp.id, '2026-Q1', 30],
    [ktp.id, '2026-Q2', 27],
    [ktp.id, '2026-Q3', 24],
    [akta.id, '2026-Q1', 80],
    [elsewhere.id, '2026-Q1', 50],
    [elsewhere.id, '2026-Q3', 60],
  ] as const) {
    expect((await putValue(t, id, period, value)).status).toBe(201);
  }
  return { t, a, b, ktp, akta };
}

describe('evaluation reports', () => {
  it('per offering, per program and per year, hand-computed', async () => {
    const { t, a, b, ktp, akta } = await fixture();
    const offering = await report(t, `offerings/${a.offeringId}/evaluation`);
    expect(offering.status, offering.text).toBe(200);
    // The offering, then its indicators, figures and scored participants in one batch.
    expect(offering.cost.queries).toBe(2);
    expect(offering.body).toMatchObject({
      offeringId: a.offeringId,
      programId: a.programId,
      completed: 3,
      // L1: 2 of 3; item means (4+2)/2, (5+3)/2, (4+4)/2, (3+5)/2, (5+1)/2, (4+4)/2; overall 22/6.
      l1: { responses: 2, rate: 0.6667, mean: 3.6667, items: { materi: 3, fasilitator: 4, metode: 4, sarana: 4, manfaat: 3, waktu: 4 } },
      // L2: pre (40+60+100)/3, post (70+80+90)/3, gains 30, 20, −10; normalized 0.5, 0.5 (pre 100 left out).
      // Hake's ⟨g⟩ from the group means: (80 − 66.6667) / (100 − 66.6667) = 13.3333 / 33.3333 = 0.4;
      // the mean of the individual gains is (0.5 + 0.5) / 2 = 0.5 — another figure, under its own name.
      l2: { n: 3, meanPre: 66.6667, meanPost: 80, meanGain: 13.3333, hakeGain: 0.4, meanIndividualGain: 0.5, meanNormalizedGain: 0.5 },
      l3: { responses: 2, rate: 0.6667, mean: 3.5 },
    });
    expect(offering.body.participants).toHaveLength(3);
    // L4: the quarter before 4 May (2026-Q1) against the quarter after 8 May (2026-Q3); DINKES's indicator is not the participants' unit.
    expect(offering.body.l4.before).toBe('2026-Q1');
    expect(offering.body.l4.after).toBe('2026-Q3');
    const l4 = Object.fromEntries(offering.body.l4.indicators.map((i) => [i.indicatorId, i]));
    expect(Object.keys(l4).sort()).toEqual([ktp.id, akta.id].sort());
    expect(l4[ktp.id]).toMatchObject({ beforeValue: 30, afterValue: 24, change: -6, relativeChange: -0.2, improvement: 6, improved: true });
    expect(l4[akta.id]).toMatchObject({ beforeValue: 80, afterValue: null, change: null, improved: null });

    const program = await report(t, `programs/${a.programId}/evaluation`);
    expect(program.status, program.text).toBe(200);
    expect(program.body).toMatchObject({
      programId: a.programId,
      offerings: 2,
      completed: 4, // the enrolled participant of B does not count
      // L1: answers 25 + 19 + 30 = 74 over 18; materi (4+2+5)/3, fasilitator (5+3+5)/3…
      l1: {
        responses: 3,
        rate: 0.75,
        mean: 4.1111,
        items: { materi: 3.6667, fasilitator: 4.3333, metode: 4.3333, sarana: 4.3333, manfaat: 3.6667, waktu: 4.3333 },
      },
      l2: { n: 3, meanGain: 13.3333, hakeGain: 0.4, meanIndividualGain: 0.5 },
      l3: { responses: 3, rate: 0.75, mean: 4 }, // (4 + 3 + 5) / 3
    });
    // Every L1 answer counted per item and point 1…5: materi 4, 2, 5; manfaat 5, 1, 5.
    expect(program.body.l1Distribution.materi).toEqual([0, 1, 0, 1, 1]);
    expect(program.body.l1Distribution.manfaat).toEqual([1, 0, 0, 0, 2]);
    // L4 over both offerings: the quarter before 3 Nov 2025 (2025-Q3) against the one after 8 May 2026 (2026-Q3).
    expect(program.body.l4).toMatchObject({ before: '2025-Q3', after: '2026-Q3' });
    expect(program.body.year).toBeNull();

    const program2026 = await report(t, `programs/${a.programId}/evaluation?year=2026`);
    expect(program2026.status, program2026.text).toBe(200);
    // The program with its offerings' dates, then figures, distribution and indicators in one batch.
    expect(program2026.cost.queries).toBe(2);
    expect(program2026.body).toMatchObject({
      year: 2026,
      offerings: 1,
      completed: 3,
      l1: { responses: 2, mean: 3.6667 },
      l2: { n: 3, hakeGain: 0.4, meanIndividualGain: 0.5 },
      l3: { responses: 2, mean: 3.5 },
    });
    expect(program2026.body.l1Distribution.materi).toEqual([0, 1, 0, 1, 0]);
    expect(program2026.body.l1Distribution.sarana).toEqual([0, 0, 1, 0, 1]);
    // Offering A alone: 2026-Q1 against 2026-Q3, the same L4 as its own report.
    expect(program2026.body.l4?.before).toBe('2026-Q1');
    expect(program2026.body.l4?.after).toBe('2026-Q3');
    const l4y = Object.fromEntries((program2026.body.l4?.indicators ?? []).map((i) => [i.indicatorId, i]));
    expect(Object.keys(l4y).sort()).toEqual([ktp.id, akta.id].sort());
    expect(l4y[ktp.id]).toMatchObject({ beforeValue: 30, afterValue: 24, improvement: 6, improved: true });

    const program2025 = await report(t, `programs/${a.programId}/evaluation?year=2025`);
    expect(program2025.body).toMatchObject({ year: 2025, offerings: 1, completed: 1, l1: { responses: 1, mean: 5 }, l2: { n: 0 } });
    expect(program2025.body.l1Distribution.waktu).toEqual([0, 0, 0, 0, 1]);
    expect(program2025.body.l4).toMatchObject({ before: '2025-Q3', after: '2026-Q1' });
    const none = await report(t, `programs/${a.programId}/evaluation?year=2020`);
    expect(none.body).toMatchObject({ year: 2020, offerings: 0, completed: 0, l1: { responses: 0, mean: null }, l4: null });
    expect(none.body.l1Distribution.materi).toEqual([0, 0, 0, 0, 0]);

    const y2026 = await report(t, 'evaluations/summary?year=2026');
    expect(y2026.status, y2026.text).toBe(200);
    expect(y2026.body).toMatchObject({
      year: 2026,
      completed: 3,
      l1: { responses: 2, mean: 3.6667 },
      l3: { mean: 3.5 },
      mentoring: { completedPairings: 0, responses: 0, mean: null },
    });
    const y2025 = await report(t, 'evaluations/summary?year=2025');
    expect(y2025.body).toMatchObject({
      year: 2025,
      completed: 1,
      l1: { responses: 1, rate: 1, mean: 5 },
      l2: { n: 0, meanGain: null, hakeGain: null, meanIndividualGain: null },
      l3: { responses: 1, mean: 5 },
    });
    const empty = await report(t, 'evaluations/summary?year=2020');
    expect(empty.body).toMatchObject({ completed: 0, l1: { responses: 0, rate: null, mean: null }, l3: { rate: null, mean: null } });
    expect(b.offeringId).not.toBe(a.offeringId);
  });

  it('is for the tenant admin only, and 404 for what does not exist', async () => {
    const t = await createTenant();
    const c = await cohort(t, 1);
    const p = c.participants[0] as (typeof c.participants)[0];
    expectProblem(await report(t, `offerings/${c.offeringId}/evaluation`, p.token), 403);
    expectProblem(await report(t, `programs/${c.programId}/evaluation`, t.nationalToken), 403);
    expectProblem(await report(t, 'evaluations/summary', p.token), 403);
    expectProblem(await report(t, 'offerings/off_nope/evaluation'), 404);
    expectProblem(await report(t, 'programs/prg_nope/evaluation'), 404);
    expectProblem(await report(t, 'evaluations/summary?year=abc'), 400);
    expectProblem(await report(t, `programs/${c.programId}/evaluation?year=99`), 400);
    const res = await report(t, `offerings/${c.offeringId}/evaluation`);
    console.info(`offering evaluation report: ${res.cost.rowsRead} rows read, ${res.cost.queries} queries`);
    expect(res.cost.queries).toBeLessThanOrEqual(4);
  });
});
