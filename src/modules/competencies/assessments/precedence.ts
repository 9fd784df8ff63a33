/**
 * Which assessment is an employee's current level in a competency (SPEC 4 and 15). In order:
 *
 * 1. under the tenant's default rule (`tenant_settings.self_assessments = until_other_source`, or
 *    no settings saved), an assessment by any other source before every self-assessment: a
 *    self-assessment counts only while nobody else has assessed that competency;
 * 2. the latest date; 3. the stronger source (assessment_center > evaluation > supervisor >
 *    mentoring > self); 4. the later recorded.
 *
 * The rule is read from `tenant_settings` inside each statement that applies it, so an assessment
 * written while the admin changes the rule is ranked by the rule in force at that point of D1's
 * single writer, and the recomputation that follows a change sees it.
 */
import { type SQL, sql } from 'drizzle-orm';
import { currentLevels } from '../../../db/schema';
import type { TenantContext } from '../../../platform/context';
import type { Statement } from '../../../platform/tenancy/scoped-db';

/** The employee assessed themself: source `self`, or an assessor who is the employee (a mentee's end-of-mentoring self-assessment). */
export const isSelfAssessed = (a: { source: string; assessor: string | null; employeeId: string }) =>
  a.source === 'self' || a.assessor === a.employeeId;

/** 1 while the tenant ranks other sources above self-assessments (the default), 0 under `by_date`. */
const othersFirst = (ctx: TenantContext): SQL =>
  sql`coalesce((select s.self_assessments = 'until_other_source' from tenant_settings s where ${ctx.db.scope('s')}), 1)`;

/**
 * The `where` of the current level's upsert: the new row replaces the stored one only when it
 * ranks above it (`excluded` is the new row).
 */
export function outranks(ctx: TenantContext): SQL {
  const c = currentLevels;
  const rule = othersFirst(ctx);
  return sql`(iif(${rule}, not excluded.self_assessed, 0), excluded.assessed_on, excluded.source_rank, excluded.assessment_id)
    > (iif(${rule}, not ${c.selfAssessed}, 0), ${c.assessedOn}, ${c.sourceRank}, ${c.assessmentId})`;
}

/**
 * Every current level of the tenant chosen again from its assessments under the rule now stored:
 * after a change of the rule, in the same batch. Only the rows whose winner changes are written
 * (and the needs triggers follow each level that changes); run again, it changes nothing.
 */
export function recomputeCurrentLevels(ctx: TenantContext): Statement {
  const c = currentLevels;
  // The winner of each (employee, competency) among the tenant's assessments, by the stored rule.
  const winners = sql`(
    select a.employee_id, a.competency_id, a.level, a.assessed_on, a.source_rank, a.self_assessed, a.id,
      row_number() over (
        partition by a.employee_id, a.competency_id
        order by iif(${othersFirst(ctx)}, a.self_assessed, 0), a.assessed_on desc, a.source_rank desc, a.id desc
      ) as n
    from assessments a
    where ${ctx.db.scope('a')}
  ) as w`;
  return ctx.db
    .update(c)
    .set({
      level: sql`w.level`,
      assessedOn: sql`w.assessed_on`,
      sourceRank: sql`w.source_rank`,
      selfAssessed: sql`w.self_assessed`,
      assessmentId: sql`w.id`,
    })
    .from(winners)
    .where(sql`w.n = 1 and w.employee_id = ${c.employeeId} and w.competency_id = ${c.competencyId} and w.id <> ${c.assessmentId}`);
}
