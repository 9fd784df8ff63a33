/**
 * The JP recap per OPD for a year, for the region's leadership: one row per top-level unit (or,
 * with `unit`, per unit directly under it), each counting its whole subtree — its active
 * employees, how many reach the JP target of their employment type (targets.ts), the share, and
 * the JP they earned in the year — and the total of the scope. One SQL statement (a recursive
 * walk of the unit tree, the year's entries grouped per person), every table by an index that
 * starts with tenant_id. Aggregates of units only; as JSON or CSV (formula cells neutralised).
 */
import { eq, sql } from 'drizzle-orm';
import { employees, jpEntries, units } from '../../db/schema';
import { yearIn } from '../../platform/calendar';
import type { Call, TenantContext } from '../../platform/context';
import { writeCsv } from '../../platform/csv';
import { notFound } from '../../platform/errors';
import { writeXlsx } from '../../platform/xlsx';
import { jpTargetCenti } from './targets';

interface RecapRow {
  id: string;
  code: string;
  name: string;
  employees: number;
  reached: number | null;
  total_centi: number | null;
}

const shareOf = (reached: number, count: number) => (count === 0 ? null : Math.round((reached / count) * 10_000) / 10_000);

export async function jpRecap({ ctx, input }: Call<TenantContext, { year?: number | undefined; unit?: string | undefined }>) {
  const year = input.year ?? yearIn(ctx.tenant);
  if (input.unit) {
    const [unit] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.id, input.unit)).limit(1);
    if (!unit) throw notFound('unit');
  }
  const roots = input.unit ? sql`r.parent_id = ${input.unit}` : sql`r.parent_id is null`;
  const reaches = sql`coalesce(t.total, 0) >= ${jpTargetCenti(ctx.db, ctx.tenant, sql`e.employment_type`)}`;
  const rows = await ctx.db.unscoped('a recursive walk of the unit tree joined to grouped JP totals').all<RecapRow>(sql`
    with recursive tree(id, root) as (
      select r.id, r.id from ${units} r where ${ctx.db.scope('r')} and ${roots}
      union all
      select c.id, tree.root from ${units} c join tree on ${ctx.db.scope('c')} and c.parent_id = tree.id
    ),
    totals as (
      select x.employee_id, sum(x.jp_centi) as total from ${jpEntries} x
      where ${ctx.db.scope('x')} and x.year = ${year} group by x.employee_id
    )
    select r.id, r.code, r.name,
           count(e.id) as employees,
           sum(case when e.id is null then 0 else ${reaches} end) as reached,
           sum(coalesce(t.total, 0)) as total_centi
    from ${units} r
    join tree on tree.root = r.id
    left join ${employees} e on ${ctx.db.scope('e')} and e.unit_id = tree.id and e.status = 'active'
    left join totals t on t.employee_id = e.id
    where ${ctx.db.scope('r')}
    group by r.id, r.code, r.name
    order by r.code`);
  const shaped = rows.map((r) => {
    const reached = r.reached ?? 0;
    return {
      unitId: r.id,
      code: r.code,
      name: r.name,
      employees: r.employees,
      reached,
      share: shareOf(reached, r.employees),
      totalJp: (r.total_centi ?? 0) / 100,
    };
  });
  const count = shaped.reduce((s, r) => s + r.employees, 0);
  const reached = shaped.reduce((s, r) => s + r.reached, 0);
  const totalCenti = rows.reduce((s, r) => s + (r.total_centi ?? 0), 0);
  return {
    year,
    unitId: input.unit ?? null,
    units: shaped,
    total: { employees: count, reached, share: shareOf(reached, count), totalJp: totalCenti / 100 },
  };
}

const recapHeader = ['unit_code', 'unit_name', 'year', 'employees', 'reached_target', 'share', 'total_jp'];

/** The recap as an xlsx workbook: one sheet, the CSV's lines (the share a number, the total line last). */
export async function jpRecapXlsx(call: Call<TenantContext, { year?: number | undefined; unit?: string | undefined }>) {
  const recap = await jpRecap(call);
  const line = (code: string | null, name: string, r: { employees: number; reached: number; share: number | null; totalJp: number }) => [
    code,
    name,
    recap.year,
    r.employees,
    r.reached,
    r.share,
    r.totalJp,
  ];
  return writeXlsx([
    {
      name: `Rekap JP ${recap.year}`,
      rows: [recapHeader, ...recap.units.map((u) => line(u.code, u.name, u)), line(null, 'Jumlah', recap.total)],
    },
  ]);
}

export async function jpRecapCsv(call: Call<TenantContext, { year?: number | undefined; unit?: string | undefined }>) {
  const recap = await jpRecap(call);
  const line = (code: string, name: string, r: { employees: number; reached: number; share: number | null; totalJp: number }) => [
    code,
    name,
    recap.year,
    r.employees,
    r.reached,
    r.share,
    r.totalJp,
  ];
  return writeCsv(recapHeader, [...recap.units.map((u) => line(u.code, u.name, u)), line('', 'Jumlah', recap.total)]);
}
