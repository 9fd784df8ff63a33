/**
 * What the evaluations hold about one person, for their personal data export (`GET /me/export`).
 * Anonymity first: an answer belongs to whoever gave it, so the export carries the answers the
 * person gave — their L1 reactions, the L3 ratings they gave as a supervisor, their feedback on
 * their pairings — and the measurements about them that are nobody's answer (their L2 test
 * scores). Of the L3 evaluations of their own behaviour it says only that one was given (the
 * enrollment and the day), never the supervisor's rating or comment; a mentoring partner's
 * feedback on them is left out altogether (with two members, it would name its author). What an
 * evaluation changed on their record — the assessments it recorded — is among their assessments.
 * Public satisfaction survey answers name nobody and are not about staff. Statements for the
 * caller's batch, each read by an index.
 */
import { z } from '@hono/zod-openapi';
import { asc, eq, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  enrollments,
  evaluationBehaviours,
  evaluationReactions,
  evaluationTestScores,
  feedbackRoles,
  mentoringFeedback,
  pairings,
} from '../../../db/schema';
import type { TenantContext } from '../../../platform/context';

const ofTheirEnrollments = (ctx: TenantContext, column: SQLiteColumn, employeeId: string) =>
  sql`${column} in (select x.id from ${enrollments} x where ${ctx.db.scope('x')} and x.employee_id = ${employeeId})`;

const reactionsQuery = (ctx: TenantContext, employeeId: string) => {
  const r = evaluationReactions;
  return ctx.db
    .select({
      id: r.id,
      enrollmentId: r.enrollmentId,
      offeringId: r.offeringId,
      materi: r.materi,
      fasilitator: r.fasilitator,
      metode: r.metode,
      sarana: r.sarana,
      manfaat: r.manfaat,
      waktu: r.waktu,
      comment: r.comment,
      createdAt: r.createdAt,
    })
    .from(r)
    .where(sql`${ofTheirEnrollments(ctx, r.enrollmentId, employeeId)} and ${r.employeeId} = ${employeeId}`)
    .orderBy(asc(r.createdAt), asc(r.id));
};

const testScoresQuery = (ctx: TenantContext, employeeId: string) => {
  const t = evaluationTestScores;
  return ctx.db
    .select({ enrollmentId: t.enrollmentId, offeringId: t.offeringId, pre: t.pre, post: t.post, updatedAt: t.updatedAt })
    .from(t)
    .where(ofTheirEnrollments(ctx, t.enrollmentId, employeeId))
    .orderBy(asc(t.enrollmentId));
};

const behaviourAboutQuery = (ctx: TenantContext, employeeId: string) => {
  const b = evaluationBehaviours;
  return ctx.db
    .select({ enrollmentId: b.enrollmentId, offeringId: b.offeringId, createdAt: b.createdAt })
    .from(b)
    .where(ofTheirEnrollments(ctx, b.enrollmentId, employeeId))
    .orderBy(asc(b.createdAt), asc(b.id));
};

const behaviourGivenQuery = (ctx: TenantContext, employeeId: string) => {
  const b = evaluationBehaviours;
  return ctx.db
    .select({
      id: b.id,
      enrollmentId: b.enrollmentId,
      offeringId: b.offeringId,
      rating: b.rating,
      comment: b.comment,
      createdAt: b.createdAt,
    })
    .from(b)
    .where(eq(b.supervisorId, employeeId))
    .orderBy(asc(b.createdAt), asc(b.id));
};

const feedbackGivenQuery = (ctx: TenantContext, employeeId: string) => {
  const f = mentoringFeedback;
  return ctx.db
    .select({ id: f.id, pairingId: f.pairingId, role: f.role, rating: f.rating, comment: f.comment, createdAt: f.createdAt })
    .from(f)
    .where(
      sql`${f.pairingId} in (select p.id from ${pairings} p where ${ctx.db.scope('p')} and (p.mentor_id = ${employeeId} or p.mentee_id = ${employeeId})) and ${f.employeeId} = ${employeeId}`,
    )
    .orderBy(asc(f.createdAt), asc(f.id));
};

type Rows<Q extends (...args: never[]) => unknown> = Awaited<ReturnType<Q>>;

const rating = z.number().int();
const evaluationsSchema = z.object({
  reactionsGiven: z.array(
    z.object({
      id: z.string(),
      enrollmentId: z.string(),
      offeringId: z.string(),
      answers: z.object({ materi: rating, fasilitator: rating, metode: rating, sarana: rating, manfaat: rating, waktu: rating }),
      comment: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  testScores: z.array(
    z.object({
      enrollmentId: z.string(),
      offeringId: z.string(),
      pre: z.number().nullable(),
      post: z.number().nullable(),
      updatedAt: z.string(),
    }),
  ),
  behaviourAbout: z
    .array(z.object({ enrollmentId: z.string(), offeringId: z.string(), createdAt: z.string() }))
    .openapi({ description: "L3 evaluations of the person's behaviour: that one was given, never the supervisor's answer" }),
  behaviourGiven: z.array(
    z.object({
      id: z.string(),
      enrollmentId: z.string(),
      offeringId: z.string(),
      rating,
      comment: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  mentoringFeedbackGiven: z.array(
    z.object({
      id: z.string(),
      pairingId: z.string(),
      role: z.enum(feedbackRoles),
      rating,
      comment: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

/** Each part's statement and shape; `schema` is the whole section's shape. */
export const personalEvaluations = {
  schema: evaluationsSchema,
  reactionsGiven: {
    query: reactionsQuery,
    shape: (rows: Rows<typeof reactionsQuery>) =>
      rows.map(({ materi, fasilitator, metode, sarana, manfaat, waktu, ...r }) => ({
        ...r,
        answers: { materi, fasilitator, metode, sarana, manfaat, waktu },
      })),
  },
  testScores: { query: testScoresQuery, shape: (rows: Rows<typeof testScoresQuery>) => rows },
  behaviourAbout: { query: behaviourAboutQuery, shape: (rows: Rows<typeof behaviourAboutQuery>) => rows },
  behaviourGiven: { query: behaviourGivenQuery, shape: (rows: Rows<typeof behaviourGivenQuery>) => rows },
  mentoringFeedbackGiven: { query: feedbackGivenQuery, shape: (rows: Rows<typeof feedbackGivenQuery>) => rows },
};
