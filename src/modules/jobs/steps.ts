/**
 * What a job kind's code sees while it runs: `steps.do(name, work)` is one durable Workflow step
 * (retried on an unexpected error, its result kept by the engine), and inside it `scope.once(key,
 * build)` makes a batch of writes happen exactly once even if the step runs again after a restart:
 * the batch carries a guard (job still running, no checkpoint for `key`) and writes the checkpoint
 * with the work, so a second run finds the checkpoint and returns what the first one recorded.
 *
 * A domain error inside a step ends the job failed with that problem, without retries (the same
 * input would fail the same way); any other error is retried by the engine, and ends the job
 * failed once the retries are spent. A job cancelled meanwhile stops at its next step.
 */
import type { WorkflowStep, WorkflowStepConfig } from 'cloudflare:workers';
import { DomainError, problemCodes } from '../../platform/errors';
import type { Statement, TenantDb } from '../../platform/tenancy/scoped-db';
import type { JobProblem } from './schemas';
import { checkpoint, checkpointStatement, progressStatement, readJob, stepGuard } from './store';

/** Retries of an unexpected failure (a database hiccup): 1 s, 2 s, 4 s apart. */
const defaultStepConfig: WorkflowStepConfig = {
  retries: { limit: 3, delay: '1 second', backoff: 'exponential' },
  timeout: '15 minutes',
};

export const problemOf = (err: DomainError): JobProblem => {
  const { status, title } = problemCodes[err.code];
  return { type: `urn:bangkom:problem:${err.code.replaceAll('_', '-')}`, title, status, detail: err.detail };
};

/** The job ended early: cancelled (`problem` absent) or failed with a problem. */
export class JobStopped extends Error {
  constructor(readonly problem?: JobProblem) {
    super(problem ? problem.detail : 'cancelled');
    this.name = 'JobStopped';
  }
}

type Outcome<T> = { value: T } | { problem: JobProblem } | { stopped: true };

export interface StepScope<C> {
  ctx: C;
  jobId: string;
  /** Sets the job's progress (its `updatedAt` too: the heartbeat a stalled job is noticed by). */
  progress(progress: { done?: number; total?: number }): Promise<void>;
  /**
   * `build()`'s statements and the checkpoint `key` in one batch, once; the result recorded with
   * the first run is returned to any later one. `progress` is written in the same batch.
   */
  once<R>(
    key: string,
    build: () => Promise<{ statements: Statement[]; result: R; progress?: { done?: number; total?: number } }>,
  ): Promise<R>;
}

export class JobSteps<C> {
  constructor(
    private readonly step: WorkflowStep,
    private readonly jobId: string,
    /** The database holding the job's row, and the context each step works with. */
    private readonly open: () => Promise<{ db: TenantDb; ctx: C }>,
  ) {}

  /** One durable step. Its result must be plain JSON data; keep it small (the engine keeps ≤ 1 MiB per step). */
  async do<T>(name: string, work: (scope: StepScope<C>) => Promise<T>, config: WorkflowStepConfig = defaultStepConfig): Promise<T> {
    const raw = await this.step.do(name, config, async () => JSON.stringify(await this.#attempt(work)));
    const outcome = JSON.parse(raw) as Outcome<T>;
    if ('stopped' in outcome) throw new JobStopped();
    if ('problem' in outcome) throw new JobStopped(outcome.problem);
    return outcome.value;
  }

  async #attempt<T>(work: (scope: StepScope<C>) => Promise<T>): Promise<Outcome<T>> {
    const { db, ctx } = await this.open();
    const id = this.jobId;
    if ((await readJob(db, id)).status !== 'running') return { stopped: true };
    const scope: StepScope<C> = {
      ctx,
      jobId: id,
      progress: async (progress) => {
        await db.write([progressStatement(db, id, progress)]);
      },
      once: async (key, build) => {
        const done = await checkpoint<Awaited<ReturnType<typeof build>>['result']>(db, id, key);
        if (done !== undefined) return done;
        const { statements, result, progress } = await build();
        try {
          await db.write([
            stepGuard(db, id, key),
            ...statements,
            checkpointStatement(db, id, key, result),
            ...(progress ? [progressStatement(db, id, progress)] : []),
          ]);
          return result;
        } catch (err) {
          if (!(err instanceof DomainError && err.detail.startsWith(`step ${key} of job`))) throw err;
          const recorded = await checkpoint<typeof result>(db, id, key);
          if (recorded === undefined) throw new JobStopped();
          return recorded;
        }
      },
    };
    try {
      return { value: await work(scope) };
    } catch (err) {
      if (err instanceof JobStopped) return err.problem ? { problem: err.problem } : { stopped: true };
      if (err instanceof DomainError) return { problem: problemOf(err) };
      throw err;
    }
  }
}
