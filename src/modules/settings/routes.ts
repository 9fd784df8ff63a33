/** HTTP face of the tenant settings (self-assessment rule, JP targets per employment type), for the tenant admin, versioned by ETag/If-Match. */
import { etagOf, expectedVersion } from '../../platform/http/etag';
import { json, jsonBody, problem, route, tenantRouter } from '../../platform/http/openapi';
import { tenantParams } from '../../platform/http/params';
import { settingsInput, settingsSchema } from './schemas';
import { putTenantSettings, tenantSettingsOf } from './service';

const admin = ['tenant_admin'] as const;

export const settingsRoutes = tenantRouter()
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/settings',
      tags: ['Settings'],
      roles: admin,
      summary: 'Tenant settings: the self-assessment rule and the yearly JP target per employment type; version 0 while the defaults apply',
      request: { params: tenantParams },
      responses: { 200: json(settingsSchema, 'The settings in force') },
    }),
    async (c) => {
      const settings = await tenantSettingsOf({ ctx: c.get('ctx'), input: undefined });
      c.header('etag', etagOf(settings.version));
      return c.json(settings, 200);
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/tenants/{tenant}/settings',
      tags: ['Settings'],
      roles: admin,
      summary:
        'Save the tenant settings (If-Match required: "v0" before the first save); a new self-assessment rule re-chooses every current level at once',
      request: { params: tenantParams, body: jsonBody(settingsInput) },
      responses: { 200: json(settingsSchema, 'Saved'), 412: problem('If-Match is stale: read again'), 428: problem('If-Match is missing') },
    }),
    async (c) => {
      const settings = await putTenantSettings({
        ctx: c.get('ctx'),
        input: { expectedVersion: expectedVersion(c), changes: c.req.valid('json') },
      });
      c.header('etag', etagOf(settings.version));
      return c.json(settings, 200);
    },
  );
