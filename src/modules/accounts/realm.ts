/**
 * Where an account lives: a tenant's accounts in the tenant's own database (through the scoped
 * handle), the national accounts as the national rows (`tenant_id = ''`) of the control database.
 * Sign-in has no token yet, so the realm comes from the request (`tenant` in the body, the
 * refresh token's prefix, the SSO path) and never widens what the account may reach: the tokens
 * it leads to carry the realm's tenant and the account's own roles.
 */
import { nationalTenant } from '../../db/schema';
import type { Bindings } from '../../env';
import type { Principal } from '../../platform/auth/principal';
import type { NationalContext, TenantContext } from '../../platform/context';
import type { CostMeter } from '../../platform/db/metered-d1';
import { findTenant, type TenantEntry, tenantDatabase } from '../../platform/tenancy/directory';
import { TenantDb } from '../../platform/tenancy/scoped-db';

export interface Realm {
  /** The tenant, or undefined for the national accounts. */
  tenant: TenantEntry | undefined;
  db: TenantDb;
  /** `tenant_id` of the realm's rows: the tenant's id, or '' for national accounts. */
  id: string;
  /** How refresh tokens name the realm: the tenant's slug, or `_` for national. */
  label: string;
}

/** Who the audit row names and the request it belongs to (an account, or nobody yet). */
export interface AuthCall {
  env: Bindings;
  meter: CostMeter;
  requestId: string;
  /** The caller's address, for the per-address lockout. */
  address: string;
  now: Date;
}

const nationalLabel = '_';

function nationalRealm(env: Bindings, meter: CostMeter): Realm {
  return { tenant: undefined, db: new TenantDb(nationalTenant, meter.wrap(env.DB)), id: nationalTenant, label: nationalLabel };
}

const tenantRealm = (env: Bindings, meter: CostMeter, tenant: TenantEntry): Realm => ({
  tenant,
  db: new TenantDb(tenant.id, meter.wrap(tenantDatabase(env, tenant.database))),
  id: tenant.id,
  label: tenant.slug,
});

/** The realm a sign-in names: no tenant for national accounts; undefined for an unknown tenant. */
export async function realmNamed(call: AuthCall, slug: string | undefined): Promise<Realm | undefined> {
  if (slug === undefined || slug === nationalLabel) return nationalRealm(call.env, call.meter);
  const tenant = await findTenant(call.env, call.meter, slug);
  return tenant ? tenantRealm(call.env, call.meter, tenant) : undefined;
}

/** The realm of an authenticated caller's own context (tenant accounts or the national ones). */
export function realmOfContext(ctx: TenantContext | NationalContext): Realm {
  if (ctx.kind === 'tenant') return { tenant: ctx.tenant, db: ctx.db, id: ctx.tenant.id, label: ctx.tenant.slug };
  return { tenant: undefined, db: ctx.national.accounts(), id: nationalTenant, label: nationalLabel };
}

/** The actor an audit row names during sign-in, before any token exists. */
export const signInActor = (subject: string, roles: Principal['roles'] = []): Principal => ({ subject, roles, scopes: [] });
