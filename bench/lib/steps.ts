/** The measured steps of the benchmark, each over the HTTP API as a client would use it. */
import autocannon from 'autocannon';
import { employeesCsv } from '../../scripts/demo/employees';
import { onboardManifest } from '../../scripts/lib/onboarding';
import type { ManifestInput } from '../../src/modules/tenants/manifest';
import { expectOk, followJob, median, percentile, request } from './client';
import { withPeakHeap } from './memory';

export async function onboard(url: string, token: string, manifest: ManifestInput): Promise<void> {
  await onboardManifest(url, token, manifest);
}

interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/**
 * Imports `count` generated employees as one file, committed as a job (202, then polled): the time
 * from the request to the job's end, and the Worker's heap before and at its peak. Rows written are
 * not in a job's answer; the import writes ≈ 15 per employee (row, audit, needs totals, indexes).
 */
export async function importEmployees(url: string, token: string, manifest: ManifestInput, count: number, inspectorPort?: number) {
  const csv = employeesCsv(manifest, count);
  const target = `${url}/api/v1/tenants/${manifest.slug}/employees/import?mode=commit`;
  const totals = { created: 0, updated: 0, unchanged: 0, rejected: 0, seconds: 0, baselineMb: 0, peakMb: 0, failedRequests: 0 };
  const run = async () => {
    const started = await request(target, { method: 'POST', token, csv, timeoutMs: 120_000, idempotencyKey: crypto.randomUUID() });
    const { result, ms } = await followJob<ImportResult>(url, started, token, `import of ${count}`);
    totals.created = result.created;
    totals.updated = result.updated;
    totals.unchanged = result.unchanged;
    totals.rejected = result.rejected;
    totals.seconds = ms / 1000;
  };
  if (inspectorPort === undefined) await run();
  else ({ baselineMb: totals.baselineMb, peakMb: totals.peakMb } = await withPeakHeap(inspectorPort, run));
  return totals;
}

export interface EndpointFigures {
  returned: number;
  rowsRead: number;
  queries: number;
  medianMs: number;
  p95Ms: number;
}

type Page = { items: { id: string }[] };

/**
 * Detail and list endpoints of one region over 20 calls: the median rows read (now and then a call
 * also refills the isolate's tenant-directory cache, one row more), round trips and latency.
 */
export async function measureEndpoints(url: string, slug: string, token: string): Promise<Record<string, EndpointFigures>> {
  const base = `${url}/api/v1/tenants/${slug}`;
  const first = async (path: string) =>
    expectOk(await request<Page>(`${base}/${path}?limit=1`, { token }), path).body.items[0]?.id ?? 'none';
  const employee = await first('employees');
  const unit = await first('units');
  const endpoints: Record<string, string> = {
    'GET tenant': base,
    'GET employee': `${base}/employees/${employee}`,
    'GET employees (50)': `${base}/employees?limit=50`,
    'GET unit': `${base}/units/${unit}`,
    'GET units (50)': `${base}/units?limit=50`,
    'GET positions (50)': `${base}/positions?limit=50`,
    'GET audit (50)': `${base}/audit?limit=50`,
    'GET mentor suggestions': `${base}/pairings/suggestions?mentee=${employee}`,
  };
  const figures: Record<string, EndpointFigures> = {};
  for (const [name, target] of Object.entries(endpoints)) {
    const runs = [];
    for (let i = 0; i < 20; i++) runs.push(expectOk(await request<Page | object>(target, { token }), name));
    const one = runs[0] as (typeof runs)[number];
    const returned = 'items' in (one.body as object) ? (one.body as Page).items.length : 1;
    const ms = runs.map((r) => r.ms);
    figures[name] = {
      returned,
      rowsRead: median(runs.map((r) => r.rowsRead)),
      queries: median(runs.map((r) => r.queries)),
      medianMs: median(ms),
      p95Ms: percentile(ms, 95),
    };
  }
  return figures;
}

async function requestsPerSecond(target: string, headers: Record<string, string> = {}): Promise<number> {
  const result = await autocannon({ url: target, connections: 10, duration: 8, headers });
  if (result.non2xx > 0) throw new Error(`${target}: ${result.non2xx} answers were not 2xx`);
  return result.requests.average;
}

/** /health against an authenticated GET of one employee, same server, same load. */
export async function measureThroughput(url: string, slug: string, token: string) {
  const list = expectOk(await request<Page>(`${url}/api/v1/tenants/${slug}/employees?limit=1`, { token }), 'employees');
  const id = list.body.items[0]?.id ?? 'none';
  const auth = { authorization: `Bearer ${token}` };
  const health = await requestsPerSecond(`${url}/health`);
  // The tenant itself needs no D1 read once its directory entry is cached: token verification alone.
  const tenant = await requestsPerSecond(`${url}/api/v1/tenants/${slug}`, auth);
  const employee = await requestsPerSecond(`${url}/api/v1/tenants/${slug}/employees/${id}`, auth);
  return { health, tenant, employee };
}
