/**
 * The JP ledger (jam pelajaran): hours of competency development credited to an employee, one row
 * per credit, never rewritten. `year` is the calendar year of `occurred_at` in the tenant's time
 * zone, fixed at write time, so yearly totals are an indexed sum and never a time-zone computation.
 * JP is kept as integer hundredths (`jp_centi`): sums are exact, never float-rounded.
 * A credit with a `reference` (an enrollment, a pairing) is unique per employee and source, so a
 * module that credits twice credits once; the database decides, not a check-then-write.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { programMethods } from './catalog';
import { tenantColumns } from './columns';
import { employees } from './employees';

export const jpSources = ['program', 'mentoring', 'coaching', 'self_study', 'other', 'learning_report'] as const;
/** The sources an admin may credit by hand; `learning_report` credits come from an approval only. */
export const manualJpSources = ['program', 'mentoring', 'coaching', 'self_study', 'other'] as const;

export const jpEntries = sqliteTable(
  'jp_entries',
  {
    ...tenantColumns(),
    employeeId: text('employee_id').notNull(),
    occurredAt: text('occurred_at').notNull(),
    year: integer('year').notNull(),
    jpCenti: integer('jp_centi').notNull(),
    source: text('source', { enum: jpSources }).notNull(),
    reference: text('reference'),
    note: text('note'),
    /** The method whose JP rule computed the credit (docs/jp.md), so caps can sum what a method already earned; null for other credits. */
    method: text('method', { enum: programMethods }),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    // NULL references never collide in SQLite: only referenced credits are exactly-once.
    uniqueIndex('jp_entries_reference').on(t.tenantId, t.employeeId, t.source, t.reference),
    index('jp_entries_employee_year').on(t.tenantId, t.employeeId, t.year),
    index('jp_entries_year').on(t.tenantId, t.year),
    check('jp_entries_positive', sql`${t.jpCenti} > 0`),
  ],
);
