/**
 * HTTP face of the annual plan (tenant admin only: a plan names people). Create computes a draft and
 * recompute makes a new draft from an old one, each as a job (job.ts); approve (If-Match) creates
 * the enrollments.
 */
import { etagOf, expectedVersion } from '../../platform/http/etag';
import { json, jsonBody, problem, route, tenantRouter } from '../../platform/http/openapi';
import { decodeCursor, pageOf, pageQuery } from '../../platform/http/pagination';
import { tenantParams } from '../../platform/http/params';
import { accepted, jobSchema, startTenantJob } from '../jobs';
import { approvePlan } from './approval';
import { planKind } from './job';
import {
  compareQuery,
  comparisonSchema,
  newPlanSchema,
  planLineSchema,
  planListQuery,
  planParams,
  planSchema,
  planSummarySchema,
  recomputeSchema,
} from './schemas';
import { askForPlan, askForRecompute, comparePlans, getPlan, listLines, listPlans } from './service';

const tags = ['Annual plan'];
const admin = ['tenant_admin'] as const;

export const planRoutes = tenantRouter()
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/plans',
      tags,
      roles: [...admin],
      summary: 'Compute a draft annual plan for a year and a budget, as a job (202): its result is the draft plan with its totals',
      request: { params: tenantParams, body: jsonBody(newPlanSchema) },
      responses: {
        202: json(jobSchema, 'The plan job (or the one already computing in this tenant); poll its Location'),
        422: problem('An offering asked for is not an enrollable offering of this tenant'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const input = await askForPlan({ ctx, input: c.req.valid('json') });
      return accepted(c, await startTenantJob(ctx, { kind: planKind, input }));
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/plans',
      tags,
      roles: [...admin],
      summary: 'Plans, newest first (optionally of one year)',
      request: { params: tenantParams, query: planListQuery },
      responses: { 200: json(pageOf(planSummarySchema), 'A page of plans') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 1) as [string] | undefined;
      return c.json(await listPlans({ ctx: c.get('ctx'), input: { ...q, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/plans/compare',
      tags,
      roles: [...admin],
      summary: 'Two plans side by side: totals, and the lines only one of them has',
      request: { params: tenantParams, query: compareQuery },
      responses: { 200: json(comparisonSchema, 'The comparison') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await comparePlans({ ctx: c.get('ctx'), input: { a: q.a, b: q.b, limit: q.limit } }), 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/plans/{id}',
      tags,
      roles: [...admin],
      summary: 'A plan with its totals (budget used, gap closure, JP target, by unit)',
      request: { params: planParams },
      responses: { 200: json(planSchema, 'The plan') },
    }),
    async (c) => {
      const plan = await getPlan({ ctx: c.get('ctx'), input: c.req.valid('param').id });
      c.header('etag', etagOf(plan.version));
      return c.json(plan, 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/plans/{id}/lines',
      tags,
      roles: [...admin],
      summary: "A plan's lines in order: who attends what, the cost, and which gaps it closes",
      request: { params: planParams, query: pageQuery },
      responses: { 200: json(pageOf(planLineSchema), 'A page of lines') },
    }),
    async (c) => {
      const { cursor, limit } = c.req.valid('query');
      const key = decodeCursor(cursor, 1) as [number] | undefined;
      return c.json(
        await listLines({ ctx: c.get('ctx'), input: { planId: c.req.valid('param').id, limit, ...(key ? { cursor: key } : {}) } }),
        200,
      );
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/plans/{id}/recompute',
      tags,
      roles: [...admin],
      summary: "A new draft from the current data with this plan's year and options (optionally another budget), as a job (202)",
      request: { params: planParams, body: jsonBody(recomputeSchema) },
      responses: {
        202: json(jobSchema, 'The plan job; its result is the new draft (sourcePlanId names this plan)'),
        409: problem('The plan is approved and frozen'),
        422: problem('An offering the plan was limited to is no longer an enrollable offering of this tenant'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const input = await askForRecompute({ ctx, input: { id: c.req.valid('param').id, ...c.req.valid('json') } });
      return accepted(c, await startTenantJob(ctx, { kind: planKind, input }));
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/plans/{id}/approve',
      tags,
      roles: [...admin],
      summary: 'Approve the draft: creates all its enrollments at once, or nothing (If-Match); approving again answers the approved plan',
      request: { params: planParams },
      responses: {
        200: json(planSchema, 'The approved plan'),
        409: problem('Seats were taken meanwhile: nothing was created'),
        412: problem('If-Match is stale: read the plan again'),
        428: problem('If-Match is missing'),
      },
    }),
    async (c) => {
      const plan = await approvePlan({ ctx: c.get('ctx'), input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c) } });
      c.header('etag', etagOf(plan.version));
      return c.json(plan, 200);
    },
  );
