/**
 * CSV import of the ASN registry: `dry-run` reports every bad row and what a commit would do,
 * writing nothing, in the request; `commit` runs as a job (import-job.ts) that upserts the good
 * rows by NIP. What the file names — its employees and their supervisor chains, its units and
 * positions — is read once (`import-lookups.ts`), never the whole registry. Importing the same
 * file again finds every row unchanged and writes nothing at all: no version bump, no audit row.
 */
import type { Call, TenantContext } from '../../platform/context';
import { newId } from '../../platform/ids';
import { readEmployeesCsv } from './csv';
import type { Applied } from './import-apply';
import { loadLookups } from './import-lookups';
import { type Plan, planImport } from './import-plan';
import type { ImportReport } from './schemas';

/** The plan of a file: its rows read, checked and matched against the registry. */
export async function planFile(ctx: TenantContext, csv: string) {
  const file = readEmployeesCsv(csv);
  const empty = { existing: [], unitIds: new Map(), positionIds: new Map() };
  const plan = planImport(file.records, file.records.length > 0 ? await loadLookups(ctx, file.records) : empty, () => newId('emp'));
  return { plan, ignoredColumns: file.ignoredColumns };
}

/** The import report: the plan's rows and errors, with what applying it did (for a dry run: everything it would do). */
export function reportOf(
  mode: ImportReport['mode'],
  plan: Pick<Plan, 'rows' | 'unchanged' | 'errors'>,
  ignoredColumns: string[],
  writes: { created: number; updated: number; failed: Applied['failed'] },
): ImportReport {
  const errors = [...plan.errors, ...writes.failed.map((f) => ({ ...f, column: '*' }))].sort((a, b) => a.row - b.row);
  return {
    mode,
    rows: plan.rows,
    created: writes.created,
    updated: writes.updated,
    unchanged: plan.unchanged,
    rejected: new Set(errors.map((e) => e.row)).size,
    errors,
    ignoredColumns,
  };
}

export async function dryRunImport({ ctx, input }: Call<TenantContext, { csv: string }>): Promise<ImportReport> {
  const { plan, ignoredColumns } = await planFile(ctx, input.csv);
  const count = (kind: 'create' | 'update') => plan.writes.filter((w) => w.kind === kind).length;
  return reportOf('dry-run', plan, ignoredColumns, { created: count('create'), updated: count('update'), failed: [] });
}
