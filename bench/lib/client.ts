/** HTTP against the benchmark server, reading each response's D1 cost from Server-Timing. */
import { parseServerTiming } from '../../src/platform/http/server-timing';

export interface Measured<T = unknown> {
  status: number;
  body: T;
  ms: number;
  queries: number;
  rowsRead: number;
  rowsWritten: number;
}

export async function request<T = unknown>(
  url: string,
  init: { method?: string; token?: string; json?: unknown; csv?: string; timeoutMs?: number } = {},
): Promise<Measured<T>> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  } else if (init.csv !== undefined) {
    headers['content-type'] = 'text/csv';
    body = init.csv;
  }
  const started = performance.now();
  const res = await fetchOnce(url, { method: init.method ?? 'GET', headers, body, ...(init.timeoutMs ? { signal: AbortSignal.timeout(init.timeoutMs) } : {}) });
  const text = await res.text();
  const ms = performance.now() - started;
  const parsed = (res.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as T) : (text as T);
  return { status: res.status, body: parsed, ms, ...parseServerTiming(res.headers.get('server-timing')) };
}

/**
 * fetch, retried once for a GET when the connection failed before any answer (a kept-alive socket
 * the server had just closed); the cause is printed, so a retry never goes unnoticed.
 */
async function fetchOnce(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
    if ((init.method ?? 'GET') !== 'GET') throw new Error(`${init.method} ${url}: ${cause}`);
    console.warn(`  (retrying GET ${url}: ${cause})`);
    return fetch(url, init);
  }
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
