/**
 * The job resource: reading, listing and cancelling a tenant's jobs and the national ones, one job
 * of a kind per tenant at a time, a job the Worker has no runner for ending failed with a problem,
 * and isolation (another tenant's job, or another person's, is a 404). The kinds themselves are
 * tested end to end with their modules (employees import, plans, national refresh, export).
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { startNationalJob, startTenantJob } from '../../../src/modules/jobs';
import { nationalContext } from '../../../src/platform/context';
import { CostMeter } from '../../../src/platform/db/metered-d1';
import { api, expectProblem } from '../../support/api';
import { contextFor } from '../../support/context';
import { createTenant } from '../../support/factories';
import { waitForJob } from '../../support/jobs';
import { tokenFor } from '../../support/tokens';

/** A job row of a kind no runner knows, left queued: the Workflow is never started for it. */
async function queuedJob(tenant: { id: string }, kind = 'test.queued', subject?: string) {
  const ctx = await contextFor(tenant, subject ? { subject } : {});
  const job = await ctx.db
    .insert((await import('../../../src/db/schema')).jobs)
    .values({
      id: `job_${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`,
      kind,
      status: 'queued',
      input: '{}',
      createdBy: ctx.actor.subject,
      createdByRoles: ctx.actor.roles.join(' '),
      requestId: ctx.requestId,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    })
    .returning();
  return job[0]!;
}

describe('jobs', () => {
  it('ends a job of an unknown kind failed with a problem, readable and listed', async () => {
    const t = await createTenant();
    const started = await startTenantJob(await contextFor(t, { subject: `admin@${t.slug}` }), { kind: 'test.unknown', input: { n: 1 } });
    expect(started.created).toBe(true);
    expect(started.job).toMatchObject({
      kind: 'test.unknown',
      status: 'queued',
      progress: { done: 0, total: 0 },
      result: null,
      error: null,
    });
    const job = await waitForJob(started.location, t.adminToken);
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({
      type: 'urn:bangkom:problem:internal',
      status: 500,
      detail: 'No runner for jobs of kind test.unknown.',
    });
    const list = await api('GET', `/api/v1/tenants/${t.slug}/jobs`, { token: t.adminToken });
    expect(list.status).toBe(200);
    expect(list.body.items.map((j: { id: string }) => j.id)).toEqual([job.id]);
    const filtered = await api('GET', `/api/v1/tenants/${t.slug}/jobs?status=succeeded`, { token: t.adminToken });
    expect(filtered.body.items).toEqual([]);
  });

  it('keeps one job of a kind per tenant: a second start answers the queued one', async () => {
    const t = await createTenant();
    const other = await createTenant();
    const queued = await queuedJob(t, 'test.single');
    const again = await startTenantJob(await contextFor(t), { kind: 'test.single', input: {} });
    expect(again).toMatchObject({ created: false, job: { id: queued.id, status: 'queued' } });
    expect(again.location).toBe(`/api/v1/tenants/${t.slug}/jobs/${queued.id}`);
    const elsewhere = await queuedJob(other, 'test.single');
    expect(elsewhere.id).not.toBe(queued.id);
    const anotherKind = await queuedJob(t, 'test.other');
    expect(anotherKind.id).not.toBe(queued.id);
  });

  it('cancels a queued job once; a finished job answers 409', async () => {
    const t = await createTenant();
    const job = await queuedJob(t);
    const cancelled = await api('POST', `/api/v1/tenants/${t.slug}/jobs/${job.id}/cancel`, { token: t.adminToken });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: job.id, status: 'cancelled' });
    expectProblem(await api('POST', `/api/v1/tenants/${t.slug}/jobs/${job.id}/cancel`, { token: t.adminToken }), 409);
    // A new job of the same kind may start once the first is cancelled.
    const next = await queuedJob(t);
    expect(next.id).not.toBe(job.id);
  });

  it("answers 404 for another tenant's job and for someone else's job read by an employee", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const job = await queuedJob(a);
    expectProblem(await api('GET', `/api/v1/tenants/${b.slug}/jobs/${job.id}`, { token: b.adminToken }), 404);
    expectProblem(await api('POST', `/api/v1/tenants/${b.slug}/jobs/${job.id}/cancel`, { token: b.adminToken }), 404);
    expectProblem(await api('GET', `/api/v1/tenants/${a.slug}/jobs/${job.id}`, { token: b.adminToken }), 403);
    expectProblem(await api('GET', `/api/v1/tenants/${a.slug}/jobs/${job.id}`, { token: a.employeeToken }), 404);
    expectProblem(await api('POST', `/api/v1/tenants/${a.slug}/jobs/${job.id}/cancel`, { token: a.employeeToken }), 404);
    const own = await api('GET', `/api/v1/tenants/${a.slug}/jobs`, { token: a.employeeToken });
    expect(own.body.items).toEqual([]);
    // The one who started it reads it, whatever their role.
    const starter = await queuedJob(a, 'test.own', 'test-employee');
    const mine = await api('GET', `/api/v1/tenants/${a.slug}/jobs/${starter.id}`, { token: a.employeeToken });
    expect(mine.status).toBe(200);
    expect((await api('GET', `/api/v1/tenants/${b.slug}/jobs`, { token: b.adminToken })).body.items).toEqual([]);
  });

  it('refuses a malformed id or filter with a problem', async () => {
    const t = await createTenant();
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/jobs/not-a-job`, { token: t.adminToken }), 404);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/jobs?status=done`, { token: t.adminToken }), 400);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/jobs/job_unknown0000000000`, { token: t.adminToken }), 404);
  });

  it('keeps national jobs apart: readable at /national/jobs, never under a tenant', async () => {
    const t = await createTenant();
    const national = await tokenFor('national_admin');
    const actor = { subject: 'test-national', roles: ['national_admin' as const], scopes: ['read' as const, 'write' as const] };
    const started = await startNationalJob(nationalContext(env, new CostMeter(), actor, 'req-test'), { kind: 'test.national', input: {} });
    expect(started.location).toBe(`/api/v1/national/jobs/${started.job.id}`);
    const job = await waitForJob(started.location, national);
    expect(job.status).toBe('failed');
    const list = await api('GET', '/api/v1/national/jobs?kind=test.national', { token: national });
    expect(list.body.items.map((j: { id: string }) => j.id)).toContain(job.id);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/jobs/${job.id}`, { token: t.adminToken }), 404);
    expectProblem(await api('GET', `/api/v1/national/jobs/${job.id}`, { token: t.adminToken }), 403);
  });
});
