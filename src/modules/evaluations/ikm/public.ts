/**
 * The public face of the satisfaction survey (IKM), for citizens without a token: a unit's form
 * (what the form needs to show: the region's and unit's names, the human check), one response to
 * it, and — where the region has opted the unit in — the unit's results page. A unit is named by
 * its region's slug and its own code, as printed on its poster.
 *
 * A response writes exactly one `ikm_responses` row of that unit and nothing else (no audit row:
 * an anonymous answer has no actor to name), dated today on the region's clock and filed under the
 * current semester (`2026-S1`, the period PermenPAN-RB 14/2017 surveys are commonly held over).
 * Its answer says only that it was received: nothing is read back.
 *
 * The results page shows aggregates of ended periods only, and only those of at least five
 * responses: a period still open would let anyone who answered compare the page before and after
 * and read their neighbours' answers from the difference.
 */
import { eq, sql } from 'drizzle-orm';
import { ikmPublications, ikmResponses, units } from '../../../db/schema';
import type { Bindings } from '../../../env';
import type { Principal } from '../../../platform/auth/principal';
import { todayIn } from '../../../platform/calendar';
import { type TenantContext, tenantContext } from '../../../platform/context';
import type { CostMeter } from '../../../platform/db/metered-d1';
import { notFound } from '../../../platform/errors';
import { challengeOf } from '../../../platform/http/challenge';
import { nowIso } from '../../../platform/ids';
import { findTenant } from '../../../platform/tenancy/directory';
import { ikmOf } from './formula';
import { comparePeriods, periodRange } from './periods';
import type { PublicIkmInput } from './schemas';
import { ikmResponseRow } from './surveys';

/** Results of a period are shown only from this many responses on. */
const minimumPublicResponses = 5;
/** The periods the results page lists, newest first. */
const shownPeriods = 8;

export interface PublicCall {
  env: Bindings;
  meter: CostMeter;
  requestId: string;
}

export interface SurveyAddress {
  region: string;
  unit: string;
}

/** Whoever answers a public survey: nobody in particular, and no role. */
const citizen: Principal = { subject: 'survei-publik', roles: [], scopes: [] };

interface SurveyUnit {
  ctx: TenantContext;
  unit: { id: string; code: string; name: string };
}

/** The region and unit a public address names; 404 alike for an unknown region or unit. */
async function surveyUnit(call: PublicCall, address: SurveyAddress): Promise<SurveyUnit> {
  const tenant = await findTenant(call.env, call.meter, address.region);
  if (!tenant) throw notFound('unit');
  const ctx = tenantContext(call.env, call.meter, tenant, citizen, call.requestId);
  const [unit] = await ctx.db
    .select({ id: units.id, code: units.code, name: units.name })
    .from(units)
    .where(eq(units.code, address.unit))
    .limit(1);
  if (!unit) throw notFound('unit');
  return { ctx, unit };
}

/** What the form shows: whose survey it is, and the human check to pass (null when none is configured). */
export async function surveyForm(call: PublicCall, address: SurveyAddress) {
  const { ctx, unit } = await surveyUnit(call, address);
  return { region: ctx.tenant.name, unit: { code: unit.code, name: unit.name }, challenge: challengeOf(call.env) };
}

/** The semester a day falls in: `2026-03-12` → `2026-S1`. */
export const semesterOf = (isoDate: string) => `${isoDate.slice(0, 4)}-S${Number(isoDate.slice(5, 7)) <= 6 ? 1 : 2}`;

/** Records one response of one unit; the answer reveals nothing of what is stored. */
export async function submitPublicResponse(call: PublicCall, address: SurveyAddress, input: PublicIkmInput) {
  const { ctx, unit } = await surveyUnit(call, address);
  const today = todayIn(ctx.tenant);
  const period = semesterOf(today);
  await ctx.db.insert(ikmResponses).values(ikmResponseRow({ ...input, unitId: unit.id, period, date: today }, citizen.subject, nowIso()));
  return { received: true as const };
}

interface PeriodSums {
  period: string;
  responses: number;
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  s6: number;
  s7: number;
  s8: number;
  s9: number;
}

/**
 * The unit's public results: per ended period with at least five responses, the number of
 * responses, the converted IKM score and its grade; 404 unless the region publishes the unit's
 * results. One statement for the publication and one grouped statement for the sums.
 */
export async function publicResults(call: PublicCall, address: SurveyAddress) {
  const { ctx, unit } = await surveyUnit(call, address);
  const [published] = await ctx.db
    .select({ unitId: ikmPublications.unitId })
    .from(ikmPublications)
    .where(eq(ikmPublications.unitId, unit.id))
    .limit(1);
  if (!published) throw notFound('unit');
  const r = ikmResponses;
  const groups = await ctx.db
    .select({
      period: r.period,
      responses: sql<number>`count(*)`,
      s1: sql<number>`sum(${r.u1})`,
      s2: sql<number>`sum(${r.u2})`,
      s3: sql<number>`sum(${r.u3})`,
      s4: sql<number>`sum(${r.u4})`,
      s5: sql<number>`sum(${r.u5})`,
      s6: sql<number>`sum(${r.u6})`,
      s7: sql<number>`sum(${r.u7})`,
      s8: sql<number>`sum(${r.u8})`,
      s9: sql<number>`sum(${r.u9})`,
    })
    .from(r)
    .where(eq(r.unitId, unit.id))
    .groupBy(r.period)
    .having(sql`count(*) >= ${minimumPublicResponses}`);
  const today = todayIn(ctx.tenant);
  const periods = (groups as PeriodSums[])
    .filter((g) => (periodRange(g.period)?.to ?? today) < today)
    .sort((a, b) => comparePeriods(b.period, a.period))
    .slice(0, shownPeriods)
    .flatMap((g) => {
      const result = ikmOf(g.responses, [g.s1, g.s2, g.s3, g.s4, g.s5, g.s6, g.s7, g.s8, g.s9]);
      return result
        ? [{ period: g.period, responses: result.responses, converted: result.converted, grade: result.grade, label: result.label }]
        : [];
    });
  return {
    region: ctx.tenant.name,
    unit: { code: unit.code, name: unit.name },
    minimumResponses: minimumPublicResponses,
    latest: periods[0] ?? null,
    periods,
  };
}
