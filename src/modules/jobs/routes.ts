/**
 * HTTP face of jobs: a tenant's jobs under /tenants/{tenant}/jobs (the tenant admin sees every
 * one, anyone else only the jobs they started; another tenant's job is a 404 like any foreign id)
 * and the national ones under /national/jobs (national admin). Reading a job that has stalled
 * nudges it (start.ts, `resumeIfStalled`).
 */

import { json, nationalRouter, problem, route, tenantRouter } from '../../platform/http/openapi';
import { decodeCursor, pageOf } from '../../platform/http/pagination';
import { tenantParams } from '../../platform/http/params';
import { jobListQuery, jobParams, jobSchema, nationalJobParams } from './schemas';
import { resumeIfStalled } from './start';
import { cancelJob, jobView, listJobs, nationalJobsDb, readJob } from './store';

const tags = ['Jobs'];
const tenantRoles = ['tenant_admin', 'employee'] as const;
const nationalRoles = ['national_admin'] as const;
const finished = { 409: problem('The job has already finished') };

export const jobRoutes = tenantRouter()
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/jobs',
      tags,
      roles: tenantRoles,
      summary: "The tenant's jobs, newest first (an employee sees only their own)",
      request: { params: tenantParams, query: jobListQuery },
      responses: { 200: json(pageOf(jobSchema), 'A page of jobs') },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 1) as [string] | undefined;
      return c.json(await listJobs(ctx.db, ctx.actor, { ...q, ...(key ? { cursor: key } : {}) }), 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/jobs/{id}',
      tags,
      roles: tenantRoles,
      summary: 'One job: status, progress, and its result or problem once finished',
      request: { params: jobParams },
      responses: { 200: json(jobSchema, 'The job') },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const row = await readJob(ctx.db, c.req.valid('param').id, ctx.actor);
      return c.json(jobView(await resumeIfStalled(ctx.env, ctx.db, row, ctx.tenant.database)), 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/jobs/{id}/cancel',
      tags,
      roles: tenantRoles,
      summary: 'Cancel a queued or running job: it stops before its next step; what it finished stays',
      request: { params: jobParams },
      responses: { 200: json(jobSchema, 'The job, cancelled'), ...finished },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const row = await cancelJob(ctx.db, c.req.valid('param').id, ctx.actor);
      await stopInstance(ctx.env.JOBS, row.id);
      return c.json(jobView(row), 200);
    },
  );

export const nationalJobRoutes = nationalRouter()
  .openapi(
    route({
      method: 'get',
      path: '/national/jobs',
      tags,
      roles: nationalRoles,
      summary: 'National jobs (refreshes of many tenants), newest first',
      request: { query: jobListQuery },
      responses: { 200: json(pageOf(jobSchema), 'A page of jobs') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 1) as [string] | undefined;
      return c.json(
        await listJobs(nationalJobsDb(c.env, c.get('meter')), c.get('ctx').actor, { ...q, ...(key ? { cursor: key } : {}) }),
        200,
      );
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/national/jobs/{id}',
      tags,
      roles: nationalRoles,
      summary: 'One national job: status, progress, and its result or problem once finished',
      request: { params: nationalJobParams },
      responses: { 200: json(jobSchema, 'The job') },
    }),
    async (c) => {
      const db = nationalJobsDb(c.env, c.get('meter'));
      const row = await readJob(db, c.req.valid('param').id, c.get('ctx').actor);
      return c.json(jobView(await resumeIfStalled(c.env, db, row, 'DB')), 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/national/jobs/{id}/cancel',
      tags,
      roles: nationalRoles,
      summary: 'Cancel a queued or running national job',
      request: { params: nationalJobParams },
      responses: { 200: json(jobSchema, 'The job, cancelled'), ...finished },
    }),
    async (c) => {
      const row = await cancelJob(nationalJobsDb(c.env, c.get('meter')), c.req.valid('param').id, c.get('ctx').actor);
      await stopInstance(c.env.JOBS, row.id);
      return c.json(jobView(row), 200);
    },
  );

/** The job's row says cancelled already (its next step stops); ending the instance saves the wait. */
async function stopInstance(workflow: Workflow, id: string): Promise<void> {
  try {
    await (await workflow.get(id)).terminate();
  } catch {
    // Already finished, or never created: the row is what counts.
  }
}
