/**
 * Assessments: the history of an employee's level per competency, never rewritten. Alongside,
 * `current_levels` holds the one that counts per employee and competency: the latest by date;
 * on the same date the stronger source (assessment_center > evaluation > supervisor > mentoring >
 * self); then the later recorded. It is upserted in the same batch as the history, and replaced
 * only by a row that wins that order, so out-of-order and parallel writes converge on the same
 * answer. A bulk write is one batch: all of it lands or none.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { assessments, auditLog, currentLevels, employees } from '../../db/schema';
import { auditRow } from '../../platform/audit/audit';
import type { ServiceContext } from '../../platform/context';
import { markChanged } from '../../platform/data-versions';
import { withConstraints } from '../../platform/db/constraints';
import { after, page } from '../../platform/http/pagination';
import { DomainError, notFound, type FieldError } from '../../platform/errors';
import { newSortableId, nowIso } from '../../platform/ids';
import { hasRole } from '../../platform/auth/principal';
import { resolveCompetencies } from './dictionary';
import { jsonRows } from '../../platform/db/json-rows';
import type { Statement } from '../../platform/tenancy/scoped-db';
import type { NewAssessment } from './schemas';

type Row = typeof assessments.$inferSelect;

export const sourceRank: Record<Row['source'], number> = { assessment_center: 5, evaluation: 4, supervisor: 3, mentoring: 2, self: 1 };

/** Rows per statement; the whole request is still one batch. */
const chunkSize = 250;

export const publicAssessment = (r: Row) => ({
  id: r.id,
  employeeId: r.employeeId,
  competencyId: r.competencyId,
  level: r.level,
  source: r.source,
  date: r.assessedOn,
  assessor: r.assessor,
  note: r.note,
  createdAt: r.createdAt,
});

/** Records `items`; `pathOf(i)` names item i in error paths ("body" or "body.items.3"). */
export async function recordAssessments(ctx: ServiceContext, items: NewAssessment[], pathOf: (i: number) => string) {
  const refs = await resolveCompetencies(ctx, items.map((a) => a.competency));
  const ids = JSON.stringify([...new Set(items.map((a) => a.employeeId))]);
  const known = await ctx.db.orm
    .select({ id: employees.id })
    .from(employees)
    .where(ctx.db.owned(employees, sql`${employees.id} in (select value from json_each(${ids}))`));
  const people = new Set(known.map((e) => e.id));
  const errors: FieldError[] = [];
  items.forEach((a, i) => {
    if (!people.has(a.employeeId)) errors.push({ path: `${pathOf(i)}.employeeId`, message: 'no such employee in this tenant' });
    if (!refs.has(a.competency)) errors.push({ path: `${pathOf(i)}.competency`, message: 'no such competency in this tenant' });
  });
  if (errors.length > 0) throw new DomainError('unprocessable', `${errors.length} problem(s): nothing was recorded.`, errors.slice(0, 200));

  const now = nowIso();
  const rows: Row[] = items.map((a) => {
    const ref = refs.get(a.competency) as { tenantId: string; id: string };
    return {
      tenantId: ctx.tenant.id,
      id: newSortableId('asm'),
      employeeId: a.employeeId,
      competencyTenantId: ref.tenantId,
      competencyId: ref.id,
      level: a.level,
      source: a.source,
      sourceRank: sourceRank[a.source],
      assessedOn: a.date,
      assessor: a.assessor,
      note: a.note,
      recordedBy: ctx.actor.subject,
      createdAt: now,
    };
  });
  const statements: Statement[] = [];
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize);
    statements.push(ctx.db.orm.insert(assessments).select(jsonRows(assessments, chunk)));
    statements.push(upsertCurrent(ctx, chunk));
    statements.push(ctx.db.insertRows(auditLog, (chunk.map((r) => auditRow(ctx, 'assessment.create', 'assessment', r.id, now)))));
  }
  statements.push(markChanged(ctx, 'needs'));
  await withConstraints(() => ctx.db.batch(statements), {
    foreignKey: () => new DomainError('conflict', 'An employee or competency was removed meanwhile: nothing was recorded.'),
  });
  return rows.map(publicAssessment);
}

/** Insert, or replace only when the new assessment wins: newer date, then stronger source, then later id. */
function upsertCurrent(ctx: ServiceContext, chunk: Row[]) {
  const rows = chunk.map((r) => ({
    tenantId: r.tenantId,
    employeeId: r.employeeId,
    competencyTenantId: r.competencyTenantId,
    competencyId: r.competencyId,
    level: r.level,
    assessedOn: r.assessedOn,
    sourceRank: r.sourceRank,
    assessmentId: r.id,
  }));
  const c = currentLevels;
  return ctx.db.orm
    .insert(c)
    .select(jsonRows(c, rows))
    .onConflictDoUpdate({
      target: [c.tenantId, c.employeeId, c.competencyId],
      set: {
        competencyTenantId: sql`excluded.competency_tenant_id`,
        level: sql`excluded.level`,
        assessedOn: sql`excluded.assessed_on`,
        sourceRank: sql`excluded.source_rank`,
        assessmentId: sql`excluded.assessment_id`,
      },
      setWhere: sql`(excluded.assessed_on, excluded.source_rank, excluded.assessment_id) > (${c.assessedOn}, ${c.sourceRank}, ${c.assessmentId})`,
    });
}

/** An employee sees only their own record; anyone else's id is a 404, as if it did not exist. */
export function assertMayRead(ctx: ServiceContext, employeeId: string): void {
  if (!hasRole(ctx.actor, 'tenant_admin') && ctx.actor.employeeId !== employeeId) throw notFound('employee');
}

export async function history(ctx: ServiceContext, employeeId: string, q: { limit: number; cursor?: [string, string]; competency?: string }) {
  assertMayRead(ctx, employeeId);
  const [employee] = await ctx.db.orm.select({ id: employees.id }).from(employees).where(ctx.db.owned(employees, eq(employees.id, employeeId))).limit(1);
  if (!employee) throw notFound('employee');
  const rows = await ctx.db.orm
    .select()
    .from(assessments)
    .where(
      and(
        ctx.db.owned(assessments, eq(assessments.employeeId, employeeId), q.competency ? eq(assessments.competencyId, q.competency) : undefined),
        after([assessments.assessedOn, assessments.id], q.cursor, 'desc'),
      ),
    )
    .orderBy(desc(assessments.assessedOn), desc(assessments.id))
    .limit(q.limit + 1);
  return page(rows.map(publicAssessment), q.limit, (a) => [a.date, a.id]);
}
