/**
 * Evaluation data that stands on its own: public satisfaction survey responses (IKM,
 * PermenPAN-RB 14/2017), unit indicators with values by period (Kirkpatrick level 4) and the
 * tenant's evaluation settings. A survey response carries no personal data of the respondent —
 * only an optional coarse profile — and is never rewritten. Every key and foreign key includes
 * tenant_id; the answers are checked by the database as well as by the API.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { tenantColumns, timestamps, versioned } from './columns';
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
    /** `2026`, `2026-S1`, `2026-Q3` or `2026-07` (see modules/evaluations/periods.ts). */
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
