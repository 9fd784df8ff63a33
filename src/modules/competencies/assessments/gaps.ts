/**
 * Per-employee gaps: for each competency of the standard of the employee's position, the required
 * level, the current one (null when unassessed — never counted as 0), gap = max(0, required −
 * current), weight and weighted gap. One statement, reading the employee, their position's
 * standards and their current levels by key: rows read grow with that employee's competencies
 * only, never with the tenant.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { competencies, currentLevels, employees, positionStandards } from '../../../db/schema';
import { assertSelfOrAdmin } from '../../../platform/auth/access';
import { type Call, ownEmployeeId, type TenantContext } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import type { Gaps } from './schemas';

/** The one statement behind an employee's gaps: the employee, their position's standard and their current levels. */
export function gapsQuery(ctx: TenantContext, employeeId: string) {
  const s = positionStandards;
  return ctx.db
    .select({
      positionId: employees.positionId,
      competencyId: sql<string | null>`${s.competencyId}`.as('standard_competency_id'),
      code: competencies.code,
      name: competencies.name,
      type: competencies.type,
      required: s.requiredLevel,
      weight: s.weight,
      current: currentLevels.level,
      assessedOn: currentLevels.assessedOn,
    })
    .from(employees)
    .leftJoin(s, and(eq(s.tenantId, employees.tenantId), eq(s.positionId, employees.positionId)))
    .leftJoin(competencies, and(eq(competencies.tenantId, s.competencyTenantId), eq(competencies.id, s.competencyId)))
    .leftJoin(
      currentLevels,
      and(
        eq(currentLevels.tenantId, employees.tenantId),
        eq(currentLevels.employeeId, employees.id),
        eq(currentLevels.competencyId, s.competencyId),
      ),
    )
    .where(eq(employees.id, employeeId))
    .orderBy(asc(competencies.code));
}

/** The gaps from `gapsQuery`'s rows; undefined when the employee does not exist. */
export function shapeGaps(employeeId: string, rows: Awaited<ReturnType<typeof gapsQuery>>): Gaps | undefined {
  const [first] = rows;
  if (!first) return undefined;
  const items = rows.flatMap((r) => {
    if (!r.competencyId || !r.code || !r.name || !r.type || r.required === null || r.weight === null) return [];
    const gap = r.current === null ? null : Math.max(0, r.required - r.current);
    return [
      {
        competencyId: r.competencyId,
        code: r.code,
        name: r.name,
        type: r.type,
        required: r.required,
        current: r.current,
        assessedOn: r.assessedOn,
        gap,
        weight: r.weight,
        weightedGap: gap === null ? null : gap * r.weight,
      },
    ];
  });
  const assessed = items.filter((i) => i.gap !== null);
  return {
    employeeId,
    positionId: first.positionId,
    items,
    summary: {
      competencies: items.length,
      assessed: assessed.length,
      unassessed: items.length - assessed.length,
      withGap: assessed.filter((i) => (i.gap ?? 0) > 0).length,
      weightedGap: assessed.reduce((sum, i) => sum + (i.weightedGap ?? 0), 0),
    },
  };
}

/** An employee's gaps (admin or the employee themself, else 404). Shared with catalog and mentoring. */
export async function gapsOf(ctx: TenantContext, employeeId: string): Promise<Gaps> {
  assertSelfOrAdmin(ctx, employeeId);
  const gaps = shapeGaps(employeeId, await gapsQuery(ctx, employeeId));
  if (!gaps) throw notFound('employee');
  return gaps;
}

export const employeeGaps = ({ ctx, input }: Call<TenantContext, { employeeId: string }>) => gapsOf(ctx, input.employeeId);

/** The caller's own gaps (`/me/gaps`). */
export const ownGaps = ({ ctx }: Call<TenantContext>) => gapsOf(ctx, ownEmployeeId(ctx));
