/**
 * Job rows: reserve one (the partial unique index `jobs_active` keeps one queued or running job of
 * a kind per tenant), read, list, cancel, and the runner's writes (running, progress, checkpoints,
 * succeeded, failed). Every write after the start is conditional on the job still running, so a
 * cancelled job's late step changes nothing. Tenant jobs live in the tenant's database through its
 * scoped handle; national jobs in the control database under `tenant_id = ''` (`nationalJobsDb`).
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { type JobStatus, jobSteps, jobs, nationalTenant } from '../../db/schema';
import type { Bindings } from '../../env';
import type { Principal } from '../../platform/auth/principal';
import { hasRole } from '../../platform/auth/principal';
import { withConstraints } from '../../platform/db/constraints';
import type { CostMeter } from '../../platform/db/metered-d1';
import { DomainError, notFound } from '../../platform/errors';
import { after, page } from '../../platform/http/pagination';
import { nowIso } from '../../platform/ids';
import { type Statement, TenantDb } from '../../platform/tenancy/scoped-db';
import type { JobProblem, JobView } from './schemas';

export type JobRow = typeof jobs.$inferSelect;
const activeStatuses: readonly JobStatus[] = ['queued', 'running'];

/** The control database's national jobs (`tenant_id = ''`), through the same scoped handle as a tenant's. */
export const nationalJobsDb = (env: Bindings, meter?: CostMeter) => new TenantDb(nationalTenant, meter ? meter.wrap(env.DB) : env.DB);

export function jobView(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: { done: row.done, total: row.total },
    result: row.result === null ? null : JSON.parse(row.result),
    error: row.error === null ? null : (JSON.parse(row.error) as JobProblem),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export interface NewJob {
  id: string;
  kind: string;
  input: unknown;
  actor: Principal;
  requestId: string;
}

/** Inserts the job as queued, or answers the tenant's queued or running job of that kind. */
export async function reserveJob(db: TenantDb, job: NewJob): Promise<{ row: JobRow; created: boolean }> {
  const now = nowIso();
  const row = {
    id: job.id,
    kind: job.kind,
    status: 'queued' as const,
    done: 0,
    total: 0,
    input: JSON.stringify(job.input),
    result: null,
    error: null,
    createdBy: job.actor.subject,
    createdByRoles: job.actor.roles.join(' '),
    requestId: job.requestId,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await withConstraints(() => db.insert(jobs).values(row), {
      unique: () => new DomainError('conflict', 'running'),
    });
    return { row: { ...row, tenantId: db.tenantId }, created: true };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const [active] = await db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, job.kind), inArray(jobs.status, [...activeStatuses])))
      .limit(1);
    // It finished between the insert and this read: the caller may simply ask again.
    if (!active) throw new DomainError('conflict', `A ${job.kind} job has just finished; send the request again.`);
    return { row: active, created: false };
  }
}

/** A job row as its reader may see it: the tenant admin sees every job, anyone else only their own. */
export async function readJob(db: TenantDb, id: string, reader?: Principal): Promise<JobRow> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
  if (!row || (reader && !mayRead(reader, row))) throw notFound('job');
  return row;
}

const mayRead = (reader: Principal, row: JobRow) => hasRole(reader, 'tenant_admin', 'national_admin') || row.createdBy === reader.subject;

export async function listJobs(
  db: TenantDb,
  reader: Principal,
  q: { limit: number; cursor?: [string]; kind?: string | undefined; status?: JobStatus | undefined },
) {
  const own = hasRole(reader, 'tenant_admin', 'national_admin') ? undefined : eq(jobs.createdBy, reader.subject);
  const rows = await db
    .select()
    .from(jobs)
    .where(
      and(
        own,
        q.kind === undefined ? undefined : eq(jobs.kind, q.kind),
        q.status === undefined ? undefined : eq(jobs.status, q.status),
        after([jobs.id], q.cursor, 'desc'),
      ),
    )
    .orderBy(desc(jobs.id))
    .limit(q.limit + 1);
  const paged = page(rows, q.limit, (r) => [r.id]);
  return { items: paged.items.map(jobView), nextCursor: paged.nextCursor };
}

/** Cancels a queued or running job; a finished one is answered as it is (409). */
export async function cancelJob(db: TenantDb, id: string, reader: Principal): Promise<JobRow> {
  const row = await readJob(db, id, reader);
  if (!activeStatuses.includes(row.status)) throw new DomainError('conflict', `The job has already ${row.status}.`);
  const now = nowIso();
  await db
    .update(jobs)
    .set({ status: 'cancelled', updatedAt: now })
    .where(and(eq(jobs.id, id), inArray(jobs.status, [...activeStatuses])));
  return readJob(db, id);
}

const stillRunning = (id: string) => and(eq(jobs.id, id), eq(jobs.status, 'running'));

/** queued → running; false when the job is no longer queued or running (cancelled meanwhile). */
export async function markRunning(db: TenantDb, id: string): Promise<boolean> {
  await db
    .update(jobs)
    .set({ status: 'running', updatedAt: nowIso() })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'queued')));
  const row = await readJob(db, id);
  return row.status === 'running';
}

export const progressStatement = (db: TenantDb, id: string, progress: { done?: number; total?: number }): Statement =>
  db
    .update(jobs)
    .set({ ...progress, updatedAt: nowIso() })
    .where(stillRunning(id));

/**
 * A guard for a step's batch: aborts it unless the job is still running and the step has no
 * checkpoint yet. With `checkpointStatement` in the same batch, the step's work happens once.
 */
export const stepGuard = (db: TenantDb, id: string, step: string): Statement =>
  db.guard(
    sql`exists (select 1 from ${jobs} where ${db.owned(jobs, stillRunning(id))}) and not exists (select 1 from ${jobSteps} where ${db.owned(jobSteps, and(eq(jobSteps.jobId, id), eq(jobSteps.step, step)))})`,
    'conflict',
    `step ${step} of job ${id} is done or the job stopped`,
  );

export const checkpointStatement = (db: TenantDb, id: string, step: string, result: unknown): Statement =>
  db.insert(jobSteps).values({ jobId: id, step, result: JSON.stringify(result) });

/** The checkpoint of a step that already happened, or undefined. */
export async function checkpoint<T>(db: TenantDb, id: string, step: string): Promise<T | undefined> {
  const [row] = await db
    .select({ result: jobSteps.result })
    .from(jobSteps)
    .where(and(eq(jobSteps.jobId, id), eq(jobSteps.step, step)))
    .limit(1);
  return row ? (JSON.parse(row.result) as T) : undefined;
}

export async function finishJob(db: TenantDb, id: string, result: unknown): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'succeeded', result: JSON.stringify(result), updatedAt: nowIso() })
    .where(stillRunning(id));
}

export async function failJob(db: TenantDb, id: string, problem: JobProblem): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'failed', error: JSON.stringify(problem), updatedAt: nowIso() })
    .where(and(eq(jobs.id, id), inArray(jobs.status, [...activeStatuses])));
}
