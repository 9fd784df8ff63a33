/**
 * The JP ledger service: credits (from other modules through `creditJp`, or recorded by an admin)
 * and an employee's entries and total for a year. A credit is a statement list for the caller's
 * own batch, so the credit lands with the write that earned it or not at all; with a reference it
 * lands at most once, however often or concurrently it is attempted. It must never rewrite an
 * entry, and an employee never reads anyone else's ledger (404, as if it did not exist).
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { auditLog, employees, jpEntries } from '../../db/schema';
import type { jpSources } from '../../db/schema/jp';
import { auditRow } from '../../platform/audit/audit';
import { assertSelfOrAdmin } from '../../platform/auth/access';
import { yearIn } from '../../platform/calendar';
import type { Call, TenantContext } from '../../platform/context';
import { withConstraints } from '../../platform/db/constraints';
import { DomainError, notFound } from '../../platform/errors';
import { newSortableId, nowIso } from '../../platform/ids';
import type { Statement, Unstamped } from '../../platform/tenancy/scoped-db';
import type { ProgramMethod } from './rules';
import type { NewJpEntry } from './schemas';

type JpSource = (typeof jpSources)[number];

import { jpTargetCenti } from './targets';

type Row = typeof jpEntries.$inferSelect;

export const toCenti = (jp: number) => Math.round(jp * 100);
const fromCenti = (centi: number) => centi / 100;

export const publicEntry = (r: Omit<Row, 'tenantId' | 'method'>) => ({
  id: r.id,
  employeeId: r.employeeId,
  jp: fromCenti(r.jpCenti),
  source: r.source,
  occurredAt: r.occurredAt,
  year: r.year,
  reference: r.reference,
  note: r.note,
  createdAt: r.createdAt,
});

/** A credit as other modules make it: any source, and the method whose rule computed it (caps sum by method). */
export type JpCreditInput = Omit<NewJpEntry, 'source'> & { source: JpSource; method?: ProgramMethod | undefined };

/** A credit and its id; the entry (and its audit row) appear only if the reference was new. */
function jpCredit(ctx: TenantContext, input: JpCreditInput): { id: string; statements: Statement[] } {
  const now = nowIso();
  const row: Unstamped<typeof jpEntries> = {
    id: newSortableId('jp'),
    employeeId: input.employeeId,
    occurredAt: new Date(input.occurredAt).toISOString(),
    year: yearIn(ctx.tenant, input.occurredAt),
    jpCenti: toCenti(input.jp),
    source: input.source,
    reference: input.reference ?? null,
    note: input.note ?? null,
    method: input.method ?? null,
    createdAt: now,
  };
  const audit = auditRow(ctx, 'jp.credit', 'jp_entry', row.id, now);
  const inserted = sql`exists (select 1 from ${jpEntries} where ${ctx.db.owned(jpEntries, eq(jpEntries.id, row.id))})`;
  return {
    id: row.id,
    statements: [ctx.db.insert(jpEntries).values(row).onConflictDoNothing(), ctx.db.insertIf(auditLog, audit, inserted)],
  };
}

/** For other modules: the statements that credit JP, to run in their own batch. */
export const creditJp = (ctx: TenantContext, input: JpCreditInput): Statement[] => jpCredit(ctx, input).statements;

/** Records a credit by hand; a repeated reference returns the entry it already made (`created: false`). */
export async function recordJp({ ctx, input }: Call<TenantContext, NewJpEntry>) {
  const { id, statements } = jpCredit(ctx, input);
  await withConstraints(() => ctx.db.write(statements), {
    foreignKey: () =>
      new DomainError('unprocessable', 'No such employee in this tenant.', [
        { path: 'body.employeeId', message: 'no such employee in this tenant' },
      ]),
  });
  const byReference = input.reference
    ? and(eq(jpEntries.employeeId, input.employeeId), eq(jpEntries.source, input.source), eq(jpEntries.reference, input.reference))
    : eq(jpEntries.id, id);
  const [row] = await ctx.db.select().from(jpEntries).where(byReference).limit(1);
  if (!row) throw new DomainError('internal', 'the credit was not recorded');
  return { entry: publicEntry(row), created: row.id === id };
}

/** An employee's entries of `year` (newest first), total and distance to the target of their employment type. One statement. */
export async function ledgerOf({ ctx, input }: Call<TenantContext, { employeeId: string; year?: number | undefined }>) {
  const { employeeId, year = yearIn(ctx.tenant) } = input;
  assertSelfOrAdmin(ctx, employeeId);
  const j = jpEntries;
  const rows = await ctx.db
    .select({
      // Aliased: D1 returns columns by name, and two `id`s would collide.
      employee: sql<string>`${employees.id}`.as('ledger_employee_id'),
      employmentType: employees.employmentType,
      targetCenti: sql<number>`${jpTargetCenti(ctx.db, ctx.tenant, sql`${employees.employmentType}`)}`.as('target_centi'),
      id: j.id,
      occurredAt: j.occurredAt,
      year: j.year,
      jpCenti: j.jpCenti,
      source: j.source,
      reference: j.reference,
      note: j.note,
      createdAt: j.createdAt,
    })
    .from(employees)
    .leftJoin(j, and(eq(j.tenantId, employees.tenantId), eq(j.employeeId, employees.id), eq(j.year, year)))
    .where(eq(employees.id, employeeId))
    .orderBy(desc(j.occurredAt), desc(j.id));
  const [first] = rows;
  if (!first) throw notFound('employee');
  const entries = rows.flatMap((r) =>
    r.id === null || r.occurredAt === null || r.year === null || r.jpCenti === null || r.source === null || r.createdAt === null
      ? []
      : [
          publicEntry({
            ...r,
            id: r.id,
            occurredAt: r.occurredAt,
            year: r.year,
            jpCenti: r.jpCenti,
            source: r.source,
            createdAt: r.createdAt,
            employeeId,
          }),
        ],
  );
  const totalCenti = entries.reduce((sum, e) => sum + toCenti(e.jp), 0);
  const targetCenti = first.targetCenti;
  return {
    employeeId,
    year,
    employmentType: first.employmentType,
    entries,
    total: fromCenti(totalCenti),
    target: fromCenti(targetCenti),
    remaining: fromCenti(Math.max(0, targetCenti - totalCenti)),
    reached: totalCenti >= targetCenti,
  };
}
