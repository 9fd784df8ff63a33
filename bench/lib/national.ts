/**
 * National summaries in the benchmark: compute every tenant of the 500-region directory through
 * the on-demand refresh (bounded calls, repeated while tenants remain due), then time the
 * national summary and read its cost: rows read must follow tenants, never employees.
 */
import { expectOk, followJob, median, percentile, request } from './client';

interface Refreshed {
  refreshed: { tenant: string }[];
  remaining: number;
}

/** Refreshes until nothing is due; one call computes at most `limit` tenants. */
export async function refreshAll(url: string, token: string, limit = 100) {
  const started = performance.now();
  let tenants = 0;
  let calls = 0;
  for (;;) {
    // A refresh is safe to repeat: the client sends it again if the local proxy drops it.
    const answer = await request(`${url}/api/v1/national/summary/refresh?limit=${limit}`, {
      method: 'POST',
      token,
      idempotent: true,
    });
    const { result } = await followJob<Refreshed>(url, answer, token, 'national refresh');
    tenants += result.refreshed.length;
    calls++;
    if (result.remaining === 0 || result.refreshed.length === 0) break;
  }
  return { tenants, calls, seconds: (performance.now() - started) / 1000 };
}

/** Time to recompute one tenant (the large one: its aggregates are read from all its rows). */
export async function refreshOne(url: string, token: string, slug: string) {
  const started = await request(`${url}/api/v1/national/summary/refresh?tenant=${slug}`, { method: 'POST', token, idempotent: true });
  const { ms } = await followJob(url, started, token, `refresh ${slug}`);
  return { ms, rowsRead: Number.NaN };
}

interface Summary {
  tenants: { status: string }[];
  freshness: { tenantsComputed: number };
}

export async function measureNationalSummary(url: string, token: string, runs = 15) {
  const calls = [];
  for (let i = 0; i < runs; i++)
    calls.push(expectOk(await request<Summary>(`${url}/api/v1/national/summary`, { token }), 'national summary'));
  const one = calls[0] as (typeof calls)[number];
  const ms = calls.map((c) => c.ms);
  return {
    tenants: one.body.tenants.length,
    computed: one.body.freshness.tenantsComputed,
    rowsRead: one.rowsRead,
    queries: one.queries,
    bytes: JSON.stringify(one.body).length,
    medianMs: median(ms),
    p95Ms: percentile(ms, 95),
  };
}
