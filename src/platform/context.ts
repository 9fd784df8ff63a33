/**
 * The one request context. Middleware builds it once per request; handlers read `c.get('ctx')`
 * and pass it on, and every service is a function of `({ ctx, input })` that never sees Hono.
 *
 * Two kinds, so that a database handle exists only where it may be used:
 * - `TenantContext` on `/tenants/{tenant}/…` (the path's tenant, checked against the token) and on
 *   `/me/…` (the token's own tenant): `db` is scoped to that tenant.
 * - `NationalContext` on `/national/…` and the tenant directory (`/tenants`): `national` reaches the
 *   control database and, for national rows and aggregates, every tenant database binding. It has
 *   no tenant-scoped `db`.
 */
import { drizzle } from 'drizzle-orm/d1';
import { nationalTenant } from '../db/schema/competencies';
import type { Bindings } from '../env';
import type { Principal } from './auth/principal';
import type { CostMeter } from './db/metered-d1';
import { DomainError } from './errors';
import { databaseBindings, type TenantEntry, tenantDatabase } from './tenancy/directory';
import { type Orm, TenantDb } from './tenancy/scoped-db';

interface RequestContext {
  actor: Principal;
  requestId: string;
  env: Bindings;
}

export interface TenantContext extends RequestContext {
  kind: 'tenant';
  tenant: TenantEntry;
  db: TenantDb;
}

export interface NationalContext extends RequestContext {
  kind: 'national';
  national: NationalDb;
}

export type AnyContext = TenantContext | NationalContext;

/** The shape of every service: one object in, so adding an input never reorders arguments. */
export interface Call<C extends AnyContext, I = undefined> {
  ctx: C;
  input: I;
}

/** The databases the national level works with; each handle counts its cost on the request's meter. */
class NationalDb {
  constructor(
    private readonly env: Bindings,
    private readonly meter: CostMeter,
  ) {}

  /** The control database: the tenant directory, national summaries and the national audit trail. */
  get control(): Orm {
    return drizzle(this.meter.wrap(this.env.DB));
  }

  /** Every database binding tenants may live on (`DB` and each `DB_*`), for national rows kept in each. */
  databases(): { binding: string; orm: Orm }[] {
    return databaseBindings(this.env).map((binding) => ({ binding, orm: drizzle(this.meter.wrap(tenantDatabase(this.env, binding))) }));
  }

  bindings(): string[] {
    return databaseBindings(this.env);
  }

  /** The national rows (`tenant_id = ''`) of the control database through the scoped handle: national accounts. */
  accounts(): TenantDb {
    return new TenantDb(nationalTenant, this.meter.wrap(this.env.DB));
  }

  /** One tenant's scoped database, for aggregates computed inside it. */
  tenant(entry: TenantEntry): TenantDb {
    return tenantDbFor(this.env, this.meter, entry);
  }
}

const tenantDbFor = (env: Bindings, meter: CostMeter, tenant: TenantEntry): TenantDb =>
  new TenantDb(tenant.id, meter.wrap(tenantDatabase(env, tenant.database)));

export function tenantContext(env: Bindings, meter: CostMeter, tenant: TenantEntry, actor: Principal, requestId: string): TenantContext {
  return { kind: 'tenant', tenant, actor, requestId, env, db: tenantDbFor(env, meter, tenant) };
}

export function nationalContext(env: Bindings, meter: CostMeter, actor: Principal, requestId: string): NationalContext {
  return { kind: 'national', actor, requestId, env, national: new NationalDb(env, meter) };
}

/**
 * A national caller working inside one tenant (onboarding writes the tenant's own rows): the same
 * actor and request id, that tenant's scoped handle on the request's meter.
 */
export function asTenant(ctx: NationalContext, tenant: TenantEntry): TenantContext {
  return { kind: 'tenant', tenant, actor: ctx.actor, requestId: ctx.requestId, env: ctx.env, db: ctx.national.tenant(tenant) };
}

/** The caller's own employee id, for `/me/…` services; a token without one may not use them. */
export function ownEmployeeId(ctx: TenantContext): string {
  const id = ctx.actor.employeeId;
  if (!id) throw new DomainError('forbidden', 'This needs an employee token.');
  return id;
}
