/**
 * The national summaries as read: every tenant's stored `tenant` row for a year (one index range
 * in the control database, rows read proportional to tenants, never to employees), or one
 * tenant's rows by unit. Each answer says when each tenant was computed and how old the oldest
 * figure is; a tenant never computed is shown as such, never as zeros. Aggregates only.
 */
import { and, asc, eq } from 'drizzle-orm';
import { tenantScope, tenantSummaries, tenants } from '../../db/schema';
import { yearIn } from '../../platform/calendar';
import type { Call, NationalContext } from '../../platform/context';
import { writeCsv } from '../../platform/csv';
import { notFound } from '../../platform/errors';
import type { TenantEntry } from '../../platform/tenancy/directory';
import type { StoredFigures } from './compute';
import { discloseGroup, type Figures, sumFigures } from './disclosure';
import { minimumPeople, summaryProviders } from './providers';

/** The default year: the current one in western Indonesia (WIB), where most tenants are. */
export const defaultYear = () => yearIn({ timeZone: 'Asia/Jakarta' });

const legend = () => summaryProviders.map((p) => ({ name: p.name, kind: p.kind, description: p.description }));

const publicTenant = (t: Pick<TenantEntry, 'slug' | 'name' | 'kind' | 'regionCode'>) => ({
  slug: t.slug,
  name: t.name,
  kind: t.kind,
  regionCode: t.regionCode,
});

function freshness(computedAt: (string | null)[]) {
  const done = computedAt.filter((c): c is string => c !== null).sort();
  return {
    oldestComputedAt: done[0] ?? null,
    newestComputedAt: done.at(-1) ?? null,
    tenantsComputed: done.length,
    tenantsNotComputed: computedAt.length - done.length,
  };
}

export async function nationalSummary({ ctx, input: { year = defaultYear() } }: Call<NationalContext, { year?: number | undefined }>) {
  const rows = await ctx.national.control
    .select({
      slug: tenants.slug,
      name: tenants.name,
      kind: tenants.kind,
      regionCode: tenants.regionCode,
      employees: tenantSummaries.employees,
      figures: tenantSummaries.figures,
      computedAt: tenantSummaries.computedAt,
    })
    .from(tenants)
    .leftJoin(
      tenantSummaries,
      and(eq(tenantSummaries.tenantId, tenants.id), eq(tenantSummaries.year, year), eq(tenantSummaries.scope, tenantScope)),
    )
    .orderBy(asc(tenants.slug));
  const computed = rows.filter((r) => r.computedAt !== null);
  const stored = computed.map((r) => JSON.parse(r.figures as string) as StoredFigures);
  const total = sumFigures(stored);
  const disclosed = discloseGroup(stored, total);
  const byTenant = new Map(computed.map((r, i) => [r.slug, disclosed.cells[i] as Figures]));
  return {
    year,
    minimumPeople,
    freshness: freshness(rows.map((r) => r.computedAt)),
    figures: legend(),
    total: { tenants: computed.length, employees: computed.reduce((n, r) => n + (r.employees ?? 0), 0), figures: disclosed.total },
    tenants: rows.map((r) => ({
      ...publicTenant(r),
      status: r.computedAt === null ? ('not_computed' as const) : ('computed' as const),
      computedAt: r.computedAt,
      employees: r.employees,
      figures: byTenant.get(r.slug) ?? null,
    })),
  };
}

export async function tenantSummaryByUnit({
  ctx,
  input: { slug, year = defaultYear() },
}: Call<NationalContext, { slug: string; year?: number | undefined }>) {
  const control = ctx.national.control;
  const [tenant] = await control.select().from(tenants).where(eq(tenants.slug, slug)).limit(1);
  if (!tenant) throw notFound('tenant');
  const rows = await control
    .select()
    .from(tenantSummaries)
    .where(and(eq(tenantSummaries.tenantId, tenant.id), eq(tenantSummaries.year, year)));
  const whole = rows.find((r) => r.scope === tenantScope);
  const units = rows
    .filter((r) => r.scope !== tenantScope)
    .sort((a, b) => (a.unitCode ?? '').localeCompare(b.unitCode ?? '') || a.scope.localeCompare(b.scope));
  const base = { year, minimumPeople, tenant: publicTenant(tenant), figures: legend() };
  if (!whole) return { ...base, status: 'not_computed' as const, computedAt: null, total: null, units: [] };
  const disclosed = discloseGroup(
    units.map((u) => JSON.parse(u.figures) as StoredFigures),
    JSON.parse(whole.figures) as StoredFigures,
  );
  return {
    ...base,
    status: 'computed' as const,
    computedAt: whole.computedAt,
    total: { employees: whole.employees, figures: disclosed.total },
    units: units.map((u, i) => ({
      unitId: u.scope,
      code: u.unitCode,
      name: u.unitName,
      employees: u.employees,
      figures: disclosed.cells[i] as Figures,
    })),
  };
}

/** One line per tenant and a last line `TOTAL`; a suppressed figure is an empty cell, its reason in `notes`. */
export function nationalCsv(summary: Awaited<ReturnType<typeof nationalSummary>>): string {
  const names = summaryProviders.map((p) => p.name);
  const cells = (figures: Figures | null) => names.map((n) => (figures?.[n]?.value == null ? '' : String(figures[n]?.value)));
  const notes = (figures: Figures | null) =>
    names.flatMap((n) => (figures?.[n]?.suppressed ? [`${n}: ${figures[n]?.suppressed}`] : [])).join('; ');
  const rows = summary.tenants.map((t) => [
    t.slug,
    t.name,
    t.kind,
    t.regionCode,
    t.status,
    t.computedAt,
    t.employees === null ? '' : String(t.employees),
    ...cells(t.figures),
    notes(t.figures),
  ]);
  rows.push([
    'TOTAL',
    `${summary.total.tenants} tenants computed`,
    '',
    '',
    '',
    summary.freshness.oldestComputedAt,
    String(summary.total.employees),
    ...cells(summary.total.figures),
    notes(summary.total.figures),
  ]);
  return writeCsv(['tenant', 'name', 'kind', 'region_code', 'status', 'computed_at', 'employees', ...names, 'notes'], rows);
}
