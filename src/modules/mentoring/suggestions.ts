/**
 * Suggestions for a mentee, and the score table the whole-pool matching works on: loads the
 * active mentor pool, the mentee's largest gaps, place and reporting line, and scores each
 * candidate with `scoring.ts`. Reads only; never proposes or writes anything.
 *
 * Round trips are the budget (bench/README.md: at most 3 a request): the gaps come first, because the
 * levels worth reading depend on them; everything else is independent and goes in one batch.
 */
import { and, eq, sql } from 'drizzle-orm';
import { currentLevels, employees, mentorProfiles, pairings, units } from '../../db/schema';
import type { Call, TenantContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { gapsOf } from '../competencies';
import { type Candidate, largestGaps, type MenteeGap, type Place, type ScoreParts, scoreCandidate, type UnitPreference } from './scoring';

export interface Pool {
  candidates: (Candidate & { name: string })[];
}

export interface MenteeView extends Place {
  employeeId: string;
  gaps: MenteeGap[];
  /** Supervisors up the chain and direct reports: never the mentee's mentor. */
  line: Set<string>;
}

/** Active mentors of active employees, with their place and open mentoring pairings. */
function poolQuery(ctx: TenantContext) {
  return ctx.db
    .select({
      employeeId: mentorProfiles.employeeId,
      name: employees.name,
      capacity: mentorProfiles.capacity,
      competencies: mentorProfiles.competencies,
      unitId: employees.unitId,
      parentUnitId: units.parentId,
      open: sql<number>`(select count(*) from ${pairings} where ${pairings.tenantId} = ${mentorProfiles.tenantId} and ${pairings.mentorId} = ${mentorProfiles.employeeId} and ${pairings.kind} = 'mentoring' and ${pairings.status} in ('proposed', 'active'))`.as(
        'open_pairings',
      ),
    })
    .from(mentorProfiles)
    .innerJoin(employees, and(eq(employees.tenantId, mentorProfiles.tenantId), eq(employees.id, mentorProfiles.employeeId)))
    .innerJoin(units, and(eq(units.tenantId, employees.tenantId), eq(units.id, employees.unitId)))
    .where(and(eq(mentorProfiles.status, 'active'), eq(employees.status, 'active')))
    .orderBy(mentorProfiles.employeeId);
}

/**
 * Current levels of active mentors in the given competencies. The mentors come from a subquery,
 * not from the pool's answer, so this statement can ride in the same batch as the pool.
 */
function levelsQuery(ctx: TenantContext, competencyIds: string[]) {
  const wanted = JSON.stringify([...new Set(competencyIds)]);
  const mentors = ctx.db.select({ id: mentorProfiles.employeeId }).from(mentorProfiles).where(eq(mentorProfiles.status, 'active'));
  return ctx.db
    .select({ employeeId: currentLevels.employeeId, competencyId: currentLevels.competencyId, level: currentLevels.level })
    .from(currentLevels)
    .where(
      and(sql`${currentLevels.employeeId} in ${mentors}`, sql`${currentLevels.competencyId} in (select value from json_each(${wanted}))`),
    );
}

type PoolRow = Awaited<ReturnType<typeof poolQuery>>[number];
type LevelRow = Awaited<ReturnType<typeof levelsQuery>>[number];

function poolOf(rows: PoolRow[], levels: LevelRow[]): Pool {
  const candidates = rows.map(({ competencies, ...r }) => ({
    ...r,
    offered: JSON.parse(competencies) as string[],
    levels: new Map<string, number>(),
  }));
  const byId = new Map(candidates.map((c) => [c.employeeId, c]));
  for (const l of levels) byId.get(l.employeeId)?.levels.set(l.competencyId, l.level);
  return { candidates };
}

/** The pool with its current levels in `competencyIds`. One round trip. */
export async function loadPool(ctx: TenantContext, competencyIds: string[]): Promise<Pool> {
  const [rows, levels] = await ctx.db.batch([poolQuery(ctx), levelsQuery(ctx, competencyIds)]);
  return poolOf(rows, levels);
}

function placeQuery(ctx: TenantContext, menteeId: string) {
  return ctx.db
    .select({ unitId: employees.unitId, parentUnitId: units.parentId })
    .from(employees)
    .innerJoin(units, and(eq(units.tenantId, employees.tenantId), eq(units.id, employees.unitId)))
    .where(eq(employees.id, menteeId))
    .limit(1);
}

/**
 * The supervisors above `employeeId` (up to 30 levels) and the employees directly below. One
 * statement; a select builder over a subquery (rather than `orm.all(sql)`) so it can be batched.
 */
export function lineQuery(ctx: TenantContext, employeeId: string) {
  return ctx.db
    .unscoped('a recursive CTE up the supervisor chain')
    .select({ person: sql<string>`line.person`.as('person') })
    .from(sql`(
    with recursive chain(person, depth) as (
      select s.supervisor_id, 1 from employees s where ${ctx.db.scope('s')} and s.id = ${employeeId}
      union all
      select e.supervisor_id, c.depth + 1 from employees e join chain c on ${ctx.db.scope('e')} and e.id = c.person where c.depth < 30
    )
    select person from chain where person is not null
    union
    select d.id as person from employees d where ${ctx.db.scope('d')} and d.supervisor_id = ${employeeId}) as line`);
}

export async function reportingLine(ctx: TenantContext, employeeId: string): Promise<Set<string>> {
  return new Set((await lineQuery(ctx, employeeId)).map((r) => r.person));
}

async function largestGapsOf(ctx: TenantContext, menteeId: string): Promise<MenteeGap[]> {
  const gaps = await gapsOf(ctx, menteeId);
  return largestGaps(gaps.items.map((g) => ({ competencyId: g.competencyId, required: g.required, weightedGap: g.weightedGap ?? 0 })));
}

function viewOf(menteeId: string, gaps: MenteeGap[], place: Place | undefined, line: { person: string }[]): MenteeView {
  if (!place) throw notFound('employee');
  return { employeeId: menteeId, ...place, gaps, line: new Set(line.map((r) => r.person)) };
}

/** One mentee's place, largest gaps and reporting line. Two round trips. */
export async function menteeView(ctx: TenantContext, menteeId: string): Promise<MenteeView> {
  const gaps = await largestGapsOf(ctx, menteeId);
  const [[place], line] = await ctx.db.batch([placeQuery(ctx, menteeId), lineQuery(ctx, menteeId)]);
  return viewOf(menteeId, gaps, place, line);
}

/** Score parts of `c` for `mentee`, or null when `c` may not mentor them at all. */
export function eligibleScore(mentee: MenteeView, c: Candidate, preference: UnitPreference): ScoreParts | null {
  if (c.employeeId === mentee.employeeId || mentee.line.has(c.employeeId)) return null;
  const parts = scoreCandidate(mentee.gaps, mentee, c, preference);
  return parts.remaining > 0 ? parts : null;
}

/** Two round trips: the mentee's gaps, then place, reporting line, pool and levels in one batch. */
export async function suggestionsFor({ ctx, input }: Call<TenantContext, { menteeId: string; preference: UnitPreference; limit: number }>) {
  const { menteeId, preference, limit } = input;
  const gaps = await largestGapsOf(ctx, menteeId);
  const [[place], line, poolRows, levels] = await ctx.db.batch([
    placeQuery(ctx, menteeId),
    lineQuery(ctx, menteeId),
    poolQuery(ctx),
    levelsQuery(
      ctx,
      gaps.map((g) => g.competencyId),
    ),
  ]);
  const mentee = viewOf(menteeId, gaps, place, line);
  const pool = poolOf(poolRows, levels);
  const items = pool.candidates.flatMap((c) => {
    const parts = eligibleScore(mentee, c, preference);
    if (!parts) return [];
    const { score, remaining, covered, ...rest } = parts;
    return [{ mentorId: c.employeeId, name: c.name, unitId: c.unitId, score, parts: rest, remaining, covered }];
  });
  items.sort((a, b) => b.score - a.score || a.mentorId.localeCompare(b.mentorId));
  return { menteeId, preference, gaps: mentee.gaps, items: items.slice(0, limit) };
}
