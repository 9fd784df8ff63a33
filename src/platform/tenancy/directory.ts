/**
 * The tenant directory: which regional governments exist and which D1 binding holds each one's
 * data. Read from the control database; the only place that turns a binding name into a database.
 */
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { tenants } from '../../db/schema';
import type { Bindings } from '../../env';
import type { CostMeter } from '../db/metered-d1';

export type TenantEntry = typeof tenants.$inferSelect;

export const controlDb = (env: Bindings, meter: CostMeter) => drizzle(meter.wrap(env.DB));
export type ControlDb = ReturnType<typeof controlDb>;

/**
 * Directory entries are read on every request and change only at onboarding, so each isolate keeps
 * the ones it has seen for a short while: one D1 round trip less per request. An entry can be at
 * most `directoryCacheMs` stale in another isolate (name, JP target); the binding that holds a
 * tenant never changes (onboarding refuses to move it), so isolation never depends on freshness.
 * Unknown slugs are not remembered: a new tenant is usable at once.
 */
const directoryCacheMs = 30_000;
const maxCached = 1000;
const cache = new Map<string, { entry: TenantEntry; until: number }>();

export function rememberTenant(entry: TenantEntry): void {
  cache.delete(entry.slug);
  if (cache.size >= maxCached) cache.delete(cache.keys().next().value as string);
  cache.set(entry.slug, { entry, until: Date.now() + directoryCacheMs });
}

/**
 * The directory entry a slug names. A lookup the cache did not serve is counted on the meter's
 * `directory` figures, apart from the request's own round trips (metered-d1.ts): it is the
 * isolate's cost, paid by whichever request comes first after the entry expired, and
 * `Server-Timing` reports it as `db-directory`. `fresh` skips the cache: for writers that compare
 * against the stored entry, whose read is their request's own work and counted as such.
 */
export async function findTenant(
  env: Bindings,
  meter: CostMeter,
  slug: string,
  options: { fresh?: boolean } = {},
): Promise<TenantEntry | undefined> {
  const hit = options.fresh ? undefined : cache.get(slug);
  if (hit && hit.until > Date.now()) return hit.entry;
  const db = drizzle(options.fresh ? meter.wrap(env.DB) : meter.wrapDirectory(env.DB));
  const [row] = await db.select().from(tenants).where(eq(tenants.slug, slug)).limit(1);
  if (row) rememberTenant(row);
  else cache.delete(slug);
  return row;
}

/** A directory entry by its id, read fresh (jobs, which outlive a request, name their tenant by id). */
export async function findTenantById(db: Pick<ControlDb, 'select'>, id: string): Promise<TenantEntry | undefined> {
  const [row] = await db.select().from(tenants).where(eq(tenants.id, id)).limit(1);
  return row;
}

/** Database bindings a tenant may be placed on: `DB` and every `DB_*` D1 binding. */
export function databaseBindings(env: Bindings): string[] {
  return Object.entries(env)
    .filter(([name, value]) => /^DB(_[A-Z0-9_]+)?$/.test(name) && isD1(value))
    .map(([name]) => name);
}

export function tenantDatabase(env: Bindings, binding: string): D1Database {
  const db: unknown = Reflect.get(env, binding);
  if (!/^DB(_[A-Z0-9_]+)?$/.test(binding) || !isD1(db)) {
    throw new Error(`The tenant database binding ${binding} is not configured`);
  }
  return db;
}

function isD1(value: unknown): value is D1Database {
  return typeof value === 'object' && value !== null && 'prepare' in value && 'batch' in value;
}
