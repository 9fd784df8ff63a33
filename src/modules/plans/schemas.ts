/** Request and response shapes of the annual plan. */
import { z } from '@hono/zod-openapi';
import { competencyTypes } from '../../db/schema';
import { pageQuery } from '../../platform/http/pagination';

const id = z.string().min(1).max(64);
const weight = z.number().min(0).max(100);

export const planOptionsSchema = z
  .object({
    units: z.array(id).min(1).max(500).optional().openapi({ description: 'Units in scope (direct members); default every unit' }),
    offerings: z
      .array(id)
      .min(1)
      .max(1000)
      .optional()
      .openapi({ description: "Offerings to use; default the tenant's planned/open offerings starting in the year" }),
    perPersonCap: z.number().int().min(1).max(10).default(2),
    jpTargetBonus: z
      .number()
      .min(0)
      .max(100)
      .default(1)
      .openapi({ description: 'Value of lifting one employee to the JP target, in weighted gap levels' }),
    weights: z
      .object({
        units: z.record(id, weight).optional(),
        competencyTypes: z.partialRecord(z.enum(competencyTypes), weight).optional(),
        competencies: z.record(id, weight).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const newPlanSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    budget: z.number().int().min(0).max(1e13).openapi({ description: 'Integer rupiah' }),
    options: planOptionsSchema.default({ perPersonCap: 2, jpTargetBonus: 1 }),
  })
  .strict();
export type NewPlan = z.infer<typeof newPlanSchema>;

export const recomputeSchema = z.object({ budget: z.number().int().min(0).max(1e13).optional() }).strict();

const unitTotals = z.object({
  unitId: z.string(),
  employees: z.number(),
  lines: z.number(),
  cost: z.number(),
  weightedGap: z.number(),
  closed: z.number(),
  reachingTargetBefore: z.number(),
  reachingTargetAfter: z.number(),
});

const planTotalsSchema = z.object({
  budgetUsed: z.number(),
  lines: z.number(),
  value: z.number(),
  naiveValue: z.number(),
  naiveCost: z.number(),
  weightedGap: z.number(),
  closed: z.number(),
  closureShare: z.number().openapi({ description: 'Weighted gap closed / all weighted gaps in scope' }),
  employeesInScope: z.number(),
  reachingTargetBefore: z.number(),
  reachingTargetAfter: z.number(),
  byUnit: z.array(unitTotals),
  jpTarget: z.number().openapi({ description: 'The PNS target when the plan was made (see jpTargets)' }),
  jpTargets: z
    .object({ pns: z.number(), pppk: z.number() })
    .openapi({ description: 'The JP target of each employment type when the plan was made; each person is counted against their own' }),
});

export const planSchema = z.object({
  id: z.string(),
  year: z.number(),
  budget: z.number(),
  status: z.enum(['draft', 'approved']),
  options: planOptionsSchema,
  totals: planTotalsSchema,
  sourcePlanId: z.string().nullable(),
  createdBy: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const planSummarySchema = planSchema
  .omit({ options: true, totals: true })
  .extend({ lines: z.number(), budgetUsed: z.number(), closureShare: z.number() });

const lineGapSchema = z.object({ competencyId: z.string(), from: z.number(), to: z.number(), weight: z.number() });
export const planLineSchema = z.object({
  seq: z.number(),
  employeeId: z.string(),
  unitId: z.string(),
  offeringId: z.string(),
  programId: z.string(),
  cost: z.number(),
  jp: z.number(),
  value: z.number(),
  gaps: z.array(lineGapSchema),
  employeeName: z.string(),
  programTitle: z.string(),
  startDate: z.string().openapi({ description: "The offering's first day" }),
});

export const planParams = z.object({ tenant: z.string(), id: z.string().min(1).max(64) });
export const planListQuery = pageQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const compareQuery = z.object({ a: id, b: id, limit: z.coerce.number().int().min(1).max(500).default(100) });

const lineKey = z.object({
  employeeId: z.string(),
  offeringId: z.string(),
  cost: z.number(),
  employeeName: z.string(),
  programTitle: z.string(),
  startDate: z.string(),
});
export const comparisonSchema = z.object({
  a: planSummarySchema.extend({ totals: planTotalsSchema }),
  b: planSummarySchema.extend({ totals: planTotalsSchema }),
  onlyInA: z.object({ count: z.number(), items: z.array(lineKey) }),
  onlyInB: z.object({ count: z.number(), items: z.array(lineKey) }),
  inBoth: z.number(),
});
