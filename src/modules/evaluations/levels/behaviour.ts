/**
 * Kirkpatrick L3 (behaviour) and mentoring feedback: answers written once by the right person,
 * optionally with assessments that flow into the competency record (and so into the gap and the
 * needs report). L3 belongs to the participant's supervisor and opens `l3WaitingDays` after
 * completion on the tenant's calendar; mentoring feedback belongs to each member of a completed
 * pairing, and only the mentee may add a self-assessment. Whoever is not the right person gets a
 * 404. The answer is written first — its unique key decides a race — and only the winner records
 * assessments, so a retry or a parallel answer never doubles them; competencies are checked
 * before anything is written.
 */
import { and, eq } from 'drizzle-orm';
import { employees, enrollments, evaluationBehaviours, mentoringFeedback, pairings } from '../../../db/schema';
import { auditEntry } from '../../../platform/audit/audit';
import { addDays, todayIn } from '../../../platform/calendar';
import type { Call, TenantContext } from '../../../platform/context';
import { withConstraints } from '../../../platform/db/constraints';
import { DomainError, notFound } from '../../../platform/errors';
import { newSortableId, nowIso } from '../../../platform/ids';
import { recordAssessments, resolveCompetencies } from '../../competencies';
import type { BehaviourInput, FeedbackInput } from './schemas';
import { evaluationSettingsOf } from './settings';

type AssessmentItems = BehaviourInput['assessments'];

async function checkCompetencies(ctx: TenantContext, items: AssessmentItems) {
  const refs = await resolveCompetencies(
    ctx,
    items.map((a) => a.competency),
  );
  const errors = items.flatMap((a, i) =>
    refs.has(a.competency) ? [] : [{ path: `body.assessments.${i}.competency`, message: 'no such competency in this tenant' }],
  );
  if (errors.length > 0) throw new DomainError('unprocessable', `${errors.length} unknown competenc(ies): nothing was recorded.`, errors);
}

const once = (what: string) => () => new DomainError('conflict', `${what} has already been given (it is given once).`);

export async function rateBehaviour({
  ctx,
  input: { enrollmentId, rating: input },
}: Call<TenantContext, { enrollmentId: string; rating: BehaviourInput }>) {
  const [e] = await ctx.db
    .select({
      id: enrollments.id,
      status: enrollments.status,
      offeringId: enrollments.offeringId,
      employeeId: enrollments.employeeId,
      completedAt: enrollments.completedAt,
      supervisorId: employees.supervisorId,
    })
    .from(enrollments)
    .innerJoin(employees, and(eq(employees.tenantId, enrollments.tenantId), eq(employees.id, enrollments.employeeId)))
    .where(eq(enrollments.id, enrollmentId))
    .limit(1);
  const supervisor = ctx.actor.employeeId;
  if (!e || !supervisor || e.supervisorId !== supervisor) throw notFound('enrollment');
  if (e.status !== 'completed' || !e.completedAt)
    throw new DomainError('conflict', `L3 opens after the enrollment is completed; it is ${e.status}.`);
  const { l3WaitingDays } = await evaluationSettingsOf({ ctx, input: undefined });
  const opensOn = addDays(e.completedAt, l3WaitingDays);
  const today = todayIn(ctx.tenant);
  if (today < opensOn)
    throw new DomainError('conflict', `L3 opens on ${opensOn} (${l3WaitingDays} days after completion on ${e.completedAt.slice(0, 10)}).`);
  await checkCompetencies(ctx, input.assessments);
  const row = {
    id: newSortableId('l3'),
    enrollmentId,
    offeringId: e.offeringId,
    employeeId: e.employeeId,
    supervisorId: supervisor,
    rating: input.rating,
    comment: input.comment,
    createdAt: nowIso(),
  };
  await withConstraints(
    () =>
      ctx.db.batch([ctx.db.insert(evaluationBehaviours).values(row), auditEntry(ctx, 'evaluation.behaviour', 'enrollment', enrollmentId)]),
    {
      unique: once('The L3 rating of this enrollment'),
    },
  );
  if (input.assessments.length > 0) {
    const note = `Evaluasi perilaku (L3) pelatihan, ${enrollmentId}`;
    await recordAssessments(
      ctx,
      input.assessments.map((a) => ({
        employeeId: e.employeeId,
        competency: a.competency,
        level: a.level,
        source: 'evaluation',
        date: today,
        assessor: supervisor,
        note,
      })),
      (i) => `body.assessments.${i}`,
    );
  }
  const { supervisorId: _s, offeringId: _o, ...shown } = row;
  return { ...shown, assessments: input.assessments.length };
}

export async function giveFeedback({
  ctx,
  input: { pairingId, feedback: input },
}: Call<TenantContext, { pairingId: string; feedback: FeedbackInput }>) {
  const [p] = await ctx.db.select().from(pairings).where(eq(pairings.id, pairingId)).limit(1);
  const me = ctx.actor.employeeId;
  if (!p || !me || (p.mentorId !== me && p.menteeId !== me)) throw notFound('pairing');
  const role: 'mentor' | 'mentee' = p.mentorId === me ? 'mentor' : 'mentee';
  if (p.status !== 'completed') throw new DomainError('conflict', `Feedback opens when the pairing is completed; it is ${p.status}.`);
  if (role === 'mentor' && input.assessments.length > 0) {
    throw new DomainError('unprocessable', 'Only the mentee adds a self-assessment.', [
      { path: 'body.assessments', message: 'the mentee only' },
    ]);
  }
  await checkCompetencies(ctx, input.assessments);
  const row = {
    id: newSortableId('mfb'),
    pairingId,
    role,
    employeeId: me,
    rating: input.rating,
    comment: input.comment,
    createdAt: nowIso(),
  };
  await withConstraints(
    () => ctx.db.batch([ctx.db.insert(mentoringFeedback).values(row), auditEntry(ctx, 'mentoring.feedback', 'pairing', pairingId)]),
    {
      unique: once(`The ${role}'s feedback on this pairing`),
    },
  );
  if (input.assessments.length > 0) {
    const today = todayIn(ctx.tenant);
    await recordAssessments(
      ctx,
      input.assessments.map((a) => ({
        employeeId: me,
        competency: a.competency,
        level: a.level,
        source: 'mentoring',
        date: today,
        assessor: me,
        note: `Penilaian diri akhir mentoring, ${pairingId}`,
      })),
      (i) => `body.assessments.${i}`,
    );
  }
  return {
    id: row.id,
    pairingId,
    role,
    rating: row.rating,
    comment: row.comment,
    assessments: input.assessments.length,
    createdAt: row.createdAt,
  };
}
