/**
 * Summary figures from the development activities: enrollments and completions (catalog), L1 and
 * L2 averages (evaluations), active mentoring and coaching pairings, and the public satisfaction
 * index (IKM). Providers in the sense of providers.ts: one statement per tenant, grouped by unit,
 * counts and sums only.
 */
import { sql } from 'drizzle-orm';
import { employees, enrollments, evaluationReactions, evaluationTestScores, ikmResponses, offerings, pairings } from '../../db/schema';
import type { TenantDb } from '../../platform/tenancy/scoped-db';
import type { SummaryProvider } from './providers';

/**
 * Places in offerings starting in the year, by the participant's unit. `statuses` picks which:
 * taken places (enrolled or completed) or completed ones. The offering's start date is a calendar
 * date in the tenant's own time zone already.
 */
const places = (name: string, description: string, statuses: readonly string[]): SummaryProvider => ({
  name,
  kind: 'total',
  description,
  measure: ({ db, year }) => sql`
    select e.unit_id as unit_id, count(*) as sum, count(*) as count, count(distinct e.id) as people
    from ${enrollments} en
    join ${offerings} o on ${db.scope('o')} and o.id = en.offering_id
    join ${employees} e on ${db.scope('e')} and e.id = en.employee_id
    where ${db.scope('en')} and en.status in (select value from json_each(${JSON.stringify(statuses)}))
      and o.start_date >= ${`${year}-01-01`} and o.start_date <= ${`${year}-12-31`}
    group by e.unit_id`,
});

export const enrollmentsFigure = places('enrollments', 'Places taken (enrolled or completed) in offerings starting in the year', [
  'enrolled',
  'completed',
]);
export const completionsFigure = places('completions', 'Completed places in offerings starting in the year (passed or not)', ['completed']);

/** Pairings active when the summary was computed, by the mentee's unit; people are the mentees. */
export const activePairingsFigure: SummaryProvider = {
  name: 'activePairings',
  kind: 'total',
  description: 'Mentoring and coaching pairings active when the figures were computed, by the mentee’s unit',
  measure: ({ db }) => sql`
    select e.unit_id as unit_id, count(*) as sum, count(*) as count, count(distinct p.mentee_id) as people
    from ${pairings} p
    join ${employees} e on ${db.scope('e')} and e.id = p.mentee_id
    where ${db.scope('p')} and p.status = 'active'
    group by e.unit_id`,
};

/**
 * The IKM converted score (PermenPAN-RB 14/2017: Σ element means × 1/9 × 25) of the year's survey
 * responses, by the surveyed unit. It equals the mean over responses of (Σ answers) × 25 / 9, so it
 * is kept as that sum and count and adds up exactly across units and tenants. Respondents are the
 * people behind it.
 */
export const ikmFigure: SummaryProvider = {
  name: 'ikm',
  kind: 'mean',
  description: 'IKM converted score (25–100) of the year’s public satisfaction survey responses',
  measure: ({ db, year }) => sql`
    select r.unit_id as unit_id,
           sum((r.u1 + r.u2 + r.u3 + r.u4 + r.u5 + r.u6 + r.u7 + r.u8 + r.u9) * 25.0 / 9) as sum,
           count(*) as count, count(*) as people
    from ${ikmResponses} r
    where ${db.scope('r')} and r.period >= ${String(year)} and r.period < ${String(year + 1)}
    group by r.unit_id`,
};

/** L1 reactions and L2 scores of offerings starting in the year, by the participant's unit. */
const ofTheYear = (db: TenantDb, year: number) =>
  sql`join ${offerings} o on ${db.scope('o')} and o.id = x.offering_id
      join ${employees} e on ${db.scope('e')} and e.id = en.employee_id
      where ${db.scope('x')} and o.start_date >= ${`${year}-01-01`} and o.start_date <= ${`${year}-12-31`}`;

/** L1: each participant's mean over the six Likert items (1–5), averaged; every participant weighs the same. */
export const reactionFigure: SummaryProvider = {
  name: 'l1Mean',
  kind: 'mean',
  description: 'Mean L1 reaction (Likert 1–5, the six items averaged per participant) in offerings starting in the year',
  measure: ({ db, year }) => sql`
    select e.unit_id as unit_id,
           sum((x.materi + x.fasilitator + x.metode + x.sarana + x.manfaat + x.waktu) / 6.0) as sum,
           count(*) as count, count(distinct e.id) as people
    from ${evaluationReactions} x
    join ${enrollments} en on ${db.scope('en')} and en.id = x.enrollment_id
    ${ofTheYear(db, year)}
    group by e.unit_id`,
};

/** L2: post − pre test score (0–100 points) of participants with both scores. */
export const learningGainFigure: SummaryProvider = {
  name: 'l2MeanGain',
  kind: 'mean',
  description: 'Mean L2 gain (post − pre test score, points) of participants with both scores, offerings starting in the year',
  measure: ({ db, year }) => sql`
    select e.unit_id as unit_id, sum(x.post - x.pre) as sum, count(*) as count, count(distinct e.id) as people
    from ${evaluationTestScores} x
    join ${enrollments} en on ${db.scope('en')} and en.id = x.enrollment_id
    ${ofTheYear(db, year)} and x.pre is not null and x.post is not null
    group by e.unit_id`,
};
