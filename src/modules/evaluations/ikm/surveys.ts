/**
 * Public satisfaction surveys (IKM): the tenant admin records responses collected by a unit on
 * paper or at a kiosk, and reads the index per unit and for the whole tenant in a period. A
 * request is one atomic batch — every response lands or none does. The report sums the answers
 * per element in SQL, grouped by unit; only those sums reach the Worker, never the responses.
 * It must never store anything that identifies a respondent.
 */
import { sql } from 'drizzle-orm';
import { auditLog, ikmResponses, units } from '../../../db/schema';
import { auditRow } from '../../../platform/audit/audit';
import type { Call, TenantContext } from '../../../platform/context';
import { withConstraints } from '../../../platform/db/constraints';
import { DomainError, type FieldError } from '../../../platform/errors';
import { newSortableId, nowIso } from '../../../platform/ids';
import type { Statement, Unstamped } from '../../../platform/tenancy/scoped-db';
import { ikmOf } from './formula';
import { periodsWithin } from './periods';
import type { IkmResponseInput } from './schemas';

type Row = Unstamped<typeof ikmResponses> & { id: string };

/** One response as stored, from the admin's entry or a citizen's form alike. */
export function ikmResponseRow(
  r: Pick<IkmResponseInput, 'unitId' | 'period' | 'answers' | 'respondent' | 'date'>,
  recordedBy: string,
  now: string,
): Row {
  const [u1, u2, u3, u4, u5, u6, u7, u8, u9] = r.answers as [number, number, number, number, number, number, number, number, number];
  const p = r.respondent;
  return {
    id: newSortableId('ikm'),
    unitId: r.unitId,
    period: r.period,
    ...{ u1, u2, u3, u4, u5, u6, u7, u8, u9 },
    gender: p?.gender ?? null,
    ageBand: p?.ageBand ?? null,
    education: p?.education ?? null,
    service: p?.service ?? null,
    respondedOn: r.date,
    recordedBy,
    createdAt: now,
  };
}

/** Rows per statement; the whole request is still one batch. */
const chunkSize = 250;

export async function recordIkmResponses({ ctx, input: items }: Call<TenantContext, IkmResponseInput[]>) {
  const ids = JSON.stringify([...new Set(items.map((r) => r.unitId))]);
  const known = await ctx.db.select({ id: units.id }).from(units).where(sql`${units.id} in (select value from json_each(${ids}))`);
  const present = new Set(known.map((u) => u.id));
  const errors: FieldError[] = items.flatMap((r, i) =>
    present.has(r.unitId) ? [] : [{ path: `body.responses.${i}.unitId`, message: 'no such unit in this tenant' }],
  );
  if (errors.length > 0) throw new DomainError('unprocessable', `${errors.length} problem(s): nothing was recorded.`, errors.slice(0, 200));

  const now = nowIso();
  const rows: Row[] = items.map((r) => ikmResponseRow(r, ctx.actor.subject, now));
  const statements: Statement[] = [];
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize);
    statements.push(ctx.db.insertRows(ikmResponses, chunk));
    statements.push(
      ctx.db.insertRows(
        auditLog,
        chunk.map((r) => auditRow(ctx, 'ikm.response.create', 'ikm_response', r.id, now)),
      ),
    );
  }
  await withConstraints(() => ctx.db.write(statements), {
    foreignKey: () => new DomainError('conflict', 'A unit was removed meanwhile: nothing was recorded.'),
  });
  return { created: rows.length, ids: rows.map((r) => r.id) };
}

interface UnitSums {
  unit_id: string;
  unit_code: string;
  unit_name: string;
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

const sumsOf = (r: UnitSums) => [r.s1, r.s2, r.s3, r.s4, r.s5, r.s6, r.s7, r.s8, r.s9];

/**
 * The IKM of a period per unit (all units with responses, or only `unit`) and for the tenant,
 * every response weighing the same: the responses collected for the period or for any period
 * inside it (`periodsWithin`: the year counts its semesters, quarters and months; the public form
 * files under the semester). One grouped statement over the (tenant, period, unit) index;
 * the tenant figure adds up the unit sums, so it is exact, not a mean of unit indexes.
 */
/** `(p1, p2, …)`: the period and every period inside it, bound as parameters (at most 19). */
const periodsIn = (period: string) =>
  sql`(${sql.join(
    periodsWithin(period).map((p) => sql`${p}`),
    sql`, `,
  )})`;

export async function ikmReport({ ctx, input: q }: Call<TenantContext, { period: string; unit?: string | undefined }>) {
  // Sum first, then name the units: one units lookup per group, not per response. Grouped by
  // period and unit, the index's own order, so no sorter reads every response a second time; the
  // few groups of one unit (one per period inside) are added up here.
  const rows = await ctx.db.unscoped('a grouped subquery joined to units: the sums are taken before the units are named').all<UnitSums>(sql`
    select g.unit_id as unit_id, u.code as unit_code, u.name as unit_name, g.responses as responses,
           g.s1 as s1, g.s2 as s2, g.s3 as s3, g.s4 as s4, g.s5 as s5, g.s6 as s6, g.s7 as s7, g.s8 as s8, g.s9 as s9
    from (
      select unit_id, count(*) as responses, sum(u1) as s1, sum(u2) as s2, sum(u3) as s3, sum(u4) as s4, sum(u5) as s5,
             sum(u6) as s6, sum(u7) as s7, sum(u8) as s8, sum(u9) as s9
      from ${ikmResponses} r where ${ctx.db.scope('r')} and r.period in ${periodsIn(q.period)}
      group by r.period, r.unit_id
    ) g join ${units} u on ${ctx.db.scope('u')} and u.id = g.unit_id
    order by u.code`);
  const byUnit = new Map<string, UnitSums>();
  for (const r of rows) {
    const seen = byUnit.get(r.unit_id);
    if (!seen) byUnit.set(r.unit_id, { ...r });
    else {
      seen.responses += r.responses;
      for (const k of ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9'] as const) seen[k] += r[k];
    }
  }
  const groups = [...byUnit.values()];
  const totals = Array.from({ length: 9 }, () => 0);
  let responses = 0;
  for (const g of groups) {
    responses += g.responses;
    for (const [i, s] of sumsOf(g).entries()) totals[i] = (totals[i] as number) + s;
  }
  const shown = q.unit === undefined ? groups : groups.filter((g) => g.unit_id === q.unit);
  return {
    period: q.period,
    tenant: ikmOf(responses, totals),
    units: shown.flatMap((g) => {
      const result = ikmOf(g.responses, sumsOf(g));
      return result ? [{ unitId: g.unit_id, unitCode: g.unit_code, unitName: g.unit_name, ...result }] : [];
    }),
  };
}
