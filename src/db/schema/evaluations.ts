/**
 * Evaluation data that stands on its own: public satisfaction survey responses (IKM,
 * PermenPAN-RB 14/2017), unit indicators with values by period (Kirkpatrick level 4) and the
 * tenant's evaluation settings. A survey response carries no personal data of the respondent —
 * only an optional coarse profile — and is never rewritten. Every key and foreign key includes
 * tenant_id; the answers are checked by the database as well as by the API.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { enrollments, offerings } from './catalog';
import { tenantColumns, timestamps, versioned } from './columns';
import { pairings } from './mentoring';
import { units } from './organisation';

export const respondentGenders = ['laki_laki', 'perempuan'] as const;
export const respondentAgeBands = ['under_20', '20_29', '30_39', '40_49', '50_59', '60_plus'] as const;
export const respondentEducations = ['tidak_sekolah', 'sd', 'smp', 'sma', 'd1_d3', 'd4_s1', 's2', 's3'] as const;
export const indicatorDirections = ['higher_is_better', 'lower_is_better'] as const;

const answer = (name: string) => integer(name).notNull();

export const ikmResponses = sqliteTable(
  'ikm_responses',
  {
    ...tenantColumns(),
    unitId: text('unit_id').notNull(),
    /** `2026`, `2026-S1`, `2026-Q3` or `2026-07` (see modules/evaluations/ikm/periods.ts). */
    period: text('period').notNull(),
    u1: answer('u1'),
    u2: answer('u2'),
    u3: answer('u3'),
    u4: answer('u4'),
    u5: answer('u5'),
    u6: answer('u6'),
    u7: answer('u7'),
    u8: answer('u8'),
    u9: answer('u9'),
    gender: text('gender', { enum: respondentGenders }),
    ageBand: text('age_band', { enum: respondentAgeBands }),
    education: text('education', { enum: respondentEducations }),
    service: text('service'),
    respondedOn: text('responded_on').notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    // The report groups one period of one tenant by unit.
    index('ikm_responses_period_unit').on(t.tenantId, t.period, t.unitId),
    check(
      'ikm_responses_answers',
      sql`${t.u1} between 1 and 4 and ${t.u2} between 1 and 4 and ${t.u3} between 1 and 4 and ${t.u4} between 1 and 4 and ${t.u5} between 1 and 4 and ${t.u6} between 1 and 4 and ${t.u7} between 1 and 4 and ${t.u8} between 1 and 4 and ${t.u9} between 1 and 4`,
    ),
  ],
);

/**
 * The units whose IKM results are public (opt-in per unit): a row means the unit's page shows its
 * results of ended periods, aggregates of at least five responses only. No row, no page.
 */
export const ikmPublications = sqliteTable(
  'ikm_publications',
  {
    tenantId: text('tenant_id').notNull(),
    unitId: text('unit_id').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.unitId] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }).onDelete('cascade'),
  ],
);

export const unitIndicators = sqliteTable(
  'unit_indicators',
  {
    ...tenantColumns(),
    unitId: text('unit_id').notNull(),
    name: text('name').notNull(),
    /** Unit of measure: `menit`, `hari`, `%`, `dokumen`… */
    measure: text('measure').notNull(),
    direction: text('direction', { enum: indicatorDirections }).notNull(),
    ...versioned(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    index('unit_indicators_unit').on(t.tenantId, t.unitId, t.id),
  ],
);

export const indicatorValues = sqliteTable(
  'indicator_values',
  {
    tenantId: text('tenant_id').notNull(),
    indicatorId: text('indicator_id').notNull(),
    period: text('period').notNull(),
    value: real('value').notNull(),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.indicatorId, t.period] }),
    foreignKey({ columns: [t.tenantId, t.indicatorId], foreignColumns: [unitIndicators.tenantId, unitIndicators.id] }),
  ],
);

/** One row per tenant once its admin has saved settings; until then the defaults apply (version 0). */
export const evaluationSettings = sqliteTable(
  'evaluation_settings',
  {
    tenantId: text('tenant_id').notNull().primaryKey(),
    l3WaitingDays: integer('l3_waiting_days').notNull(),
    version: integer('version').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [check('evaluation_settings_waiting_days', sql`${t.l3WaitingDays} between 0 and 365`)],
);

/**
 * Kirkpatrick levels 1–3 and mentoring feedback. Each answer is written once: a unique key per
 * enrollment (L1, L3) or per pairing and member role (mentoring) decides a race in the database.
 * The offering id is kept beside the enrollment so the reports group by an index, not a join.
 */

/** The L1 items, in the order the form shows them (Likert 1–5 each). */
export const reactionItems = ['materi', 'fasilitator', 'metode', 'sarana', 'manfaat', 'waktu'] as const;
const likert = (name: string) => integer(name).notNull();

export const evaluationReactions = sqliteTable(
  'evaluation_reactions',
  {
    ...tenantColumns(),
    enrollmentId: text('enrollment_id').notNull(),
    offeringId: text('offering_id').notNull(),
    employeeId: text('employee_id').notNull(),
    materi: likert('materi'),
    fasilitator: likert('fasilitator'),
    metode: likert('metode'),
    sarana: likert('sarana'),
    manfaat: likert('manfaat'),
    waktu: likert('waktu'),
    comment: text('comment'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('evaluation_reactions_once').on(t.tenantId, t.enrollmentId),
    index('evaluation_reactions_offering').on(t.tenantId, t.offeringId),
    foreignKey({ columns: [t.tenantId, t.enrollmentId], foreignColumns: [enrollments.tenantId, enrollments.id] }),
    foreignKey({ columns: [t.tenantId, t.offeringId], foreignColumns: [offerings.tenantId, offerings.id] }),
    check(
      'evaluation_reactions_likert',
      sql`${t.materi} between 1 and 5 and ${t.fasilitator} between 1 and 5 and ${t.metode} between 1 and 5 and ${t.sarana} between 1 and 5 and ${t.manfaat} between 1 and 5 and ${t.waktu} between 1 and 5`,
    ),
  ],
);

/** L2: one row per enrollment, upserted; either score may still be missing. */
export const evaluationTestScores = sqliteTable(
  'evaluation_test_scores',
  {
    tenantId: text('tenant_id').notNull(),
    enrollmentId: text('enrollment_id').notNull(),
    offeringId: text('offering_id').notNull(),
    pre: real('pre'),
    post: real('post'),
    recordedBy: text('recorded_by').notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.enrollmentId] }),
    index('evaluation_test_scores_offering').on(t.tenantId, t.offeringId),
    foreignKey({ columns: [t.tenantId, t.enrollmentId], foreignColumns: [enrollments.tenantId, enrollments.id] }),
    foreignKey({ columns: [t.tenantId, t.offeringId], foreignColumns: [offerings.tenantId, offerings.id] }),
    check(
      'evaluation_test_scores_range',
      sql`(${t.pre} is null or ${t.pre} between 0 and 100) and (${t.post} is null or ${t.post} between 0 and 100)`,
    ),
  ],
);

/** L3: the supervisor's rating of the change in behaviour, once per enrollment. */
export const evaluationBehaviours = sqliteTable(
  'evaluation_behaviours',
  {
    ...tenantColumns(),
    enrollmentId: text('enrollment_id').notNull(),
    offeringId: text('offering_id').notNull(),
    employeeId: text('employee_id').notNull(),
    supervisorId: text('supervisor_id').notNull(),
    rating: integer('rating').notNull(),
    comment: text('comment'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('evaluation_behaviours_once').on(t.tenantId, t.enrollmentId),
    index('evaluation_behaviours_offering').on(t.tenantId, t.offeringId),
    // The ratings a supervisor gave, for their personal data export.
    index('evaluation_behaviours_supervisor').on(t.tenantId, t.supervisorId),
    foreignKey({ columns: [t.tenantId, t.enrollmentId], foreignColumns: [enrollments.tenantId, enrollments.id] }),
    foreignKey({ columns: [t.tenantId, t.offeringId], foreignColumns: [offerings.tenantId, offerings.id] }),
    check('evaluation_behaviours_rating', sql`${t.rating} between 1 and 5`),
  ],
);

export const feedbackRoles = ['mentor', 'mentee'] as const;

/** Mentoring feedback: each member of a completed pairing once. */
export const mentoringFeedback = sqliteTable(
  'mentoring_feedback',
  {
    ...tenantColumns(),
    pairingId: text('pairing_id').notNull(),
    role: text('role', { enum: feedbackRoles }).notNull(),
    employeeId: text('employee_id').notNull(),
    rating: integer('rating').notNull(),
    comment: text('comment'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('mentoring_feedback_once').on(t.tenantId, t.pairingId, t.role),
    foreignKey({ columns: [t.tenantId, t.pairingId], foreignColumns: [pairings.tenantId, pairings.id] }),
    check('mentoring_feedback_rating', sql`${t.rating} between 1 and 5`),
  ],
);
