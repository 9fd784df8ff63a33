/**
 * The client side of a job (docs/jobs.md): a request answered `202 Accepted` names its job in
 * `Location`; poll it until it has finished. Used by the demo loaders and the bench, as any client
 * of the API would do it.
 */
export interface Job<R = unknown> {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: { done: number; total: number };
  result: R | null;
  error: { title: string; status: number; detail: string } | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `location` (absolute, or relative to `base`) every `everyMs` until the job has finished. */
export async function waitForJob<R>(
  base: string,
  location: string,
  token: string,
  options: { everyMs?: number; onProgress?: (job: Job<R>) => void } = {},
): Promise<Job<R>> {
  const url = new URL(location, base);
  let unreachable = 0;
  for (;;) {
    let res: Response;
    try {
      res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    } catch (err) {
      // Polling is safe to repeat: a connection the local server dropped (busy, or restarting) is tried again.
      if (++unreachable > 240) throw err;
      await sleep(options.everyMs ?? 250);
      continue;
    }
    unreachable = 0;
    const text = await res.text();
    if (res.status === 503) {
      // The local server restarting; the job survives it.
      await sleep(options.everyMs ?? 250);
      continue;
    }
    if (res.status !== 200) throw new Error(`GET ${url.pathname}: HTTP ${res.status} ${text.slice(0, 300)}`);
    const job = JSON.parse(text) as Job<R>;
    options.onProgress?.(job);
    if (job.status !== 'queued' && job.status !== 'running') return job;
    await sleep(options.everyMs ?? 250);
  }
}

/** A `202` answer's job followed to its end; its result, or an error saying why it has none. */
export async function jobResult<R>(base: string, res: Response, token: string): Promise<R> {
  const text = await res.text();
  const location = res.headers.get('location');
  if (res.status !== 202 || !location) throw new Error(`expected 202 with a Location, got HTTP ${res.status} ${text.slice(0, 300)}`);
  const job = await waitForJob<R>(base, location, token);
  if (job.status !== 'succeeded' || job.result === null) {
    throw new Error(`job ${job.id} (${job.kind}) ${job.status}: ${job.error ? `${job.error.title}: ${job.error.detail}` : ''}`);
  }
  return job.result;
}
