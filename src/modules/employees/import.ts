/**
 * CSV import of the ASN registry: `dry-run` reports every bad row and what a commit would do,
 * writing nothing; `commit` upserts the good rows by NIP. The tenant's employees, units and
 * positions are read once, in one round trip, whatever the file's size. Importing the same file
 * again finds every row unchanged and writes nothing at all: no version bump, no audit row.
 */
import { employees, positions, units } from '../../db/schema';
import type { ServiceContext } from '../../platform/context';
import { newId, nowIso } from '../../platform/ids';
import { readEmployeesCsv } from './csv';
import { applyWrites } from './import-apply';
import { planImport, type Existing, type Lookups } from './import-plan';
import type { ImportReport } from './schemas';

export type ImportMode = ImportReport['mode'];

async function loadLookups(ctx: ServiceContext): Promise<Lookups> {
  const { db } = ctx;
  const [existing, unitRows, positionRows] = await db.orm.batch([
    db.orm
      .select({
        id: employees.id,
        nip: employees.nip,
        name: employees.name,
        unitId: employees.unitId,
        positionId: employees.positionId,
        grade: employees.grade,
        employmentType: employees.employmentType,
        supervisorId: employees.supervisorId,
        gender: employees.gender,
        birthDate: employees.birthDate,
        email: employees.email,
      })
      .from(employees)
      .where(db.owned(employees)),
    db.orm.select({ id: units.id, code: units.code }).from(units).where(db.owned(units)),
    db.orm.select({ id: positions.id, code: positions.code }).from(positions).where(db.owned(positions)),
  ]);
  return {
    existing: existing satisfies Existing[],
    unitIds: new Map(unitRows.map((u) => [u.code, u.id])),
    positionIds: new Map(positionRows.map((p) => [p.code, p.id])),
  };
}

export async function importEmployees(ctx: ServiceContext, csv: string, mode: ImportMode): Promise<ImportReport> {
  const file = readEmployeesCsv(csv);
  const empty = { existing: [], unitIds: new Map(), positionIds: new Map() };
  const plan = planImport(file.records, file.records.length > 0 ? await loadLookups(ctx) : empty, () => newId('emp'));
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
