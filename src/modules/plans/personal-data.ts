/**
 * What the annual plans hold about one person, for their personal data export (`GET /me/export`):
 * every plan line that proposes them for an offering (draft or approved plans), with the plan's
 * year and status and the gaps the line would close. One statement for the caller's batch, by the
 * plan lines' employee index.
 */
import { z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { planLines, planStatuses, plans } from '../../db/schema';
import type { TenantContext } from '../../platform/context';

const linesQuery = (ctx: TenantContext, employeeId: string) =>
  ctx.db
    .select({
      planId: plans.id,
      year: plans.year,
      status: plans.status,
      offeringId: planLines.offeringId,
      programId: planLines.programId,
      cost: planLines.cost,
      jpCenti: planLines.jpCenti,
      value: planLines.value,
      gaps: planLines.gaps,
    })
    .from(planLines)
    .innerJoin(plans, and(eq(plans.tenantId, planLines.tenantId), eq(plans.id, planLines.planId)))
    .where(eq(planLines.employeeId, employeeId))
    .orderBy(asc(plans.year), asc(plans.id), asc(planLines.seq));

const gapSchema = z.object({ competencyId: z.string(), from: z.number(), to: z.number(), weight: z.number() });
const linesSchema = z.array(
  z
    .object({
      planId: z.string(),
      year: z.number().int(),
      status: z.enum(planStatuses),
      offeringId: z.string(),
      programId: z.string(),
      cost: z.number().int(),
      jp: z.number(),
      value: z.number(),
      gaps: z.array(gapSchema),
    })
    .openapi('PersonalPlanLine'),
);

export const personalPlanLines = {
  schema: linesSchema,
  query: linesQuery,
  shape: (rows: Awaited<ReturnType<typeof linesQuery>>): z.infer<typeof linesSchema> =>
    rows.map(({ jpCenti, gaps, ...line }) => ({ ...line, jp: jpCenti / 100, gaps: JSON.parse(gaps) as z.infer<typeof gapSchema>[] })),
};
