/**
 * The tenant's needs report (analisis kebutuhan kompetensi), grouped by unit, position,
 * competency or competency type: employees with a gap, mean gap over assessed pairs, weighted gap,
 * unassessed counts (never as 0), the top competencies per group and the largest individual gaps.
 * For the whole tenant it reads the running totals the database keeps; inside one unit (and the
 * units under it) it reads that unit's pairs. Aggregates only, but for the named priorities.
 */
import type { Call, TenantContext } from '../../../platform/context';
import { snapshotOr } from '../../../platform/data-versions';
import { needsFromPairs } from './pairs';
import type { NeedsFilters } from './shared';
import { needsFromTotals } from './totals';

/** The groups' top competencies listed per group. */
const top = 3;

/**
 * The report, served from its snapshot while nothing it depends on has changed (employees,
 * standards, assessments, units, positions, the dictionary all raise the tenant's `needs` counter
 * in their write batch): repeated reading is one round trip of three rows.
 */
export async function needsReport({ ctx, input: filters }: Call<TenantContext, NeedsFilters>) {
  const key = JSON.stringify([filters.groupBy, filters.unit ?? null, filters.competencyType ?? null, filters.priorities ?? 10, top]);
  const { body, computedAt } = await snapshotOr(ctx, 'needs', key, () =>
    (filters.unit ? needsFromPairs : needsFromTotals)(ctx, filters, top),
  );
  return { ...body, computedAt };
}

export type NeedsReport = Awaited<ReturnType<typeof needsReport>>;
