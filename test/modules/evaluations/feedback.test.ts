import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { putStandards } from '../competencies/helpers';
import { orgIds } from '../employees/helpers';
import { active, end, mentorProfile, person } from '../mentoring/helpers';
import { cohort, feedback, rate, react, today, waiting } from './level-helpers';

const addDays = (d: string, n: number) => {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + n);
  return x.toISOString().slice(0, 10);
};

async function completedPairing(t: TestTenant) {
  const mentor = await person(t, { name: 'Dr. Rina Marlina' });
  const mentee = await person(t);
  await mentorProfile(t, mentor.id, { competencies: ['KOMUNIKASI'] });
  const pairingId = await active(t, mentor, mentee.id, { focus: ['KOMUNIKASI'] });
  return { mentor, mentee, pairingId };
}

describe('mentoring feedback', () => {
  it('is given once by each member of a completed pairing; the mentee may self-assess (source mentoring)', async () => {
    const t = await createTenant();
    const { mentor, mentee, pairingId } = await completedPairing(t);
    const outsider = await person(t);
    expectProblem(await feedback(t, pairingId, mentor.token), 409); // still active
    const ended = await end(t, pairingId, mentor.token, 'completed');
    expect(ended.status, ended.text).toBe(200);
    expectProblem(await feedback(t, pairingId, outsider.token), 404);
    expectProblem(await feedback(t, pairingId, t.adminToken), 403);
    expectProblem(await feedback(t, pairingId, mentor.token, { rating: 4, assessments: [{ competency: 'KOMUNIKASI', level: 3 }] }), 422);
    expectProblem(await feedback(t, pairingId, mentee.token, { rating: 4, assessments: [{ competency: 'NO-SUCH', level: 3 }] }), 422);
    const byMentor = await feedback(t, pairingId, mentor.token);
    expect(byMentor.status, byMentor.text).toBe(201);
    expect(byMentor.body).toMatchObject({ role: 'mentor', rating: 5 });
    expectProblem(await feedback(t, pairingId, mentor.token), 409);
    const byMentee = await feedback(t, pairingId, mentee.token, {
      rating: 4,
      comment: 'Jadwal fleksibel',
      assessments: [{ competency: 'KOMUNIKASI', level: 3 }],
    });
    expect(byMentee.status, byMentee.text).toBe(201);
    expect(byMentee.body).toMatchObject({ role: 'mentee', assessments: 1 });
    const history = await api('GET', `/api/v1/tenants/${t.slug}/employees/${mentee.id}/assessments`, { token: t.adminToken });
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({ source: 'mentoring', level: 3, assessor: mentee.id });
    const summary = await api('GET', `/api/v1/tenants/${t.slug}/evaluations/summary?year=${today().slice(0, 4)}`, { token: t.adminToken });
    expect(summary.body.mentoring).toEqual({ completedPairings: 1, responses: 2, mean: 4.5 });
  });
});

describe('an L3 reassessment', () => {
  it('changes the gap and the needs report', async () => {
    const t = await createTenant();
    const ids = await orgIds(t);
    const std = await putStandards(t, ids['ANALIS-KEBIJAKAN'] as string, [{ competency: 'INTEGRITAS', requiredLevel: 3, weight: 2 }]);
    expect(std.status, std.text).toBe(200);
    const c = await cohort(t, 1, { completedOn: '2026-01-12' });
    const p = c.participants[0] as (typeof c.participants)[0];
    const before = await api('POST', `/api/v1/tenants/${t.slug}/assessments`, {
      token: t.adminToken,
      body: { employeeId: p.id, competency: 'INTEGRITAS', level: 1, source: 'supervisor', date: '2026-01-05', assessor: 'Atasan' },
    });
    expect(before.status, before.text).toBe(201);
    const gaps = () => api('GET', `/api/v1/tenants/${t.slug}/employees/${p.id}/gaps`, { token: t.adminToken });
    const needs = () => api('GET', `/api/v1/tenants/${t.slug}/needs?groupBy=competency`, { token: t.adminToken });
    expect((await gaps()).body.items[0]).toMatchObject({ code: 'INTEGRITAS', current: 1, gap: 2, weightedGap: 4 });
    expect((await needs()).body.items.find((i) => i.code === 'INTEGRITAS')).toMatchObject({
      employeesWithGap: 1,
      weightedGap: 4,
    });
    const res = await rate(t, p.enrollmentId, c.supervisor.token, {
      rating: 5,
      comment: 'Sangat berubah',
      assessments: [{ competency: 'INTEGRITAS', level: 3 }],
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.assessments).toBe(1);
    expect((await gaps()).body.items[0]).toMatchObject({ code: 'INTEGRITAS', current: 3, gap: 0, weightedGap: 0 });
    const after = (await needs()).body.items.find((i) => i.code === 'INTEGRITAS');
    expect(after).toMatchObject({ employeesWithGap: 0, weightedGap: 0 });
    const history = await api('GET', `/api/v1/tenants/${t.slug}/employees/${p.id}/assessments`, { token: t.adminToken });
    expect(history.body.items[0]).toMatchObject({ source: 'evaluation', level: 3, assessor: c.supervisor.id, date: today() });
  });
});

describe('/me/evaluations', () => {
  it('lists what waits for the participant, the supervisor and both members, with due dates, and drops what is done', async () => {
    const t = await createTenant();
    const c = await cohort(t, 2, { completedOn: '2026-01-12' });
    const [one, two] = c.participants as [(typeof c.participants)[0], (typeof c.participants)[0]];
    const mine = await waiting(one.token);
    expect(mine.status, mine.text).toBe(200);
    // The three lists and the L3 waiting period are read in one D1 round trip.
    expect(mine.cost.queries).toBe(1);
    expect(mine.body.items).toEqual([
      {
        kind: 'reaction',
        enrollmentId: one.enrollmentId,
        pairingId: null,
        employeeId: one.id,
        title: 'Bimbingan Teknis Pelayanan Publik',
        completedOn: '2026-01-12',
        opensOn: '2026-01-12',
        dueOn: '2026-01-26',
        open: true,
      },
    ]);
    const boss = await waiting(c.supervisor.token);
    expect(boss.body.items.map((i) => [i.kind, i.employeeId]).sort()).toEqual(
      [
        ['behaviour', one.id],
        ['behaviour', two.id],
      ].sort(),
    );
    expect(boss.body.items[0]).toMatchObject({ completedOn: '2026-01-12', opensOn: '2026-02-11', dueOn: '2026-03-13', open: true });
    expect((await react(t, one.enrollmentId, one.token)).status).toBe(201);
    expect((await rate(t, two.enrollmentId, c.supervisor.token)).status).toBe(201);
    expect((await waiting(one.token)).body.items).toEqual([]);
    expect((await waiting(c.supervisor.token)).body.items.map((i) => i.employeeId)).toEqual([one.id]);

    const fresh = await cohort(t, 1, { completedOn: today() });
    const item = (await waiting(fresh.supervisor.token)).body.items[0];
    expect(item).toMatchObject({ kind: 'behaviour', opensOn: addDays(today(), 30), open: false });

    const { mentor, mentee, pairingId } = await completedPairing(t);
    expect((await end(t, pairingId, mentee.token, 'completed')).status).toBe(200);
    const forMentor = (await waiting(mentor.token)).body.items;
    expect(forMentor).toEqual([
      expect.objectContaining({ kind: 'mentoring', pairingId, employeeId: mentee.id, completedOn: today(), dueOn: addDays(today(), 14) }),
    ]);
    expect((await feedback(t, pairingId, mentor.token)).status).toBe(201);
    expect((await waiting(mentor.token)).body.items).toEqual([]);
    expect((await waiting(mentee.token)).body.items).toHaveLength(1);
    expectProblem(await waiting(t.adminToken), 403);
    expectProblem(await waiting(t.nationalToken), 403);
  });
});
