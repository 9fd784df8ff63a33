/**
 * Kirkpatrick L1 (reaction) and L2 (learning). L1: the participant of a completed enrollment rates
 * the fixed items once — the unique key per enrollment decides a race, so two parallel answers
 * leave exactly one. Anyone else's enrollment is a 404, as if it did not exist. L2: the admin
 * records pre- and post-test scores of an offering whose program has tests; a score is an upsert
 * per enrollment, and a field left out keeps its value. Gains are derived, never stored.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { enrollments, evaluationReactions, evaluationTestScores, offerings, programs, reactionItems } from '../../../db/schema';
import { auditEntry } from '../../../platform/audit/audit';
import type { Call, TenantContext } from '../../../platform/context';
import { withConstraints } from '../../../platform/db/constraints';
import { DomainError, notFound } from '../../../platform/errors';
import { newSortableId, nowIso } from '../../../platform/ids';
import type { Statement } from '../../../platform/tenancy/scoped-db';
import type { ReactionInput, ScoreInput } from './schemas';

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

/** Gain and Hake's normalized gain of one participant; null where a score is missing or pre = 100. */
function gainsOf(pre: number | null, post: number | null) {
  if (pre === null || post === null) return { gain: null, normalizedGain: null };
  return { gain: round4(post - pre), normalizedGain: pre === 100 ? null : round4((post - pre) / (100 - pre)) };
}

export async function answerReaction({
  ctx,
  input: { enrollmentId, answer: input },
}: Call<TenantContext, { enrollmentId: string; answer: ReactionInput }>) {
  const [e] = await ctx.db.select().from(enrollments).where(eq(enrollments.id, enrollmentId)).limit(1);
  if (!e || e.employeeId !== ctx.actor.employeeId) throw notFound('enrollment');
  if (e.status !== 'completed')
    throw new DomainError('conflict', `The reaction opens when the enrollment is completed; it is ${e.status}.`);
  const row = {
    id: newSortableId('l1'),
    enrollmentId,
    offeringId: e.offeringId,
    employeeId: e.employeeId,
    ...input.answers,
    comment: input.comment,
    createdAt: nowIso(),
  };
  await withConstraints(
    () =>
      ctx.db.batch([ctx.db.insert(evaluationReactions).values(row), auditEntry(ctx, 'evaluation.reaction', 'enrollment', enrollmentId)]),
    {
      unique: () => new DomainError('conflict', 'This enrollment has already been evaluated (L1 is answered once).'),
    },
  );
  return {
    id: row.id,
    enrollmentId,
    offeringId: row.offeringId,
    answers: Object.fromEntries(reactionItems.map((i) => [i, input.answers[i]])),
    comment: row.comment,
    createdAt: row.createdAt,
  };
}

/**
 * Records scores of enrollments of one offering (all or none) and answers every participant's
 * scores, in two D1 round trips: the checks' reads together, then the upserts, their audit row and
 * the read-back in one batch.
 */
export async function recordScores({
  ctx,
  input,
}: Call<TenantContext, { offeringId: string; scores: ScoreInput[]; pathOf: (i: number) => string }>) {
  const { offeringId, scores: items, pathOf } = input;
  const ids = [...new Set(items.map((s) => s.enrollmentId))];
  if (ids.length < items.length) throw new DomainError('unprocessable', 'An enrollment appears twice: send each once.');
  const [[offering], found] = await ctx.db.batch([
    ctx.db
      .select({ id: offerings.id, hasTests: programs.hasTests })
      .from(offerings)
      .innerJoin(programs, and(eq(programs.tenantId, offerings.programTenantId), eq(programs.id, offerings.programId)))
      .where(eq(offerings.id, offeringId))
      .limit(1),
    ctx.db
      .select({ id: enrollments.id, status: enrollments.status })
      .from(enrollments)
      .where(and(eq(enrollments.offeringId, offeringId), inArray(enrollments.id, ids))),
  ]);
  if (!offering) throw notFound('offering');
  if (!offering.hasTests) throw new DomainError('unprocessable', "The offering's program has no pre- and post-tests (hasTests is false).");
  const status = new Map(found.map((e) => [e.id, e.status]));
  const errors = items.flatMap((s, i) => {
    const st = status.get(s.enrollmentId);
    if (st === undefined) return [{ path: `${pathOf(i)}.enrollmentId`, message: 'no such enrollment in this offering' }];
    return st === 'enrolled' || st === 'completed'
      ? []
      : [{ path: `${pathOf(i)}.enrollmentId`, message: `a ${st} place takes no test scores` }];
  });
  if (errors.length > 0) throw new DomainError('unprocessable', `${errors.length} problem(s): nothing was recorded.`, errors.slice(0, 200));

  const now = nowIso();
  const t = evaluationTestScores;
  const upserts: Statement[] = items.map((s) =>
    ctx.db
      .insert(t)
      .values({
        enrollmentId: s.enrollmentId,
        offeringId,
        pre: s.pre ?? null,
        post: s.post ?? null,
        recordedBy: ctx.actor.subject,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [t.tenantId, t.enrollmentId],
        set: {
          ...(s.pre !== undefined ? { pre: s.pre } : {}),
          ...(s.post !== undefined ? { post: s.post } : {}),
          recordedBy: ctx.actor.subject,
          updatedAt: now,
        },
      }),
  );
  const written = await withConstraints(
    () =>
      ctx.db.batch([auditEntry(ctx, 'evaluation.test_scores', 'offering', offeringId), ...upserts, scoredParticipants(ctx, offeringId)]),
    { foreignKey: () => new DomainError('conflict', 'An enrollment was removed meanwhile: nothing was recorded.') },
  );
  const rows = written[written.length - 1] as ScoreRow[];
  return { items: rows.map(withGains) };
}

/** The scored participants of an offering with their gains, in one D1 round trip; an offering of another tenant is a 404. */
export async function offeringScores({ ctx, input: offeringId }: Call<TenantContext, string>) {
  const [offering, rows] = await ctx.db.batch([
    ctx.db.select({ id: offerings.id }).from(offerings).where(eq(offerings.id, offeringId)).limit(1),
    scoredParticipants(ctx, offeringId),
  ]);
  if (offering.length === 0) throw notFound('offering');
  return { items: rows.map(withGains) };
}

/** The single-enrollment form: finds the offering, then records like the bulk form. */
export async function recordScore({ ctx, input }: Call<TenantContext, { enrollmentId: string; score: Omit<ScoreInput, 'enrollmentId'> }>) {
  const { enrollmentId, score } = input;
  const [e] = await ctx.db
    .select({ offeringId: enrollments.offeringId })
    .from(enrollments)
    .where(eq(enrollments.id, enrollmentId))
    .limit(1);
  if (!e) throw notFound('enrollment');
  const { items } = await recordScores({
    ctx,
    input: { offeringId: e.offeringId, scores: [{ ...score, enrollmentId }], pathOf: () => 'body' },
  });
  const mine = items.find((s) => s.enrollmentId === enrollmentId);
  if (!mine) throw notFound('enrollment');
  return mine;
}

/** Every scored participant of an offering, by enrollment: a statement for a batch. */
function scoredParticipants(ctx: TenantContext, offeringId: string) {
  const t = evaluationTestScores;
  return ctx.db
    .select({ enrollmentId: t.enrollmentId, employeeId: enrollments.employeeId, pre: t.pre, post: t.post })
    .from(t)
    .innerJoin(enrollments, and(eq(enrollments.tenantId, t.tenantId), eq(enrollments.id, t.enrollmentId)))
    .where(eq(t.offeringId, offeringId))
    .orderBy(t.enrollmentId);
}

export interface ScoreRow {
  enrollmentId: string;
  employeeId: string;
  pre: number | null;
  post: number | null;
}

/** The scored participants of an offering, by enrollment, as raw SQL (for the reports' `allTogether`). */
export function participantScoresQuery(ctx: TenantContext, offeringId: string): SQL {
  return sql`select t.enrollment_id as enrollmentId, e.employee_id as employeeId, t.pre as pre, t.post as post
    from ${evaluationTestScores} t join ${enrollments} e on e.tenant_id = t.tenant_id and e.id = t.enrollment_id
    where ${ctx.db.scope('t')} and t.offering_id = ${offeringId}
    order by t.enrollment_id`;
}

export const withGains = (r: ScoreRow) => ({ ...r, ...gainsOf(r.pre, r.post) });
