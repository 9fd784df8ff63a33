/**
 * HTTP face of the national summaries (national admin only): the summary of every tenant and in
 * total, its CSV, one tenant's figures by unit, and an on-demand refresh. Answers carry aggregates
 * only — never a name, NIP, employee id or a single person's score.
 */
import { z } from '@hono/zod-openapi';
import { nationalAuditEntry } from '../../platform/audit/audit';
import { notFound } from '../../platform/errors';
import { json, nationalRouter, route } from '../../platform/http/openapi';
import { findTenant } from '../../platform/tenancy/directory';
import { accepted, jobSchema, startNationalJob } from '../jobs';
import { type RefreshInput, refreshKind } from './job';
import { minimumPeople } from './providers';
import { nationalSummarySchema, nationalTenantParams, refreshQuery, summaryQuery, tenantSummarySchema } from './schemas';
import { nationalCsv, nationalSummary, tenantSummaryByUnit } from './summary';

const tags = ['National summaries'];
const roles = ['national_admin'] as const;
const disclosure = [
  `Disclosure control (cell-key method): a figure from fewer than ${minimumPeople} people is suppressed — \`value\` and \`people\` null, with the reason;`,
  'every other figure carries noise drawn from its cell key (`perturbed: true`), the same for the same cell in every answer (JSON, CSV, per tenant)',
  'and refresh until its data changes. Totals are perturbed on their own, not added up from the published cells.',
].join(' ');

export const nationalSummaryRoutes = nationalRouter()
  .openapi(
    route({
      method: 'get',
      path: '/national/summary',
      tags,
      roles,
      summary: 'Every tenant and the total for a year: employees, share assessed, mean gap by type, share reaching the JP target, …',
      description: [
        'Read from per-tenant aggregates kept current by the hourly refresh (and `POST /national/summary/refresh`): rows read grow with tenants, never with employees. `computedAt` per tenant and `freshness.oldestComputedAt` say how current it is; a tenant never computed has `status: not_computed`. All tenants in one answer (no pagination: the total needs them all, and 500 tenants fit the budget).',
        disclosure,
      ].join(' '),
      request: { query: summaryQuery },
      responses: { 200: json(nationalSummarySchema, 'The summary') },
    }),
    async (c) => c.json(await nationalSummary({ ctx: c.get('ctx'), input: { year: c.req.valid('query').year } }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/national/summary.csv',
      tags,
      roles,
      summary: 'The national summary as CSV: one line per tenant, then the total',
      description: [
        'The same figures as `GET /national/summary`; a suppressed figure is an empty cell, its reason in `notes`.',
        disclosure,
      ].join(' '),
      request: { query: summaryQuery },
      responses: { 200: { description: 'The summary', content: { 'text/csv': { schema: z.string() } } } },
    }),
    async (c) => {
      const summary = await nationalSummary({ ctx: c.get('ctx'), input: { year: c.req.valid('query').year } });
      c.header('content-disposition', `attachment; filename="national-summary-${summary.year}.csv"`);
      return c.body(nationalCsv(summary), 200, { 'content-type': 'text/csv; charset=utf-8' });
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/national/tenants/{tenant}/summary',
      tags,
      roles,
      summary: "One tenant's summary figures by unit, with its total",
      description: ["The total is the tenant's figures in `GET /national/summary`, the same numbers.", disclosure].join(' '),
      request: { params: nationalTenantParams, query: summaryQuery },
      responses: { 200: json(tenantSummarySchema, 'The figures by unit') },
    }),
    async (c) =>
      c.json(
        await tenantSummaryByUnit({ ctx: c.get('ctx'), input: { slug: c.req.valid('param').tenant, year: c.req.valid('query').year } }),
        200,
      ),
  )
  .openapi(
    route({
      method: 'post',
      path: '/national/summary/refresh',
      tags,
      roles,
      summary: 'Recompute the tenants whose data changed, never computed or stale (or one tenant, always), as a national job (202)',
      request: { query: refreshQuery },
      responses: {
        202: json(jobSchema, 'The refresh job (or the one already running); its result says what was recomputed and how many remain due'),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const ctx = c.get('ctx');
      const tenant = q.tenant === undefined ? undefined : await findTenant(c.env, c.get('meter'), q.tenant, { fresh: true });
      if (q.tenant !== undefined && !tenant) throw notFound('tenant');
      const input: RefreshInput = { limit: q.limit, ...(q.year ? { year: q.year } : {}), ...(tenant ? { tenantId: tenant.id } : {}) };
      const started = await startNationalJob(ctx, { kind: refreshKind, input });
      // Summaries are derived data, rewritten per tenant; the request that asked for them is what the log keeps.
      await nationalAuditEntry(ctx.national.control, ctx, 'national.summary.refresh', 'national_summary', q.tenant ?? 'due');
      return accepted(c, started);
    },
  );
