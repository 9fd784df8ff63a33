/**
 * What the two ways of computing the needs report share: the filters, the rows each SQL statement
 * returns, the group labels and the mapping to the answer. The report is computed from the running
 * totals (totals.ts) for the whole tenant and from the pairs themselves (pairs.ts)
 * inside one unit; both must give the same figures, which the tests check on generated data.
 */
import { type SQL, sql } from 'drizzle-orm';
import { competencies, currentLevels, employees, nationalTenant, positionStandards, positions, units } from '../../../db/schema';
import type { TenantContext } from '../../../platform/context';

export const groupings = ['unit', 'position', 'competency', 'type'] as const;
export type Grouping = (typeof groupings)[number];

export interface NeedsFilters {
  groupBy: Grouping;
  /** This unit and every unit under it. */
  unit?: string | undefined;
  competencyType?: string | undefined;
  /** How many individual priorities (employee × competency) to list. */
  priorities?: number | undefined;
}

export interface GroupRow {
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

export interface PriorityRow {
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

interface TopCompetency {
  competencyId: string;
  code: string;
  weightedGap: number;
}

/** Weighted sums are kept by adding and taking away: four decimals hide the float residue. */
const tidy = (n: number) => Math.round(n * 10_000) / 10_000;

/** The group's code and name, looked up by key `g.group_key` (the type is its own label). */
export function labelOf(ctx: TenantContext, g: Grouping): [SQL, SQL] {
  const lookup = (table: typeof units | typeof positions, column: 'code' | 'name') =>
    sql`(select l.${sql.raw(column)} from ${table} l where ${ctx.db.scope('l')} and l.id = g.group_key)`;
  switch (g) {
    case 'unit':
      return [lookup(units, 'code'), lookup(units, 'name')];
    case 'position':
      return [lookup(positions, 'code'), lookup(positions, 'name')];
    case 'competency':
      return [
        sql`(select code from competency_names where id = g.group_key)`,
        sql`(select name from competency_names where id = g.group_key)`,
      ];
    case 'type':
      return [sql`g.group_key`, sql`g.group_key`];
  }
}

/** The CTE body naming every competency the tenant can use (national and its own). */
export const competencyNames = (ctx: TenantContext): SQL =>
  sql`select n.id, n.code, n.name from ${competencies} n where n.tenant_id = ${nationalTenant} or ${ctx.db.scope('n')}`;

export const toItems = (rows: GroupRow[]) =>
  rows.map((r) => ({
    key: r.group_key,
    code: r.group_code,
    name: r.group_name,
    employees: r.employees,
    employeesWithGap: r.employees_with_gap,
    employeesUnassessed: r.employees_unassessed,
    assessed: r.pairs_assessed,
    unassessed: r.pairs_unassessed,
    meanGap: r.mean_gap === null ? null : Math.round(r.mean_gap * 100) / 100,
    weightedGap: tidy(r.weighted_gap ?? 0),
    topPriorities: (JSON.parse(r.top) as TopCompetency[])
      .map((p) => ({ ...p, weightedGap: tidy(p.weightedGap) }))
      .sort((a, b) => b.weightedGap - a.weightedGap || a.competencyId.localeCompare(b.competencyId)),
  }));

export const toPriorities = (rows: PriorityRow[]) =>
  rows.map((r) => ({
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

/**
 * The priorities' order: largest weighted gap; among equal ones, employee by employee (by record
 * id: stable, and what lets the running totals find the first n by index), the larger gap first.
 */
export const priorityOrder = sql`order by weighted_gap desc, e.id desc, gap desc, c.code`;

/** The assessed pairs with who, where and from what to what: the priorities' select and joins (`e`, `s`, `c`, `cl`, `u`). */
export const priorityPairs = (ctx: TenantContext): SQL => sql`
    select e.id as employee_id, e.name as employee_name, e.unit_id as unit_id, u.code as unit_code, u.name as unit_name,
           c.id as competency_id, c.code as competency_code, s.required_level as required_level, cl.level as current_level,
           s.required_level - cl.level as gap, s.weight as weight, (s.required_level - cl.level) * s.weight as weighted_gap
    from ${employees} e
    join ${positionStandards} s on ${ctx.db.scope('s')} and s.position_id = e.position_id
    join ${competencies} c on c.tenant_id = s.competency_tenant_id and c.id = s.competency_id
    join ${currentLevels} cl on ${ctx.db.scope('cl')} and cl.employee_id = e.id and cl.competency_id = s.competency_id
    join ${units} u on ${ctx.db.scope('u')} and u.id = e.unit_id`;
