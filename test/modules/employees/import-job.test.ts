/**
 * The import commit as a job, end to end in the Workers pool: queued → succeeded with the report;
 * a step that fails once is retried and nothing is lost or doubled; a step that keeps failing ends
 * the job failed with a problem; a step run again after its result was lost (a restart) writes
 * nothing twice; one import per tenant at a time; cancel; another tenant's job is a 404.
 */
import { introspectWorkflow } from 'cloudflare:test';
import { env, type WorkflowStep } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { jobs } from '../../../src/db/schema';
import { employeeImportJob } from '../../../src/modules/employees';
import { importFileKey } from '../../../src/modules/employees/import-job';
import { JobSteps } from '../../../src/modules/jobs/steps';
import type { components } from '../../../types/openapi';
import { api, expectProblem } from '../../support/api';
import { contextFor } from '../../support/context';
import { createTenant, type TestTenant } from '../../support/factories';
import { acceptedJob, followJob, waitForJob } from '../../support/jobs';

type ImportReport = components['schemas']['EmployeeImport'];

import { csvOf, people } from './helpers';

const commit = (t: TestTenant, csv: string) =>
  api('POST', `/api/v1/tenants/${t.slug}/employees/import?mode=commit`, {
    token: t.adminToken,
    rawBody: csv,
    headers: { 'content-type': 'text/csv' },
  });

async function counts(t: TestTenant) {
  const employees = await env.DB.prepare('select count(*) as n from employees where tenant_id = ?').bind(t.id).first<{ n: number }>();
  const audits = await env.DB.prepare("select count(*) as n from audit_log where tenant_id = ? and entity = 'employee'")
    .bind(t.id)
    .first<{ n: number }>();
  return { employees: employees?.n, audits: audits?.n };
}

describe('the import commit as a job', () => {
  it('answers 202 with the job, which ends succeeded with the report and its progress', async () => {
    const t = await createTenant();
    const res = await commit(t, csvOf(people(600)));
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toBe(`/api/v1/tenants/${t.slug}/jobs/${acceptedJob(res).id}`);
    expect(acceptedJob(res)).toMatchObject({ kind: 'employees.import', status: 'queued', result: null, error: null });
    const job = await followJob<ImportReport>(res, t.adminToken);
    expect(job).toMatchObject({ status: 'succeeded', progress: { done: 600, total: 600 }, error: null });
    expect(job.result).toMatchObject({ mode: 'commit', rows: 600, created: 600, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    expect(await counts(t)).toEqual({ employees: 600, audits: 600 });
    const list = await api('GET', `/api/v1/tenants/${t.slug}/jobs?kind=employees.import`, { token: t.adminToken });
    expect(list.body.items).toEqual([expect.objectContaining({ id: job.id, status: 'succeeded' })]);
  });

  it('retries a step that fails once: the job succeeds with nothing lost or doubled', async () => {
    const t = await createTenant();
    await using introspector = await introspectWorkflow(env.JOBS);
    await introspector.modifyAll(async (m) => {
      await m.disableRetryDelays();
      await m.mockStepError({ name: 'apply 1' }, new Error('D1 was busy'), 1);
    });
    const job = await followJob<ImportReport>(await commit(t, csvOf(people(300))), t.adminToken);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ created: 300, rejected: 0 });
    expect(await counts(t)).toEqual({ employees: 300, audits: 300 });
  });

  it('ends failed with a problem when a step keeps failing, and the tenant may import again', async () => {
    const t = await createTenant();
    {
      await using introspector = await introspectWorkflow(env.JOBS);
      await introspector.modifyAll(async (m) => {
        await m.disableRetryDelays();
        await m.mockStepError({ name: 'apply 1' }, new Error('D1 is down'));
      });
      const job = await followJob<ImportReport>(await commit(t, csvOf(people(50))), t.adminToken);
      expect(job.status).toBe('failed');
      expect(job.result).toBeNull();
      expect(job.error).toMatchObject({ type: 'urn:bangkom:problem:internal', status: 500, title: 'Internal error' });
      expect(job.error?.detail).toContain('failed after its retries');
      expect(await counts(t)).toEqual({ employees: 0, audits: 0 });
    }
    const again = await followJob<ImportReport>(await commit(t, csvOf(people(50))), t.adminToken);
    expect(again.result).toMatchObject({ created: 50 });
  });

  it('writes nothing twice when a step runs again after its result was lost (a restart mid-step)', async () => {
    const t = await createTenant();
    const ctx = await contextFor(t);
    const id = `job_resume${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const now = new Date().toISOString();
    const input = { file: importFileKey(t.id, id) };
    await ctx.db.insert(jobs).values({
      id,
      kind: 'employees.import',
      status: 'running',
      input: JSON.stringify(input),
      createdBy: ctx.actor.subject,
      createdByRoles: 'tenant_admin',
      requestId: ctx.requestId,
      createdAt: now,
      updatedAt: now,
    });
    // 2,500 writes: two pages, ten chunks in the first. Supervisors named later in the file.
    const rows = people(2500).map((r, i) => (i % 10 === 9 ? r : { ...r, supervisor_nip: people(1, i - (i % 10) + 9)[0]!.nip }));
    await env.FILES.put(input.file, csvOf(rows));
    // An engine that keeps step results, except that every `apply` step runs twice: the second
    // run is what a restart does to a step whose result was never recorded.
    const kept = new Map<string, unknown>();
    let reruns = 0;
    const step = {
      do: async (name: string, _config: unknown, work: () => Promise<unknown>) => {
        if (!kept.has(name)) {
          if (name.startsWith('apply')) {
            await work();
            reruns++;
          }
          kept.set(name, await work());
        }
        return kept.get(name);
      },
    } as unknown as WorkflowStep;
    const steps = new JobSteps(step, id, async () => ({ db: ctx.db, ctx }));
    const report = await employeeImportJob.run({ id, input }, steps);
    expect(reruns).toBe(2);
    expect(report).toMatchObject({ rows: 2500, created: 2500, updated: 0, rejected: 0, errors: [] });
    expect(await counts(t)).toEqual({ employees: 2500, audits: 2500 });
    const supervised = await env.DB.prepare('select count(supervisor_id) as n from employees where tenant_id = ?')
      .bind(t.id)
      .first<{ n: number }>();
    expect(supervised?.n).toBe(2250);
    const job = await api('GET', `/api/v1/tenants/${t.slug}/jobs/${id}`, { token: t.adminToken });
    expect(job.body.progress).toEqual({ done: 2500, total: 2500 });
    expect(await env.FILES.get(input.file)).toBeNull();
  });

  it('runs one import per tenant at a time: a second commit answers the running job', async () => {
    const t = await createTenant();
    const other = await createTenant();
    const [first, second] = await Promise.all([commit(t, csvOf(people(400))), commit(t, csvOf(people(5, 9000)))]);
    const elsewhere = await commit(other, csvOf(people(5)));
    expect([first.status, second.status, elsewhere.status]).toEqual([202, 202, 202]);
    expect(acceptedJob(second).id).toBe(acceptedJob(first).id);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(acceptedJob(elsewhere).id).not.toBe(acceptedJob(first).id);
    // Whichever request came first started the job; the other file was not imported.
    const job = await followJob<ImportReport>(first, t.adminToken);
    const created = job.result?.created ?? -1;
    expect([400, 5]).toContain(created);
    expect((await waitForJob<ImportReport>(elsewhere.headers.get('location') as string, other.adminToken)).result).toMatchObject({
      created: 5,
    });
    expect(await counts(t)).toEqual({ employees: created, audits: created });
    const list = await api('GET', `/api/v1/tenants/${t.slug}/jobs`, { token: t.adminToken });
    expect(list.body.items).toHaveLength(1);
  });

  it('cancels a running import: it stops, what it applied stays, and a new import completes the file', async () => {
    const t = await createTenant();
    const res = await commit(t, csvOf(people(3000)));
    const cancelled = await api('POST', `/api/v1/tenants/${t.slug}/jobs/${acceptedJob(res).id}/cancel`, { token: t.adminToken });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const job = await waitForJob<ImportReport>(res.headers.get('location') as string, t.adminToken);
    expect(job).toMatchObject({ status: 'cancelled', result: null, error: null });
    const { employees } = await counts(t);
    expect(employees).toBeLessThan(3000);
    const again = await followJob<ImportReport>(await commit(t, csvOf(people(3000))), t.adminToken);
    expect(again.result).toMatchObject({ created: 3000 - (employees ?? 0), unchanged: employees });
    expect(await counts(t)).toEqual({ employees: 3000, audits: 3000 });
  });

  it("refuses a file without the required columns at once, and keeps another tenant's job a 404", async () => {
    const t = await createTenant();
    const other = await createTenant();
    expectProblem(await commit(t, 'nip,name\n198702122010012001,Budi\n'), 400);
    expect((await api('GET', `/api/v1/tenants/${t.slug}/jobs`, { token: t.adminToken })).body.items).toEqual([]);
    const res = await commit(t, csvOf(people(3)));
    await followJob<ImportReport>(res, t.adminToken);
    expectProblem(await api('GET', `/api/v1/tenants/${other.slug}/jobs/${acceptedJob(res).id}`, { token: other.adminToken }), 404);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/jobs/${acceptedJob(res).id}`, { token: other.adminToken }), 403);
  });
});
