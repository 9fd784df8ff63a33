/**
 * What the competencies module holds about one person, for their personal data export
 * (`GET /me/export`): every assessment of them, with the competency's code and name, and their
 * gaps. A statement for the caller's batch and the shape of its rows, for each; only that person's
 * rows are read, by index.
 */
import { z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { assessments, competencies } from '../../../db/schema';
import type { TenantContext } from '../../../platform/context';
import { gapsQuery, shapeGaps } from './gaps';
import { assessmentSchema, gapsSchema } from './schemas';

function assessmentsQuery(ctx: TenantContext, employeeId: string) {
  return ctx.db
    .select({
      id: assessments.id,
      competencyId: assessments.competencyId,
      code: competencies.code,
      name: competencies.name,
      level: assessments.level,
      source: assessments.source,
      selfAssessed: assessments.selfAssessed,
      date: assessments.assessedOn,
      assessor: assessments.assessor,
      note: assessments.note,
      createdAt: assessments.createdAt,
    })
    .from(assessments)
    .innerJoin(competencies, and(eq(competencies.tenantId, assessments.competencyTenantId), eq(competencies.id, assessments.competencyId)))
    .where(eq(assessments.employeeId, employeeId))
    .orderBy(asc(assessments.assessedOn), asc(assessments.id));
}

const assessmentsSchema = z.array(
  assessmentSchema.omit({ employeeId: true }).extend({ code: z.string(), name: z.string() }).openapi('PersonalAssessment'),
);

export const personalAssessments = {
  schema: assessmentsSchema,
  query: assessmentsQuery,
  shape: (rows: Awaited<ReturnType<typeof assessmentsQuery>>): z.infer<typeof assessmentsSchema> => rows,
};

export const personalGaps = {
  schema: gapsSchema,
  query: gapsQuery,
  shape: shapeGaps,
};
