/**
 * GET /me: the caller's own view, for every role. There is no tenant in the path: the context is
 * the token's own tenant, or the national context for the national admin (who has no tenant), so
 * this route sits on a caller router and looks at which kind of context it got.
 */
import { callerRouter, json, route } from '../../platform/http/openapi';
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
