/**
 * Applies an import plan's writes in chunks: each chunk is one D1 batch (inserts, then updates,
 * then their audit rows), so it lands whole or not at all. Rows travel as one JSON array per
 * statement, read back with `json_each`, which keeps every statement at a handful of bound
 * parameters (D1 allows 100) however many rows it carries: a full 1 MB file (about 8,000 rows)
 * is some 32 round trips of three statements, not thousands of ten-row inserts.
 * https://developers.cloudflare.com/d1/platform/limits/ · https://www.sqlite.org/json1.html#jeach
 */
import { and, type SQL, sql } from 'drizzle-orm';
import { auditLog, employees } from '../../db/schema';
import { auditRow } from '../../platform/audit/audit';
import type { TenantContext } from '../../platform/context';
import { markChanged } from '../../platform/data-versions';
import { withConstraints } from '../../platform/db/constraints';
import { DomainError } from '../../platform/errors';
import type { Statement } from '../../platform/tenancy/scoped-db';
import type { Existing, Write } from './import-plan';

/** Rows per chunk: a few hundred keeps each JSON parameter well under D1's 2 MB value limit. */
export const importChunkSize = 250;

const element = (i: number) => sql.raw(`json_extract(value, '$[${i}]')`);

const imported = [
  'id',
  'nip',
  'name',
  'unitId',
  'positionId',
  'grade',
  'employmentType',
  'supervisorId',
  'gender',
  'birthDate',
  'email',
  'siasnId',
] as const;

/** Sets every imported field and bumps the version; status is not the file's to change. */
function updateFromJson(ctx: TenantContext, rows: Existing[], now: string): Statement {
  const json = JSON.stringify(rows.map((e) => imported.map((f) => e[f])));
  const column = (f: (typeof imported)[number]) => sql.identifier(employees[f].name);
  const set: Record<string, SQL | string> = { updatedAt: now, version: sql`${employees.version} + 1` };
  for (const f of imported) if (f !== 'id' && f !== 'nip') set[f] = sql`j.${column(f)}`;
  return (
    ctx.db
      .update(employees)
      .set(set)
      .from(
        sql`(select ${sql.join(
          imported.map((f, i) => sql`${element(i)} as ${column(f)}`),
          sql`, `,
        )} from json_each(${json})) as j`,
      )
      // The `in` list lets SQLite find each row by primary key; joined on `j` alone it would walk
      // every employee of the tenant for each chunk.
      .where(and(sql`${employees.id} in (select ${element(0)} from json_each(${json}))`, sql`${employees.id} = j.id`))
  );
}

function chunkStatements(ctx: TenantContext, chunk: Write[], now: string): Statement[] {
  const creates = chunk.filter((w) => w.kind === 'create').map((w) => w.employee);
  const updates = chunk.filter((w) => w.kind === 'update').map((w) => w.employee);
  const audits = chunk.map((w) => auditRow(ctx, `employee.${w.kind}`, 'employee', w.employee.id, now));
  return [
    ...(creates.length > 0
      ? [
          ctx.db.insertRows(
            employees,
            creates.map((e) => ({ ...e, status: 'active' as const, version: 1, createdAt: now, updatedAt: now })),
          ),
        ]
      : []),
    ...(updates.length > 0 ? [updateFromJson(ctx, updates, now)] : []),
    ctx.db.insertRows(auditLog, audits),
    markChanged(ctx, 'needs'),
  ];
}

export interface Applied {
  applied: { row: number; kind: Write['kind'] }[];
  failed: { row: number; reason: string }[];
  /** Employees the writes would have created but did not: rows naming them as supervisor are held back. */
  missing: string[];
}

/**
 * Commits one chunk's statements and returns its outcome. The default writes them; a job records
 * a checkpoint with them instead (and is handed back the outcome recorded the first time).
 */
type ChunkCommit = (index: number, statements: Statement[], outcome: Applied) => Promise<Applied>;

const writeChunk: (ctx: TenantContext) => ChunkCommit = (ctx) => async (_index, statements, outcome) => {
  await ctx.db.write(statements);
  return outcome;
};

interface ApplyOptions {
  chunkSize?: number;
  /** Creates that did not land earlier (a previous page of the same import). */
  missing?: readonly string[];
  commit?: ChunkCommit;
}

/**
 * Writes come ordered supervisors-first. A chunk the database refuses (another request took a
 * NIP or removed a unit meanwhile) is reported row by row; rows whose new supervisor was in it
 * are held back rather than sent to fail on the foreign key.
 */
export async function applyWrites(ctx: TenantContext, writes: Write[], now: string, options: ApplyOptions = {}): Promise<Applied> {
  const chunkSize = options.chunkSize ?? importChunkSize;
  const commit = options.commit ?? writeChunk(ctx);
  const result: Applied = { applied: [], failed: [], missing: [] };
  const missing = new Set<string>(options.missing);
  for (let i = 0; i < writes.length; i += chunkSize) {
    const ready: Write[] = [];
    const heldBack: Applied = { applied: [], failed: [], missing: [] };
    for (const w of writes.slice(i, i + chunkSize)) {
      const supervisor = w.employee.supervisorId;
      if (supervisor && missing.has(supervisor)) {
        heldBack.failed.push({ row: w.row, reason: 'not applied: its supervisor was not applied' });
        if (w.kind === 'create') heldBack.missing.push(w.employee.id);
      } else ready.push(w);
    }
    const applied = { applied: ready.map((w) => ({ row: w.row, kind: w.kind })), failed: [], missing: [] };
    let outcome: Applied;
    try {
      outcome = await withConstraints(
        () => commit(i / chunkSize, ready.length > 0 ? chunkStatements(ctx, ready, now) : [], merge(applied, heldBack)),
        {
          unique: () =>
            new DomainError('conflict', 'not applied: another request added one of these NIPs meanwhile; import the file again'),
          foreignKey: () =>
            new DomainError('conflict', 'not applied: a unit, position or supervisor was removed meanwhile; import the file again'),
        },
      );
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'conflict' || !err.detail.startsWith('not applied')) throw err;
      const refused: Applied = {
        applied: [],
        failed: ready.map((w) => ({ row: w.row, reason: err.detail })),
        missing: ready.filter((w) => w.kind === 'create').map((w) => w.employee.id),
      };
      outcome = await commit(i / chunkSize, [], merge(refused, heldBack));
    }
    for (const id of outcome.missing) missing.add(id);
    result.applied.push(...outcome.applied);
    result.failed.push(...outcome.failed);
    result.missing.push(...outcome.missing);
  }
  result.failed.sort((a, b) => a.row - b.row);
  return result;
}

const merge = (a: Applied, b: Applied): Applied => ({
  applied: [...a.applied, ...b.applied],
  failed: [...a.failed, ...b.failed],
  missing: [...a.missing, ...b.missing],
});
