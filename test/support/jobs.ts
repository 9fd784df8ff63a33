/**
 * Following a job the way a client does: the `202 Accepted` answer's `Location`, polled through
 * the Worker's own fetch until the job has finished. Between polls the test only yields a turn
 * of the event loop (no wall-clock sleeps): the Workflow runs meanwhile in the same runtime.
 */
import { expect } from 'vitest';
import type { components } from '../../types/openapi';
import { type ApiResponse, api } from './api';

type JobBody = components['schemas']['Job'];

/** A finished job, its `result` typed as its kind's (the document types it `unknown`). */
export interface FinishedJob<R = unknown> extends Omit<JobBody, 'status' | 'result'> {
  status: 'succeeded' | 'failed' | 'cancelled';
  result: R | null;
}

const finished = ['succeeded', 'failed', 'cancelled'];
const maxPolls = 20_000;

const yieldTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The job a `202 Accepted` answer carries. */
export const acceptedJob = (res: ApiResponse) => res.body as JobBody;

/** Polls the job at `location` until it has finished; returns it as last read. */
export async function waitForJob<R = unknown>(location: string, token: string): Promise<FinishedJob<R>> {
  let last: ApiResponse | undefined;
  for (let i = 0; i < maxPolls; i++) {
    last = await api('GET', location, { token });
    if (last.status !== 200) throw new Error(`GET ${location}: ${last.status} ${last.text}`);
    const job = last.body as JobBody;
    if (finished.includes(job.status)) return job as FinishedJob<R>;
    await yieldTurn();
  }
  throw new Error(`job at ${location} did not finish: ${last?.text}`);
}

/** Asserts a `202 Accepted` with the job's `Location`, then waits for the job to finish. */
export async function followJob<R = unknown>(res: ApiResponse, token: string): Promise<FinishedJob<R>> {
  if (res.status !== 202) throw new Error(`expected 202, got ${res.status}: ${res.text}`);
  const id = (res.body as JobBody).id;
  const location = res.headers.get('location') ?? '';
  expect(location.endsWith(`/jobs/${id}`) && location.startsWith('/api/v1/')).toBe(true);
  return waitForJob<R>(location, token);
}

/**
 * The job's outcome as the answer the request gave when it did the work itself: `status` with the
 * result, or the job's problem (as problem+json), with the headers and cost of the request that
 * started it.
 */
export function jobAnswer<R>(res: ApiResponse, job: FinishedJob<R>, status: number): ApiResponse<R> & { job: FinishedJob<R> } {
  if (job.status === 'succeeded') return { ...res, status, body: job.result as R, text: JSON.stringify(job.result), job };
  const headers = new Headers(res.headers);
  headers.set('content-type', 'application/problem+json');
  const problem = job.error ?? { type: 'urn:bangkom:problem:internal', title: 'cancelled', status: 500, detail: 'cancelled' };
  return { ...res, headers, status: problem.status, body: problem as unknown as R, text: JSON.stringify(problem), job };
}
