/**
 * Long work run as jobs (docs/jobs.md): one row per job, in the database of the tenant it works
 * for (national jobs in the control database, `tenant_id = ''`), and one row per finished step, the
 * checkpoint a step writes in the same batch as its work so that a step run again after a restart
 * finds it and does nothing twice. At most one job of a kind is queued or running per tenant: the
 * partial unique index `jobs_active` is that rule, so two requests racing cannot both start one.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { tenantColumns, timestamps } from './columns';

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export const jobs = sqliteTable(
  'jobs',
  {
    ...tenantColumns(),
    kind: text('kind').notNull(),
    status: text('status', { enum: jobStatuses }).notNull(),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    /** JSON: what the job works on (small; large inputs are files in R2 named here). */
    input: text('input').notNull(),
    /** JSON, once succeeded. */
    result: text('result'),
    /** JSON problem (type, title, status, detail), once failed. */
    error: text('error'),
    /** The subject of the token that started it, and its roles (space separated), for its audit rows. */
    createdBy: text('created_by').notNull(),
    createdByRoles: text('created_by_roles').notNull(),
    /** The request that started it: its audit rows carry this request id. */
    requestId: text('request_id').notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('jobs_active').on(t.tenantId, t.kind).where(sql`status in ('queued', 'running')`),
    check('jobs_status', sql`${t.status} in ('queued', 'running', 'succeeded', 'failed', 'cancelled')`),
  ],
);

export const jobSteps = sqliteTable(
  'job_steps',
  {
    tenantId: text('tenant_id').notNull(),
    jobId: text('job_id').notNull(),
    step: text('step').notNull(),
    /** JSON: what the step did, returned again when the step runs a second time. */
    result: text('result').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.jobId, t.step] }),
    foreignKey({ columns: [t.tenantId, t.jobId], foreignColumns: [jobs.tenantId, jobs.id] }).onDelete('cascade'),
  ],
);
