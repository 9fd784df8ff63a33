/**
 * The tenant's needs report (analisis kebutuhan kompetensi), grouped by unit, position,
 * competency or competency type. Computed in SQL in one statement over the pairs (active
 * employee × competency of their position's standard): rows read grow with this tenant's rows
 * only, and no row is loaded into the Worker but the groups. Unassessed pairs are counted apart
 * and never enter a mean as 0. Aggregates only: no names or NIPs leave this report.
 */
import { sql, type SQL } from 'drizzle-orm';
import { competencies, currentLevels, employees, positions, positionStandards, units } from '../../db/schema';
import type { ServiceContext } from '../../platform/context';
import { snapshotOr } from '../../platform/data-versions';
import { writeCsv } from '../employees/csv';

export const groupings = ['unit', 'position', 'competency', 'type'] as const;
export type Grouping = (typeof groupings)[number];

interface GroupRow {
  group_key: string;
  group_code: string | null;
  group_name: string | null;
  employees: number;
  employees_with_gap: number;
  employees_unassessed: number;
  pairs_assessed: number;
  pairs_unassessed: number;
  mean_gap: number | null;
  weighted_gap: number | null;
  top: string;
}

const keyOf: Record<Grouping, SQL> = {
  unit: sql`p.unit_id`,
  position: sql`p.position_id`,
  competency: sql`p.competency_id`,
  type: sql`p.competency_type`,
};

/** The group's code and name, looked up by key (the type is its own label). */
const labelOf = (g: Grouping, t: string): [SQL, SQL] => {
  const lookup = (table: typeof units | typeof positions, column: 'code' | 'name') =>
    sql`(select ${table[column]} from ${table} where ${table.tenantId} = ${t} and ${table.id} = g.group_key)`;
  switch (g) {
    case 'unit':
      return [lookup(units, 'code'), lookup(units, 'name')];
    case 'position':
      return [lookup(positions, 'code'), lookup(positions, 'name')];
    case 'competency':
      return [sql`(select code from competency_names where id = g.group_key)`, sql`(select name from competency_names where id = g.group_key)`];
    case 'type':
      return [sql`g.group_key`, sql`g.group_key`];
  }
};

export interface NeedsFilters {
  groupBy: Grouping;
  unit?: string | undefined;
  competencyType?: string | undefined;
  /** How many individual priorities (employee × competency) to list. */
  priorities?: number | undefined;
}

interface TopCompetency {
  competencyId: string;
  code: string;
  weightedGap: number;
}

interface PriorityRow {
  employee_id: string;
  employee_name: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  competency_id: string;
  competency_code: string;
  required_level: number;
  current_level: number;
  gap: number;
  weight: number;
  weighted_gap: number;
}

/** The pairs (active employee × standard competency) the report is about, with the filters. */
const pairsWhere = (t: string, f: NeedsFilters): SQL =>
  sql`e.tenant_id = ${t} and e.status = 'active'${f.unit ? sql` and e.unit_id = ${f.unit}` : sql``}${
    f.competencyType ? sql` and c.type = ${f.competencyType}` : sql``
  }`;

/** The largest weighted gaps, person by person: who, where, which competency, from what to what. */
async function priorities(ctx: ServiceContext, f: NeedsFilters) {
  if (f.priorities === 0) return [];
  const t = ctx.tenant.id;
  const rows = await ctx.db.orm.all<PriorityRow>(sql`
    select e.id as employee_id, e.name as employee_name, e.unit_id as unit_id, u.code as unit_code, u.name as unit_name,
           c.id as competency_id, c.code as competency_code, s.required_level as required_level, cl.level as current_level,
           s.required_level - cl.level as gap, s.weight as weight, (s.required_level - cl.level) * s.weight as weighted_gap
    from ${employees} e
    join ${positionStandards} s on s.tenant_id = ${t} and s.position_id = e.position_id
    join ${competencies} c on c.tenant_id = s.competency_tenant_id and c.id = s.competency_id
    join ${currentLevels} cl on cl.tenant_id = ${t} and cl.employee_id = e.id and cl.competency_id = s.competency_id
    join ${units} u on u.tenant_id = ${t} and u.id = e.unit_id
    where ${pairsWhere(t, f)} and cl.level < s.required_level
    order by weighted_gap desc, gap desc, e.name, e.id, c.code
    limit ${f.priorities ?? 10}`);
  return rows.map((r) => ({
    employeeId: r.employee_id,
    employeeName: r.employee_name,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    competencyId: r.competency_id,
    competencyCode: r.competency_code,
    requiredLevel: r.required_level,
    currentLevel: r.current_level,
    gap: r.gap,
    weight: r.weight,
    weightedGap: r.weighted_gap,
  }));
}

async function computeNeedsReport(ctx: ServiceContext, filters: NeedsFilters, top: number) {
  const { groupBy } = filters;
  const t = ctx.tenant.id;
  const label = labelOf(groupBy, t);
  const rows = await ctx.db.orm.all<GroupRow>(sql`
    with pairs as (
      select e.id as employee_id, e.unit_id as unit_id, e.position_id as position_id,
             s.competency_id as competency_id, c.type as competency_type, s.weight as weight,
             cl.level as current_level,
             case when cl.level is null then null else max(0, s.required_level - cl.level) end as gap
      from ${employees} e
      join ${positionStandards} s on s.tenant_id = ${t} and s.position_id = e.position_id
      join ${competencies} c on c.tenant_id = s.competency_tenant_id and c.id = s.competency_id
      left join ${currentLevels} cl on cl.tenant_id = ${t} and cl.employee_id = e.id and cl.competency_id = s.competency_id
      where ${pairsWhere(t, filters)}
    ),
    competency_names as (
      select id, code, name from ${competencies} where tenant_id in ('', ${t})
    ),
    g as (
      select ${keyOf[groupBy]} as group_key,
             count(distinct p.employee_id) as employees,
             count(distinct case when p.gap > 0 then p.employee_id end) as employees_with_gap,
             count(distinct case when p.gap is null then p.employee_id end) as employees_unassessed,
             count(p.gap) as pairs_assessed,
             sum(p.gap is null) as pairs_unassessed,
             avg(p.gap) as mean_gap,
             sum(p.gap * p.weight) as weighted_gap
      from pairs p group by 1
    ),
    by_competency as (
      select ${keyOf[groupBy]} as group_key, p.competency_id as competency_id, sum(p.gap * p.weight) as wg,
             row_number() over (partition by ${keyOf[groupBy]} order by sum(p.gap * p.weight) desc, p.competency_id) as rn
      from pairs p where p.gap > 0 group by 1, 2
    ),
    -- Ranked once for all groups and joined: a correlated subquery per group re-ranked every pair
    -- once per group (120 groups of a 5,000-employee region took seconds).
    top as (
      select b.group_key as group_key,
             json_group_array(json_object('competencyId', b.competency_id, 'code', n.code, 'weightedGap', b.wg)) as top
      from by_competency b join competency_names n on n.id = b.competency_id
      where b.rn <= ${top} group by b.group_key
    )
    select g.group_key as group_key, ${label[0]} as group_code, ${label[1]} as group_name,
           g.employees, g.employees_with_gap, g.employees_unassessed, g.pairs_assessed, g.pairs_unassessed, g.mean_gap, g.weighted_gap,
           coalesce(t.top, '[]') as top
    from g left join top t on t.group_key = g.group_key
    order by coalesce(g.weighted_gap, 0) desc, g.group_key`);
  return {
    groupBy,
    priorities: await priorities(ctx, filters),
    items: rows.map((r) => ({
      key: r.group_key,
      code: r.group_code,
      name: r.group_name,
      employees: r.employees,
      employeesWithGap: r.employees_with_gap,
      employeesUnassessed: r.employees_unassessed,
      assessed: r.pairs_assessed,
      unassessed: r.pairs_unassessed,
      meanGap: r.mean_gap === null ? null : Math.round(r.mean_gap * 100) / 100,
      weightedGap: r.weighted_gap ?? 0,
      topPriorities: (JSON.parse(r.top) as TopCompetency[]).sort((a, b) => b.weightedGap - a.weightedGap || a.competencyId.localeCompare(b.competencyId)),
    })),
  };
}

/**
 * The report, served from its snapshot while nothing it depends on has changed (employees,
 * standards, assessments, units, positions, the dictionary all raise the tenant's `needs` counter
 * in their write batch). Computing it walks every (employee × standard competency) pair of the
 * tenant; the snapshot makes repeated reading one round trip of three rows.
 */
export async function needsReport(ctx: ServiceContext, filters: NeedsFilters, top = 3) {
  const key = JSON.stringify([filters.groupBy, filters.unit ?? null, filters.competencyType ?? null, filters.priorities ?? 10, top]);
  const { body, computedAt } = await snapshotOr(ctx, 'needs', key, () => computeNeedsReport(ctx, filters, top));
  return { ...body, computedAt };
}

/** The report's groups as CSV (Excel-friendly, as the employee export): one line per group. */
export function needsCsv(report: Awaited<ReturnType<typeof needsReport>>): string {
  const fields = ['group', 'code', 'name', 'employees', 'employees_with_gap', 'employees_unassessed', 'assessed', 'unassessed', 'mean_gap', 'weighted_gap', 'top_priorities'];
  const rows = report.items.map((i) => [
    report.groupBy,
    i.code,
    i.name,
    String(i.employees),
    String(i.employeesWithGap),
    String(i.employeesUnassessed),
    String(i.assessed),
    String(i.unassessed),
    i.meanGap === null ? '' : String(i.meanGap),
    String(i.weightedGap),
    i.topPriorities.map((p) => p.code).join(' '),
  ]);
  return writeCsv(fields, rows);
}
