/**
 * Tenancy for `/api/v1/tenants/{tenant}/…`: a tenant-bound token must name the path's tenant
 * (403 otherwise, before anything is looked up, so nothing leaks); the national admin may address
 * any existing tenant (404 otherwise), and each route's roles still decide what it may see. Sets
 * `tenant` and the tenant-scoped `db`, pointed at the binding the directory names.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env';
import { DomainError, notFound } from '../errors';
import { controlDb, findTenant } from './directory';
import { tenantDbFor } from './tenant-db';

export function tenancy(): MiddlewareHandler<AppEnv> {
  return async function tenancy(c, next) {
    const slug = c.req.param('tenant') ?? '';
    const principal = c.get('principal');
    const meter = c.get('meter');
    let tenant = principal.tenant;
    if (tenant) {
      if (tenant.slug !== slug) throw new DomainError('forbidden', 'This token belongs to another tenant.');
    } else {
      tenant = await findTenant(controlDb(c.env, meter), slug);
      if (!tenant) throw notFound('tenant');
    }
    c.set('tenant', tenant);
    c.set('db', tenantDbFor(c.env, meter, tenant));
    await next();
  };
}
