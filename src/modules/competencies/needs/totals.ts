/**
 * The tenant's needs report from the running totals the database keeps (src/db/schema/needs.ts):
 * one row per employee and the assessed pairs per unit/position × competency. Over a 50,000-
 * employee region it reads some 50,000 small rows plus a few thousand cells, where the pairs
 * would be half a million joined rows. Same figures as pairs.ts (checked by the tests).
 */
import { type SQL, sql } from 'drizzle-orm';
import { competencies, competencyTypes, needsCells, needsPeople, positionStandards } from '../../../db/schema';
import type { TenantContext } from '../../../platform/context';
import {
  competencyNames,
  type GroupRow,
  labelOf,
  type NeedsFilters,
  type PriorityRow,
  priorityOrder,
  priorityPairs,
  toItems,
  toPriorities,
} from './shared';

/** Why this module's report SQL is raw: CTEs, window functions, unpivoting and grouped JSON the builders cannot say. */
const reason = 'needs report: CTEs, window functions and json_group_array over the running totals';

type CompetencyType = (typeof competencyTypes)[number];

/** The needs_people columns of one type ('' = all of them), by name: the suffix is never user text. */
function columnsOf(type: CompetencyType | '') {
  const suffix = type === '' ? '' : `_${type}`;
  const c = (name: string) => sql.raw(`p.${name}${suffix}`);
  return {
    pairs: c('pairs'),
    assessed: c('assessed'),
    gapPairs: c('gap_pairs'),
    gapSum: c('gap_sum'),
    weighted: c('weighted_gap_sum'),
    top: c('top_weighted_gap'),
  };
}

/** Group figures over needs_people rows `p` (select list; the caller adds from/where/group by). */
function figures(type: CompetencyType | ''): SQL {
  const k = columnsOf(type);
  return sql`sum(${k.pairs} > 0) as employees,
    sum(${k.gapPairs} > 0) as employees_with_gap,
    sum(${k.assessed} < ${k.pairs}) as employees_unassessed,
    sum(${k.assessed}) as pairs_assessed,
    sum(${k.pairs} - ${k.assessed}) as pairs_unassessed,
    sum(${k.gapSum}) * 1.0 / nullif(sum(${k.assessed}), 0) as mean_gap,
    sum(${k.weighted}) as weighted_gap`;
}

const typeFilter = (f: NeedsFilters) => (f.competencyType ? sql` and cl.competency_type = ${f.competencyType}` : sql``);

/** Top competencies per group from the cells of `dimension`, summed by `group` (a cells expression). */
const topCells = (ctx: TenantContext, f: NeedsFilters, dimension: 'unit' | 'position', group: SQL, top: number) => sql`
    by_competency as (
      select ${group} as group_key, cl.competency_id as competency_id, sum(cl.weighted_gap_sum) as wg
      from ${needsCells} cl where ${ctx.db.scope('cl')} and cl.dimension = ${dimension}${typeFilter(f)}
      group by 1, 2 having wg > 1e-9
    ),
    ranked as (
      select group_key, competency_id, wg, row_number() over (partition by group_key order by round(wg, 4) desc, competency_id) as rn from by_competency
    ),
    top as (
      select r.group_key as group_key, json_group_array(json_object('competencyId', r.competency_id, 'code', n.code, 'weightedGap', r.wg)) as top
      from ranked r join competency_names n on n.id = r.competency_id where r.rn <= ${top} group by r.group_key
    )`;

/** Groups: by unit or position from the employees' rows; by type unpivoted from one pass over them. */
function groupsSql(ctx: TenantContext, f: NeedsFilters, top: number): SQL {
  const type = (f.competencyType ?? '') as CompetencyType | '';
  const label = labelOf(ctx, f.groupBy);
  const select = (from: SQL) => sql`
    select g.group_key as group_key, ${label[0]} as group_code, ${label[1]} as group_name,
           g.employees, g.employees_with_gap, g.employees_unassessed, g.pairs_assessed, g.pairs_unassessed, g.mean_gap, g.weighted_gap,
           coalesce(top.top, '[]') as top
    from ${from} g left join top on top.group_key = g.group_key
    where g.employees > 0
    order by round(coalesce(g.weighted_gap, 0), 4) desc, g.group_key`;
  switch (f.groupBy) {
    case 'unit':
    case 'position': {
      const column = sql.raw(f.groupBy === 'unit' ? 'p.unit_id' : 'p.position_id');
      return sql`with competency_names as (${competencyNames(ctx)}),
        g as (select ${column} as group_key, ${figures(type)} from ${needsPeople} p where ${ctx.db.scope('p')} group by 1),
        ${topCells(ctx, f, f.groupBy, sql`cl.group_key`, top)}
        ${select(sql`g`)}`;
    }
    case 'type': {
      const types = type === '' ? competencyTypes : [type];
      const perType = types.map((k) => sql`select ${k} as group_key, ${figures(k)} from ${needsPeople} p where ${ctx.db.scope('p')}`);
      return sql`with competency_names as (${competencyNames(ctx)}),
        g as (${sql.join(perType, sql` union all `)}),
        ${topCells(ctx, f, 'position', sql`cl.competency_type`, top)}
        ${select(sql`g`)}`;
    }
    case 'competency':
      // Pairs per competency: each position's head count times its standard; the assessed ones
      // from the cells.
      return sql`with competency_names as (${competencyNames(ctx)}),
        heads as (select p.position_id as position_id, count(*) as n from ${needsPeople} p where ${ctx.db.scope('p')} and p.pairs > 0 group by 1),
        pairs as (
          select s.competency_id as competency_id, sum(h.n) as n
          from heads h
          join ${positionStandards} s on ${ctx.db.scope('s')} and s.position_id = h.position_id
          join ${competencies} c on c.tenant_id = s.competency_tenant_id and c.id = s.competency_id
          where true${f.competencyType ? sql` and c.type = ${f.competencyType}` : sql``}
          group by 1
        ),
        assessed as (
          select cl.competency_id as competency_id, sum(cl.assessed) as assessed, sum(cl.gap_pairs) as gap_pairs,
                 sum(cl.gap_sum) as gap_sum, sum(cl.weighted_gap_sum) as wg
          from ${needsCells} cl where ${ctx.db.scope('cl')} and cl.dimension = 'position' group by 1
        ),
        g as (
          select p.competency_id as group_key, p.n as employees, coalesce(a.gap_pairs, 0) as employees_with_gap,
                 p.n - coalesce(a.assessed, 0) as employees_unassessed, coalesce(a.assessed, 0) as pairs_assessed,
                 p.n - coalesce(a.assessed, 0) as pairs_unassessed, a.gap_sum * 1.0 / nullif(a.assessed, 0) as mean_gap,
                 iif(coalesce(a.assessed, 0) = 0, null, a.wg) as weighted_gap
          from pairs p left join assessed a on a.competency_id = p.competency_id
        ),
        top as (
          select g.group_key as group_key, json_array(json_object('competencyId', g.group_key, 'code', n.code, 'weightedGap', g.weighted_gap)) as top
          from g join competency_names n on n.id = g.group_key where g.weighted_gap > 1e-9
        )
        ${select(sql`g`)}`;
  }
}

/**
 * The largest weighted gaps, person by person. In the report's order (weighted gap, then employee
 * id descending, the index's order) the first n pairs belong to the first n employees by (own
 * largest weighted gap, id): each of those has a pair ahead of anyone after them. So n employees
 * are found by index, then their pairs ranked. None asked for is `limit 0`: SQLite stops before
 * reading.
 */
function prioritiesFromTotals(ctx: TenantContext, f: NeedsFilters): SQL {
  const n = f.priorities ?? 10;
  const k = columnsOf((f.competencyType ?? '') as CompetencyType | '');
  return sql`
    ${priorityPairs(ctx)}
    where ${ctx.db.scope('e')} and e.status = 'active' and cl.level < s.required_level${f.competencyType ? sql` and c.type = ${f.competencyType}` : sql``}
      and e.id in (
        select p.employee_id from ${needsPeople} p
        where ${ctx.db.scope('p')} and ${k.top} > 0
        order by ${k.top} desc, p.employee_id desc limit ${n}
      )
    ${priorityOrder}
    limit ${n}`;
}

/** The groups and the priorities in one round trip (one batch). */
export async function needsFromTotals(ctx: TenantContext, filters: NeedsFilters, top: number) {
  const groups = groupsSql(ctx, filters, top);
  const [rows, priorities] = await ctx.db.allTogether<[GroupRow, PriorityRow]>(reason, [groups, prioritiesFromTotals(ctx, filters)]);
  return { groupBy: filters.groupBy, priorities: toPriorities(priorities), items: toItems(rows) };
}
