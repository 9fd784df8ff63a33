/**
 * The admin's side of the public survey: every unit with its public address (the form's path, the
 * poster's QR code) and whether its results page is public, and the opt-in itself. Publishing is
 * one row per unit (`ikm_publications`); withdrawing deletes it. Both are audited.
 */
import { eq, sql } from 'drizzle-orm';
import { ikmPublications, units } from '../../../db/schema';
import { auditIfChanged } from '../../../platform/audit/audit';
import type { Call, TenantContext } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { after, page } from '../../../platform/http/pagination';
import { nowIso } from '../../../platform/ids';

/** The form's path of a unit: `/survei/{region}/{unit code}`; the results page adds `/hasil`. */
const surveyPath = (region: string, unitCode: string) => `/survei/${region}/${encodeURIComponent(unitCode)}`;

/** The tenant's units by code, each with its survey path and whether its results are public. */
export async function listSurveyUnits({ ctx, input: q }: Call<TenantContext, { limit: number; cursor?: [string] }>) {
  const rows = await ctx.db
    .select({
      id: units.id,
      code: units.code,
      name: units.name,
      resultsPublic: sql<number>`exists (select 1 from ${ikmPublications} p where p.tenant_id = ${units.tenantId} and p.unit_id = ${units.id})`,
    })
    .from(units)
    .where(after([units.code], q.cursor))
    .orderBy(units.code)
    .limit(q.limit + 1);
  return page(
    rows.map((r) => {
      const path = surveyPath(ctx.tenant.slug, r.code);
      return {
        id: r.id,
        code: r.code,
        name: r.name,
        surveyPath: path,
        resultsPath: `${path}/hasil`,
        resultsPublic: Boolean(r.resultsPublic),
      };
    }),
    q.limit,
    (r) => [r.code],
  );
}

/** Makes a unit's results page public or withdraws it; the same answer whatever it was before. */
export async function setPublication({ ctx, input }: Call<TenantContext, { id: string; resultsPublic: boolean }>) {
  const [unit] = await ctx.db.select({ id: units.id, code: units.code }).from(units).where(eq(units.id, input.id)).limit(1);
  if (!unit) throw notFound('unit');
  const now = nowIso();
  const write = input.resultsPublic
    ? ctx.db.insert(ikmPublications).values({ unitId: unit.id, createdAt: now }).onConflictDoNothing()
    : ctx.db.delete(ikmPublications).where(eq(ikmPublications.unitId, unit.id));
  const action = input.resultsPublic ? 'ikm.results.publish' : 'ikm.results.withdraw';
  await ctx.db.batch([write, auditIfChanged(ctx, action, 'unit', unit.id, now)]);
  return { id: unit.id, resultsPublic: input.resultsPublic };
}
