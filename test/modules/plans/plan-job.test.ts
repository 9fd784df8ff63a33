/**
 * The plan computation as a job: 202 → succeeded with the draft as its result; a step that fails
 * once is retried and stores one plan; a step that keeps failing ends failed and stores none; the
 * step run again after a restart stores nothing twice; one computation per tenant at a time.
 */
import { introspectWorkflow } from 'cloudflare:test';
import { env, type WorkflowStep } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { jobs } from '../../../src/db/schema';
import { JobSteps } from '../../../src/modules/jobs/steps';
import { planJob } from '../../../src/modules/plans';
import { api, expectProblem } from '../../support/api';
import { contextFor } from '../../support/context';
import type { TestTenant } from '../../support/factories';
import { acceptedJob, followJob } from '../../support/jobs';
import { type Plan, planWorld, year } from './helpers';

const ask = (t: TestTenant, budget = 4_000_000) =>
  api('POST', `/api/v1/tenants/${t.slug}/plans`, { token: t.adminToken, body: { year, budget, options: { jpTargetBonus: 0 } } });

async function stored(t: TestTenant) {
  const plans = await env.DB.prepare('select count(*) as n from plans where tenant_id = ?').bind(t.id).first<{ n: number }>();
  const lines = await env.DB.prepare('select count(*) as n from plan_lines where tenant_id = ?').bind(t.id).first<{ n: number }>();
  const audits = await env.DB.prepare("select count(*) as n from audit_log where tenant_id = ? and entity = 'plan'")
    .bind(t.id)
    .first<{ n: number }>();
  return { plans: plans?.n, lines: lines?.n, audits: audits?.n };
}

describe('the plan computation as a job', () => {
  it('answers 202; the job ends succeeded with the draft plan, its phases counted', async () => {
    const w = await planWorld();
    const res = await ask(w.t);
    expect(res.status).toBe(202);
    expect(acceptedJob(res)).toMatchObject({ kind: 'plans.compute', status: 'queued' });
    const job = await followJob<Plan>(res, w.t.adminToken);
    expect(job).toMatchObject({ status: 'succeeded', progress: { done: 8, total: 8 } });
    if (!job.result) throw new Error('no plan');
    expect(job.result).toMatchObject({ status: 'draft', year, budget: 4_000_000, totals: { value: 10, lines: 2 } });
    const read = await api('GET', `/api/v1/tenants/${w.t.slug}/plans/${job.result.id}`, { token: w.t.adminToken });
    expect(read.body).toEqual(job.result);
    expect(await stored(w.t)).toEqual({ plans: 1, lines: 2, audits: 1 });
  });

  it('retries a failed step and stores one plan; a step that keeps failing stores none', async () => {
    const w = await planWorld();
    {
      await using introspector = await introspectWorkflow(env.JOBS);
      await introspector.modifyAll(async (m) => {
        await m.disableRetryDelays();
        await m.mockStepError({ name: 'compute' }, new Error('D1 was busy'), 2);
      });
      const job = await followJob(await ask(w.t), w.t.adminToken);
      expect(job.status).toBe('succeeded');
      expect(await stored(w.t)).toEqual({ plans: 1, lines: 2, audits: 1 });
    }
    {
      await using introspector = await introspectWorkflow(env.JOBS);
      await introspector.modifyAll(async (m) => {
        await m.disableRetryDelays();
        await m.mockStepError({ name: 'compute' }, new Error('D1 is down'));
      });
      const job = await followJob(await ask(w.t), w.t.adminToken);
      expect(job.status).toBe('failed');
      expect(job.error).toMatchObject({ status: 500, type: 'urn:bangkom:problem:internal' });
      expect(await stored(w.t)).toEqual({ plans: 1, lines: 2, audits: 1 });
    }
  });

  it('stores nothing twice when the step runs again after its result was lost', async () => {
    const w = await planWorld();
    const ctx = await contextFor(w.t);
    const id = `job_plan${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const input = {
      plan: { year, budget: 4_000_000, options: { perPersonCap: 2, jpTargetBonus: 0 } },
      sourcePlanId: null,
      planId: `pln_${id.slice(4)}`,
    };
    const now = new Date().toISOString();
    await ctx.db.insert(jobs).values({
      id,
      kind: 'plans.compute',
      status: 'running',
      input: JSON.stringify(input),
      createdBy: ctx.actor.subject,
      createdByRoles: 'tenant_admin',
      requestId: ctx.requestId,
      createdAt: now,
      updatedAt: now,
    });
    let runs = 0;
    const step = {
      do: async (_name: string, _config: unknown, work: () => Promise<unknown>) => {
        runs++;
        await work();
        return work();
      },
    } as unknown as WorkflowStep;
    const first = await planJob.run({ id, input }, new JobSteps(step, id, async () => ({ db: ctx.db, ctx })));
    expect(runs).toBe(1);
    expect(first).toMatchObject({ id: input.planId, totals: { value: 10 } });
    expect(await stored(w.t)).toEqual({ plans: 1, lines: 2, audits: 1 });
  });

  it('computes one plan per tenant at a time, refuses a foreign offering at once, and hides the job from others', async () => {
    const w = await planWorld();
    const [a, b] = await Promise.all([ask(w.t), ask(w.t, 5_000_000)]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(acceptedJob(b).id).toBe(acceptedJob(a).id);
    await followJob(a, w.t.adminToken);
    expect((await stored(w.t)).plans).toBe(1);
    const refused = await api('POST', `/api/v1/tenants/${w.t.slug}/plans`, {
      token: w.t.adminToken,
      body: { year, budget: 1, options: { offerings: ['off_elsewhere'] } },
    });
    expectProblem(refused, 422);
    const other = await planWorld();
    expectProblem(await api('GET', `/api/v1/tenants/${other.t.slug}/jobs/${acceptedJob(a).id}`, { token: other.t.adminToken }), 404);
  });
});
