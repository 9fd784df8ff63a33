/**
 * The needs report's running totals, kept by database triggers (migration `needs_triggers`) from
 * `employees`, `position_standards`, `current_levels` and `competencies`: every write to those,
 * by any module, adjusts these rows in the same statement, so the report over a 50,000-employee
 * region reads tens of thousands of small rows instead of walking half a million pairs.
 *
 * A "pair" is an active employee × a competency of their position's standard. Unassessed pairs
 * are counted (`pairs − assessed`) and never enter a gap sum. Derived data only: nothing writes
 * here but the triggers, and the report checks itself against the pairs in the tests.
 */
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One row per employee with at least one pair: pairs, assessed pairs, pairs with a gap, gap sum,
 * weighted gap sum, and the largest weighted gap (which finds the report's top priorities by
 * index) — over all their pairs and for each of `competencyTypes`. A new type needs a migration
 * that adds its columns and triggers.
 */
export const needsPeople = sqliteTable(
  'needs_people',
  {
    tenantId: text('tenant_id').notNull(),
    employeeId: text('employee_id').notNull(),
    unitId: text('unit_id').notNull(),
    positionId: text('position_id').notNull(),
    // all of the employee's pairs
    pairs: integer('pairs').notNull(),
    assessed: integer('assessed').notNull(),
    gapPairs: integer('gap_pairs').notNull(),
    gapSum: integer('gap_sum').notNull(),
    weightedGapSum: real('weighted_gap_sum').notNull(),
    topWeightedGap: real('top_weighted_gap').notNull(),
    // manajerial pairs
    pairsManajerial: integer('pairs_manajerial').notNull(),
    assessedManajerial: integer('assessed_manajerial').notNull(),
    gapPairsManajerial: integer('gap_pairs_manajerial').notNull(),
    gapSumManajerial: integer('gap_sum_manajerial').notNull(),
    weightedGapSumManajerial: real('weighted_gap_sum_manajerial').notNull(),
    topWeightedGapManajerial: real('top_weighted_gap_manajerial').notNull(),
    // sosial kultural pairs
    pairsSosialKultural: integer('pairs_sosial_kultural').notNull(),
    assessedSosialKultural: integer('assessed_sosial_kultural').notNull(),
    gapPairsSosialKultural: integer('gap_pairs_sosial_kultural').notNull(),
    gapSumSosialKultural: integer('gap_sum_sosial_kultural').notNull(),
    weightedGapSumSosialKultural: real('weighted_gap_sum_sosial_kultural').notNull(),
    topWeightedGapSosialKultural: real('top_weighted_gap_sosial_kultural').notNull(),
    // teknis pairs
    pairsTeknis: integer('pairs_teknis').notNull(),
    assessedTeknis: integer('assessed_teknis').notNull(),
    gapPairsTeknis: integer('gap_pairs_teknis').notNull(),
    gapSumTeknis: integer('gap_sum_teknis').notNull(),
    weightedGapSumTeknis: real('weighted_gap_sum_teknis').notNull(),
    topWeightedGapTeknis: real('top_weighted_gap_teknis').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.employeeId] }),
    index('needs_people_unit').on(t.tenantId, t.unitId),
    index('needs_people_position').on(t.tenantId, t.positionId),
    index('needs_people_top').on(t.tenantId, t.topWeightedGap),
  ],
);

export const needsDimensions = ['unit', 'position'] as const;

/**
 * Per unit (or position) and competency: the assessed pairs of that group's employees summed. The
 * number of pairs is not kept here (it is each position's head count, from `needs_people`), so a
 * new employee, who has no assessment yet, writes no cell.
 */
export const needsCells = sqliteTable(
  'needs_cells',
  {
    tenantId: text('tenant_id').notNull(),
    dimension: text('dimension', { enum: needsDimensions }).notNull(),
    /** The unit's or the position's id. */
    groupKey: text('group_key').notNull(),
    competencyId: text('competency_id').notNull(),
    competencyType: text('competency_type').notNull(),
    assessed: integer('assessed').notNull(),
    gapPairs: integer('gap_pairs').notNull(),
    gapSum: integer('gap_sum').notNull(),
    weightedGapSum: real('weighted_gap_sum').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.dimension, t.groupKey, t.competencyId] })],
);
