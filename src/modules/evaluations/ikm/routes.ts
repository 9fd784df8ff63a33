/**
 * HTTP face of the public satisfaction surveys (IKM). For the tenant admin only: responses are
 * recorded by the region's staff, and the report, though it holds no personal data, is the
 * region's own.
 */
import { json, jsonBody, problem, route, tenantRouter } from '../../../platform/http/openapi';
import { tenantParams } from '../../../platform/http/params';
import { ikmQuery, ikmRecordedSchema, ikmReportSchema, ikmResponsesInput } from './schemas';
import { ikmReport, recordIkmResponses } from './surveys';

const admin = ['tenant_admin'] as const;

export const ikmRoutes = tenantRouter()
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/surveys/ikm/responses',
      tags: ['Evaluations'],
      roles: admin,
      summary: 'Record public satisfaction survey responses (1 to 1,000; all or none)',
      request: { params: tenantParams, body: jsonBody(ikmResponsesInput) },
      responses: {
        201: json(ikmRecordedSchema, 'Recorded'),
        409: problem('A unit was removed meanwhile: nothing was recorded'),
        422: problem('A unit does not exist in this tenant'),
      },
    }),
    async (c) => c.json(await recordIkmResponses({ ctx: c.get('ctx'), input: c.req.valid('json').responses }), 201),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/surveys/ikm',
      tags: ['Evaluations'],
      roles: admin,
      summary: 'IKM of a period per unit and for the tenant: responses, mean per element, IKM, converted score, grade',
      request: { params: tenantParams, query: ikmQuery },
      responses: { 200: json(ikmReportSchema, 'The report') },
    }),
    async (c) => c.json(await ikmReport({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  );
