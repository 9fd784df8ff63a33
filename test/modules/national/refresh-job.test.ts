/** The national refresh as a national job: 202 → succeeded with what it computed, a tenant per step counted as progress, one at a time. */
import { describe, expect, it } from 'vitest';
import type { RefreshResult } from '../../../src/modules/national/refresh';
import { defaultYear } from '../../../src/modules/national/summary';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { acceptedJob, followJob } from '../../support/jobs';

describe('the national refresh as a job', () => {
  it('answers 202 with a national job that computes each due tenant and reports them', async () => {
    const a = await createTenant();
    await createTenant();
    const year = defaultYear();
    const [first, second] = await Promise.all(
      [0, 1].map(() => api('POST', `/api/v1/national/summary/refresh?year=${year}`, { token: a.nationalToken })),
    );
    expect([first?.status, second?.status]).toEqual([202, 202]);
    expect(acceptedJob(second as NonNullable<typeof second>).id).toBe(acceptedJob(first as NonNullable<typeof first>).id);
    expect(first?.headers.get('location')).toBe(`/api/v1/national/jobs/${acceptedJob(first as NonNullable<typeof first>).id}`);
    const job = await followJob<RefreshResult>(first as NonNullable<typeof first>, a.nationalToken);
    if (!job.result) throw new Error(`no result: ${JSON.stringify(job)}`);
    expect(job.status).toBe('succeeded');
    expect(job.kind).toBe('national.refresh');
    expect(job.result.year).toBe(year);
    expect(job.result.refreshed.map((r) => r.tenant)).toContain(a.slug);
    expect(job.progress.done).toBe(job.progress.total);
    expect(job.progress.total).toBe(job.result.refreshed.length + job.result.failed.length);
    // A national job is no tenant's: a tenant admin cannot read it, under any path.
    expectProblem(await api('GET', `/api/v1/national/jobs/${job.id}`, { token: a.adminToken }), 403);
    expectProblem(await api('GET', `/api/v1/tenants/${a.slug}/jobs/${job.id}`, { token: a.adminToken }), 404);
  });
});
