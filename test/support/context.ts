/**
 * Service-level tests get their context the way a request does: `contextFor(tenant, actor)` reads
 * the tenant's directory entry and builds the same scoped context the middleware builds.
 */
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { tenants } from '../../src/db/schema';
import type { Principal, Role } from '../../src/platform/auth/principal';
import { type TenantContext, tenantContext } from '../../src/platform/context';
import { CostMeter } from '../../src/platform/db/metered-d1';

export interface TestActor {
  subject?: string;
  roles?: Role[];
  employeeId?: string;
}

/** A tenant admin by default; pass `{ roles: ['employee'], employeeId }` for an employee. `meter` counts the cost. */
export async function contextFor(tenant: { id: string }, actor: TestActor = {}, meter = new CostMeter()): Promise<TenantContext> {
  const [entry] = await drizzle(env.DB).select().from(tenants).where(eq(tenants.id, tenant.id));
  if (!entry) throw new Error(`no tenant ${tenant.id} in the directory`);
  const principal: Principal = {
    subject: actor.subject ?? `test@${entry.slug}`,
    roles: actor.roles ?? ['tenant_admin'],
    scopes: ['read', 'write'],
    tenant: entry,
    ...(actor.employeeId ? { employeeId: actor.employeeId } : {}),
  };
  return tenantContext(env, meter, entry, principal, `req-${crypto.randomUUID()}`);
}
