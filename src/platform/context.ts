/**
 * What a service receives: the tenant, the actor and the scoped database, plus the request id
 * for the audit log. Services never see the Hono context.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import type { Principal } from './auth/principal';
import type { TenantEntry } from './tenancy/directory';
import { DomainError } from './errors';
import type { TenantDb } from './tenancy/scoped-db';
import { tenantDbFor } from './tenancy/tenant-db';

export interface ServiceContext {
  tenant: TenantEntry;
  actor: Principal;
  db: TenantDb;
  requestId: string;
}

export const serviceContext = (c: Context<AppEnv>): ServiceContext => ({
  tenant: c.get('tenant'),
  actor: c.get('principal'),
  db: c.get('db'),
  requestId: c.get('requestId'),
});

/**
 * For `/me/…` routes, outside `/tenants/{tenant}` (the tenancy middleware does not run there): the
 * caller's own tenant, from the verified token, with its scoped database. With `employee`, the
 * token must also name the caller's employee record.
 */
export function callerContext(c: Context<AppEnv>): ServiceContext;
export function callerContext(c: Context<AppEnv>, need: 'employee'): ServiceContext & { employeeId: string };
export function callerContext(c: Context<AppEnv>, need?: 'employee'): ServiceContext & { employeeId?: string } {
  const actor = c.get('principal');
  if (!actor.tenant) throw new DomainError('forbidden', 'This needs a tenant token.');
  if (need === 'employee' && !actor.employeeId) throw new DomainError('forbidden', 'This needs an employee token.');
  const ctx = { tenant: actor.tenant, actor, db: tenantDbFor(c.env, c.get('meter'), actor.tenant), requestId: c.get('requestId') };
  return actor.employeeId ? { ...ctx, employeeId: actor.employeeId } : ctx;
}
