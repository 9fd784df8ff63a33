/**
 * The scoped database of a tenant the request has already established — for routes outside
 * /tenants/{tenant} (such as /me) where the tenancy middleware does not run and the tenant comes
 * from the verified token alone. Never call it with a tenant taken from a path, header or body.
 */
import type { Bindings } from '../../env';
import type { CostMeter } from '../db/metered-d1';
import type { TenantEntry } from './directory';
import { tenantDatabase } from './directory';
import { TenantDb } from './scoped-db';

export const tenantDbFor = (env: Bindings, meter: CostMeter, tenant: TenantEntry): TenantDb =>
  new TenantDb(tenant.id, meter.wrap(tenantDatabase(env, tenant.database)));
