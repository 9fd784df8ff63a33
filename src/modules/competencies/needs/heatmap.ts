/**
 * The needs heat map: units (or positions) × competencies, each cell with its pairs (active
 * employees of that group whose position's standard names the competency), how many of them are
 * assessed, and the weighted gap over the assessed ones — null when none is, never 0. With the
 * tenant's head count and how many people are assessed in every competency of their standard.
 * One statement over the running totals (needs_people, needs_cells, the standards), served from
 * its snapshot while nothing it depends on has changed: the dashboard's first tile in one request.
 */
import { sql } from 'drizzle-orm';
import { competencies, employees, needsCells, needsPeople, positionStandards, positions, units } from '../../../db/schema';
import type { Call, TenantContext } from '../../../platform/context';
import { snapshotOr } from '../../../platform/data-versions';

/** Why this SQL is raw: CTEs and a union of cells and totals the builders cannot say. */
const reason = 'needs heat map: CTEs over the running totals and a union with the totals row';

type HeatmapDimension = 'unit' | 'position';

interface Row {
  kind: 'cell' | 'total';
  group_key: string | null;
  group_code: string | null;
  group_name: string | null;
  group_employees: number | null;
  competency_id: string | null;
  competency_code: string | null;
  competency_name: string | null;
  competency_type: string | null;
  pairs: number;
  assessed: number;
  gap_sum: number | null;
  weighted_gap: number | null;
}

const tidy = (n: number) => Math.round(n * 10_000) / 10_000;

async function compute(ctx: TenantContext, by: HeatmapDimension) {
  const column = sql.raw(by === 'unit' ? 'p.unit_id' : 'p.position_id');
  const labels = by === 'unit' ? units : positions;
  const rows = await ctx.db.unscoped(reason).all<Row>(sql`
    with heads as (
      select ${column} as group_key, p.position_id as position_id, count(*) as n
      from ${needsPeople} p where ${ctx.db.scope('p')} and p.pairs > 0 group by 1, 2
    ),
    groups as (select group_key, sum(n) as n from heads group by 1),
    pairs as (
      select h.group_key as group_key, s.competency_tenant_id as competency_tenant_id, s.competency_id as competency_id, sum(h.n) as n
      from heads h join ${positionStandards} s on ${ctx.db.scope('s')} and s.position_id = h.position_id
      group by 1, 2, 3
    )
    select 'cell' as kind, pr.group_key as group_key, l.code as group_code, l.name as group_name, g.n as group_employees,
           c.id as competency_id, c.code as competency_code, c.name as competency_name, c.type as competency_type,
           pr.n as pairs, coalesce(cl.assessed, 0) as assessed, cl.gap_sum as gap_sum, cl.weighted_gap_sum as weighted_gap
    from pairs pr
    join groups g on g.group_key = pr.group_key
    join ${competencies} c on c.tenant_id = pr.competency_tenant_id and c.id = pr.competency_id
    left join ${labels} l on ${ctx.db.scope('l')} and l.id = pr.group_key
    left join ${needsCells} cl on ${ctx.db.scope('cl')} and cl.dimension = ${by} and cl.group_key = pr.group_key and cl.competency_id = pr.competency_id
    union all
    select 'total', null, null, null, null, null, null, null, null,
           (select count(*) from ${employees} e where ${ctx.db.scope('e')} and e.status = 'active'),
           (select count(*) from ${needsPeople} p where ${ctx.db.scope('p')} and p.pairs > 0 and p.assessed = p.pairs),
           (select count(*) from ${needsPeople} p where ${ctx.db.scope('p')} and p.pairs > 0),
           null`);
  const total = rows.find((r) => r.kind === 'total');
  const cells = rows.filter((r) => r.kind === 'cell');
  const groups = new Map<string, { key: string; code: string | null; name: string | null; employees: number; weightedGap: number }>();
  const columns = new Map<string, { id: string; code: string; name: string; type: string; weightedGap: number }>();
  for (const r of cells) {
    const key = r.group_key as string;
    const group = groups.get(key) ?? { key, code: r.group_code, name: r.group_name, employees: r.group_employees ?? 0, weightedGap: 0 };
    group.weightedGap += r.weighted_gap ?? 0;
    groups.set(key, group);
    const id = r.competency_id as string;
    const column = columns.get(id) ?? {
      id,
      code: r.competency_code as string,
      name: r.competency_name as string,
      type: r.competency_type as string,
      weightedGap: 0,
    };
    column.weightedGap += r.weighted_gap ?? 0;
    columns.set(id, column);
  }
  const byGap =
    <T extends { weightedGap: number }>(key: (x: T) => string) =>
    (a: T, b: T) =>
      tidy(b.weightedGap) - tidy(a.weightedGap) || key(a).localeCompare(key(b));
  return {
    by,
    headcount: total?.pairs ?? 0,
    employeesWithStandard: total?.gap_sum ?? 0,
    employeesFullyAssessed: total?.assessed ?? 0,
    groups: [...groups.values()].sort(byGap((g) => g.code ?? g.key)).map((g) => ({ ...g, weightedGap: tidy(g.weightedGap) })),
    competencies: [...columns.values()].sort(byGap((c) => c.code)).map((c) => ({ ...c, weightedGap: tidy(c.weightedGap) })),
    cells: cells.map((r) => ({
      groupKey: r.group_key as string,
      competencyId: r.competency_id as string,
      pairs: r.pairs,
      assessed: r.assessed,
      meanGap: r.assessed > 0 && r.gap_sum !== null ? Math.round((r.gap_sum / r.assessed) * 100) / 100 : null,
      weightedGap: r.assessed > 0 && r.weighted_gap !== null ? tidy(r.weighted_gap) : null,
    })),
  };
}

/** The heat map by `by`, from its snapshot while current (a repeated read is one round trip). */
export async function needsHeatmap({ ctx, input }: Call<TenantContext, { by: HeatmapDimension }>) {
  const { body, computedAt } = await snapshotOr(ctx, 'needs', JSON.stringify(['heatmap', input.by]), () => compute(ctx, input.by));
  return { ...body, computedAt };
}
