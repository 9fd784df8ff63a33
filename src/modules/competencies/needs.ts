/**
 * The tenant's needs report (analisis kebutuhan kompetensi), grouped by unit, position,
 * competency or competency type: employees with a gap, mean gap over assessed pairs, weighted gap,
 * unassessed counts (never as 0), the top competencies per group and the largest individual gaps.
 * For the whole tenant it reads the running totals the database keeps; inside one unit (and the
 * units under it) it reads that unit's pairs. Aggregates only, but for the named priorities.
 */
import type { ServiceContext } from '../../platform/context';
import { snapshotOr } from '../../platform/data-versions';
import { needsFromPairs } from './needs-pairs';
import type { NeedsFilters } from './needs-shared';
import { needsFromTotals } from './needs-totals';
import { writeCsv } from '../../platform/csv';

export { groupings, type Grouping, type NeedsFilters } from './needs-shared';

/**
 * The report, served from its snapshot while nothing it depends on has changed (employees,
 * standards, assessments, units, positions, the dictionary all raise the tenant's `needs` counter
 * in their write batch): repeated reading is one round trip of three rows.
 */
export async function needsReport(ctx: ServiceContext, filters: NeedsFilters, top = 3) {
  const key = JSON.stringify([filters.groupBy, filters.unit ?? null, filters.competencyType ?? null, filters.priorities ?? 10, top]);
  const { body, computedAt } = await snapshotOr(ctx, 'needs', key, () => (filters.unit ? needsFromPairs : needsFromTotals)(ctx, filters, top));
  return { ...body, computedAt };
}

/** The report's groups as CSV (Excel-friendly, as the employee export): one line per group. */
export function needsCsv(report: Awaited<ReturnType<typeof needsReport>>): string {
  const fields = ['group', 'code', 'name', 'employees', 'employees_with_gap', 'employees_unassessed', 'assessed', 'unassessed', 'mean_gap', 'weighted_gap', 'top_priorities'];
  const rows = report.items.map((i) => [
    report.groupBy,
    i.code,
    i.name,
    String(i.employees),
    String(i.employeesWithGap),
    String(i.employeesUnassessed),
    String(i.assessed),
    String(i.unassessed),
    i.meanGap === null ? '' : String(i.meanGap),
    String(i.weightedGap),
    i.topPriorities.map((p) => p.code).join(' '),
  ]);
  return writeCsv(fields, rows);
}
