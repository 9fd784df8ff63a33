/**
 * The one Workflow that runs every job (wrangler.toml `[[workflows]]`, binding `JOBS`). Its
 * instance id is the job's id; its parameters say where the job's row is. It marks the job
 * running, hands it to its kind's `run`, and records the outcome — succeeded with the result, or
 * failed with a problem — each as a durable step of its own. Kinds are registered in
 * `src/jobs.ts`; a kind never imports this file's caller, so modules stay free of cycles.
 */
import type { WorkflowEntrypoint, WorkflowEvent, WorkflowStep } from 'cloudflare:workers';
import { drizzle } from 'drizzle-orm/d1';
import type { Bindings } from '../../env';
import type { Principal, Role } from '../../platform/auth/principal';
import { type NationalContext, nationalContext, type TenantContext, tenantContext } from '../../platform/context';
import { CostMeter } from '../../platform/db/metered-d1';
import { DomainError } from '../../platform/errors';
import { findTenantById, tenantDatabase } from '../../platform/tenancy/directory';
import { TenantDb } from '../../platform/tenancy/scoped-db';
import { JobSteps, JobStopped, problemOf } from './steps';
import { failJob, finishJob, type JobRow, markRunning, nationalJobsDb, readJob } from './store';

/** Where a job's row is: the instance's parameters. */
export interface JobParams {
  jobId: string;
  /** The tenant's id, or '' for a national job. */
  tenantId: string;
  /** The D1 binding holding the job's row (the tenant's database, `DB` for national jobs). */
  database: string;
}

interface RunningJob<I> {
  id: string;
  input: I;
}

export interface TenantJobKind<I = unknown> {
  kind: string;
  scope: 'tenant';
  run(job: RunningJob<I>, steps: JobSteps<TenantContext>): Promise<unknown>;
}

export interface NationalJobKind<I = unknown> {
  kind: string;
  scope: 'national';
  run(job: RunningJob<I>, steps: JobSteps<NationalContext>): Promise<unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: each kind parses its own input; the registry holds kinds of any input
export type JobKind = TenantJobKind<any> | NationalJobKind<any>;

function actorOf(row: JobRow, tenant?: Principal['tenant']): Principal {
  return {
    subject: row.createdBy,
    roles: row.createdByRoles.split(' ') as Role[],
    scopes: ['read', 'write'],
    ...(tenant ? { tenant } : {}),
  };
}

/** A step's D1 calls, each followed by a turn of the event loop (platform/db/metered-d1.ts). */
const jobMeter = () => new CostMeter({ turns: true });

async function tenantEntry(env: Bindings, tenantId: string) {
  const entry = await findTenantById(drizzle(env.DB), tenantId);
  if (!entry) throw new DomainError('not_found', 'The tenant of this job no longer exists.');
  return entry;
}

/**
 * The Workflow class running `kinds`. `Entrypoint` is the runtime's `WorkflowEntrypoint`, passed in
 * by the Worker's entry (src/jobs.ts) so that this module, reached by the app's routes, never
 * imports `cloudflare:workers` itself: the OpenAPI document is also built in Node, which has no
 * such module.
 */
export function jobWorkflow(kinds: readonly JobKind[], Entrypoint: typeof WorkflowEntrypoint) {
  const byKind = new Map(kinds.map((k) => [k.kind, k]));
  return class JobWorkflow extends Entrypoint<Bindings, JobParams> {
    override async run(event: Readonly<WorkflowEvent<JobParams>>, step: WorkflowStep): Promise<void> {
      const env = this.env;
      const { jobId, tenantId, database } = event.payload;
      const jobsDb = () => (tenantId === '' ? nationalJobsDb(env) : new TenantDb(tenantId, tenantDatabase(env, database)));
      const started = await step.do('start', async () => {
        const db = jobsDb();
        const running = await markRunning(db, jobId);
        const row = await readJob(db, jobId);
        return JSON.stringify({ running, kind: row.kind, input: row.input });
      });
      const { running, kind, input } = JSON.parse(started) as { running: boolean; kind: string; input: string };
      if (!running) return;
      const definition = byKind.get(kind);
      try {
        if (!definition) throw new JobStopped(problemOf(new DomainError('internal', `No runner for jobs of kind ${kind}.`)));
        const job = { id: jobId, input: JSON.parse(input) };
        const result = await (definition.scope === 'tenant'
          ? definition.run(
              job,
              new JobSteps<TenantContext>(step, jobId, async () => {
                const row = await readJob(jobsDb(), jobId);
                const tenant = await tenantEntry(env, tenantId);
                const ctx = tenantContext(env, jobMeter(), tenant, actorOf(row, tenant), row.requestId);
                // The job's row is in the tenant's database: one handle, so a step's work and its checkpoint share a batch.
                return { db: ctx.db, ctx };
              }),
            )
          : definition.run(
              job,
              new JobSteps<NationalContext>(step, jobId, async () => {
                const db = jobsDb();
                const row = await readJob(db, jobId);
                return { db, ctx: nationalContext(env, jobMeter(), actorOf(row), row.requestId) };
              }),
            ));
        await step.do('finish', async () => {
          await finishJob(jobsDb(), jobId, result ?? null);
          return 'done';
        });
      } catch (err) {
        if (err instanceof JobStopped && !err.problem) return;
        const problem =
          err instanceof JobStopped && err.problem
            ? err.problem
            : problemOf(new DomainError('internal', `A step of the job failed after its retries: ${reasonOf(err)}`));
        await step.do('fail', async () => {
          await failJob(jobsDb(), jobId, problem);
          return 'failed';
        });
      }
    }
  };
}

/** The engine's own words about a spent step (its name and last error), never a stack. */
const reasonOf = (err: unknown) => (err instanceof Error ? err.message.split('\n')[0]?.slice(0, 300) : 'unknown error');
