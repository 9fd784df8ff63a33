/**
 * Request and response shapes of assessments (recorded by the admin, or by the employee for
 * themself) and of an employee's gaps against their position's standard.
 */
import { z } from '@hono/zod-openapi';
import { assessmentSources, competencyTypes } from '../../../db/schema/competencies';
import { pageQuery } from '../../../platform/http/pagination';
import { tenantParams } from '../../../platform/http/params';
import { lineText, multilineText } from '../../../platform/http/text';
import { id } from '../dictionary/schemas';
import { level } from '../standards/schemas';

export const employeeParams = tenantParams.extend({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });

const isoDate = z.iso.date().refine((d) => d >= '1950-01-01' && d <= '2100-12-31', 'a date between 1950 and 2100');

export const newAssessmentSchema = z
  .object({
    employeeId: id,
    competency: id.openapi({ description: 'competency id or code' }),
    level,
    source: z.enum(assessmentSources),
    date: isoDate,
    assessor: lineText(200, 0).nullable().default(null).openapi({ description: 'a name or an employee id' }),
    note: multilineText(2000, 0).nullable().default(null),
  })
  .strict()
  .openapi('NewAssessment');

export const selfAssessmentSchema = z
  .object({
    competency: id.openapi({ description: 'competency id or code' }),
    level,
    date: isoDate,
    note: multilineText(2000, 0).nullable().default(null),
  })
  .strict()
  .openapi('SelfAssessment');

export const bulkAssessmentsSchema = z
  .object({ items: z.array(newAssessmentSchema).min(1).max(1000) })
  .strict()
  .openapi('NewAssessments');

export const assessmentSchema = z
  .object({
    id: z.string(),
    employeeId: z.string(),
    competencyId: z.string(),
    level: z.number().int(),
    source: z.enum(assessmentSources),
    selfAssessed: z.boolean().openapi({
      description:
        "The employee assessed themself (source self, or the assessor is the employee's own id). By default such an assessment is the current level only while no other source has assessed the competency (tenant settings, selfAssessments).",
    }),
    date: z.string(),
    assessor: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Assessment');

export const bulkResultSchema = z.object({ created: z.number().int(), ids: z.array(z.string()) }).openapi('AssessmentsCreated');

const gapSchema = z.object({
  competencyId: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.enum(competencyTypes),
  required: z.number().int(),
  current: z.number().int().nullable(),
  assessedOn: z.string().nullable(),
  gap: z.number().int().nullable(),
  weight: z.number(),
  weightedGap: z.number().nullable(),
});

export const gapsSchema = z
  .object({
    employeeId: z.string(),
    positionId: z.string(),
    items: z.array(gapSchema),
    summary: z.object({
      competencies: z.number().int(),
      assessed: z.number().int(),
      unassessed: z.number().int(),
      withGap: z.number().int(),
      weightedGap: z.number(),
    }),
  })
  .openapi('EmployeeGaps');

export const historyQuery = pageQuery.extend({ competency: id.optional() });

export type NewAssessment = z.infer<typeof newAssessmentSchema>;
export type Gaps = z.infer<typeof gapsSchema>;
export type SelfAssessment = z.infer<typeof selfAssessmentSchema>;
