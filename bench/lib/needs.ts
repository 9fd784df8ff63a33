/** The needs analysis in the benchmark: assessments for the large region, then the report's cost and time. */
import type { ManifestInput } from '../../src/modules/tenants/manifest';
import { demoAssessments, listAll, recordBulk } from '../../scripts/demo/assessments';
import { expectOk, median, percentile, request } from './client';

/** Records assessments for most (employee, standard competency) pairs of `manifest`'s region. */
export async function seedAssessments(url: string, token: string, manifest: ManifestInput) {
  const ctx = { url, slug: manifest.slug, adminToken: token, nationalToken: '' };
  const base = `/api/v1/tenants/${manifest.slug}`;
  const codeOf = new Map((await listAll<{ id: string; code: string }>(ctx, `${base}/positions`)).map((p) => [p.id, p.code]));
  const people = (await listAll<{ id: string; positionId: string | null }>(ctx, `${base}/employees`)).flatMap((e) => {
    const positionCode = e.positionId ? codeOf.get(e.positionId) : undefined;
    return positionCode ? [{ id: e.id, positionCode }] : [];
  });
  const started = performance.now();
  const created = await recordBulk(ctx, demoAssessments(manifest.slug, manifest.positions ?? [], people));
  return { created, employees: people.length, seconds: (performance.now() - started) / 1000 };
}

export interface NeedsFigures {
  groupBy: string;
  groups: number;
  rowsRead: number;
  queries: number;
  medianMs: number;
  p95Ms: number;
}

/** The tenant needs report, each grouping `runs` times: rows read of one call, latency over all. */
export async function measureNeeds(url: string, slug: string, token: string, runs = 7): Promise<NeedsFigures[]> {
  const figures: NeedsFigures[] = [];
  for (const groupBy of ['unit', 'position', 'competency', 'type']) {
    const target = `${url}/api/v1/tenants/${slug}/needs?groupBy=${groupBy}`;
    const calls = [];
    for (let i = 0; i < runs; i++) calls.push(expectOk(await request<{ items: unknown[] }>(target, { token }), `needs by ${groupBy}`));
    const one = calls[0] as (typeof calls)[number];
    const ms = calls.map((c) => c.ms);
    figures.push({ groupBy, groups: one.body.items.length, rowsRead: one.rowsRead, queries: one.queries, medianMs: median(ms), p95Ms: percentile(ms, 95) });
  }
  return figures;
}
