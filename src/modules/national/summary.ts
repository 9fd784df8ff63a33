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
import { readStored } from './compute';
import { disclose, type Figures, sumFigures } from './disclosure';
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
  // A row stored in an older layout counts as not computed until the refresh rewrites it.
  const computed = new Map(
    rows.flatMap((r) => {
      const stored = r.computedAt === null ? null : readStored(r.figures as string);
      return stored ? [[r.slug, stored] as const] : [];
    }),
  );
  return {
    year,
    minimumPeople,
    freshness: freshness(rows.map((r) => (computed.has(r.slug) ? r.computedAt : null))),
    figures: legend(),
    total: {
      tenants: computed.size,
      employees: rows.reduce((n, r) => n + (computed.has(r.slug) ? (r.employees ?? 0) : 0), 0),
      figures: disclose(sumFigures([...computed.values()])),
    },
    tenants: rows.map((r) => {
      const stored = computed.get(r.slug);
      return {
        ...publicTenant(r),
        status: stored ? ('computed' as const) : ('not_computed' as const),
        computedAt: stored ? r.computedAt : null,
        employees: stored ? r.employees : null,
        figures: stored ? disclose(stored) : null,
      };
    }),
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
  const wholeFigures = whole ? readStored(whole.figures) : null;
  const units = rows
    .filter((r) => r.scope !== tenantScope)
    .sort((a, b) => (a.unitCode ?? '').localeCompare(b.unitCode ?? '') || a.scope.localeCompare(b.scope));
  const base = { year, minimumPeople, tenant: publicTenant(tenant), figures: legend() };
  if (!whole || !wholeFigures) return { ...base, status: 'not_computed' as const, computedAt: null, total: null, units: [] };
  return {
    ...base,
    status: 'computed' as const,
    computedAt: whole.computedAt,
    total: { employees: whole.employees, figures: disclose(wholeFigures) },
    units: units.map((u) => ({
      unitId: u.scope,
      code: u.unitCode,
      name: u.unitName,
      employees: u.employees,
      // Written in the same batch as the tenant row, so in the same layout.
      figures: disclose(readStored(u.figures) ?? {}),
    })),
  };
}

/**
 * One line per tenant and a last line `TOTAL`, the same figures as the JSON answer (perturbed the
 * same way); a suppressed figure is an empty cell, its reason in `notes`.
 */
export function nationalCsv(summary: Awaited<ReturnType<typeof nationalSummary>>): string {
  const names = summaryProviders.map((p) => p.name);
  const cells = (figures: Figures | null) => names.map((n) => (figures?.[n]?.value == null ? '' : String(figures[n]?.value)));
  const notes = (figures: Figures | null) =>
    names
      .flatMap((n) => {
        const f = figures?.[n];
        return f && f.value === null ? [`${n}: ${f.suppressed}`] : [];
      })
      .join('; ');
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
