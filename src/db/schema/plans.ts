/**
 * Annual plans (docs/plans.md): a plan for a year and a budget, and its lines (who attends which
 * offering, at what cost, closing which gaps). A plan is a draft until approved; approval creates
 * the enrollments and freezes it. `status` is CHECKed on purpose: the approval batch writes an
 * impossible status when a seat was taken meanwhile, so the whole batch fails and nothing is kept.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { offerings } from './catalog';
import { tenantColumns, timestamps, versioned } from './columns';
import { employees } from './employees';

export const planStatuses = ['draft', 'approved'] as const;

export const plans = sqliteTable(
  'plans',
  {
    ...tenantColumns(),
    year: integer('year').notNull(),
    budget: integer('budget').notNull(),
    status: text('status', { enum: planStatuses }).notNull(),
    /** The options as asked (JSON), so a recompute can ask again. */
    options: text('options').notNull(),
    /** Totals computed with the plan (JSON): cost, value, naive value, closure, JP target, by unit. */
    totals: text('totals').notNull(),
    lineCount: integer('line_count').notNull(),
    /** The plan this one was recomputed from. */
    sourcePlanId: text('source_plan_id'),
    createdBy: text('created_by').notNull(),
    /** Set by the approval that won; its enrollment inserts only run under this token. */
    approvalToken: text('approval_token'),
    approvedBy: text('approved_by'),
    approvedAt: text('approved_at'),
    ...versioned(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('plans_tenant_year').on(t.tenantId, t.year, t.id),
    check('plans_status', sql`${t.status} in ('draft', 'approved')`),
    check('plans_budget', sql`${t.budget} >= 0`),
  ],
);

export const planLines = sqliteTable(
  'plan_lines',
  {
    tenantId: text('tenant_id').notNull(),
    planId: text('plan_id').notNull(),
    seq: integer('seq').notNull(),
    employeeId: text('employee_id').notNull(),
    unitId: text('unit_id').notNull(),
    offeringId: text('offering_id').notNull(),
    programId: text('program_id').notNull(),
    cost: integer('cost').notNull(),
    jpCenti: integer('jp_centi').notNull(),
    /** Weighted gap closure of this line. */
    value: real('value').notNull(),
    /** JSON: [{ competencyId, from, to, weight }]. */
    gaps: text('gaps').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.planId, t.seq] }),
    index('plan_lines_offering').on(t.tenantId, t.planId, t.offeringId, t.employeeId),
    // The lines that name one person, for their personal data export.
    index('plan_lines_employee').on(t.tenantId, t.employeeId),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    foreignKey({ columns: [t.tenantId, t.offeringId], foreignColumns: [offerings.tenantId, offerings.id] }),
  ],
);
