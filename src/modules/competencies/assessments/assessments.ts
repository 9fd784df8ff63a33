/**
 * Assessments: the history of an employee's level per competency, never rewritten. Alongside,
 * `current_levels` holds the one that counts per employee and competency, by the order of
 * `precedence.ts`: by default any other source before a self-assessment, then the latest by date;
 * on the same date the stronger source (assessment_center > evaluation > supervisor > mentoring >
 * self); then the later recorded. It is upserted in the same batch as the history, and replaced
 * only by a row that wins that order, so out-of-order and parallel writes converge on the same
 * answer. A bulk write is one batch: all of it lands or none. An employee records only their own
 * self-assessment (source `self`, the weakest).
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { assessments, auditLog, currentLevels, employees } from '../../../db/schema';
import { auditRow } from '../../../platform/audit/audit';
import { assertSelfOrAdmin } from '../../../platform/auth/access';
import { todayIn } from '../../../platform/calendar';
import { type Call, ownEmployeeId, type TenantContext } from '../../../platform/context';
import { markChanged } from '../../../platform/data-versions';
import { withConstraints } from '../../../platform/db/constraints';
import { DomainError, type FieldError, notFound } from '../../../platform/errors';
import { after, page } from '../../../platform/http/pagination';
import { newSortableId, nowIso } from '../../../platform/ids';
import type { Statement } from '../../../platform/tenancy/scoped-db';
import { resolveCompetencies } from '../dictionary/service';
import { isSelfAssessed, outranks } from './precedence';
import type { NewAssessment, SelfAssessment } from './schemas';

type Row = Omit<typeof assessments.$inferSelect, 'tenantId'>;

const sourceRank: Record<Row['source'], number> = { assessment_center: 5, evaluation: 4, supervisor: 3, mentoring: 2, self: 1 };

/** Rows per statement; the whole request is still one batch. */
const chunkSize = 250;

const publicAssessment = (r: Row) => ({
  id: r.id,
  employeeId: r.employeeId,
  competencyId: r.competencyId,
  level: r.level,
  source: r.source,
  selfAssessed: r.selfAssessed,
  date: r.assessedOn,
  assessor: r.assessor,
  note: r.note,
  createdAt: r.createdAt,
});

/** Records `items`; `pathOf(i)` names item i in error paths ("body" or "body.items.3"). Shared with evaluations. */
export async function recordAssessments(ctx: TenantContext, items: NewAssessment[], pathOf: (i: number) => string) {
  const refs = await resolveCompetencies(
    ctx,
    items.map((a) => a.competency),
  );
  const ids = JSON.stringify([...new Set(items.map((a) => a.employeeId))]);
  const known = await ctx.db
    .select({ id: employees.id })
    .from(employees)
    .where(sql`${employees.id} in (select value from json_each(${ids}))`);
  const people = new Set(known.map((e) => e.id));
  const errors: FieldError[] = [];
  // An assessment dated after today (the tenant's clock) would outrank every real one for ever.
  const today = todayIn(ctx.tenant);
  items.forEach((a, i) => {
    if (a.date > today) errors.push({ path: `${pathOf(i)}.date`, message: `after today (${today})` });
    if (!people.has(a.employeeId)) errors.push({ path: `${pathOf(i)}.employeeId`, message: 'no such employee in this tenant' });
    if (!refs.has(a.competency)) errors.push({ path: `${pathOf(i)}.competency`, message: 'no such competency in this tenant' });
  });
  if (errors.length > 0) throw new DomainError('unprocessable', `${errors.length} problem(s): nothing was recorded.`, errors.slice(0, 200));

  const now = nowIso();
  const rows: Row[] = items.flatMap((a) => {
    const ref = refs.get(a.competency);
    if (!ref) return [];
    return [
      {
        id: newSortableId('asm'),
        employeeId: a.employeeId,
        competencyTenantId: ref.tenantId,
        competencyId: ref.id,
        level: a.level,
        source: a.source,
        sourceRank: sourceRank[a.source],
        selfAssessed: isSelfAssessed(a),
        assessedOn: a.date,
        assessor: a.assessor,
        note: a.note,
        recordedBy: ctx.actor.subject,
        createdAt: now,
      },
    ];
  });
  const statements: Statement[] = [];
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize);
    statements.push(ctx.db.insertRows(assessments, chunk));
    statements.push(upsertCurrent(ctx, chunk));
    statements.push(
      ctx.db.insertRows(
        auditLog,
        chunk.map((r) => auditRow(ctx, 'assessment.create', 'assessment', r.id, now)),
      ),
    );
  }
  statements.push(markChanged(ctx, 'needs'));
  await withConstraints(() => ctx.db.write(statements), {
    foreignKey: () => new DomainError('conflict', 'An employee or competency was removed meanwhile: nothing was recorded.'),
  });
  return rows.map(publicAssessment);
}

/** Insert, or replace only when the new assessment outranks the stored one (precedence.ts). */
function upsertCurrent(ctx: TenantContext, chunk: Row[]) {
  const rows = chunk.map((r) => ({
    employeeId: r.employeeId,
    competencyTenantId: r.competencyTenantId,
    competencyId: r.competencyId,
    level: r.level,
    assessedOn: r.assessedOn,
    sourceRank: r.sourceRank,
    selfAssessed: r.selfAssessed,
    assessmentId: r.id,
  }));
  const c = currentLevels;
  return ctx.db.insertRows(c, rows).onConflictDoUpdate({
    target: [c.tenantId, c.employeeId, c.competencyId],
    set: {
      competencyTenantId: sql`excluded.competency_tenant_id`,
      level: sql`excluded.level`,
      assessedOn: sql`excluded.assessed_on`,
      sourceRank: sql`excluded.source_rank`,
      selfAssessed: sql`excluded.self_assessed`,
      assessmentId: sql`excluded.assessment_id`,
    },
    setWhere: outranks(ctx),
  });
}

/** One assessment recorded by the admin. */
export async function recordAssessment({ ctx, input }: Call<TenantContext, NewAssessment>) {
  const [assessment] = await recordAssessments(ctx, [input], () => 'body');
  if (!assessment) throw new DomainError('internal', 'nothing was recorded');
  return assessment;
}

/** Up to 1,000 assessments, all or none. */
export async function recordBulk({ ctx, input }: Call<TenantContext, { items: NewAssessment[] }>) {
  const recorded = await recordAssessments(ctx, input.items, (i) => `body.items.${i}`);
  return { created: recorded.length, ids: recorded.map((a) => a.id) };
}

/** The caller's own self-assessment: source `self`, assessor `self`. */
export async function selfAssess({ ctx, input }: Call<TenantContext, SelfAssessment>) {
  return recordAssessment({ ctx, input: { ...input, employeeId: ownEmployeeId(ctx), source: 'self', assessor: 'self' } });
}

export interface HistoryQuery {
  employeeId: string;
  limit: number;
  cursor?: [string, string];
  competency?: string | undefined;
}

export async function history({ ctx, input: q }: Call<TenantContext, HistoryQuery>) {
  assertSelfOrAdmin(ctx, q.employeeId);
  const [employee] = await ctx.db.select({ id: employees.id }).from(employees).where(eq(employees.id, q.employeeId)).limit(1);
  if (!employee) throw notFound('employee');
  const rows = await ctx.db
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.employeeId, q.employeeId),
        q.competency ? eq(assessments.competencyId, q.competency) : undefined,
        after([assessments.assessedOn, assessments.id], q.cursor, 'desc'),
      ),
    )
    .orderBy(desc(assessments.assessedOn), desc(assessments.id))
    .limit(q.limit + 1);
  return page(rows.map(publicAssessment), q.limit, (a) => [a.date, a.id]);
}
