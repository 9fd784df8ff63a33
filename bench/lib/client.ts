/** HTTP against the benchmark server, reading each response's D1 cost from Server-Timing. */
import { type Job, waitForJob } from '../../scripts/lib/jobs';
import { parseServerTiming } from '../../src/platform/http/server-timing';

export interface Measured<T = unknown> {
  status: number;
  body: T;
  ms: number;
  queries: number;
  rowsRead: number;
  rowsWritten: number;
  /** A `202 Accepted` answer's job. */
  location: string | null;
}

export async function request<T = unknown>(
  url: string,
  /** `idempotent`: safe to send twice (default: only a GET). */
  init: {
    method?: string;
    token?: string;
    json?: unknown;
    csv?: string;
    timeoutMs?: number;
    idempotent?: boolean;
    /** Sent as `Idempotency-Key`: the API answers a repeat with the first answer, so it may be sent again. */
    idempotencyKey?: string;
  } = {},
): Promise<Measured<T>> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.idempotencyKey) headers['idempotency-key'] = init.idempotencyKey;
  let body: string | undefined;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  } else if (init.csv !== undefined) {
    headers['content-type'] = 'text/csv';
    body = init.csv;
  }
  const started = performance.now();
  const method = init.method ?? 'GET';
  const res = await fetchOnce(
    url,
    { method, headers, body, ...(init.timeoutMs ? { signal: AbortSignal.timeout(init.timeoutMs) } : {}) },
    init.idempotent ?? (method === 'GET' || init.idempotencyKey !== undefined),
  );
  const text = await res.text();
  const ms = performance.now() - started;
  const parsed = (res.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as T) : (text as T);
  return {
    status: res.status,
    body: parsed,
    ms,
    location: res.headers.get('location'),
    ...parseServerTiming(res.headers.get('server-timing')),
  };
}

/**
 * fetch, sent again once when it is safe to (`idempotent`) and the first try got no answer from the
 * Worker: the connection failed (a kept-alive socket the server had just closed), or wrangler dev's
 * proxy answered 503 because its own connection to the Worker was reset. The cause is printed, so
 * a retry never goes unnoticed.
 */
async function fetchOnce(url: string, init: RequestInit, idempotent: boolean): Promise<Response> {
  const again = (cause: string) => {
    if (!idempotent) throw new Error(`${init.method} ${url}: ${cause}`);
    console.warn(`  (sending ${init.method} ${url} again: ${cause})`);
    return fetch(url, init);
  };
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (err) {
    return again(err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err));
  }
  if (res.status === 503 && idempotent) {
    await res.text();
    return again('HTTP 503 from the local proxy');
  }
  return res;
}

export function expectOk<T>(m: Measured<T>, what: string): Measured<T> {
  if (m.status >= 300) throw new Error(`${what}: HTTP ${m.status} ${JSON.stringify(m.body).slice(0, 400)}`);
  return m;
}

export const median = (xs: number[]) => percentile(xs, 50);

export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/**
 * Follows a `202 Accepted` answer's job to its end, as a client does (polling its Location every
 * 250 ms); `ms` runs from the request that started it. A job that did not succeed is an error.
 */
export async function followJob<R>(
  url: string,
  started: Measured,
  token: string,
  what: string,
): Promise<{ job: Job<R>; result: R; ms: number }> {
  if (started.status !== 202 || !started.location)
    throw new Error(`${what}: expected 202, got HTTP ${started.status} ${JSON.stringify(started.body).slice(0, 300)}`);
  const begun = performance.now() - started.ms;
  let shown = -1;
  const job = await waitForJob<R>(url, started.location, token, {
    onProgress: (j) => {
      const share = j.progress.total > 0 ? Math.floor((10 * j.progress.done) / j.progress.total) : 0;
      if (share > shown) {
        shown = share;
        console.log(
          `    ${what}: ${j.status} ${j.progress.done} / ${j.progress.total} after ${((performance.now() - begun) / 1000).toFixed(1)} s`,
        );
      }
    },
  });
  if (job.status !== 'succeeded' || job.result === null)
    throw new Error(`${what}: job ${job.id} ${job.status} ${JSON.stringify(job.error)}`);
  return { job, result: job.result, ms: performance.now() - begun };
}
