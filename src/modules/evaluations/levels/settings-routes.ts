/** HTTP face of the tenant's evaluation settings (the L3 waiting days), for the tenant admin, versioned by ETag/If-Match. */
import { etagOf, expectedVersion } from '../../../platform/http/etag';
import { json, jsonBody, problem, route, tenantRouter } from '../../../platform/http/openapi';
import { tenantParams } from '../../../platform/http/params';
import { settingsInput, settingsSchema } from './schemas';
import { evaluationSettingsOf, putEvaluationSettings } from './settings';

const admin = ['tenant_admin'] as const;

export const evaluationSettingsRoutes = tenantRouter()
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/evaluation-settings',
      tags: ['Evaluations'],
      roles: admin,
      summary: 'Evaluation settings (L3 waiting days); version 0 while the defaults apply',
      request: { params: tenantParams },
      responses: { 200: json(settingsSchema, 'The settings in force') },
    }),
    async (c) => {
      const settings = await evaluationSettingsOf({ ctx: c.get('ctx'), input: undefined });
      c.header('etag', etagOf(settings.version));
      return c.json(settings, 200);
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/tenants/{tenant}/evaluation-settings',
      tags: ['Evaluations'],
      roles: admin,
      summary: 'Save the evaluation settings (If-Match required: "v0" before the first save)',
      request: { params: tenantParams, body: jsonBody(settingsInput) },
      responses: { 200: json(settingsSchema, 'Saved'), 412: problem('If-Match is stale: read again'), 428: problem('If-Match is missing') },
    }),
    async (c) => {
      const settings = await putEvaluationSettings({
        ctx: c.get('ctx'),
        input: { expectedVersion: expectedVersion(c), changes: c.req.valid('json') },
      });
      c.header('etag', etagOf(settings.version));
      return c.json(settings, 200);
    },
  );
