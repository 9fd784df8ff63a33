/**
 * Request and response shapes of the competency dictionary, position standards, assessments and
 * gaps. One zod schema each: validation, types and the OpenAPI document come from here.
 */
import { z } from '@hono/zod-openapi';
import { assessmentSources, competencyTypes } from '../../db/schema/competencies';
import { pageQuery } from '../../platform/http/pagination';
import { codeSchema } from '../tenants/manifest';
import { tenantParams } from '../../platform/http/params';

const id = z.string().min(1).max(60);
const text = (max: number) => z.string().trim().min(2).max(max);

export const levelsSchema = z
  .array(text(1000))
  .length(5)
  .openapi({ description: 'Descriptions of levels 1 to 5, level 1 first' });

export const competencySchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    type: z.enum(competencyTypes),
    scope: z.enum(['national', 'tenant']),
    description: z.string(),
    levels: z.array(z.string()),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Competency');

export const newCompetencySchema = z
  .object({ code: codeSchema, name: text(200), description: text(2000), levels: levelsSchema })
  .strict()
  .openapi('NewTechnicalCompetency');

export const competencyChangesSchema = z
  .object({ name: text(200), description: text(2000), levels: levelsSchema })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field to change')
  .openapi('CompetencyChanges');

export const nationalCompetencySchema = z
  .object({ name: text(200), type: z.enum(['manajerial', 'sosial_kultural']), description: text(2000), levels: levelsSchema })
  .strict()
  .openapi('NationalCompetency');

export const competencyQuery = pageQuery.extend({
  type: z.enum(competencyTypes).optional(),
  scope: z.enum(['national', 'tenant']).optional(),
});

export const competencyParams = tenantParams.extend({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });
export const nationalCodeParams = z.object({ code: codeSchema.openapi({ param: { name: 'code', in: 'path' } }) });

const level = z.number().int().min(1).max(5);

export const standardInputSchema = z
  .object({
    competency: id.openapi({ description: 'competency id or code' }),
    requiredLevel: level,
    weight: z.number().positive().max(100).default(1),
  })
  .strict();

export const standardsInputSchema = z
  .object({ standards: z.array(standardInputSchema).max(100) })
  .strict()
  .openapi('PositionStandardsInput');

export const standardSchema = z.object({
  competencyId: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.enum(competencyTypes),
  requiredLevel: z.number().int(),
  weight: z.number(),
});

export const standardsSchema = z
  .object({ positionId: z.string(), version: z.number().int(), standards: z.array(standardSchema) })
  .openapi('PositionStandards');

const isoDate = z.iso.date().refine((d) => d >= '1950-01-01' && d <= '2100-12-31', 'a date between 1950 and 2100');

export const newAssessmentSchema = z
  .object({
    employeeId: id,
    competency: id.openapi({ description: 'competency id or code' }),
    level,
    source: z.enum(assessmentSources),
    date: isoDate,
    assessor: z.string().trim().max(200).nullable().default(null).openapi({ description: 'a name or an employee id' }),
    note: z.string().trim().max(2000).nullable().default(null),
  })
  .strict()
  .openapi('NewAssessment');

export const selfAssessmentSchema = z
  .object({
    competency: id.openapi({ description: 'competency id or code' }),
    level,
    date: isoDate,
    note: z.string().trim().max(2000).nullable().default(null),
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
    date: z.string(),
    assessor: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Assessment');

export const bulkResultSchema = z.object({ created: z.number().int(), ids: z.array(z.string()) }).openapi('AssessmentsCreated');

export const gapSchema = z.object({
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
    summary: z.object({ competencies: z.number().int(), assessed: z.number().int(), unassessed: z.number().int(), withGap: z.number().int(), weightedGap: z.number() }),
  })
  .openapi('EmployeeGaps');

export const historyQuery = pageQuery.extend({ competency: id.optional() });

export const needsQuery = z.object({
  groupBy: z.enum(['unit', 'position', 'competency', 'type']).default('competency'),
  unit: z.string().min(1).max(60).optional().openapi({ description: 'only employees of this unit and the units under it' }),
  competencyType: z.enum(competencyTypes).optional(),
  priorities: z.coerce.number().int().min(0).max(100).default(10).openapi({ description: 'how many individual priorities to list' }),
});

export const needsSchema = z
  .object({
    groupBy: z.enum(['unit', 'position', 'competency', 'type']),
    computedAt: z.string().openapi({ description: 'when these figures were computed; they are current: any change since would have recomputed them' }),
    priorities: z
      .array(
        z.object({
          employeeId: z.string(),
          employeeName: z.string(),
          unitId: z.string(),
          unitCode: z.string(),
          unitName: z.string(),
          competencyId: z.string(),
          competencyCode: z.string(),
          requiredLevel: z.number().int(),
          currentLevel: z.number().int(),
          gap: z.number().int(),
          weight: z.number(),
          weightedGap: z.number(),
        }),
      )
      .openapi({ description: 'the largest weighted gaps, person by person: who, where, from what level to what' }),
    items: z.array(
      z.object({
        key: z.string(),
        code: z.string().nullable(),
        name: z.string().nullable(),
        employees: z.number().int(),
        employeesWithGap: z.number().int(),
        employeesUnassessed: z.number().int(),
        assessed: z.number().int().openapi({ description: 'assessed (employee, competency) pairs' }),
        unassessed: z.number().int().openapi({ description: 'unassessed pairs: reported apart, never counted as 0' }),
        meanGap: z.number().nullable().openapi({ description: 'over assessed pairs only; null when none is assessed' }),
        weightedGap: z.number(),
        topPriorities: z.array(z.object({ competencyId: z.string(), code: z.string(), weightedGap: z.number() })),
      }),
    ),
  })
  .openapi('NeedsReport');

export type Competency = z.infer<typeof competencySchema>;
export type NewCompetency = z.infer<typeof newCompetencySchema>;
export type CompetencyChanges = z.infer<typeof competencyChangesSchema>;
export type NationalCompetency = z.infer<typeof nationalCompetencySchema>;
export type StandardsInput = z.infer<typeof standardsInputSchema>;
export type NewAssessment = z.infer<typeof newAssessmentSchema>;
export type Gaps = z.infer<typeof gapsSchema>;
