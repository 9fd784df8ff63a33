/**
 * HTTP face of the needs report: `/tenants/{tenant}/needs` (JSON, with the individual priorities)
 * `/tenants/{tenant}/needs.csv` (the groups only) and `/tenants/{tenant}/needs.xlsx` (the groups and
 * the individual priorities, on two sheets), and `/tenants/{tenant}/needs/heatmap` (units or positions ×
 * competencies). Tenant admin only: aggregates of the whole
 * tenant and named priorities.
 */
import { z } from '@hono/zod-openapi';
import { json, route, tenantRouter } from '../../../platform/http/openapi';
import { tenantParams } from '../../../platform/http/params';
import { needsCsv, needsXlsx } from './csv';
import { needsHeatmap } from './heatmap';
import { needsReport } from './report';
import { heatmapQuery, heatmapSchema, needsQuery, needsSchema } from './schemas';

const admin = ['tenant_admin'] as const;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const needsRoutes = tenantRouter()
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/needs',
      tags: ['Assessments'],
      roles: admin,
      summary: 'The needs report: employees with a gap, mean gap over assessed, weighted gap, unassessed, top priorities per group',
      request: { params: tenantParams, query: needsQuery },
      responses: { 200: json(needsSchema, 'Groups, largest weighted gap first') },
    }),
    async (c) => c.json(await needsReport({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/needs/heatmap',
      tags: ['Assessments'],
      roles: admin,
      summary: 'The needs heat map: units or positions × competencies, weighted gap per cell (null when unassessed), with the head count',
      request: { params: tenantParams, query: heatmapQuery },
      responses: { 200: json(heatmapSchema, 'Rows, columns and cells') },
    }),
    async (c) => c.json(await needsHeatmap({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/needs.csv',
      tags: ['Assessments'],
      roles: admin,
      summary: 'The needs report as CSV, one line per group (same query as /needs)',
      request: { params: tenantParams, query: needsQuery },
      responses: { 200: { description: 'The report', content: { 'text/csv': { schema: z.string() } } } },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const query = c.req.valid('query');
      const report = await needsReport({ ctx, input: { ...query, priorities: 0 } });
      c.header('content-disposition', `attachment; filename="needs-${ctx.tenant.slug}-${query.groupBy}.csv"`);
      return c.body(needsCsv(report), 200, { 'content-type': 'text/csv; charset=utf-8' });
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/needs.xlsx',
      tags: ['Assessments'],
      roles: admin,
      summary:
        'The needs report as an xlsx workbook: sheet Kebutuhan (one line per group, as the CSV) and sheet Prioritas (the individual priorities)',
      request: { params: tenantParams, query: needsQuery },
      responses: { 200: { description: 'The workbook', content: { [xlsxType]: { schema: z.string().openapi({ format: 'binary' }) } } } },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const query = c.req.valid('query');
      const report = await needsReport({ ctx, input: query });
      c.header('content-disposition', `attachment; filename="needs-${ctx.tenant.slug}-${query.groupBy}.xlsx"`);
      return c.body(needsXlsx(report) as Uint8Array<ArrayBuffer>, 200, { 'content-type': xlsxType });
    },
  );
