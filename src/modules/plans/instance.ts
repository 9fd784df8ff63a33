/**
 * Builds the optimizer's instance from the tenant's tables with SQL-aggregated reads: the gaps and
 * the JP earned in the year, page by page over employee id (one row per employee, the gaps as a
 * JSON array), the offerings with their free seats and their program's gains, and who meets each
 * program's prerequisites. Reads only this tenant's rows (and national programs); an offering
 * asked for that is not the tenant's own is refused, never planned.
 *
 * Memory is the constraint at 50,000 employees (a Worker has 128 MB): no read holds more than one
 * page of rows, competency and unit ids are shared strings, and the levels needed to explain the
 * lines are one flat byte array beside the instance, not a map per employee.
 */
import { sql } from 'drizzle-orm';
import { competencies } from '../../db/schema';
import type { TenantContext } from '../../platform/context';
import { DomainError } from '../../platform/errors';
import { type JpTargets, jpTargetsOf } from '../jp';
import type { NewPlan } from './schemas';
import type { PlanEmployee, PlanGap, PlanInstance, PlanOffering } from './types';

export interface BuiltInstance {
  instance: PlanInstance;
  /** The standard's level of gap j of employee i is required[gapStart[i] + j] (current = required − gap). */
  gapStart: Int32Array;
  required: Uint8Array;
  /** The yearly JP targets in force: each employee's is their employment type's. */
  jpTargets: JpTargets;
}

/** Employees per gap read: ≈ 1 MB of rows at ten gaps each. */
const gapPageSize = 2_000;

const enrollable = sql.raw(`('planned', 'open', 'running')`);

/** Refuses (422) offerings asked for that are not this tenant's enrollable offerings: checked when the plan is asked for. */
export async function checkAskedOfferings(ctx: TenantContext, ids: readonly string[] | undefined): Promise<void> {
  if (!ids) return;
  const db = ctx.db.unscoped('offerings joined with their (possibly national) programs, by a JSON list of ids');
  const rows = await db.all<{ id: string }>(sql`
    select o.id as id from offerings o join programs p on p.tenant_id = o.program_tenant_id and p.id = o.program_id
    where ${ctx.db.scope('o')} and p.status = 'active' and o.id in (select value from json_each(${JSON.stringify(ids)})) and o.status in ${enrollable}`);
  refuseMissing(ids, rows);
}

function refuseMissing(asked: readonly string[], rows: readonly { id: string }[]): void {
  const found = new Set(rows.map((r) => r.id));
  const missing = asked.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new DomainError(
      'unprocessable',
      "Some offerings are not this tenant's enrollable offerings.",
      missing.slice(0, 20).map((id) => ({ path: 'options.offerings', message: `no enrollable offering ${id}` })),
    );
  }
}

export async function buildInstance(ctx: TenantContext, input: NewPlan, pageSize = gapPageSize): Promise<BuiltInstance> {
  const db = ctx.db.unscoped('aggregated reads: json_group_array per employee and per offering, keyset pages over employees');
  const o = input.options;
  const units = o.units ? sql`and e.unit_id in (select value from json_each(${JSON.stringify(o.units)}))` : sql``;
  const shared = new Map<string, string>();
  const intern = (id: string) => {
    const known = shared.get(id);
    if (known !== undefined) return known;
    shared.set(id, id);
    return id;
  };
  const jpTargets = await jpTargetsOf(ctx);
  const planEmployees: PlanEmployee[] = [];
  const starts: number[] = [0];
  let required = new Uint8Array(16_384);
  let gapCount = 0;
  let cursor = '';
  for (;;) {
    // Keyset over the employees' primary key: each page reads on from the last id, never an offset.
    const rows = await db.all<{ employee_id: string; unit_id: string; employment_type: 'pns' | 'pppk'; gaps: string; jp: number }>(sql`
      select e.id as employee_id, e.unit_id as unit_id, e.employment_type as employment_type,
        json_group_array(json_array(s.competency_id, s.required_level, cl.level, s.weight)) as gaps,
        (select coalesce(sum(j.jp_centi), 0) from jp_entries j where j.tenant_id = e.tenant_id and j.employee_id = e.id and j.year = ${input.year}) as jp
      from employees e
      join position_standards s on s.tenant_id = e.tenant_id and s.position_id = e.position_id
      join current_levels cl on cl.tenant_id = e.tenant_id and cl.employee_id = e.id and cl.competency_id = s.competency_id
      where ${ctx.db.scope('e')} and e.id > ${cursor} and e.status = 'active' and cl.level < s.required_level and s.weight > 0 ${units}
      group by e.id
      order by e.id
      limit ${pageSize}`);
    for (const r of rows) {
      const parsed = JSON.parse(r.gaps) as [string, number, number, number][];
      if (required.length < gapCount + parsed.length) {
        const bigger = new Uint8Array(required.length * 2 + parsed.length);
        bigger.set(required);
        required = bigger;
      }
      const gaps: PlanGap[] = parsed.map(([competencyId, level, current, weight]) => {
        required[gapCount++] = level;
        return { competencyId: intern(competencyId), gap: level - current, weight };
      });
      starts.push(gapCount);
      const jpTarget = jpTargets[r.employment_type];
      planEmployees.push({ id: r.employee_id, unitId: intern(r.unit_id), jpEarned: Number(r.jp) / 100, jpTarget, gaps });
    }
    if (rows.length < pageSize) break;
    cursor = (rows[rows.length - 1] as { employee_id: string }).employee_id;
  }
  const chosen = o.offerings
    ? sql`o.id in (select value from json_each(${JSON.stringify(o.offerings)})) and o.status in ${enrollable}`
    : sql`o.status in ('planned', 'open') and o.start_date >= ${`${input.year}-01-01`} and o.start_date <= ${`${input.year}-12-31`}`;
  const offeringRows = await db.all<{
    id: string;
    program_id: string;
    cost: number;
    jp_centi: number;
    free: number;
    gains: string;
    prerequisites: number;
  }>(sql`
    select o.id as id, o.program_id as program_id, p.cost_per_participant as cost, p.jp_centi as jp_centi,
      o.capacity - (select count(*) from enrollments x where x.tenant_id = o.tenant_id and x.offering_id = o.id and x.status in ('enrolled', 'completed')) as free,
      (select json_group_array(json_array(g.competency_id, g.level)) from program_competencies g
        where g.tenant_id = o.program_tenant_id and g.program_id = o.program_id and g.role = 'target') as gains,
      (select count(*) from program_competencies r
        where r.tenant_id = o.program_tenant_id and r.program_id = o.program_id and r.role = 'prerequisite') as prerequisites
    from offerings o join programs p on p.tenant_id = o.program_tenant_id and p.id = o.program_id
    where ${ctx.db.scope('o')} and p.status = 'active' and ${chosen}
    order by o.start_date, o.id`);
  if (o.offerings) refuseMissing(o.offerings, offeringRows);
  const gated = [...new Set(offeringRows.filter((r) => r.prerequisites > 0).map((r) => r.program_id))];
  const eligible = new Map<string, string[]>();
  if (gated.length > 0) {
    // Everyone meeting all of a program's prerequisites; an unassessed prerequisite is not met.
    const rows = await db.all<{ program_id: string; employee_id: string }>(sql`
      select r.program_id as program_id, cl.employee_id as employee_id
      from program_competencies r
      join current_levels cl on ${ctx.db.scope('cl')} and cl.competency_id = r.competency_id and cl.level >= r.level
      where (r.tenant_id = '' or ${ctx.db.scope('r')}) and r.role = 'prerequisite' and r.program_id in (select value from json_each(${JSON.stringify(gated)}))
      group by r.program_id, cl.employee_id
      having count(*) = (select count(*) from program_competencies q where q.tenant_id = r.tenant_id and q.program_id = r.program_id and q.role = 'prerequisite')`);
    for (const r of rows) (eligible.get(r.program_id) ?? eligible.set(r.program_id, []).get(r.program_id)!).push(r.employee_id);
  }
  const competencyWeights = await weightsByCompetency(ctx, input);
  const planOfferings: PlanOffering[] = offeringRows
    .filter((r) => r.free > 0)
    .map((r) => ({
      id: r.id,
      programId: r.program_id,
      cost: r.cost,
      jp: r.jp_centi / 100,
      capacity: r.free,
      gains: (JSON.parse(r.gains) as [string, number][]).map(([competencyId, gain]) => ({ competencyId, gain })),
      ...(r.prerequisites > 0 ? { eligibleEmployeeIds: eligible.get(r.program_id) ?? [] } : {}),
    }));
  return {
    instance: {
      employees: planEmployees,
      offerings: planOfferings,
      budget: input.budget,
      options: { perPersonCap: o.perPersonCap, jpTargetBonus: o.jpTargetBonus, unitWeights: o.weights?.units, competencyWeights },
    },
    gapStart: Int32Array.from(starts),
    required: required.slice(0, gapCount),
    jpTargets,
  };
}

/** Type weights spread over the competencies of the type; a competency's own weight multiplies on top. */
async function weightsByCompetency(ctx: TenantContext, input: NewPlan): Promise<Record<string, number> | undefined> {
  const w = input.options.weights;
  if (!w?.competencyTypes && !w?.competencies) return undefined;
  const out: Record<string, number> = {};
  if (w.competencyTypes) {
    const rows = await ctx.db.visible({ id: competencies.id, type: competencies.type }).from(competencies);
    for (const r of rows) {
      const k = w.competencyTypes[r.type as keyof typeof w.competencyTypes];
      if (k !== undefined) out[r.id] = k;
    }
  }
  for (const [id, k] of Object.entries(w.competencies ?? {})) out[id] = (out[id] ?? 1) * k;
  return out;
}
