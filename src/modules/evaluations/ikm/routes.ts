/**
 * HTTP face of the public satisfaction surveys (IKM). For the tenant admin only: responses are
 * recorded by the region's staff, and the report, though it holds no personal data, is the
 * region's own.
 */
import { json, jsonBody, problem, route, tenantRouter } from '../../../platform/http/openapi';
import { decodeCursor } from '../../../platform/http/pagination';
import { tenantParams } from '../../../platform/http/params';
import { listSurveyUnits, setPublication } from './publications';
import {
  ikmQuery,
  ikmRecordedSchema,
  ikmReportSchema,
  ikmResponsesInput,
  publicationInput,
  publicationParams,
  publicationSchema,
  surveyUnitPageSchema,
  surveyUnitQuery,
} from './schemas';
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
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/surveys/ikm/units',
      tags: ['Evaluations'],
      roles: admin,
      summary: "Every unit's public survey: the form's path (link and poster), the results page's path and whether it is public",
      request: { params: tenantParams, query: surveyUnitQuery },
      responses: { 200: json(surveyUnitPageSchema, 'A page of units, by code') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 1) as [string] | undefined;
      return c.json(await listSurveyUnits({ ctx: c.get('ctx'), input: { ...q, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/tenants/{tenant}/surveys/ikm/units/{id}/publication',
      tags: ['Evaluations'],
      roles: admin,
      summary: "Publish a unit's IKM results on its public page, or withdraw them (ended periods of at least five responses only)",
      request: { params: publicationParams, body: jsonBody(publicationInput) },
      responses: { 200: json(publicationSchema, 'Saved'), 404: problem('No such unit') },
    }),
    async (c) => c.json(await setPublication({ ctx: c.get('ctx'), input: { id: c.req.valid('param').id, ...c.req.valid('json') } }), 200),
  );
