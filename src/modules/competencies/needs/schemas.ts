/**
 * Request and response shapes of the needs report.
 */
import { z } from '@hono/zod-openapi';
import { competencyTypes } from '../../../db/schema/competencies';

export const needsQuery = z.object({
  groupBy: z.enum(['unit', 'position', 'competency', 'type']).default('competency'),
  unit: z.string().min(1).max(60).optional().openapi({ description: 'only employees of this unit and the units under it' }),
  competencyType: z.enum(competencyTypes).optional(),
  priorities: z.coerce.number().int().min(0).max(100).default(10).openapi({ description: 'how many individual priorities to list' }),
});

export const needsSchema = z
  .object({
    groupBy: z.enum(['unit', 'position', 'competency', 'type']),
    computedAt: z
      .string()
      .openapi({ description: 'when these figures were computed; they are current: any change since would have recomputed them' }),
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

export const heatmapQuery = z.object({
  by: z.enum(['unit', 'position']).default('unit').openapi({ description: 'rows: units or positions' }),
});

export const heatmapSchema = z
  .object({
    by: z.enum(['unit', 'position']),
    computedAt: z.string(),
    headcount: z.number().int().openapi({ description: 'active employees' }),
    employeesWithStandard: z.number().int().openapi({ description: "active employees whose position's standard names a competency" }),
    employeesFullyAssessed: z.number().int().openapi({ description: 'of those, assessed in every competency of their standard' }),
    groups: z
      .array(
        z.object({
          key: z.string(),
          code: z.string().nullable(),
          name: z.string().nullable(),
          employees: z.number().int(),
          weightedGap: z.number(),
        }),
      )
      .openapi({ description: 'the rows, largest weighted gap first' }),
    competencies: z
      .array(z.object({ id: z.string(), code: z.string(), name: z.string(), type: z.string(), weightedGap: z.number() }))
      .openapi({ description: 'the columns, largest weighted gap first' }),
    cells: z.array(
      z.object({
        groupKey: z.string(),
        competencyId: z.string(),
        pairs: z.number().int().openapi({ description: "the group's employees whose standard names the competency" }),
        assessed: z.number().int(),
        meanGap: z.number().nullable().openapi({ description: 'over assessed pairs; null when none is assessed' }),
        weightedGap: z
          .number()
          .nullable()
          .openapi({ description: 'Σ weight × gap over assessed pairs; null when none is assessed (never 0)' }),
      }),
    ),
  })
  .openapi('NeedsHeatmap');
