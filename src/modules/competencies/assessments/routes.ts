/**
 * HTTP face of assessments and gaps: recording assessments (one, or up to 1,000 at once), an
 * employee's history and gaps (`/tenants/{tenant}/employees/{id}/…`), and the caller's own gaps
 * and self-assessment (`/me/…`). Personal data: the national admin is refused; an employee reads
 * only their own record (404 for anyone else).
 */
import { json, jsonBody, problem, route, tenantRouter } from '../../../platform/http/openapi';
import { decodeCursor, pageOf } from '../../../platform/http/pagination';
import { tenantParams } from '../../../platform/http/params';
import { history, recordAssessment, recordBulk, selfAssess } from './assessments';
import { employeeGaps, ownGaps } from './gaps';
import {
  assessmentSchema,
  bulkAssessmentsSchema,
  bulkResultSchema,
  employeeParams,
  gapsSchema,
  historyQuery,
  newAssessmentSchema,
  selfAssessmentSchema,
} from './schemas';

const admin = ['tenant_admin'] as const;
const refused = {
  422: problem('An employee or competency does not exist in this tenant'),
  409: problem('Something was removed meanwhile'),
};

export const assessmentRoutes = tenantRouter()
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/assessments',
      tags: ['Assessments'],
      roles: admin,
      summary: "Record an assessment of an employee's level in a competency (Idempotency-Key honoured)",
      request: { params: tenantParams, body: jsonBody(newAssessmentSchema) },
      responses: { 201: json(assessmentSchema, 'Recorded'), ...refused },
    }),
    async (c) => c.json(await recordAssessment({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/assessments/bulk',
      tags: ['Assessments'],
      roles: admin,
      summary: 'Record up to 1,000 assessments at once: all or none',
      request: { params: tenantParams, body: jsonBody(bulkAssessmentsSchema) },
      responses: { 201: json(bulkResultSchema, 'Recorded'), ...refused },
    }),
    async (c) => c.json(await recordBulk({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/employees/{id}/assessments',
      tags: ['Assessments'],
      roles: ['tenant_admin', 'employee'],
      summary: 'Assessment history of an employee, newest first',
      request: { params: employeeParams, query: historyQuery },
      responses: { 200: json(pageOf(assessmentSchema), 'A page of assessments') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      const input = { employeeId: c.req.valid('param').id, ...q, ...(key ? { cursor: key } : {}) };
      return c.json(await history({ ctx: c.get('ctx'), input }), 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/employees/{id}/gaps',
      tags: ['Assessments'],
      roles: ['tenant_admin', 'employee'],
      summary: "An employee's gaps against their position's standard (unassessed reported apart, never as 0)",
      request: { params: employeeParams },
      responses: { 200: json(gapsSchema, 'The gaps') },
    }),
    async (c) => c.json(await employeeGaps({ ctx: c.get('ctx'), input: { employeeId: c.req.valid('param').id } }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/me/gaps',
      tags: ['Me'],
      roles: ['employee'],
      summary: "The caller's own gaps against their position's standard",
      responses: { 200: json(gapsSchema, 'The gaps') },
    }),
    async (c) => c.json(await ownGaps({ ctx: c.get('ctx'), input: undefined }), 200),
  )
  .openapi(
    route({
      method: 'post',
      path: '/me/assessments',
      tags: ['Me'],
      roles: ['employee'],
      summary:
        "The caller's self-assessment (source `self`): by default the current level only while no other source has assessed the competency (tenant settings)",
      request: { body: jsonBody(selfAssessmentSchema) },
      responses: { 201: json(assessmentSchema, 'Recorded'), ...refused },
    }),
    async (c) => c.json(await selfAssess({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  );
