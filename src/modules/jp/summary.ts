/**
 * The tenant's JP summary for a year: active employees, how many reach the JP target of their
 * employment type (PNS, PPPK: targets.ts), the share and the mean JP (an employee with no credit
 * counts as 0 hours — a real value, not a missing one), in total and per employment type. One SQL
 * statement over this tenant's employees and that year's entries, served by indexes starting with
 * tenant_id. Aggregates only: no names, NIPs or ids of people leave it.
 */
import { sql } from 'drizzle-orm';
import { employees, jpEntries } from '../../db/schema';
import { yearIn } from '../../platform/calendar';
import type { Call, TenantContext } from '../../platform/context';
import { unitAndBelow } from '../organisation';
import { defaultJpTargets, jpTargetCenti, jpTargetSql } from './targets';

interface SummaryRow {
  employees: number;
  reached: number | null;
  mean_centi: number | null;
  pppk_employees: number | null;
  pppk_reached: number | null;
  pns_target: number;
  pppk_target: number;
}

const shareOf = (reached: number, count: number) => (count === 0 ? null : Math.round((reached / count) * 10_000) / 10_000);

export async function jpSummary({ ctx, input: q }: Call<TenantContext, { year?: number | undefined; unit?: string | undefined }>) {
  const year = q.year ?? yearIn(ctx.tenant);
  const unit = q.unit ? sql`and e.unit_id in ${unitAndBelow(ctx, q.unit)}` : sql``;
  const reaches = sql`coalesce(j.total, 0) >= ${jpTargetCenti(ctx.db, ctx.tenant, sql`e.employment_type`)}`;
  const [row] = await ctx.db.unscoped('a left join on a grouped subquery, with the recursive unit filter').all<SummaryRow>(sql`
    select count(*) as employees,
           sum(${reaches}) as reached,
           avg(coalesce(j.total, 0)) as mean_centi,
           sum(e.employment_type = 'pppk') as pppk_employees,
           sum(e.employment_type = 'pppk' and ${reaches}) as pppk_reached,
           ${jpTargetSql(ctx.db, ctx.tenant, 'pns')} as pns_target,
           ${jpTargetSql(ctx.db, ctx.tenant, 'pppk')} as pppk_target
    from ${employees} e
    left join (
      select x.employee_id, sum(x.jp_centi) as total from ${jpEntries} x
      where ${ctx.db.scope('x')} and x.year = ${year} group by x.employee_id
    ) j on j.employee_id = e.id
    where ${ctx.db.scope('e')} and e.status = 'active' ${unit}`);
  const count = row?.employees ?? 0;
  const reached = row?.reached ?? 0;
  const pppk = { employees: row?.pppk_employees ?? 0, reached: row?.pppk_reached ?? 0 };
  const pns = { employees: count - pppk.employees, reached: reached - pppk.reached };
  const targets = row ? { pns: row.pns_target, pppk: row.pppk_target } : defaultJpTargets(ctx.tenant);
  return {
    year,
    unitId: q.unit ?? null,
    target: targets.pns,
    targets,
    employees: count,
    reached,
    share: shareOf(reached, count),
    meanJp: count === 0 || row?.mean_centi == null ? null : Math.round(row.mean_centi) / 100,
    byEmploymentType: {
      pns: { ...pns, share: shareOf(pns.reached, pns.employees) },
      pppk: { ...pppk, share: shareOf(pppk.reached, pppk.employees) },
    },
  };
}
