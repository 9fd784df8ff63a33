/**
 * Keeps the per-tenant aggregates current. A tenant is due when it was never computed for the
 * year, when its data changed since (its latest audit id or directory version differ from the
 * mark stored with the summary — every write is audited), or when its summary is older than
 * `staleAfterMs` (a safety net for anything that changes without an audit row). Work per run is
 * bounded: at most `limit` tenants are computed, never-computed first, then the oldest; the
 * rest wait for the next run. Finding who is due costs one query on the control database and
 * one per database binding, whatever the number of tenants' employees.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { auditLog, tenantScope, tenantSummaries, tenants } from '../../db/schema';
import { yearIn } from '../../platform/calendar';
import type { Call, NationalContext } from '../../platform/context';
import type { TenantEntry } from '../../platform/tenancy/directory';
import { computeTenantSummary, sourceMark } from './compute';

/** Tenants computed per scheduled run (hourly): 50 an hour covers 500 tenants' changes in 10 hours at worst. */
export const scheduledBatch = 50;
const staleAfterMs = 24 * 3_600_000;

export interface RefreshResult {
  year: number | null;
  refreshed: { tenant: string; computedAt: string }[];
  /** Tenants that could not be computed this time (they stay due). */
  failed: string[];
  /** Tenants still due after this run. */
  remaining: number;
}

interface Candidate {
  tenant: TenantEntry;
  year: number;
  computedAt: string | null;
  mark: string | null;
}

/** Every tenant with its stored `tenant` row for its year (`year`, or each tenant's current year). */
async function candidates(ctx: NationalContext, year: number | undefined, now: Date): Promise<Candidate[]> {
  const control = ctx.national.control;
  // Each tenant's current year depends on its time zone: near New Year two years are current.
  const years = year ? [year] : [...new Set((['Asia/Jakarta', 'Asia/Jayapura'] as const).map((timeZone) => yearIn({ timeZone }, now)))];
  const rows = await control
    .select({ tenant: tenants, year: tenantSummaries.year, computedAt: tenantSummaries.computedAt, mark: tenantSummaries.sourceMark })
    .from(tenants)
    .leftJoin(
      tenantSummaries,
      and(eq(tenantSummaries.tenantId, tenants.id), inArray(tenantSummaries.year, years), eq(tenantSummaries.scope, tenantScope)),
    )
    .orderBy(asc(tenants.slug));
  const wanted = (t: TenantEntry) => year ?? yearIn(t, now);
  const byTenant = new Map<string, Candidate>();
  for (const r of rows) {
    const y = wanted(r.tenant);
    const hit = r.year === y;
    if (!byTenant.has(r.tenant.id) || hit) {
      byTenant.set(r.tenant.id, { tenant: r.tenant, year: y, computedAt: hit ? r.computedAt : null, mark: hit ? r.mark : null });
    }
  }
  return [...byTenant.values()];
}

/** The current mark of each tenant, one statement per database binding. */
async function currentMarks(ctx: NationalContext, list: Candidate[]): Promise<Map<string, string>> {
  const byBinding = new Map<string, Candidate[]>();
  for (const c of list) byBinding.set(c.tenant.database, [...(byBinding.get(c.tenant.database) ?? []), c]);
  const databases = new Map(ctx.national.databases().map((d) => [d.binding, d.orm]));
  const marks = new Map<string, string>();
  for (const [binding, group] of byBinding) {
    // A binding missing from the configuration leaves its tenants without a mark: they count as due and fail alone.
    const orm = databases.get(binding);
    if (!orm) continue;
    // Deliberately raw and unscoped: a national aggregate over the many tenants sharing this
    // binding (one statement per binding, not per tenant), reading only each one's latest audit id.
    // A tenant-scoped handle serves one tenant, so this cannot go through ctx.national.tenant(entry).
    const results = await orm.all<{ tenant_id: string; mark: string | null }>(
      sql`select value as tenant_id, (select max(a.id) from ${auditLog} a where a.tenant_id = value) as mark from json_each(${JSON.stringify(group.map((c) => c.tenant.id))})`,
    );
    const entries = new Map(group.map((c) => [c.tenant.id, c.tenant]));
    for (const r of results) marks.set(r.tenant_id, sourceMark(r.mark, entries.get(r.tenant_id) as TenantEntry));
  }
  return marks;
}

export interface RefreshOptions {
  /** The year to refresh; default each tenant's current year on its own wall clock. */
  year?: number;
  /** Only this tenant, computed whether due or not. */
  tenant?: TenantEntry;
  limit: number;
  now?: Date;
}

export interface DueTenant {
  tenant: TenantEntry;
  year: number;
}

/** The tenants a refresh computes now (at most `limit`, never-computed first, then the oldest), and how many stay due. */
export async function dueForRefresh({
  ctx,
  input: options,
}: Call<NationalContext, RefreshOptions>): Promise<{ due: DueTenant[]; remaining: number }> {
  const now = options.now ?? new Date();
  if (options.tenant) return { due: [{ tenant: options.tenant, year: options.year ?? yearIn(options.tenant, now) }], remaining: 0 };
  const list = await candidates(ctx, options.year, now);
  const marks = await currentMarks(
    ctx,
    list.filter((c) => c.computedAt !== null),
  );
  const staleBefore = new Date(now.getTime() - staleAfterMs).toISOString();
  const due = list
    .filter((c) => c.computedAt === null || c.computedAt < staleBefore || marks.get(c.tenant.id) !== c.mark)
    .sort((a, b) => (a.computedAt ?? '').localeCompare(b.computedAt ?? '') || a.tenant.slug.localeCompare(b.tenant.slug));
  const chosen = due.slice(0, options.limit).map((c) => ({ tenant: c.tenant, year: c.year }));
  return { due: chosen, remaining: due.length - chosen.length };
}

/** One tenant's summary computed; a tenant that cannot be (its binding gone from the configuration) is reported, not thrown. */
export async function refreshTenant({
  ctx,
  input,
}: Call<NationalContext, DueTenant>): Promise<{ tenant: string; computedAt: string | null }> {
  try {
    return { tenant: input.tenant.slug, computedAt: await computeTenantSummary({ ctx, input }) };
  } catch (err) {
    console.error(`national summary of ${input.tenant.slug} could not be computed`, err);
    return { tenant: input.tenant.slug, computedAt: null };
  }
}

/** Adds up the tenants computed: what was refreshed, what failed (it stays due), and how many remain due. */
export function refreshResult(
  year: number | undefined,
  outcomes: { tenant: string; computedAt: string | null }[],
  remaining: number,
): RefreshResult {
  const refreshed = outcomes.flatMap((o) => (o.computedAt === null ? [] : [{ tenant: o.tenant, computedAt: o.computedAt }]));
  const failed = outcomes.filter((o) => o.computedAt === null).map((o) => o.tenant);
  return { year: year ?? null, refreshed, failed, remaining: remaining + failed.length };
}

/** One tenant named: computed whether due or not; its failure is the caller's. */
export async function refreshNamed({ ctx, input }: Call<NationalContext, DueTenant>): Promise<RefreshResult> {
  const computedAt = await computeTenantSummary({ ctx, input });
  return { year: input.year, refreshed: [{ tenant: input.tenant.slug, computedAt }], failed: [], remaining: 0 };
}

export async function refreshSummaries({ ctx, input: options }: Call<NationalContext, RefreshOptions>): Promise<RefreshResult> {
  const { due, remaining } = await dueForRefresh({ ctx, input: options });
  if (options.tenant && due[0]) return refreshNamed({ ctx, input: due[0] });
  const outcomes = [];
  for (const c of due) outcomes.push(await refreshTenant({ ctx, input: c }));
  return refreshResult(options.year, outcomes, remaining);
}
