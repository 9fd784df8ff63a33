/**
 * HTTP face of the needs analysis: position standards, assessments, and gaps per employee
 * (`/tenants/{tenant}/employees/{id}/gaps` and the caller's own `/me/gaps`). Personal data: the
 * national admin is refused; an employee reads only their own record (404 for anyone else).
 */
import { z } from '@hono/zod-openapi';
import { callerContext, serviceContext } from '../../platform/context';
import { etagOf, expectedVersion } from '../../platform/http/etag';
import { createRouter, json, jsonBody, problem, route } from '../../platform/http/openapi';
import { decodeCursor, pageOf } from '../../platform/http/pagination';
import { DomainError } from '../../platform/errors';
import { history, recordAssessments } from './assessments';
import { gapsOf } from './gaps';
import { needsCsv, needsReport } from './needs';
import {
  assessmentSchema,
  bulkAssessmentsSchema,
  bulkResultSchema,
  competencyParams as itemParams,
  gapsSchema,
  historyQuery,
  needsQuery,
  needsSchema,
  newAssessmentSchema,
  selfAssessmentSchema,
  standardsInputSchema,
  standardsSchema,
} from './schemas';
import { getStandards, putStandards } from './standards';
import { tenantParams } from '../../platform/http/params';

const admin = ['tenant_admin'] as const;
const refused = { 422: problem('An employee or competency does not exist in this tenant'), 409: problem('Something was removed meanwhile') };

export const needsRoutes = createRouter()
  .openapi(
    route({
      method: 'get', path: '/tenants/{tenant}/positions/{id}/standards', tags: ['Positions'], roles: ['tenant_admin', 'employee', 'national_admin'],
      summary: "The position's competency standard: required level and weight per competency (ETag: its version)",
      request: { params: itemParams },
      responses: { 200: json(standardsSchema, 'The standard') },
    }),
    async (c) => {
      const standards = await getStandards(serviceContext(c), c.req.valid('param').id);
      c.header('etag', etagOf(standards.version));
      return c.json(standards, 200);
    },
  )
  .openapi(
    route({
      method: 'put', path: '/tenants/{tenant}/positions/{id}/standards', tags: ['Positions'], roles: admin,
      summary: 'Replace the standard (If-Match required: "v0" before the first one)',
      request: { params: itemParams, body: jsonBody(standardsInputSchema) },
      responses: { 200: json(standardsSchema, 'The new standard'), 412: problem('If-Match is stale'), 428: problem('If-Match is missing'), ...refused },
    }),
    async (c) => {
      const standards = await putStandards(serviceContext(c), c.req.valid('param').id, expectedVersion(c), c.req.valid('json'));
      c.header('etag', etagOf(standards.version));
      return c.json(standards, 200);
    },
  )
  .openapi(
    route({
      method: 'post', path: '/tenants/{tenant}/assessments', tags: ['Assessments'], roles: admin,
      summary: "Record an assessment of an employee's level in a competency (Idempotency-Key honoured)",
      request: { params: tenantParams, body: jsonBody(newAssessmentSchema) },
      responses: { 201: json(assessmentSchema, 'Recorded'), ...refused },
    }),
    async (c) => {
      const [assessment] = await recordAssessments(serviceContext(c), [c.req.valid('json')], () => 'body');
      if (!assessment) throw new DomainError('internal', 'nothing was recorded');
      return c.json(assessment, 201);
    },
  )
  .openapi(
    route({
      method: 'post', path: '/tenants/{tenant}/assessments/bulk', tags: ['Assessments'], roles: admin,
      summary: 'Record up to 1,000 assessments at once: all or none',
      request: { params: tenantParams, body: jsonBody(bulkAssessmentsSchema) },
      responses: { 201: json(bulkResultSchema, 'Recorded'), ...refused },
    }),
    async (c) => {
      const recorded = await recordAssessments(serviceContext(c), c.req.valid('json').items, (i) => `body.items.${i}`);
      return c.json({ created: recorded.length, ids: recorded.map((a) => a.id) }, 201);
    },
  )
  .openapi(
    route({
      method: 'get', path: '/tenants/{tenant}/employees/{id}/assessments', tags: ['Assessments'], roles: ['tenant_admin', 'employee'],
      summary: 'Assessment history of an employee, newest first',
      request: { params: itemParams, query: historyQuery },
      responses: { 200: json(pageOf(assessmentSchema), 'A page of assessments') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      return c.json(await history(serviceContext(c), c.req.valid('param').id, { ...q, ...(key ? { cursor: key } : {}) }), 200);
    },
  )
  .openapi(
    route({
      method: 'get', path: '/tenants/{tenant}/employees/{id}/gaps', tags: ['Assessments'], roles: ['tenant_admin', 'employee'],
      summary: "An employee's gaps against their position's standard (unassessed reported apart, never as 0)",
      request: { params: itemParams },
      responses: { 200: json(gapsSchema, 'The gaps') },
    }),
    async (c) => c.json(await gapsOf(serviceContext(c), c.req.valid('param').id), 200),
  )
  .openapi(
    route({
      method: 'get', path: '/tenants/{tenant}/needs', tags: ['Assessments'], roles: admin,
      summary: 'The needs report: employees with a gap, mean gap over assessed, weighted gap, unassessed, top priorities per group',
      request: { params: tenantParams, query: needsQuery },
      responses: { 200: json(needsSchema, 'Groups, largest weighted gap first') },
    }),
    async (c) => c.json(await needsReport(serviceContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    route({
      method: 'get', path: '/tenants/{tenant}/needs.csv', tags: ['Assessments'], roles: admin,
      summary: 'The needs report as CSV, one line per group (same query as /needs)',
      request: { params: tenantParams, query: needsQuery },
      responses: { 200: { description: 'The report', content: { 'text/csv': { schema: z.string() } } } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const report = await needsReport(serviceContext(c), { ...query, priorities: 0 });
      c.header('content-disposition', `attachment; filename="needs-${serviceContext(c).tenant.slug}-${query.groupBy}.csv"`);
      return c.body(needsCsv(report), 200, { 'content-type': 'text/csv; charset=utf-8' });
    },
  )
  .openapi(
    route({
      method: 'get', path: '/me/gaps', tags: ['Me'], roles: ['employee'],
      summary: "The caller's own gaps against their position's standard",
      responses: { 200: json(gapsSchema, 'The gaps') },
    }),
    async (c) => {
      const ctx = callerContext(c, 'employee');
      return c.json(await gapsOf(ctx, ctx.employeeId), 200);
    },
  )
  .openapi(
    route({
      method: 'post', path: '/me/assessments', tags: ['Me'], roles: ['employee'],
      summary: "The caller's self-assessment (source `self`, the weakest source: an assessment by anyone else on the same date wins)",
      request: { body: jsonBody(selfAssessmentSchema) },
      responses: { 201: json(assessmentSchema, 'Recorded'), ...refused },
    }),
    async (c) => {
      const ctx = callerContext(c, 'employee');
      const input = c.req.valid('json');
      const [assessment] = await recordAssessments(ctx, [{ ...input, employeeId: ctx.employeeId, source: 'self', assessor: 'self' }], () => 'body');
      if (!assessment) throw new DomainError('internal', 'nothing was recorded');
      return c.json(assessment, 201);
    },
  );
