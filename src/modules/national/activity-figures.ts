/**
 * Summary figures from the development activities: enrollments and completions (catalog), L1 and
 * L2 averages (evaluations), active mentoring and coaching pairings, and the public satisfaction
 * index (IKM). Providers in the sense of providers.ts: one statement per tenant, grouped by unit,
 * counts and sums only. Each is taken over every employee of the unit (record-keys.ts, "the
 * base"), by the participant's or mentee's unit; the IKM over the unit's survey responses.
 */
import { type SQL, sql } from 'drizzle-orm';
import { enrollments, evaluationReactions, evaluationTestScores, ikmResponses, offerings, pairings } from '../../db/schema';
import type { TenantDb } from '../../platform/tenancy/scoped-db';
import type { SummaryProvider } from './providers';
import { cellKey, contributionKey, countColumns, meanColumns, overEmployees, recordKey } from './record-keys';

/** The year's offerings: those starting in it (a calendar date in the tenant's own time zone). */
const inYear = (db: TenantDb, year: number) =>
  sql`join ${offerings} o on ${db.scope('o')} and o.id = en.offering_id
      and o.start_date >= ${`${year}-01-01`} and o.start_date <= ${`${year}-12-31`}`;

/** Places in offerings starting in the year. `statuses` picks which: taken (enrolled or completed) or completed. */
const places = (name: string, description: string, statuses: readonly string[]): SummaryProvider => ({
  name,
  kind: 'total',
  description,
  measure: ({ db, year }) =>
    overEmployees(
      db,
      sql`select en.employee_id as employee_id, count(*) as n
          from ${enrollments} en ${inYear(db, year)}
          where ${db.scope('en')} and en.status in (select value from json_each(${JSON.stringify(statuses)}))
          group by en.employee_id`,
      countColumns,
    ),
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
  measure: ({ db }) =>
    overEmployees(
      db,
      sql`select p.mentee_id as employee_id, count(*) as n from ${pairings} p
          where ${db.scope('p')} and p.status = 'active' group by p.mentee_id`,
      countColumns,
    ),
};

/**
 * The IKM converted score (PermenPAN-RB 14/2017: Σ element means × 1/9 × 25) of the year's survey
 * responses, by the surveyed unit. It equals the mean over responses of (Σ answers) × 25 / 9, so it
 * is kept as that sum and count and adds up exactly across units and tenants. Respondents are the
 * people behind it; the responses are the base (anonymous: no employee).
 */
export const ikmFigure: SummaryProvider = {
  name: 'ikm',
  kind: 'mean',
  range: [25, 100],
  description: 'IKM converted score (25–100) of the year’s public satisfaction survey responses',
  measure: ({ db, year }) => {
    const answers = sql`(r.u1 + r.u2 + r.u3 + r.u4 + r.u5 + r.u6 + r.u7 + r.u8 + r.u9)`;
    return sql`
    select r.unit_id as unit_id, sum(${answers} * 25.0 / 9) as sum, count(*) as count, count(*) as people,
           ${cellKey(contributionKey('r.id', answers))} as value_key, ${cellKey(recordKey('r.id'))} as people_key
    from ${ikmResponses} r
    where ${db.scope('r')} and r.period >= ${String(year)} and r.period < ${String(year + 1)}
    group by r.unit_id`;
  },
};

/**
 * Per participant, an evaluation of offerings starting in the year (`x`, keyed by enrollment):
 * `total` and `code` (the sum of the values, as an integer that changes with them) and `n`.
 */
const evaluated = (
  db: TenantDb,
  year: number,
  table: typeof evaluationReactions | typeof evaluationTestScores,
  total: SQL,
  code: SQL,
  where: SQL = sql``,
) =>
  sql`select en.employee_id as employee_id, sum(${total}) as total, sum(${code}) as code, count(*) as n
      from ${table} x
      join ${enrollments} en on ${db.scope('en')} and en.id = x.enrollment_id
      ${inYear(db, year)}
      where ${db.scope('x')} ${where}
      group by en.employee_id`;

/** L1: each participant's mean over the six Likert items (1–5), averaged; every participant weighs the same. */
export const reactionFigure: SummaryProvider = {
  name: 'l1Mean',
  kind: 'mean',
  range: [1, 5],
  description: 'Mean L1 reaction (Likert 1–5, the six items averaged per participant) in offerings starting in the year',
  measure: ({ db, year }) => {
    const items = sql`(x.materi + x.fasilitator + x.metode + x.sarana + x.manfaat + x.waktu)`;
    return overEmployees(db, evaluated(db, year, evaluationReactions, sql`${items} / 6.0`, items), meanColumns);
  },
};

/** L2: post − pre test score (0–100 points) of participants with both scores. */
export const learningGainFigure: SummaryProvider = {
  name: 'l2MeanGain',
  kind: 'mean',
  range: [-100, 100],
  description: 'Mean L2 gain (post − pre test score, points) of participants with both scores, offerings starting in the year',
  measure: ({ db, year }) =>
    overEmployees(
      db,
      evaluated(
        db,
        year,
        evaluationTestScores,
        sql`x.post - x.pre`,
        sql`cast(round((x.post - x.pre) * 100) as integer)`,
        sql`and x.pre is not null and x.post is not null`,
      ),
      meanColumns,
    ),
};
