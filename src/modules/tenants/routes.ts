import { etagOf } from '../../platform/http/etag';
import { json, jsonBody, nationalRouter, problem, route, tenantRouter } from '../../platform/http/openapi';
import { decodeCursor, pageOf, pageQuery } from '../../platform/http/pagination';
import { tenantParams } from '../../platform/http/params';
import { manifestSchema } from './manifest';
import { onboardingPreviewSchema, onboardingSchema, publicTenant, tenantSchema } from './schemas';
import { listTenants, onboard, previewOnboarding } from './service';

const tags = ['Tenants'];

/** The directory (`/tenants`): onboarding and the list, national routes. */
export const tenantRoutes = nationalRouter()
  .openapi(
    route({
      method: 'post',
      path: '/tenants',
      tags,
      roles: ['national_admin'],
      summary: 'Onboard or update a tenant from its manifest',
      description: 'Idempotent: applying the same manifest again changes nothing and answers 200 with `changed: false`.',
      request: { body: jsonBody(manifestSchema) },
      responses: {
        200: json(onboardingSchema, 'The tenant existed; it now matches the manifest'),
        201: json(onboardingSchema, 'The tenant was created'),
        409: problem('The manifest moves the tenant to another database'),
        422: problem('The manifest is not consistent (duplicate codes, unknown unit, unknown database)'),
      },
    }),
    async (c) => {
      const manifest = c.req.valid('json');
      const result = await onboard({ ctx: c.get('ctx'), input: manifest });
      const body = { ...result.body, tenant: publicTenant(result.body.tenant) };
      c.header('location', `/api/v1/tenants/${body.tenant.slug}`);
      return result.created ? c.json(body, 201) : c.json(body, 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/national/onboarding/preview',
      tags,
      roles: ['national_admin'],
      summary: 'What onboarding a manifest would change, without changing anything (a dry run of POST /tenants)',
      description:
        'Checks the manifest as `POST /tenants` does (the same 400, 409 and 422) and answers, per kind of row, how many applying it would create, update and leave unchanged, and which directory fields would change. Writes nothing, not even an audit entry.',
      request: { body: jsonBody(manifestSchema) },
      responses: {
        200: json(onboardingPreviewSchema, 'What applying the manifest would do'),
        409: problem('The manifest moves the tenant to another database'),
        422: problem('The manifest is not consistent (duplicate codes, unknown unit, unknown database)'),
      },
    }),
    async (c) => c.json(await previewOnboarding({ ctx: c.get('ctx'), input: c.req.valid('json') }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants',
      tags,
      roles: ['national_admin', 'tenant_admin'],
      summary: 'The tenant directory (a tenant admin sees only their own)',
      request: { query: pageQuery },
      responses: { 200: json(pageOf(tenantSchema), 'Tenants by slug') },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const key = decodeCursor(cursor, 1) as [string] | undefined;
      const { items, nextCursor } = await listTenants({ ctx: c.get('ctx'), input: { limit, cursor: key } });
      return c.json({ items: items.map(publicTenant), nextCursor }, 200);
    },
  );

/** One tenant's own entry (`/tenants/{tenant}`): a tenant route, the tenant is the context's. */
export const tenantEntryRoutes = tenantRouter().openapi(
  route({
    method: 'get',
    path: '/tenants/{tenant}',
    tags,
    roles: ['national_admin', 'tenant_admin', 'employee'],
    summary: 'One tenant: name, kind, region, time zone, JP target',
    request: { params: tenantParams },
    responses: { 200: json(tenantSchema, 'The tenant') },
  }),
  (c) => {
    const { tenant } = c.get('ctx');
    c.header('etag', etagOf(tenant.version));
    return c.json(publicTenant(tenant), 200);
  },
);
