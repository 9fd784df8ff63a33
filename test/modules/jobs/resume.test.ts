/**
 * A stalled job, looked at when it is read (`resumeIfStalled`): one whose row has not moved for
 * 30 s while its Workflow instance is gone or ended without recording the outcome is marked failed
 * with a problem (the tenant may then start another), writing nothing else; one whose instance
 * is still there is woken, and finishes with nothing duplicated; one that moved recently is left
 * alone. Times are passed in (`now`), never waited for.
 */
import { introspectWorkflow } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jobSteps, jobs } from '../../../src/db/schema';
import { resumeIfStalled } from '../../../src/modules/jobs/start';
import { readJob } from '../../../src/modules/jobs/store';
import { api } from '../../support/api';
import { contextFor } from '../../support/context';
import { createTenant, type TestTenant } from '../../support/factories';
import { acceptedJob, followJob, waitForJob } from '../../support/jobs';
import { csvOf, people } from '../employees/helpers';

const commit = (t: TestTenant, csv: string) =>
  api('POST', `/api/v1/tenants/${t.slug}/employees/import?mode=commit`, {
    token: t.adminToken,
    rawBody: csv,
    headers: { 'content-type': 'text/csv' },
  });

const employees = async (t: TestTenant) =>
  (await env.DB.prepare('select count(*) as n from employees where tenant_id = ?').bind(t.id).first<{ n: number }>())?.n;
const audits = async (t: TestTenant) =>
  (
    await env.DB.prepare("select count(*) as n from audit_log where tenant_id = ? and entity = 'employee'")
      .bind(t.id)
      .first<{ n: number }>()
  )?.n;

describe('a stalled job, when read', () => {
  it('is marked failed when its instance is gone, its checkpoints kept and nothing else written; the tenant may start again', async () => {
    const t = await createTenant();
    const ctx = await contextFor(t, { subject: `admin@${t.slug}` });
    const id = `job_gone${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const long = '2000-01-01T00:00:00.000Z';
    await ctx.db.insert(jobs).values({
      id,
      kind: 'employees.import',
      status: 'running',
      done: 250,
      total: 600,
      input: JSON.stringify({ file: `${t.id}/jobs/${id}/input.csv` }),
      createdBy: ctx.actor.subject,
      createdByRoles: 'tenant_admin',
      requestId: ctx.requestId,
      createdAt: long,
      updatedAt: long,
    });
    await ctx.db.insert(jobSteps).values({ jobId: id, step: 'apply:0:0', result: '{}' });
    // Read just before it counts as stalled: left as it is.
    const row = await readJob(ctx.db, id);
    expect((await resumeIfStalled(env, ctx.db, row, 'DB', Date.parse(long) + 29_999)).status).toBe('running');
    expect((await readJob(ctx.db, id)).status).toBe('running');

    const read = await api('GET', `/api/v1/tenants/${t.slug}/jobs/${id}`, { token: t.adminToken });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      status: 'failed',
      progress: { done: 250, total: 600 },
      result: null,
      error: { type: 'urn:bangkom:problem:internal', status: 500, detail: 'The job stopped without finishing; start it again.' },
    });
    expect(await ctx.db.select().from(jobSteps).where(eq(jobSteps.jobId, id))).toHaveLength(1);
    expect(await employees(t)).toBe(0);
    // Its place is free: a new import starts and completes.
    const again = await followJob<{ created: number }>(await commit(t, csvOf(people(20))), t.adminToken);
    expect(again.id).not.toBe(id);
    expect(again.result).toMatchObject({ created: 20 });
  });

  it('is marked failed when its instance ended without recording the outcome', async () => {
    const t = await createTenant();
    await using introspector = await introspectWorkflow(env.JOBS);
    await introspector.modifyAll(async (m) => {
      await m.disableRetryDelays();
      await m.mockStepError({ name: 'apply 1' }, new Error('D1 is down'));
      // The step that would record the failure fails too: the instance errors, the row says running.
      await m.mockStepError({ name: 'fail' }, new Error('D1 is still down'));
    });
    const res = await commit(t, csvOf(people(30)));
    const [instance] = introspector.get();
    await instance?.waitForStatus('errored');
    const ctx = await contextFor(t);
    const row = await readJob(ctx.db, acceptedJob(res).id);
    expect(row.status).toBe('running');
    await resumeIfStalled(env, ctx.db, row, 'DB', Date.parse(row.updatedAt) + 30_000);
    const job = await waitForJob(res.headers.get('location') as string, t.adminToken);
    expect(job).toMatchObject({ status: 'failed', error: { status: 500, detail: 'The job stopped without finishing; start it again.' } });
    expect(await employees(t)).toBe(0);
  });

  it('is woken when its instance is still there, and finishes with nothing duplicated', async () => {
    const t = await createTenant();
    await using introspector = await introspectWorkflow(env.JOBS);
    const res = await commit(t, csvOf(people(5000)));
    const ctx = await contextFor(t);
    const id = acceptedJob(res).id;
    // Once the file is planned, the job is read twice as stalled (a client polling after a
    // restart): each read asks the engine to resume the instance it still has.
    await introspector.get()[0]?.waitForStepResult({ name: 'plan' });
    const running = await readJob(ctx.db, id);
    expect(running.status).toBe('running');
    for (const later of [60_000, 120_000]) {
      expect((await resumeIfStalled(env, ctx.db, running, 'DB', Date.parse(running.updatedAt) + later)).status).toBe('running');
    }
    const job = await waitForJob<{ created: number }>(res.headers.get('location') as string, t.adminToken);
    expect(job).toMatchObject({ status: 'succeeded', progress: { done: 5000, total: 5000 }, result: { created: 5000 } });
    expect([await employees(t), await audits(t)]).toEqual([5000, 5000]);
  });
});
