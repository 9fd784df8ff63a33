/**
 * GET /api/v1/me/export: one JSON document of everything Bangkom holds about the caller — each kind
 * of record present — and nothing of anyone else: no colleague's record, no answer someone else gave
 * about the caller, no pairing the caller is not in. One D1 round trip for the data.
 */
import { describe, expect, it } from 'vitest';
import { personalDataSchema } from '../../../src/modules/me/personal-data';
import { api, expectProblem } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { followJob } from '../../support/jobs';
import { tokenFor } from '../../support/tokens';
import { createOffering, createProgram } from '../catalog/helpers';
import { assess, putStandards } from '../competencies/helpers';
import { orgIds } from '../employees/helpers';
import { cohort, feedback, rate, react, scores } from '../evaluations/level-helpers';
import { active, confirmedSession, end, mentorProfile, type Person, person, session } from '../mentoring/helpers';

const ok = <T extends { status: number; text: string }>(res: T, status = 201) => {
  expect(res.status, res.text).toBe(status);
  return res;
};

/** Every marker is written into a record that is someone else's: none may reach the export. */
const secret = (what: string) => `RAHASIA-${what}`;

async function world(t: TestTenant) {
  const ids = await orgIds(t);
  ok(await putStandards(t, ids['ANALIS-KEBIJAKAN'] as string, [{ competency: 'INTEGRITAS', requiredLevel: 3, weight: 2 }]), 200);
  // me and a colleague complete the same offering (with tests), under the same supervisor.
  const c = await cohort(t, 2, { hasTests: true });
  // Each with a login of their own (the test tokens share one by default).
  const login = async <P extends Person>(p: P, sub: string): Promise<P> => ({
    ...p,
    token: await tokenFor('employee', { tenant: t.slug, employeeId: p.id, sub }),
  });
  const [me, colleague] = (await Promise.all(
    (c.participants as [Person & { enrollmentId: string }, Person & { enrollmentId: string }]).map((p, i) =>
      login(p, ['saya', 'kolega'][i] as string),
    ),
  )) as [Person & { enrollmentId: string }, Person & { enrollmentId: string }];
  const boss = await login(c.supervisor, 'atasan');
  // Someone me supervises completes it too, and me rates them (L3 given).
  const report = await login(await person(t, { supervisorId: me.id }), 'bawahan');
  const placed = ok(
    await api('POST', `/api/v1/tenants/${t.slug}/offerings/${c.offeringId}/enrollments`, {
      token: t.adminToken,
      body: { employeeIds: [report.id] },
    }),
  );
  const reportEnrollment = placed.body.items[0]?.id as string;
  ok(
    await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${reportEnrollment}/complete`, {
      token: t.adminToken,
      body: { attendance: 90, passed: true, completedOn: '2026-02-06' },
    }),
    200,
  );
  ok(await rate(t, reportEnrollment, me.token, { rating: 5, comment: 'Penilaian yang saya berikan' }));

  // L1 by both; L2 for both; L3 by the boss about both.
  ok(
    await react(t, me.enrollmentId, me.token, {
      answers: { materi: 4, fasilitator: 5, metode: 4, sarana: 3, manfaat: 5, waktu: 4 },
      comment: 'Komentar saya',
    }),
  );
  ok(
    await react(t, colleague.enrollmentId, colleague.token, {
      answers: { materi: 1, fasilitator: 1, metode: 1, sarana: 1, manfaat: 1, waktu: 1 },
      comment: secret('L1-KOLEGA'),
    }),
  );
  ok(
    await scores(t, c.offeringId, [
      { enrollmentId: me.enrollmentId, pre: 40, post: 80 },
      { enrollmentId: colleague.enrollmentId, pre: 13, post: 17 },
    ]),
    200,
  );
  ok(await rate(t, me.enrollmentId, boss.token, { rating: 2, comment: secret('L3-ATASAN') }));
  ok(await rate(t, colleague.enrollmentId, boss.token, { rating: 3, comment: secret('L3-KOLEGA') }));

  // Assessments: by the admin and by me myself; the colleague's too.
  ok(
    await assess(t, {
      employeeId: me.id,
      competency: 'INTEGRITAS',
      level: 2,
      source: 'supervisor',
      date: '2026-03-01',
      note: 'Catatan tentang saya',
    }),
  );
  ok(await api('POST', '/api/v1/me/assessments', { token: me.token, body: { competency: 'KOMUNIKASI', level: 3, date: '2026-03-02' } }));
  ok(
    await assess(t, {
      employeeId: colleague.id,
      competency: 'INTEGRITAS',
      level: 4,
      source: 'supervisor',
      date: '2026-03-01',
      note: secret('ASESMEN-KOLEGA'),
    }),
  );
  ok(
    await api('POST', `/api/v1/tenants/${t.slug}/jp`, {
      token: t.adminToken,
      body: { employeeId: colleague.id, jp: 3, source: 'other', occurredAt: '2026-03-05T09:00:00+07:00', note: secret('JP-KOLEGA') },
    }),
  );

  // Mentoring: the colleague mentors me (a session, a goal, completed, feedback both ways); me has a profile;
  // the colleague also mentors the person I supervise, which is none of my business.
  await mentorProfile(t, me.id, { competencies: ['INTEGRITAS'], availability: 'Kamis sore' });
  const colleagueMentor = { id: colleague.id, token: colleague.token };
  await mentorProfile(t, colleague.id, { availability: secret('PROFIL-KOLEGA') });
  const pairing = await active(t, colleagueMentor, me.id, { goals: [{ title: 'Menyusun rencana aksi saya' }] });
  // Recorded by me, confirmed by the colleague: only a confirmed session earns JP.
  await confirmedSession(t, pairing, me.token, colleague.token, { minutes: 90, notes: 'Sesi kami berdua', actionItems: ['Baca pedoman'] });
  ok(await end(t, pairing, colleague.token, 'completed'), 200);
  ok(await feedback(t, pairing, me.token, { rating: 5, comment: 'Umpan balik saya' }));
  ok(await feedback(t, pairing, colleague.token, { rating: 2, comment: secret('UMPAN-BALIK-KOLEGA') }));
  const other = await active(t, colleagueMentor, report.id);
  ok(await session(t, other, report.token, { minutes: 30, notes: secret('SESI-PASANGAN-LAIN') }));

  // An annual plan that proposes me for an offering of a program closing my INTEGRITAS gap.
  const program = await createProgram(t, {
    title: 'Pelatihan Integritas',
    costPerParticipant: 1_000_000,
    targets: [{ competency: 'INTEGRITAS', expectedGain: 1 }],
  });
  await createOffering(t, program.id, { startDate: '2099-05-04', endDate: '2099-05-08', capacity: 5 });
  const asked = ok(
    await api('POST', `/api/v1/tenants/${t.slug}/plans`, { token: t.adminToken, body: { year: 2099, budget: 10_000_000 } }),
    202,
  );
  const plan = await followJob<{ id: string }>(asked, t.adminToken);
  if (plan.status !== 'succeeded' || !plan.result) throw new Error(`the plan job did not succeed: ${JSON.stringify(plan)}`);
  return { me, colleague, boss, report, reportEnrollment, pairing, other, planId: plan.result.id };
}

describe('GET /api/v1/me/export', () => {
  it('holds every kind of record about the caller, and nothing of anyone else', async () => {
    const t = await createTenant();
    const w = await world(t);
    const res = await api('GET', '/api/v1/me/export', { token: w.me.token });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="bangkom-${t.slug}-${w.me.id}.json"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const parsed = personalDataSchema.safeParse(res.body);
    expect(parsed.error?.issues ?? []).toEqual([]);
    // One round trip for everything (the tenant's directory entry is cached).
    expect(res.cost.queries).toBeLessThanOrEqual(2);

    const d = res.body;
    expect(d).toMatchObject({ format: 'bangkom.personal-data.v1', tenant: { id: t.id, slug: t.slug }, employee: { id: w.me.id } });
    expect(d.employee.supervisor).toEqual({ id: w.boss.id, name: 'Drs. Hendra Saputra, M.Si.' });
    // Competencies: both assessments (the admin's and mine), the gap.
    expect(d.competencies.assessments.map((a: { code: string; source: string }) => [a.code, a.source])).toEqual([
      ['INTEGRITAS', 'supervisor'],
      ['KOMUNIKASI', 'self'],
    ]);
    expect(d.competencies.gaps).toMatchObject({ employeeId: w.me.id, items: [{ code: 'INTEGRITAS', required: 3, current: 2, gap: 1 }] });
    // Learning: the enrollment with its program and offering, the JP it and the pairing credited, the plan line.
    expect(d.learning.enrollments).toEqual([expect.objectContaining({ id: w.me.enrollmentId, status: 'completed', passed: true })]);
    expect(d.learning.enrollments[0]).toMatchObject({ requestedByYou: false, program: { title: 'Bimbingan Teknis Pelayanan Publik' } });
    expect(d.learning.jp.map((j: { source: string; reference: string | null }) => [j.source, j.reference])).toEqual([
      ['program', `enrollment:${w.me.enrollmentId}`],
      ['mentoring', `pairing:${w.pairing}`],
    ]);
    expect(d.learning.planLines).toEqual([expect.objectContaining({ planId: w.planId, year: 2099, status: 'draft' })]);
    // Mentoring: my profile, my pairing only, its session and goal.
    expect(d.mentoring.profile).toMatchObject({ employeeId: w.me.id, availability: 'Kamis sore' });
    expect(d.mentoring.pairings.map((p: { id: string }) => p.id)).toEqual([w.pairing]);
    expect(d.mentoring.pairings[0]).toMatchObject({ mentorId: w.colleague.id, menteeId: w.me.id, proposedByYou: false, endedByYou: false });
    expect(
      d.mentoring.sessions.map((s: { notes: string | null; recordedByYou: boolean; confirmedByYou: boolean | null }) => [
        s.notes,
        s.recordedByYou,
        s.confirmedByYou,
      ]),
    ).toEqual([['Sesi kami berdua', true, false]]);
    expect(d.mentoring.sessions[0]).not.toHaveProperty('confirmedBy');
    expect(d.mentoring.goals.map((g: { title: string }) => g.title)).toEqual(['Menyusun rencana aksi saya']);
    // Evaluations: what I answered, my scores, that an L3 about me exists (not what it says).
    expect(d.evaluations.reactionsGiven).toEqual([expect.objectContaining({ enrollmentId: w.me.enrollmentId, comment: 'Komentar saya' })]);
    expect(d.evaluations.testScores).toEqual([expect.objectContaining({ enrollmentId: w.me.enrollmentId, pre: 40, post: 80 })]);
    expect(d.evaluations.behaviourAbout).toEqual([
      { enrollmentId: w.me.enrollmentId, offeringId: expect.any(String), createdAt: expect.any(String) },
    ]);
    expect(d.evaluations.behaviourGiven).toEqual([
      expect.objectContaining({ enrollmentId: w.reportEnrollment, rating: 5, comment: 'Penilaian yang saya berikan' }),
    ]);
    expect(d.evaluations.mentoringFeedbackGiven).toEqual([
      expect.objectContaining({ pairingId: w.pairing, role: 'mentee', comment: 'Umpan balik saya' }),
    ]);
    // Audit: writes to my records, mine marked as mine, nobody else named.
    const audit = d.audit as { action: string; entityId: string; byYou: boolean }[];
    expect(audit).toContainEqual(expect.objectContaining({ action: 'employee.create', entityId: w.me.id, byYou: false }));
    expect(
      audit
        .filter((a) => a.action === 'assessment.create')
        .map((a) => a.byYou)
        .sort(),
    ).toEqual([false, true]);
    expect(audit).toContainEqual(expect.objectContaining({ action: 'enrollment.complete', entityId: w.me.enrollmentId }));
    expect(audit).toContainEqual(expect.objectContaining({ action: 'pairing.propose', entityId: w.pairing }));

    // Nothing of anyone else: no marker, no colleague's NIP or records, no subject of an admin.
    expect(res.text).not.toContain('RAHASIA');
    const colleague = await api('GET', `/api/v1/tenants/${t.slug}/employees/${w.colleague.id}`, { token: t.adminToken });
    expect(res.text).not.toContain(colleague.body.nip);
    expect(res.text).not.toContain(w.colleague.enrollmentId);
    expect(res.text).not.toContain(w.other);
    // No one else's login: the admin's, the colleague's, the supervisor's.
    const subjectOf = (token: string) =>
      JSON.parse(atob((token.split('.')[1] as string).replace(/-/g, '+').replace(/_/g, '/'))).sub as string;
    for (const token of [t.adminToken, w.colleague.token, w.boss.token]) expect(res.text).not.toContain(`"${subjectOf(token)}"`);
    expect(JSON.stringify(d.evaluations.behaviourAbout)).not.toMatch(/rating|comment/);
  });

  it('is the caller’s own only: an employee token, of an employee of this tenant', async () => {
    const t = await createTenant();
    const me = await person(t);
    expectProblem(await api('GET', '/api/v1/me/export', { token: t.adminToken }), 403);
    expectProblem(await api('GET', '/api/v1/me/export', { token: await tokenFor('national_admin') }), 403);
    expectProblem(await api('GET', '/api/v1/me/export', { token: t.employeeToken }), 404);
    const other = await createTenant();
    const stranger = await tokenFor('employee', { tenant: other.slug, employeeId: me.id });
    const crossed = await api('GET', '/api/v1/me/export', { token: stranger });
    expectProblem(crossed, 404);
    // An employee with nothing yet gets the empty sections, not an error.
    const empty = await api('GET', '/api/v1/me/export', { token: me.token });
    expect(empty.status, empty.text).toBe(200);
    expect(empty.body).toMatchObject({
      competencies: { assessments: [], gaps: { items: [] } },
      learning: { enrollments: [], jp: [], planLines: [] },
      mentoring: { profile: null, pairings: [], sessions: [], goals: [] },
      evaluations: { reactionsGiven: [], testScores: [], behaviourAbout: [], behaviourGiven: [], mentoringFeedbackGiven: [] },
    });
    expect(empty.body.audit).toEqual([expect.objectContaining({ action: 'employee.create', byYou: false })]);
  });
});
