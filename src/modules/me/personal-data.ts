/**
 * `GET /me/export`: everything Bangkom holds about the caller, as one JSON document — their right
 * of access under UU 27/2022 (Pelindungan Data Pribadi). Each module says what it holds about a
 * person through its front door (a statement and the shape of its rows); this gathers them into
 * one D1 batch, one round trip, and reads only rows of the caller's tenant that are about the
 * caller. Never another person's record or answer: what the export leaves out, and why, is in each
 * module's personal-data file and in docs/me.md.
 */
import { z } from '@hono/zod-openapi';
import { ownEmployeeId, type TenantContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { personalAudit } from '../audit';
import { personalEnrollments } from '../catalog';
import { personalAssessments, personalGaps } from '../competencies';
import { personalEvaluations } from '../evaluations';
import { personalJp } from '../jp';
import { personalMentoring } from '../mentoring';
import { personalPlanLines } from '../plans';
import { profileSchema } from './schemas';
import { profileQuery, shapeProfile } from './service';

const personalDataFormat = 'bangkom.personal-data.v1';

export const personalDataSchema = z
  .object({
    format: z.literal(personalDataFormat),
    exportedAt: z.string(),
    tenant: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    subject: z.string().openapi({ description: 'The token subject the export was made for' }),
    employee: profileSchema,
    competencies: z.object({ assessments: personalAssessments.schema, gaps: personalGaps.schema }),
    learning: z.object({ enrollments: personalEnrollments.schema, jp: personalJp.schema, planLines: personalPlanLines.schema }),
    mentoring: personalMentoring.schema,
    evaluations: personalEvaluations.schema,
    audit: personalAudit.schema,
  })
  .openapi('PersonalData');
export type PersonalData = z.infer<typeof personalDataSchema>;

export async function personalData({ ctx }: { ctx: TenantContext }): Promise<PersonalData> {
  const id = ownEmployeeId(ctx);
  const m = personalMentoring;
  const e = personalEvaluations;
  const [
    profile,
    assessments,
    gaps,
    enrollments,
    jp,
    planLines,
    mentorProfile,
    pairings,
    sessions,
    goals,
    reactions,
    scores,
    behaviourAbout,
    behaviourGiven,
    feedbackGiven,
    audit,
  ] = await ctx.db.batch([
    profileQuery(ctx, id),
    personalAssessments.query(ctx, id),
    personalGaps.query(ctx, id),
    personalEnrollments.query(ctx, id),
    personalJp.query(ctx, id),
    personalPlanLines.query(ctx, id),
    m.profile.query(ctx, id),
    m.pairings.query(ctx, id),
    m.sessions.query(ctx, id),
    m.goals.query(ctx, id),
    e.reactionsGiven.query(ctx, id),
    e.testScores.query(ctx, id),
    e.behaviourAbout.query(ctx, id),
    e.behaviourGiven.query(ctx, id),
    e.mentoringFeedbackGiven.query(ctx, id),
    personalAudit.query(ctx, id),
  ]);
  // Both read the employee row: absent, the token's employee is not in this tenant (404).
  const employee = shapeProfile(profile);
  const shapedGaps = personalGaps.shape(id, gaps);
  if (!shapedGaps) throw notFound('employee');
  return {
    format: personalDataFormat,
    exportedAt: new Date().toISOString(),
    tenant: { id: ctx.tenant.id, slug: ctx.tenant.slug, name: ctx.tenant.name },
    subject: ctx.actor.subject,
    employee,
    competencies: { assessments: personalAssessments.shape(assessments), gaps: shapedGaps },
    learning: {
      enrollments: personalEnrollments.shape(ctx, enrollments),
      jp: personalJp.shape(jp),
      planLines: personalPlanLines.shape(planLines),
    },
    mentoring: {
      profile: m.profile.shape(mentorProfile),
      pairings: m.pairings.shape(ctx, pairings),
      sessions: m.sessions.shape(ctx, sessions),
      goals: m.goals.shape(goals),
    },
    evaluations: {
      reactionsGiven: e.reactionsGiven.shape(reactions),
      testScores: e.testScores.shape(scores),
      behaviourAbout: e.behaviourAbout.shape(behaviourAbout),
      behaviourGiven: e.behaviourGiven.shape(behaviourGiven),
      mentoringFeedbackGiven: e.mentoringFeedbackGiven.shape(feedbackGiven),
    },
    audit: personalAudit.shape(ctx, audit),
  };
}
