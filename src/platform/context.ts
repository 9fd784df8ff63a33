/**
 * What a service receives: the tenant, the actor and the scoped database, plus the request id
 * for the audit log. Services never see the Hono context.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import type { Principal } from './auth/principal';
import type { TenantEntry } from './tenancy/directory';
import type { TenantDb } from './tenancy/scoped-db';

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
