/**
 * The competency dictionary, position standards and assessments (PermenPAN-RB 38/2017).
 *
 * `competencies` is in every tenant database: national rows carry `tenant_id = ''` (the same rows,
 * same ids, in every database), a tenant's technical ones its own id. Every tenant row that names
 * a competency carries `competency_tenant_id` with a foreign key on `(competency_tenant_id,
 * competency_id)` and a CHECK that it is '' or the row's own tenant: nothing can ever point at
 * another tenant's competency, even if code forgets a filter.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { tenantColumns, timestamps, versioned } from './columns';
import { employees } from './employees';
import { positions } from './organisation';

export const competencyTypes = ['manajerial', 'sosial_kultural', 'teknis'] as const;
export const assessmentSources = ['self', 'supervisor', 'assessment_center', 'evaluation', 'mentoring'] as const;

/** The tenant id of national dictionary rows. */
export const nationalTenant = '';

export const competencies = sqliteTable(
  'competencies',
  {
    ...tenantColumns(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: competencyTypes }).notNull(),
    description: text('description').notNull(),
    /** JSON array of five level descriptions, level 1 first. */
    levels: text('levels').notNull(),
    /**
     * When national curation retired it (national rows only; null while in use): hidden from new
     * use — new standard lines, program links, mentoring — and from default lists, never from history.
     */
    retiredAt: text('retired_at'),
    ...versioned(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('competencies_tenant_code').on(t.tenantId, t.code),
    // National curation checks a new code against every tenant of the database.
    index('competencies_code').on(t.code),
  ],
);

/** One version per position's standard list: the ETag of GET/PUT …/positions/{id}/standards. */
export const standardSets = sqliteTable(
  'standard_sets',
  {
    tenantId: text('tenant_id').notNull(),
    positionId: text('position_id').notNull(),
    version: integer('version').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.positionId] }),
    foreignKey({ columns: [t.tenantId, t.positionId], foreignColumns: [positions.tenantId, positions.id] }),
  ],
);

export const positionStandards = sqliteTable(
  'position_standards',
  {
    tenantId: text('tenant_id').notNull(),
    positionId: text('position_id').notNull(),
    competencyTenantId: text('competency_tenant_id').notNull(),
    competencyId: text('competency_id').notNull(),
    requiredLevel: integer('required_level').notNull(),
    weight: real('weight').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.positionId, t.competencyId] }),
    foreignKey({ columns: [t.tenantId, t.positionId], foreignColumns: [standardSets.tenantId, standardSets.positionId] }),
    foreignKey({ columns: [t.competencyTenantId, t.competencyId], foreignColumns: [competencies.tenantId, competencies.id] }),
    check('position_standards_own_competency', sql`${t.competencyTenantId} in ('', ${t.tenantId})`),
    check('position_standards_level', sql`${t.requiredLevel} between 1 and 5`),
    check('position_standards_weight', sql`${t.weight} > 0`),
  ],
);

export const assessments = sqliteTable(
  'assessments',
  {
    ...tenantColumns(),
    employeeId: text('employee_id').notNull(),
    competencyTenantId: text('competency_tenant_id').notNull(),
    competencyId: text('competency_id').notNull(),
    level: integer('level').notNull(),
    source: text('source', { enum: assessmentSources }).notNull(),
    /** Rank of the source for ties on the same date: assessment_center 5 … self 1. */
    sourceRank: integer('source_rank').notNull(),
    /** The employee assessed themself: source `self`, or the assessor is the employee's own id (a mentee's end-of-mentoring self-assessment). */
    selfAssessed: integer('self_assessed', { mode: 'boolean' }).notNull().default(false),
    assessedOn: text('assessed_on').notNull(),
    assessor: text('assessor'),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('assessments_tenant_employee').on(t.tenantId, t.employeeId, t.assessedOn, t.id),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    foreignKey({ columns: [t.competencyTenantId, t.competencyId], foreignColumns: [competencies.tenantId, competencies.id] }),
    check('assessments_own_competency', sql`${t.competencyTenantId} in ('', ${t.tenantId})`),
    check('assessments_level', sql`${t.level} between 1 and 5`),
  ],
);

/**
 * Per employee and competency, the assessment that counts: latest date, then strongest source, then
 * latest recorded — and, under the tenant's default rule (`tenant_settings.self_assessments`), any
 * assessment by another source before every self-assessment.
 */
export const currentLevels = sqliteTable(
  'current_levels',
  {
    tenantId: text('tenant_id').notNull(),
    employeeId: text('employee_id').notNull(),
    competencyTenantId: text('competency_tenant_id').notNull(),
    competencyId: text('competency_id').notNull(),
    level: integer('level').notNull(),
    assessedOn: text('assessed_on').notNull(),
    sourceRank: integer('source_rank').notNull(),
    selfAssessed: integer('self_assessed', { mode: 'boolean' }).notNull().default(false),
    assessmentId: text('assessment_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.employeeId, t.competencyId] }),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    foreignKey({ columns: [t.tenantId, t.assessmentId], foreignColumns: [assessments.tenantId, assessments.id] }),
    foreignKey({ columns: [t.competencyTenantId, t.competencyId], foreignColumns: [competencies.tenantId, competencies.id] }),
    check('current_levels_own_competency', sql`${t.competencyTenantId} in ('', ${t.tenantId})`),
  ],
);
