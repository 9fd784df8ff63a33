/**
 * Evaluation reports per offering, per program and per tenant-year, for the tenant admin. Every
 * figure is aggregated in SQL over the completed enrollments in scope (one row each, with its L1,
 * L2 and L3 answers joined one-to-one), so nothing is counted twice and no row list is loaded:
 * rates are answered / completed; L1 means per item (the overall mean weighs items equally); L2
 * means over participants with both scores, and two different normalized gains (SPEC 15): Hake's
 * ⟨g⟩ = (mean post − mean pre) / (100 − mean pre) over that group, and the mean of the individual
 * gains (post − pre) / (100 − pre) over those with pre < 100; L3 mean.
 * L4 (offering only): each indicator of the units the completed participants belong to, compared
 * between the quarter before the offering's start and the quarter after its end (`changeBetween`).
 */
import { eq, type SQL, sql } from 'drizzle-orm';
import {
  employees,
  enrollments,
  evaluationBehaviours,
  evaluationReactions,
  evaluationTestScores,
  indicatorValues,
  mentoringFeedback,
  offerings,
  pairings,
  programs,
  reactionItems,
  unitIndicators,
} from '../../../db/schema';
import { quarterOf, yearIn } from '../../../platform/calendar';
import type { Call, TenantContext } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { changeBetween, type Direction } from '../indicators/indicators';
import { participantScoresQuery, type ScoreRow, withGains } from './learning';

type Figures = Record<string, number | null>;

const round4 = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);
const rate = (n: number, of: number) => (of === 0 ? null : round4(n / of));

/** Hake's ⟨g⟩ of a group from its unrounded means: null without scores or when the mean pre-test is 100. */
const hakeGain = (meanPre: number | null, meanPost: number | null) =>
  meanPre === null || meanPost === null || meanPre >= 100 ? null : round4((meanPost - meanPre) / (100 - meanPre));

const figuresReason = 'aggregates over four left-joined tables, one row per completed enrollment';

/** The level figures of the completed enrollments `e` (joined with offering `o`) that `scope` keeps. */
async function levelFigures(ctx: TenantContext, scope: SQL) {
  const [row] = await ctx.db.unscoped(figuresReason).all<Figures>(levelFiguresQuery(ctx, scope));
  return figuresOf(row);
}

/** The one query behind the level figures (a single row). */
function levelFiguresQuery(ctx: TenantContext, scope: SQL): SQL {
  const itemAverages = sql.join(
    reactionItems.map((i) => sql`avg(r.${sql.raw(i)}) as ${sql.raw(`l1_${i}`)}`),
    sql`, `,
  );
  return sql`
    select count(*) as completed, count(r.id) as l1_responses, ${itemAverages},
      count(case when t.pre is not null and t.post is not null then 1 end) as l2_n,
      avg(case when t.post is not null then t.pre end) as l2_pre,
      avg(case when t.pre is not null then t.post end) as l2_post,
      avg(t.post - t.pre) as l2_gain,
      avg(case when t.pre < 100 then (t.post - t.pre) / (100.0 - t.pre) end) as l2_ngain,
      count(b.id) as l3_responses, avg(b.rating) as l3_mean
    from ${enrollments} e
    join ${offerings} o on o.tenant_id = e.tenant_id and o.id = e.offering_id
    left join ${evaluationReactions} r on r.tenant_id = e.tenant_id and r.enrollment_id = e.id
    left join ${evaluationTestScores} t on t.tenant_id = e.tenant_id and t.enrollment_id = e.id
    left join ${evaluationBehaviours} b on b.tenant_id = e.tenant_id and b.enrollment_id = e.id
    where ${ctx.db.scope('e')} and e.status = 'completed' and ${scope}`;
}

function figuresOf(row: Figures | undefined) {
  const f = row ?? {};
  const n = (k: string) => Number(f[k] ?? 0);
  const v = (k: string) => round4((f[k] as number | null | undefined) ?? null);
  const completed = n('completed');
  const meanPre = (f.l2_pre as number | null | undefined) ?? null;
  const meanPost = (f.l2_post as number | null | undefined) ?? null;
  const individual = v('l2_ngain');
  const items = Object.fromEntries(reactionItems.map((i) => [i, v(`l1_${i}`)]));
  const means = Object.values(items).filter((x): x is number => x !== null);
  return {
    completed,
    l1: {
      responses: n('l1_responses'),
      rate: rate(n('l1_responses'), completed),
      mean: means.length ? round4(means.reduce((a, b) => a + b, 0) / means.length) : null,
      items,
    },
    l2: {
      n: n('l2_n'),
      meanPre: round4(meanPre),
      meanPost: round4(meanPost),
      meanGain: v('l2_gain'),
      hakeGain: hakeGain(meanPre, meanPost),
      meanIndividualGain: individual,
      meanNormalizedGain: individual,
    },
    l3: { responses: n('l3_responses'), rate: rate(n('l3_responses'), completed), mean: v('l3_mean') },
  };
}

interface IndicatorRow {
  indicator_id: string;
  unit_id: string;
  name: string;
  measure: string;
  direction: Direction;
  before_value: number | null;
  after_value: number | null;
}

/**
 * Each indicator of the units the completed participants in `scope` work in, with its value in
 * the quarters `before` and `after`: correlated lookups, one row per indicator.
 */
function indicatorsQuery(ctx: TenantContext, scope: SQL, before: string, after: string): SQL {
  return sql`
    select i.id as indicator_id, i.unit_id as unit_id, i.name as name, i.measure as measure, i.direction as direction,
      (select v.value from ${indicatorValues} v where v.tenant_id = i.tenant_id and v.indicator_id = i.id and v.period = ${before}) as before_value,
      (select v.value from ${indicatorValues} v where v.tenant_id = i.tenant_id and v.indicator_id = i.id and v.period = ${after}) as after_value
    from ${unitIndicators} i
    where ${ctx.db.scope('i')} and i.unit_id in (
      select m.unit_id from ${enrollments} e join ${employees} m on m.tenant_id = e.tenant_id and m.id = e.employee_id
      where ${ctx.db.scope('e')} and e.status = 'completed' and ${scope})
    order by i.unit_id, i.id`;
}

/** L4 from the indicator rows: each change signed by its indicator's direction. */
function l4Of(before: string, after: string, indicators: IndicatorRow[]) {
  return {
    before,
    after,
    indicators: indicators.map((i) => {
      const { change, relativeChange, improvement, improved } = changeBetween(i.direction, i.before_value, i.after_value);
      return {
        indicatorId: i.indicator_id,
        unitId: i.unit_id,
        name: i.name,
        measure: i.measure,
        direction: i.direction,
        beforeValue: i.before_value,
        afterValue: i.after_value,
        change,
        relativeChange,
        improvement,
        improved,
      };
    }),
  };
}

/** How many L1 answers gave each item 1…5, over the completed enrollments in `scope` (one row). */
function distributionQuery(ctx: TenantContext, scope: SQL): SQL {
  const counts = sql.join(
    reactionItems.flatMap((i) =>
      likertPoints.map((k) => sql`count(case when r.${sql.raw(i)} = ${k} then 1 end) as ${sql.raw(`${i}_${k}`)}`),
    ),
    sql`, `,
  );
  return sql`
    select ${counts}
    from ${enrollments} e
    join ${offerings} o on o.tenant_id = e.tenant_id and o.id = e.offering_id
    join ${evaluationReactions} r on r.tenant_id = e.tenant_id and r.enrollment_id = e.id
    where ${ctx.db.scope('e')} and e.status = 'completed' and ${scope}`;
}

const likertPoints = [1, 2, 3, 4, 5] as const;

const distributionOf = (row: Figures | undefined) =>
  Object.fromEntries(reactionItems.map((i) => [i, likertPoints.map((k) => Number(row?.[`${i}_${k}`] ?? 0))]));

/**
 * Two round trips: the offering (its dates name the L4 quarters), then its indicators, level
 * figures and scored participants in one batch.
 */
export async function offeringReport({ ctx, input: offeringId }: Call<TenantContext, string>) {
  const [o] = await ctx.db
    .select({ id: offerings.id, programId: offerings.programId, startDate: offerings.startDate, endDate: offerings.endDate })
    .from(offerings)
    .where(eq(offerings.id, offeringId))
    .limit(1);
  if (!o) throw notFound('offering');
  const before = quarterOf(o.startDate, -1);
  const afterPeriod = quarterOf(o.endDate, 1);
  const scope = sql`e.offering_id = ${offeringId}`;
  const [indicators, [figures], scores] = await ctx.db.allTogether<[IndicatorRow, Figures, ScoreRow]>(
    `correlated value lookups per indicator of the participants' units; ${figuresReason}; scored participants`,
    [indicatorsQuery(ctx, scope, before, afterPeriod), levelFiguresQuery(ctx, scope), participantScoresQuery(ctx, offeringId)],
  );
  return {
    offeringId: o.id,
    programId: o.programId,
    startDate: o.startDate,
    endDate: o.endDate,
    ...figuresOf(figures),
    participants: scores.map(withGains),
    l4: l4Of(before, afterPeriod, indicators),
  };
}

/**
 * A program over this tenant's offerings of it — those starting in `year` when one is given. Two
 * round trips: the program with its offerings' count and first start and last end (they name the
 * L4 quarters: the one before the first start against the one after the last end), then the
 * level figures, the L1 answers' distribution and the indicators in one batch.
 */
export async function programReport({ ctx, input: q }: Call<TenantContext, { id: string; year?: number | undefined }>) {
  const inYear = (table: string) =>
    q.year === undefined ? sql`1 = 1` : sql`substr(${sql.raw(table)}.start_date, 1, 4) = ${String(q.year)}`;
  const ofProgram = sql`${ctx.db.scope('x')} and x.program_id = ${programs.id} and ${inYear('x')}`;
  // A national program is reported too, over this tenant's offerings of it.
  const [p] = await ctx.db
    .visible({
      id: programs.id,
      offerings: sql<number>`(select count(*) from ${offerings} x where ${ofProgram})`.as('offerings'),
      firstStart: sql<string | null>`(select min(x.start_date) from ${offerings} x where ${ofProgram})`.as('first_start'),
      lastEnd: sql<string | null>`(select max(x.end_date) from ${offerings} x where ${ofProgram})`.as('last_end'),
    })
    .from(programs)
    .where(eq(programs.id, q.id))
    .limit(1);
  if (!p) throw notFound('program');
  const scope = sql`e.offering_id in (select x.id from ${offerings} x where ${ctx.db.scope('x')} and x.program_id = ${q.id} and ${inYear('x')})`;
  const quarters = p.firstStart && p.lastEnd ? { before: quarterOf(p.firstStart, -1), after: quarterOf(p.lastEnd, 1) } : null;
  const [[figures], [distribution], indicators] = await ctx.db.allTogether<[Figures, Figures, IndicatorRow]>(
    `${figuresReason}; counts of each L1 answer per item; correlated value lookups per indicator of the participants' units`,
    [
      levelFiguresQuery(ctx, scope),
      distributionQuery(ctx, scope),
      quarters ? indicatorsQuery(ctx, scope, quarters.before, quarters.after) : sql`select 1 as none where 0`,
    ],
  );
  return {
    programId: p.id,
    year: q.year ?? null,
    offerings: p.offerings,
    ...figuresOf(figures),
    l1Distribution: distributionOf(distribution),
    l4: quarters ? l4Of(quarters.before, quarters.after, indicators) : null,
  };
}

/** A tenant's year: enrollments completed in it and pairings completed in it (by their UTC day). */
export async function tenantSummary({ ctx, input: q }: Call<TenantContext, { year?: number | undefined }>) {
  const year = q.year ?? yearIn(ctx.tenant);
  const y = String(year);
  const [m] = await ctx.db
    .unscoped('pairings completed in a year, left-joined with their feedback')
    .all<{ completed_pairings: number; responses: number; mean_rating: number | null }>(sql`
    select count(distinct x.id) as completed_pairings, count(f.id) as responses, avg(f.rating) as mean_rating
    from ${pairings} x left join ${mentoringFeedback} f on f.tenant_id = x.tenant_id and f.pairing_id = x.id
    where ${ctx.db.scope('x')} and x.status = 'completed' and substr(x.completed_at, 1, 4) = ${y}`);
  return {
    year,
    ...(await levelFigures(ctx, sql`substr(e.completed_at, 1, 4) = ${y}`)),
    mentoring: { completedPairings: m?.completed_pairings ?? 0, responses: m?.responses ?? 0, mean: round4(m?.mean_rating ?? null) },
  };
}
