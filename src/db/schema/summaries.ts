/**
 * Per-tenant aggregates for the national summaries, kept in the control database (`DB`, next to
 * the directory) whatever database holds the tenant's own data: the national view reads one small
 * row set per tenant and never an employee row. One row per tenant, year and scope — `tenant` for
 * the whole region, a unit id for each unit with people in it. Figures are raw additive parts
 * (sum, count, people and two cell keys) so totals add up exactly; disclosure control (suppression
 * and the cell-key noise, src/modules/national/disclosure.ts) happens when they are read, never
 * here. Nothing personal is stored: no names, NIPs, employee ids or single scores. The cell keys
 * (sums of records' random keys modulo 2^32; a one-record cell's key comes from that record's id)
 * never leave this table.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The scope of the row covering the whole tenant (unit ids are random strings, never this). */
export const tenantScope = 'tenant';

export const tenantSummaries = sqliteTable(
  'tenant_summaries',
  {
    tenantId: text('tenant_id').notNull(),
    year: integer('year').notNull(),
    scope: text('scope').notNull(),
    unitCode: text('unit_code'),
    unitName: text('unit_name'),
    /** Active employees in the scope. */
    employees: integer('employees').notNull(),
    /** JSON `{ [figure]: [sum, count, people, valueKey, peopleKey] }`, one entry per summary provider. */
    figures: text('figures').notNull(),
    computedAt: text('computed_at').notNull(),
    /** What the tenant's data looked like when computed (latest audit id, directory version, stored layout). */
    sourceMark: text('source_mark').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.year, t.scope] }),
    // The national view: every tenant's `tenant` row of a year, one index range.
    index('tenant_summaries_year_scope').on(t.year, t.scope, t.tenantId),
  ],
);
