/**
 * Starting a job from a request: reserve its row (or find the tenant's running job of that kind),
 * let the caller store the job's input (a file in R2) under the new id, then create the Workflow
 * instance. The request answers `202 Accepted` with `Location` of the job resource; the client
 * polls it. When the instance cannot be created, the job is marked failed at once, never left
 * queued with nothing to run it.
 */
import type { Context } from 'hono';
import type { Bindings } from '../../env';
import type { NationalContext, TenantContext } from '../../platform/context';
import { DomainError } from '../../platform/errors';
import { newSortableId } from '../../platform/ids';
import type { TenantDb } from '../../platform/tenancy/scoped-db';
import type { JobView } from './schemas';
import { problemOf } from './steps';
import { failJob, type JobRow, jobView, nationalJobsDb, readJob, reserveJob } from './store';
import type { JobParams } from './workflow';

export interface StartedJob {
  job: JobView;
  location: string;
  /** False when the tenant's job of this kind was already queued or running: that one is answered. */
  created: boolean;
}

interface StartOptions {
  kind: string;
  /** What the job works on, or a function of the new job's id (e.g. the key of its file). */
  input: object | ((jobId: string) => object);
  /** Runs after the job's row exists and before it is started: store what it will read (e.g. a file). */
  prepare?: (jobId: string) => Promise<void>;
}

async function start(
  env: Bindings,
  db: TenantDb,
  ctx: TenantContext | NationalContext,
  params: Omit<JobParams, 'jobId'>,
  location: (id: string) => string,
  options: StartOptions,
): Promise<StartedJob> {
  const id = newSortableId('job');
  const input = typeof options.input === 'function' ? options.input(id) : options.input;
  const { row, created } = await reserveJob(db, {
    id,
    kind: options.kind,
    input,
    actor: ctx.actor,
    requestId: ctx.requestId,
  });
  if (!created) return { job: jobView(row), location: location(row.id), created: false };
  try {
    await options.prepare?.(id);
    await env.JOBS.create({ id, params: { jobId: id, ...params } satisfies JobParams });
  } catch (err) {
    await failJob(db, id, problemOf(new DomainError('internal', 'The job could not be started; send the request again.')));
    throw err;
  }
  return { job: jobView(row), location: location(id), created: true };
}

export const startTenantJob = (ctx: TenantContext, options: StartOptions) =>
  start(
    ctx.env,
    ctx.db,
    ctx,
    { tenantId: ctx.tenant.id, database: ctx.tenant.database },
    (id) => `/api/v1/tenants/${ctx.tenant.slug}/jobs/${id}`,
    options,
  );

export const startNationalJob = (ctx: NationalContext, options: StartOptions) =>
  start(ctx.env, nationalJobsDb(ctx.env), ctx, { tenantId: '', database: 'DB' }, (id) => `/api/v1/national/jobs/${id}`, options);

/** The `202 Accepted` answer: the job, its `Location`, and how soon to poll it. */
export function accepted(c: Context, started: StartedJob) {
  c.header('location', started.location);
  c.header('retry-after', '1');
  return c.json(started.job, 202);
}

/**
 * A queued or running job whose row has not moved for this long is looked at when read: its
 * Workflow instance may have ended without recording it, or (under `wrangler dev`, whose engine
 * has no alarms) be waiting for a wake-up after the server restarted.
 */
const stalledAfterMs = 30_000;

/** The job as it is once looked at: marked failed when its instance has ended without recording it. */
export async function resumeIfStalled(env: Bindings, db: TenantDb, row: JobRow, database: string, now = Date.now()): Promise<JobRow> {
  if ((row.status !== 'queued' && row.status !== 'running') || now - Date.parse(row.updatedAt) < stalledAfterMs) return row;
  let status: string;
  try {
    status = (await (await env.JOBS.get(row.id)).status()).status;
  } catch {
    status = 'unknown';
  }
  if (status === 'errored' || status === 'terminated' || status === 'complete' || status === 'unknown') {
    await failJob(db, row.id, problemOf(new DomainError('internal', 'The job stopped without finishing; start it again.')));
    return readJob(db, row.id);
  }
  // Creating an instance that exists is refused by the platform, whose engine resumes instances by
  // itself; the local engine instead takes it as the wake-up of the instance it already has.
  const params: JobParams = { jobId: row.id, tenantId: row.tenantId, database };
  await env.JOBS.create({ id: row.id, params }).catch(() => undefined);
  return row;
}
