/**
 * HTTP face of the public satisfaction surveys (IKM) and the tenant's evaluation settings. For the
 * tenant admin only: responses are recorded by the region's staff, and the report, though it
 * holds no personal data, is the region's own.
 */
import { serviceContext } from '../../platform/context';
import { etagOf, expectedVersion } from '../../platform/http/etag';
import { createRouter, json, jsonBody, problem, route } from '../../platform/http/openapi';
import { ikmQuery, ikmRecordedSchema, ikmReportSchema, ikmResponsesInput, settingsInput, settingsSchema } from './schemas';
import { evaluationSettingsOf, putEvaluationSettings } from './settings';
import { ikmReport, recordIkmResponses } from './surveys';
import { tenantParams } from '../../platform/http/params';

const admin = ['tenant_admin'] as const;

export const evaluationRoutes = createRouter()
  .openapi(
    route({
      method: 'post', path: '/tenants/{tenant}/surveys/ikm/responses', tags: ['Evaluations'], roles: admin,
      summary: 'Record public satisfaction survey responses (1 to 1,000; all or none)',
      request: { params: tenantParams, body: jsonBody(ikmResponsesInput) },
      responses: { 201: json(ikmRecordedSchema, 'Recorded'), 422: problem('A unit does not exist in this tenant') },
    }),
    async (c) => c.json(await recordIkmResponses(serviceContext(c), c.req.valid('json').responses), 201),
  )
  .openapi(
    route({
      method: 'get', path: '/tenants/{tenant}/surveys/ikm', tags: ['Evaluations'], roles: admin,
      summary: 'IKM of a period per unit and for the tenant: responses, mean per element, IKM, converted score, grade',
      request: { params: tenantParams, query: ikmQuery },
      responses: { 200: json(ikmReportSchema, 'The report') },
    }),
    async (c) => c.json(await ikmReport(serviceContext(c), c.req.valid('query')), 200),
  )
  .openapi(
    route({
      method: 'get', path: '/tenants/{tenant}/evaluation-settings', tags: ['Evaluations'], roles: admin,
      summary: 'Evaluation settings (L3 waiting days); version 0 while the defaults apply',
      request: { params: tenantParams },
      responses: { 200: json(settingsSchema, 'The settings in force') },
    }),
    async (c) => {
      const settings = await evaluationSettingsOf(serviceContext(c));
      c.header('etag', etagOf(settings.version));
      return c.json(settings, 200);
    },
  )
  .openapi(
    route({
      method: 'put', path: '/tenants/{tenant}/evaluation-settings', tags: ['Evaluations'], roles: admin,
      summary: 'Save the evaluation settings (If-Match required: "v0" before the first save)',
      request: { params: tenantParams, body: jsonBody(settingsInput) },
      responses: { 200: json(settingsSchema, 'Saved'), 412: problem('If-Match is stale: read again'), 428: problem('If-Match is missing') },
    }),
    async (c) => {
      const settings = await putEvaluationSettings(serviceContext(c), expectedVersion(c), c.req.valid('json'));
      c.header('etag', etagOf(settings.version));
      return c.json(settings, 200);
    },
  );
