/**
 * Following a job the way a client does: the `202 Accepted` answer's `Location`, polled through
 * the Worker's own fetch until the job has finished. Between polls the test only yields a turn
 * of the event loop (no wall-clock sleeps): the Workflow runs meanwhile in the same runtime.
 */
import { expect } from 'vitest';
import { type ApiResponse, api } from './api';

const finished = ['succeeded', 'failed', 'cancelled'];
const maxPolls = 20_000;

// biome-ignore lint/suspicious/noExplicitAny: a job's result has the shape of its kind; tests read it like any answer body
export interface FinishedJob<R = any> {
  id: string;
  kind: string;
  status: 'succeeded' | 'failed' | 'cancelled';
  progress: { done: number; total: number };
  result: R;
  error: { type: string; title: string; status: number; detail: string } | null;
  createdAt: string;
  updatedAt: string;
}

const yieldTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Polls the job at `location` until it has finished; returns it as last read. */
// biome-ignore lint/suspicious/noExplicitAny: as above
export async function waitForJob<R = any>(location: string, token: string): Promise<FinishedJob<R>> {
  let last: ApiResponse | undefined;
  for (let i = 0; i < maxPolls; i++) {
    last = await api('GET', location, { token });
    if (last.status !== 200) throw new Error(`GET ${location}: ${last.status} ${last.text}`);
    if (finished.includes(last.body.status)) return last.body as FinishedJob<R>;
    await yieldTurn();
  }
  throw new Error(`job at ${location} did not finish: ${last?.text}`);
}

/** Asserts a `202 Accepted` with the job's `Location`, then waits for the job to finish. */
// biome-ignore lint/suspicious/noExplicitAny: as above
export async function followJob<R = any>(res: ApiResponse, token: string): Promise<FinishedJob<R>> {
  if (res.status !== 202) throw new Error(`expected 202, got ${res.status}: ${res.text}`);
  const location = res.headers.get('location');
  expect(location).toBe(
    `${location?.startsWith('/api/v1/national/') ? '/api/v1/national' : location?.split('/jobs/')[0]}/jobs/${res.body.id}`,
  );
  return waitForJob<R>(location as string, token);
}
