/**
 * The needs report computed from the pairs themselves (active employee × competency of their
 * position's standard): used inside one unit (and the units under it), where the pairs are few,
 * and by the tests as the reference the running totals must equal. One statement for the groups,
 * one for the individual priorities, sent together in one batch; rows read grow with the pairs in scope, never with other
 * tenants. Unassessed pairs are counted apart and never enter a mean as 0.
 */
import { type SQL, sql } from 'drizzle-orm';
import { competencies, currentLevels, employees, positionStandards } from '../../../db/schema';
import type { TenantContext } from '../../../platform/context';
import { unitAndBelow } from '../../organisation';
import {
  competencyNames,
  type Grouping,
  type GroupRow,
  labelOf,
  type NeedsFilters,
  type PriorityRow,
  priorityOrder,
  priorityPairs,
  toItems,
  toPriorities,
} from './shared';

/** Why this module's report SQL is raw: CTEs, window functions and grouped JSON the builders cannot say. */
const reason = 'needs report: CTEs, window functions and json_group_array over the pairs';

const keyOf: Record<Grouping, SQL> = {
  unit: sql`p.unit_id`,
  position: sql`p.position_id`,
  competency: sql`p.competency_id`,
  type: sql`p.competency_type`,
};

/** The pairs the report is about, with the filters. */
const pairsWhere = (ctx: TenantContext, f: NeedsFilters): SQL =>
  sql`${ctx.db.scope('e')} and e.status = 'active'${f.unit ? sql` and e.unit_id in ${unitAndBelow(ctx, f.unit)}` : sql``}${
    f.competencyType ? sql` and c.type = ${f.competencyType}` : sql``
  }`;

function prioritiesFromPairs(ctx: TenantContext, f: NeedsFilters): SQL {
  return sql`
    ${priorityPairs(ctx)}
    where ${pairsWhere(ctx, f)} and cl.level < s.required_level
    ${priorityOrder}
    limit ${f.priorities ?? 10}`;
}

export async function needsFromPairs(ctx: TenantContext, filters: NeedsFilters, top: number) {
  const { groupBy } = filters;
  const label = labelOf(ctx, groupBy);
  const groups = sql`
    with pairs as (
      select e.id as employee_id, e.unit_id as unit_id, e.position_id as position_id,
             s.competency_id as competency_id, c.type as competency_type, s.weight as weight,
             cl.level as current_level,
             case when cl.level is null then null else max(0, s.required_level - cl.level) end as gap
      from ${employees} e
      join ${positionStandards} s on ${ctx.db.scope('s')} and s.position_id = e.position_id
      join ${competencies} c on c.tenant_id = s.competency_tenant_id and c.id = s.competency_id
      left join ${currentLevels} cl on ${ctx.db.scope('cl')} and cl.employee_id = e.id and cl.competency_id = s.competency_id
      where ${pairsWhere(ctx, filters)}
    ),
    competency_names as (${competencyNames(ctx)}),
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
    -- once per group.
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
    order by round(coalesce(g.weighted_gap, 0), 4) desc, g.group_key`;
  // The groups and the priorities in one round trip (one batch).
  const [rows, priorities] = await ctx.db.allTogether<[GroupRow, PriorityRow]>(reason, [groups, prioritiesFromPairs(ctx, filters)]);
  return { groupBy, priorities: toPriorities(priorities), items: toItems(rows) };
}
