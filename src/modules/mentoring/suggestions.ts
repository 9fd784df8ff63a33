/**
 * Suggestions for a mentee, and the score table the whole-pool matching works on: loads the
 * active mentor pool, the mentee's largest gaps, place and reporting line, and scores each
 * candidate with `scoring.ts`. Reads only; never proposes or writes anything.
 */
import { and, eq, sql } from 'drizzle-orm';
import { currentLevels, employees, mentorProfiles, pairings, units } from '../../db/schema';
import type { ServiceContext } from '../../platform/context';
import { notFound } from '../../platform/http/problems';
import { gapsOf } from '../competencies/gaps';
import { largestGaps, scoreCandidate, type Candidate, type MenteeGap, type Place, type ScoreParts, type UnitPreference } from './scoring';

export interface Pool {
  candidates: (Candidate & { name: string })[];
}

export interface MenteeView extends Place {
  employeeId: string;
  gaps: MenteeGap[];
  /** Supervisors up the chain and direct reports: never the mentee's mentor. */
  line: Set<string>;
}

/** Active mentors of active employees, with their place and open mentoring pairings. One statement. */
export async function loadPool(ctx: ServiceContext): Promise<Pool> {
  const rows = await ctx.db.orm
    .select({
      employeeId: mentorProfiles.employeeId,
      name: employees.name,
      capacity: mentorProfiles.capacity,
      competencies: mentorProfiles.competencies,
      unitId: employees.unitId,
      parentUnitId: units.parentId,
      open: sql<number>`(select count(*) from ${pairings} where ${pairings.tenantId} = ${mentorProfiles.tenantId} and ${pairings.mentorId} = ${mentorProfiles.employeeId} and ${pairings.kind} = 'mentoring' and ${pairings.status} in ('proposed', 'active'))`.as('open_pairings'),
    })
    .from(mentorProfiles)
    .innerJoin(employees, and(eq(employees.tenantId, mentorProfiles.tenantId), eq(employees.id, mentorProfiles.employeeId)))
    .innerJoin(units, and(eq(units.tenantId, employees.tenantId), eq(units.id, employees.unitId)))
    .where(ctx.db.owned(mentorProfiles, eq(mentorProfiles.status, 'active'), eq(employees.status, 'active')))
    .orderBy(mentorProfiles.employeeId);
  return {
    candidates: rows.map((r) => ({ ...r, offered: JSON.parse(r.competencies) as string[], levels: new Map<string, number>() })),
  };
}

/** Fills the candidates' current levels in the given competencies. One statement. */
export async function loadLevels(ctx: ServiceContext, pool: Pool, competencyIds: string[]): Promise<void> {
  if (pool.candidates.length === 0 || competencyIds.length === 0) return;
  const people = JSON.stringify(pool.candidates.map((c) => c.employeeId));
  const wanted = JSON.stringify([...new Set(competencyIds)]);
  const rows = await ctx.db.orm
    .select({ employeeId: currentLevels.employeeId, competencyId: currentLevels.competencyId, level: currentLevels.level })
    .from(currentLevels)
    .where(
      ctx.db.owned(
        currentLevels,
        sql`${currentLevels.employeeId} in (select value from json_each(${people}))`,
        sql`${currentLevels.competencyId} in (select value from json_each(${wanted}))`,
      ),
    );
  const byId = new Map(pool.candidates.map((c) => [c.employeeId, c]));
  for (const r of rows) (byId.get(r.employeeId)?.levels as Map<string, number> | undefined)?.set(r.competencyId, r.level);
}

export async function menteeView(ctx: ServiceContext, menteeId: string): Promise<MenteeView> {
  const [row] = await ctx.db.orm
    .select({ unitId: employees.unitId, parentUnitId: units.parentId })
    .from(employees)
    .innerJoin(units, and(eq(units.tenantId, employees.tenantId), eq(units.id, employees.unitId)))
    .where(ctx.db.owned(employees, eq(employees.id, menteeId)))
    .limit(1);
  if (!row) throw notFound('employee');
  const gaps = await gapsOf(ctx, menteeId);
  const line = await reportingLine(ctx, menteeId);
  return {
    employeeId: menteeId,
    ...row,
    gaps: largestGaps(gaps.items.map((g) => ({ competencyId: g.competencyId, required: g.required, weightedGap: g.weightedGap ?? 0 }))),
    line,
  };
}

/** The supervisors above `employeeId` (up to 30 levels) and the employees directly below. One statement. */
export async function reportingLine(ctx: ServiceContext, employeeId: string): Promise<Set<string>> {
  const tenant = ctx.tenant.id;
  const rows = await ctx.db.orm.all<{ person: string }>(sql`
    with recursive chain(person, depth) as (
      select supervisor_id, 1 from employees where tenant_id = ${tenant} and id = ${employeeId}
      union all
      select e.supervisor_id, c.depth + 1 from employees e join chain c on e.tenant_id = ${tenant} and e.id = c.person where c.depth < 30
    )
    select person from chain where person is not null
    union
    select id as person from employees where tenant_id = ${tenant} and supervisor_id = ${employeeId}`);
  return new Set(rows.map((r) => r.person));
}

/** Score parts of `c` for `mentee`, or null when `c` may not mentor them at all. */
export function eligibleScore(mentee: MenteeView, c: Candidate, preference: UnitPreference): ScoreParts | null {
  if (c.employeeId === mentee.employeeId || mentee.line.has(c.employeeId)) return null;
  const parts = scoreCandidate(mentee.gaps, mentee, c, preference);
  return parts.remaining > 0 ? parts : null;
}

export async function suggestionsFor(ctx: ServiceContext, menteeId: string, preference: UnitPreference, limit: number) {
  const mentee = await menteeView(ctx, menteeId);
  const pool = await loadPool(ctx);
  await loadLevels(ctx, pool, mentee.gaps.map((g) => g.competencyId));
  const items = pool.candidates.flatMap((c) => {
    const parts = eligibleScore(mentee, c, preference);
    if (!parts) return [];
    const { score, remaining, covered, ...rest } = parts;
    return [{ mentorId: c.employeeId, name: c.name, unitId: c.unitId, score, parts: rest, remaining, covered }];
  });
  items.sort((a, b) => b.score - a.score || a.mentorId.localeCompare(b.mentorId));
  return { menteeId, preference, gaps: mentee.gaps, items: items.slice(0, limit) };
}
