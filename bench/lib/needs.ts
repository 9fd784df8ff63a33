/** The needs analysis in the benchmark: assessments for the large region, then the report's cost and time. */

import { demoAssessments, listAll, recordBulk } from '../../scripts/demo/assessments';
import type { ManifestInput } from '../../src/modules/tenants/manifest';
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
  /** Computing the report (the first call after the data changed): time and rows read. */
  computeMs: number;
  computeRowsRead: number;
  /** Serving it again while nothing changed (its snapshot): median and p95 over `runs`, rows read. */
  medianMs: number;
  p95Ms: number;
  servedRowsRead: number;
}

/**
 * The tenant needs report, each grouping: the first call computes it (the seeding just changed the
 * data), the next `runs` are served from its snapshot, as an admin re-reading the report sees it.
 */
export async function measureNeeds(url: string, slug: string, token: string, runs = 7): Promise<NeedsFigures[]> {
  const figures: NeedsFigures[] = [];
  for (const groupBy of ['unit', 'position', 'competency', 'type']) {
    const target = `${url}/api/v1/tenants/${slug}/needs?groupBy=${groupBy}`;
    const first = expectOk(await request<{ items: unknown[] }>(target, { token, timeoutMs: 180_000 }), `needs by ${groupBy}`);
    const calls = [];
    for (let i = 0; i < runs; i++) calls.push(expectOk(await request<{ items: unknown[] }>(target, { token }), `needs by ${groupBy}`));
    const ms = calls.map((c) => c.ms);
    figures.push({
      groupBy,
      groups: first.body.items.length,
      computeMs: first.ms,
      computeRowsRead: first.rowsRead,
      medianMs: median(ms),
      p95Ms: percentile(ms, 95),
      servedRowsRead: calls[0]?.rowsRead ?? Number.NaN,
    });
  }
  return figures;
}
