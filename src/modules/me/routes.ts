/**
 * GET /me: the caller's own view, for every role. There is no tenant in the path: the context is
 * the token's own tenant, or the national context for the national admin (who has no tenant), so
 * this route sits on a caller router and looks at which kind of context it got.
 */
import { callerRouter, json, route, tenantRouter } from '../../platform/http/openapi';
import { personalData, personalDataSchema } from './personal-data';
import { meSchema } from './schemas';
import { profileOf } from './service';

export const meRoutes = callerRouter().openapi(
  route({
    method: 'get',
    path: '/me',
    tags: ['Me'],
    roles: ['national_admin', 'tenant_admin', 'employee'],
    summary: 'Who the caller is: tenant, roles and, for an employee, their profile',
    responses: { 200: json(meSchema, 'The caller') },
  }),
  async (c) => {
    const ctx = c.get('ctx');
    const actor = ctx.actor;
    const tenant = ctx.kind === 'tenant' ? ctx.tenant : undefined;
    let employee = null;
    if (ctx.kind === 'tenant' && actor.employeeId) employee = await profileOf({ ctx, input: actor.employeeId });
    return c.json(
      {
        subject: actor.subject,
        roles: [...actor.roles],
        tenant: tenant ? { id: tenant.id, slug: tenant.slug, name: tenant.name } : null,
        employee,
      },
      200,
    );
  },
);

/**
 * GET /me/export: the employee's own data as a file to keep (`Content-Disposition: attachment`),
 * never cached (`no-store`, as every authenticated answer). A tenant route: `/me/…` always has the
 * token's tenant.
 */
export const meExportRoutes = tenantRouter().openapi(
  route({
    method: 'get',
    path: '/me/export',
    tags: ['Me'],
    roles: ['employee'],
    summary: 'Everything Bangkom holds about the caller, as one JSON file (UU 27/2022 right of access)',
    responses: {
      200: {
        description: 'The caller’s personal data, as an attachment',
        headers: {
          'Content-Disposition': { schema: { type: 'string' }, description: 'attachment; filename="bangkom-<tenant>-<employee id>.json"' },
        },
        content: { 'application/json': { schema: personalDataSchema } },
      },
    },
  }),
  async (c) => {
    const data = await personalData({ ctx: c.get('ctx') });
    c.header('content-disposition', `attachment; filename="bangkom-${data.tenant.slug}-${data.employee.id}.json"`);
    c.header('cache-control', 'no-store');
    return c.json(data, 200);
  },
);
