/**
 * HTTP face of position standards: `/tenants/{tenant}/positions/{id}/standards`, read by anyone of
 * the tenant (and the national admin), replaced by the tenant admin at the version read (If-Match).
 */
import { etagOf, expectedVersion } from '../../../platform/http/etag';
import { json, jsonBody, problem, route, tenantRouter } from '../../../platform/http/openapi';
import { positionParams, standardsInputSchema, standardsSchema } from './schemas';
import { getStandards, putStandards } from './service';

const refused = {
  422: problem('An employee or competency does not exist in this tenant'),
  409: problem('Something was removed meanwhile'),
};

export const standardRoutes = tenantRouter()
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/positions/{id}/standards',
      tags: ['Positions'],
      roles: ['tenant_admin', 'employee', 'national_admin'],
      summary: "The position's competency standard: required level and weight per competency (ETag: its version)",
      request: { params: positionParams },
      responses: { 200: json(standardsSchema, 'The standard') },
    }),
    async (c) => {
      const standards = await getStandards({ ctx: c.get('ctx'), input: { positionId: c.req.valid('param').id } });
      c.header('etag', etagOf(standards.version));
      return c.json(standards, 200);
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/tenants/{tenant}/positions/{id}/standards',
      tags: ['Positions'],
      roles: ['tenant_admin'],
      summary: 'Replace the standard (If-Match required: "v0" before the first one)',
      request: { params: positionParams, body: jsonBody(standardsInputSchema) },
      responses: {
        200: json(standardsSchema, 'The new standard'),
        412: problem('If-Match is stale'),
        428: problem('If-Match is missing'),
        ...refused,
      },
    }),
    async (c) => {
      const input = { positionId: c.req.valid('param').id, expectedVersion: expectedVersion(c), standards: c.req.valid('json') };
      const standards = await putStandards({ ctx: c.get('ctx'), input });
      c.header('etag', etagOf(standards.version));
      return c.json(standards, 200);
    },
  );
