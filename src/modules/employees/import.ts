/**
 * CSV import of the ASN registry: `dry-run` reports every bad row and what a commit would do,
 * writing nothing; `commit` upserts the good rows by NIP. What the file names — its employees and
 * their supervisor chains, its units and positions — is read once, in one round trip
 * (`import-lookups.ts`), never the whole registry. Importing the same file
 * again finds every row unchanged and writes nothing at all: no version bump, no audit row.
 */
import type { Call, TenantContext } from '../../platform/context';
import { newId, nowIso } from '../../platform/ids';
import { readEmployeesCsv } from './csv';
import { applyWrites } from './import-apply';
import { loadLookups } from './import-lookups';
import { planImport } from './import-plan';
import type { ImportReport } from './schemas';

export type ImportMode = ImportReport['mode'];

export async function importEmployees({ ctx, input }: Call<TenantContext, { csv: string; mode: ImportMode }>): Promise<ImportReport> {
  const { csv, mode } = input;
  const file = readEmployeesCsv(csv);
  const empty = { existing: [], unitIds: new Map(), positionIds: new Map() };
  const plan = planImport(file.records, file.records.length > 0 ? await loadLookups(ctx, file.records) : empty, () => newId('emp'));
  const report: ImportReport = {
    mode,
    rows: plan.rows,
    created: 0,
    updated: 0,
    unchanged: plan.unchanged,
    rejected: 0,
    errors: plan.errors,
    ignoredColumns: file.ignoredColumns,
  };
  const writes = mode === 'commit' ? await applyWrites(ctx, plan.writes, nowIso()) : { applied: plan.writes, failed: [] };
  for (const w of writes.applied) report[w.kind === 'create' ? 'created' : 'updated']++;
  if (writes.failed.length > 0) {
    report.errors = [...report.errors, ...writes.failed.map((f) => ({ ...f, column: '*' }))].sort((a, b) => a.row - b.row);
  }
  report.rejected = new Set(report.errors.map((e) => e.row)).size;
  return report;
}
