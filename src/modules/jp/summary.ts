/**
 * The tenant's JP summary for a year: active employees, how many reach the JP target, the share
 * and the mean JP (an employee with no credit counts as 0 hours — a real value, not a missing
 * one). One SQL statement over this tenant's employees and that year's entries, served by indexes
 * starting with tenant_id. Aggregates only: no names, NIPs or ids of people leave it.
 */
import { sql } from 'drizzle-orm';
import { employees, jpEntries } from '../../db/schema';
import { yearIn } from '../../platform/calendar';
import type { Call, TenantContext } from '../../platform/context';
import { unitAndBelow } from '../organisation';

interface SummaryRow {
  employees: number;
  reached: number | null;
  mean_centi: number | null;
}

export async function jpSummary({ ctx, input: q }: Call<TenantContext, { year?: number | undefined; unit?: string | undefined }>) {
  const year = q.year ?? yearIn(ctx.tenant);
  const targetCenti = ctx.tenant.jpTarget * 100;
  const unit = q.unit ? sql`and e.unit_id in ${unitAndBelow(ctx, q.unit)}` : sql``;
  const [row] = await ctx.db.unscoped('a left join on a grouped subquery, with the recursive unit filter').all<SummaryRow>(sql`
    select count(*) as employees,
           sum(coalesce(j.total, 0) >= ${targetCenti}) as reached,
           avg(coalesce(j.total, 0)) as mean_centi
    from ${employees} e
    left join (
      select x.employee_id, sum(x.jp_centi) as total from ${jpEntries} x
      where ${ctx.db.scope('x')} and x.year = ${year} group by x.employee_id
    ) j on j.employee_id = e.id
    where ${ctx.db.scope('e')} and e.status = 'active' ${unit}`);
  const count = row?.employees ?? 0;
  const reached = row?.reached ?? 0;
  return {
    year,
    unitId: q.unit ?? null,
    target: ctx.tenant.jpTarget,
    employees: count,
    reached,
    share: count === 0 ? null : Math.round((reached / count) * 10_000) / 10_000,
    meanJp: count === 0 || row?.mean_centi == null ? null : Math.round(row.mean_centi) / 100,
  };
}
