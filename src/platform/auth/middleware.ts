/**
 * `authenticate()` turns the bearer token into the request's principal (401 otherwise) and marks
 * every authenticated answer `Cache-Control: no-store`;
 * `authorize()` is attached to each route and checks its roles and the token's scope (403).
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env';
import { DomainError } from '../errors';
import { findTenant } from '../tenancy/directory';
import { claimsSchema, hasRole, type Principal, type Role, type Scope } from './principal';
import { maxTokenLength, verifyToken } from './verify';

const bearer = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;

export function authenticate(): MiddlewareHandler<AppEnv> {
  return async function authenticate(c, next) {
    const header = c.req.header('authorization');
    if (!header) throw new DomainError('unauthenticated', 'A bearer token is required.');
    if (header.length > maxTokenLength + 7) throw new DomainError('unauthenticated', 'The token is too large.');
    const token = bearer.exec(header)?.[1];
    if (!token) throw new DomainError('unauthenticated', 'The Authorization header must be "Bearer <token>".');

    const payload = await verifyToken(c.env, token);
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new DomainError('unauthenticated', 'The token does not carry valid Bangkom claims.');

    const { sub, tenant: slug, roles, employee_id, scope, sid } = claims.data;
    const own = c.env.AUTH_ISSUER !== undefined && payload.iss === c.env.AUTH_ISSUER;
    const principal: Principal = {
      subject: sub,
      roles,
      scopes: (scope ?? 'read write').split(' ') as Scope[],
      ...(employee_id ? { employeeId: employee_id } : {}),
      ...(own && sid ? { session: sid } : {}),
    };
    if (slug) {
      const tenant = await findTenant(c.env, c.get('meter'), slug);
      if (!tenant) throw new DomainError('unauthenticated', 'The token names an unknown tenant.');
      principal.tenant = tenant;
    }
    c.set('principal', principal);
    await next();
    // Personal data: no shared or browser cache may keep an authenticated answer (errors included).
    c.header('cache-control', 'no-store');
  };
}

const readMethods = new Set(['GET', 'HEAD']);

/**
 * Deny by default: the caller needs one of `allowed` and, for a write, the `write` scope. A token
 * limited to setting up a second factor reaches only the routes that allow it (`setup`); one that
 * still owes its second factor only the route that takes it (`secondFactor`).
 */
export function authorize(allowed: readonly Role[], options: { setup?: boolean; secondFactor?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async function authorize(c, next) {
    const principal = c.get('principal');
    if (principal.scopes.includes('two-factor')) {
      if (!options.secondFactor) throw new DomainError('forbidden', 'Give the second factor first (POST /api/v1/auth/two-factor/verify).');
      await next();
      return;
    }

    if (principal.scopes.includes('two-factor-setup')) {
      if (!options.setup) throw new DomainError('forbidden', 'Set up two-factor sign-in first (POST /api/v1/auth/two-factor/setup).');
      await next();
      return;
    }
    if (!hasRole(principal, ...allowed)) {
      throw new DomainError('forbidden', `This needs one of the roles: ${allowed.join(', ')}.`);
    }
    if (!readMethods.has(c.req.method) && !principal.scopes.includes('write')) {
      throw new DomainError('forbidden', 'This token is limited to reading.');
    }
    await next();
  };
}
