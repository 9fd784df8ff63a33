/**
 * The rules a region sets for itself (docs/tenants.md, "Settings"): which assessment counts as an
 * employee's current level when they have assessed themself, and the yearly JP target of each
 * employment type. One row per tenant once its admin has saved them; until then the defaults apply
 * (version 0): self-assessments count only until another source assesses the competency, the PNS
 * target is the manifest's `jpTarget` and the PPPK target `defaultPppkJpTarget`.
 */
import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * `until_other_source`: a self-assessment is the current level only while no other source has
 * assessed that competency (SPEC 15). `by_date`: the latest assessment counts whoever made it, a
 * self-assessment losing only a same-date tie.
 */
export const selfAssessmentRules = ['until_other_source', 'by_date'] as const;

/** PP 11/2017 sets 20 JP a year for PNS; PP 49/2018 art. 39 allows PPPK up to 24 a contract year: 20 fits both. */
export const defaultPppkJpTarget = 20;

export const tenantSettings = sqliteTable(
  'tenant_settings',
  {
    tenantId: text('tenant_id').notNull().primaryKey(),
    selfAssessments: text('self_assessments', { enum: selfAssessmentRules }).notNull(),
    jpTargetPns: integer('jp_target_pns').notNull(),
    jpTargetPppk: integer('jp_target_pppk').notNull(),
    version: integer('version').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    check('tenant_settings_jp_targets', sql`${t.jpTargetPns} between 1 and 200 and ${t.jpTargetPppk} between 1 and 200`),
    check('tenant_settings_self_assessments', sql`${t.selfAssessments} in ('until_other_source', 'by_date')`),
  ],
);
