/** The needs report's groups as CSV (Excel-friendly, as the employee export): one line per group. */
import { writeCsv } from '../../../platform/csv';
import type { NeedsReport } from './report';

export function needsCsv(report: NeedsReport): string {
  const fields = [
    'group',
    'code',
    'name',
    'employees',
    'employees_with_gap',
    'employees_unassessed',
    'assessed',
    'unassessed',
    'mean_gap',
    'weighted_gap',
    'top_priorities',
  ];
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
