/** The needs report's groups as CSV (Excel-friendly, as the employee export) and as xlsx: one line per group. */
import { writeCsv } from '../../../platform/csv';
import { writeXlsx } from '../../../platform/xlsx';
import type { NeedsReport } from './report';

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

/** One row per group; figures stay numbers (a spreadsheet sums them), an unknown mean stays empty. */
const groupRows = (report: NeedsReport) =>
  report.items.map((i) => [
    report.groupBy,
    i.code,
    i.name,
    i.employees,
    i.employeesWithGap,
    i.employeesUnassessed,
    i.assessed,
    i.unassessed,
    i.meanGap,
    i.weightedGap,
    i.topPriorities.map((p) => p.code).join(' '),
  ]);

export function needsCsv(report: NeedsReport): string {
  return writeCsv(
    fields,
    groupRows(report).map((row) => row.map((cell) => (cell === null ? '' : String(cell)))),
  );
}

const priorityFields = ['employee', 'unit_code', 'unit', 'competency', 'required_level', 'current_level', 'gap', 'weight', 'weighted_gap'];

/** The workbook: the groups (sheet `Kebutuhan`, as the CSV) and the individual priorities (sheet `Prioritas`). */
export function needsXlsx(report: NeedsReport): Uint8Array {
  const priorities = report.priorities.map((p) => [
    p.employeeName,
    p.unitCode,
    p.unitName,
    p.competencyCode,
    p.requiredLevel,
    p.currentLevel,
    p.gap,
    p.weight,
    p.weightedGap,
  ]);
  return writeXlsx([
    { name: 'Kebutuhan', rows: [fields, ...groupRows(report)] },
    { name: 'Prioritas', rows: [priorityFields, ...priorities] },
  ]);
}
