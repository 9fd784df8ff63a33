/**
 * Recommendations: the programs (with their open offerings) that close the largest weighted gaps
 * of an employee or of a unit. A program's score for one person is Σ over its targeted
 * competencies of weight × min(gap, expected gain); it counts only when the person meets every
 * prerequisite (an unassessed prerequisite is not met) and, when asked, costs at most `maxCost`.
 * A unit's score is the sum over its active employees (direct members). Each line gives its
 * reasons: which competency, from what level to what, with what weight. Reads the subject's
 * competencies and the catalog (national + this tenant's), never another tenant's rows.
 */
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import {
  competencies,
  currentLevels,
  employees,
  offerings,
  positionStandards,
  programCompetencies,
  programs,
  units,
} from '../../../db/schema';
import { assertSelfOrAdmin } from '../../../platform/auth/access';
import { todayIn } from '../../../platform/calendar';
import type { Call, TenantContext } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { type Gaps, gapsQuery, shapeGaps } from '../../competencies';
import { isClassical } from '../programs/program-rows';
import type { RecommendationQuery, UnitPeopleRecommendationQuery } from '../schemas';

interface Need {
  code: string;
  name: string;
  current: number;
  required: number;
  weight: number;
}

/** One person: the gaps of their standard (assessed, gap > 0) and every current level they hold. */
export interface Person {
  needs: Map<string, Need>;
  levels: Map<string, number>;
}

/** The catalog's three reads (active programs, their competency links, open offerings to come), sent in the caller's batch. */
function catalogReads(ctx: TenantContext, maxCost?: number) {
  const pc = programCompetencies;
  return [
    ctx.db
      .visible({
        id: programs.id,
        tenantId: programs.tenantId,
        code: programs.code,
        title: programs.title,
        method: programs.method,
        jpCenti: programs.jpCenti,
        cost: programs.costPerParticipant,
      })
      .from(programs)
      .where(and(eq(programs.status, 'active'), maxCost === undefined ? undefined : sql`${programs.costPerParticipant} <= ${maxCost}`)),
    ctx.db.visible({ programId: pc.programId, role: pc.role, competencyId: pc.competencyId, level: pc.level }).from(pc),
    ctx.db
      .select({
        id: offerings.id,
        programId: offerings.programId,
        startDate: offerings.startDate,
        endDate: offerings.endDate,
        capacity: offerings.capacity,
        location: offerings.location,
        online: offerings.online,
        status: offerings.status,
      })
      .from(offerings)
      .where(and(inArray(offerings.status, ['planned', 'open']), sql`${offerings.startDate} >= ${todayIn(ctx.tenant)}`))
      .orderBy(asc(offerings.startDate), asc(offerings.id)),
  ] as const;
}

type CatalogRows = [
  Awaited<ReturnType<typeof catalogReads>[0]>,
  Awaited<ReturnType<typeof catalogReads>[1]>,
  Awaited<ReturnType<typeof catalogReads>[2]>,
];

/** Each program with its targets, prerequisites and open offerings, from `catalogReads`' rows. */
function catalogOf([list, links, open]: CatalogRows) {
  return list.map((p) => ({
    ...p,
    targets: links.filter((l) => l.programId === p.id && l.role === 'target'),
    prerequisites: links.filter((l) => l.programId === p.id && l.role === 'prerequisite'),
    offerings: open.filter((o) => o.programId === p.id).map(({ programId: _p, ...o }) => o),
  }));
}

type Catalog = ReturnType<typeof catalogOf>;

/** Ranks the catalog for `people` (one person, or a unit's). */
function rank(catalog: Catalog, people: Person[], q: Pick<RecommendationQuery, 'limit'>) {
  const lines = catalog.flatMap((p) => {
    const reasons = new Map<
      string,
      { competencyId: string; code: string; name: string; from: number; to: number; weight: number; closes: number; people: number }
    >();
    for (const person of people) {
      if (!p.prerequisites.every((r) => (person.levels.get(r.competencyId) ?? 0) >= r.level)) continue;
      for (const t of p.targets) {
        const need = person.needs.get(t.competencyId);
        if (!need) continue;
        const closes = need.weight * Math.min(need.required - need.current, t.level);
        const to = Math.min(need.required, need.current + t.level);
        const r = reasons.get(t.competencyId);
        if (r)
          Object.assign(r, {
            from: Math.min(r.from, need.current),
            to: Math.max(r.to, to),
            closes: r.closes + closes,
            people: r.people + 1,
          });
        else
          reasons.set(t.competencyId, {
            competencyId: t.competencyId,
            code: need.code,
            name: need.name,
            from: need.current,
            to,
            weight: need.weight,
            closes,
            people: 1,
          });
      }
    }
    const list = [...reasons.values()].sort((a, b) => b.closes - a.closes || a.code.localeCompare(b.code));
    const score = list.reduce((sum, r) => sum + r.closes, 0);
    if (score <= 0) return [];
    return [
      {
        score: Math.round(score * 1000) / 1000,
        program: {
          id: p.id,
          scope: p.tenantId === '' ? ('national' as const) : ('tenant' as const),
          code: p.code,
          title: p.title,
          method: p.method,
          classical: isClassical(p.method),
          jp: p.jpCenti / 100,
          costPerParticipant: p.cost,
        },
        offerings: p.offerings,
        reasons: list,
      },
    ];
  });
  return lines
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.program.costPerParticipant - b.program.costPerParticipant ||
        a.program.title.localeCompare(b.program.title) ||
        a.program.id.localeCompare(b.program.id),
    )
    .slice(0, q.limit);
}

/** One person's assessed gaps (gap > 0) from their gap rows, and the levels they hold. */
function personOf(gaps: Gaps, held: { competencyId: string; level: number }[]): Person {
  const needs = new Map<string, Need>();
  for (const g of gaps.items) {
    if (g.current !== null && (g.gap ?? 0) > 0)
      needs.set(g.competencyId, { code: g.code, name: g.name, current: g.current, required: g.required, weight: g.weight });
  }
  return { needs, levels: new Map(held.map((h) => [h.competencyId, h.level])) };
}

/** One employee's ranking: their gaps, levels and the catalog in one batch (one D1 round trip). */
export async function forEmployee({
  ctx,
  input: { employeeId, query: q },
}: Call<TenantContext, { employeeId: string; query: RecommendationQuery }>) {
  assertSelfOrAdmin(ctx, employeeId);
  const [gapRows, held, ...catalog] = await ctx.db.batch([
    gapsQuery(ctx, employeeId),
    ctx.db
      .select({ competencyId: currentLevels.competencyId, level: currentLevels.level })
      .from(currentLevels)
      .where(eq(currentLevels.employeeId, employeeId)),
    ...catalogReads(ctx, q.maxCost),
  ]);
  const gaps = shapeGaps(employeeId, gapRows);
  if (!gaps) throw notFound('employee');
  return { subject: { kind: 'employee' as const, id: employeeId }, items: rank(catalogOf(catalog), [personOf(gaps, held)], q) };
}

/** The two reads behind the people matching `who` (active employees): their assessed gaps and the levels they hold. */
function peopleReads(ctx: TenantContext, who: SQL | undefined) {
  const members = and(who, eq(employees.status, 'active'));
  const s = positionStandards;
  return [
    ctx.db
      .select({
        employeeId: employees.id,
        competencyId: s.competencyId,
        code: competencies.code,
        name: competencies.name,
        required: s.requiredLevel,
        weight: s.weight,
        current: currentLevels.level,
      })
      .from(employees)
      .innerJoin(s, and(eq(s.tenantId, employees.tenantId), eq(s.positionId, employees.positionId)))
      .innerJoin(competencies, and(eq(competencies.tenantId, s.competencyTenantId), eq(competencies.id, s.competencyId)))
      .innerJoin(
        currentLevels,
        and(
          eq(currentLevels.tenantId, employees.tenantId),
          eq(currentLevels.employeeId, employees.id),
          eq(currentLevels.competencyId, s.competencyId),
        ),
      )
      .where(and(members, sql`${currentLevels.level} < ${s.requiredLevel}`)),
    ctx.db
      .select({ employeeId: currentLevels.employeeId, competencyId: currentLevels.competencyId, level: currentLevels.level })
      .from(currentLevels)
      .innerJoin(employees, and(eq(employees.tenantId, currentLevels.tenantId), eq(employees.id, currentLevels.employeeId)))
      .where(members),
  ] as const;
}

/** The people of `peopleReads`' rows, each with their needs and held levels (someone without a gap is absent). */
function peopleOf([gapRows, held]: [Awaited<ReturnType<typeof peopleReads>[0]>, Awaited<ReturnType<typeof peopleReads>[1]>]): Map<
  string,
  Person
> {
  const people = new Map<string, Person>();
  const personOf = (id: string) => people.get(id) ?? (people.set(id, { needs: new Map(), levels: new Map() }).get(id) as Person);
  for (const g of gapRows)
    personOf(g.employeeId).needs.set(g.competencyId, {
      code: g.code,
      name: g.name,
      current: g.current,
      required: g.required,
      weight: g.weight,
    });
  for (const h of held) if (people.has(h.employeeId)) personOf(h.employeeId).levels.set(h.competencyId, h.level);
  return people;
}

const unitRead = (ctx: TenantContext, unitId: string) => ctx.db.select({ id: units.id }).from(units).where(eq(units.id, unitId)).limit(1);

/** A unit's ranking, summed over its active people: one batch (one D1 round trip). */
export async function forUnit({ ctx, input: { unitId, query: q } }: Call<TenantContext, { unitId: string; query: RecommendationQuery }>) {
  const who = eq(employees.unitId, unitId);
  const [unit, gapRows, held, ...catalog] = await ctx.db.batch([
    unitRead(ctx, unitId),
    ...peopleReads(ctx, who),
    ...catalogReads(ctx, q.maxCost),
  ]);
  if (unit.length === 0) throw notFound('unit');
  const people = peopleOf([gapRows, held]);
  return { subject: { kind: 'unit' as const, id: unitId }, items: rank(catalogOf(catalog), [...people.values()], q) };
}

/**
 * A unit's active people each with their own top `limit` programs, the people whose best program
 * closes the most first (then by name), at most `people` of them: one batch (one D1 round trip).
 * Someone with no assessed gap, or whom no program helps, is counted in `withoutRecommendation`.
 */
export async function forUnitPeople({
  ctx,
  input: { unitId, query: q },
}: Call<TenantContext, { unitId: string; query: UnitPeopleRecommendationQuery }>) {
  const who = eq(employees.unitId, unitId);
  const [unit, members, gapRows, held, ...catalogRows] = await ctx.db.batch([
    unitRead(ctx, unitId),
    ctx.db
      .select({ id: employees.id, name: employees.name, nip: employees.nip })
      .from(employees)
      .where(and(who, eq(employees.status, 'active')))
      .orderBy(asc(employees.name), asc(employees.id)),
    ...peopleReads(ctx, who),
    ...catalogReads(ctx, q.maxCost),
  ]);
  if (unit.length === 0) throw notFound('unit');
  const people = peopleOf([gapRows, held]);
  const catalog = catalogOf(catalogRows);
  const ranked = members.flatMap((employee) => {
    const person = people.get(employee.id);
    const items = person ? rank(catalog, [person], q) : [];
    return items.length > 0 ? [{ employee, items }] : [];
  });
  ranked.sort((a, b) => (b.items[0]?.score ?? 0) - (a.items[0]?.score ?? 0));
  return {
    subject: { kind: 'unit' as const, id: unitId },
    people: ranked.slice(0, q.people),
    withoutRecommendation: members.length - ranked.length,
  };
}

/**
 * The top `limit` programs of each of several active employees (at most 50 ids: one bound
 * parameter each), the catalog read in the same batch: for batches such as the JP shortfall
 * reminder. Someone with no assessed gap gets an empty list.
 */
export async function forEmployees({ ctx, input: { employeeIds, limit } }: Call<TenantContext, { employeeIds: string[]; limit: number }>) {
  const result = new Map<string, { id: string; title: string }[]>();
  if (employeeIds.length === 0) return result;
  const [gapRows, held, ...catalogRows] = await ctx.db.batch([
    ...peopleReads(ctx, inArray(employees.id, employeeIds)),
    ...catalogReads(ctx),
  ]);
  const people = peopleOf([gapRows, held]);
  const catalog = catalogOf(catalogRows);
  for (const id of employeeIds) {
    const person = people.get(id);
    const items = person ? rank(catalog, [person], { limit }) : [];
    result.set(
      id,
      items.map((i) => ({ id: i.program.id, title: i.program.title })),
    );
  }
  return result;
}
