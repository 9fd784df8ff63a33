/**
 * Builds the request's one context (platform/context.ts) from the verified principal and the path.
 *
 * - `/tenants/{tenant}/…`: a tenant-bound token must name the path's tenant (403 otherwise, before
 *   anything is looked up, so nothing leaks); the national admin may address any existing tenant
 *   (404 otherwise), and each route's roles still decide what it may see.
 * - `/me/…`: the token's own tenant (403 for a token without one).
 * - `/me` and the caller's own sign-in routes (`/auth/…`): the token's tenant when it has one, else
 *   the national context.
 * - everything else (`/national/…`, the directory at `/tenants`): the national context.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env';
import { nationalContext, tenantContext } from '../context';
import { DomainError, notFound } from '../errors';
import { findTenant } from './directory';

const tenantPath = /^\/api\/v1\/tenants\/([^/]+)(\/|$)/;
const mePath = /^\/api\/v1\/me(\/|$)/;
const ownAuthPath = /^\/api\/v1\/auth\//;

export function requestContext(): MiddlewareHandler<AppEnv> {
  return async function requestContext(c, next) {
    const actor = c.get('principal');
    const meter = c.get('meter');
    const requestId = c.get('requestId');
    const path = c.req.path;
    const slug = tenantPath.exec(path)?.[1];
    if (slug !== undefined) {
      let tenant = actor.tenant;
      if (tenant) {
        if (tenant.slug !== decodeURIComponent(slug)) throw new DomainError('forbidden', 'This token belongs to another tenant.');
      } else {
        tenant = await findTenant(c.env, meter, decodeURIComponent(slug));
        if (!tenant) throw notFound('tenant');
      }
      c.set('ctx', tenantContext(c.env, meter, tenant, actor, requestId));
    } else if (ownAuthPath.test(path) && actor.tenant) {
      c.set('ctx', tenantContext(c.env, meter, actor.tenant, actor, requestId));
    } else if (mePath.test(path) && (actor.tenant || path !== '/api/v1/me')) {
      if (!actor.tenant) throw new DomainError('forbidden', 'This needs a tenant token.');
      c.set('ctx', tenantContext(c.env, meter, actor.tenant, actor, requestId));
    } else {
      c.set('ctx', nationalContext(c.env, meter, actor, requestId));
    }
    await next();
  };
}
