/**
 * Self-reported training (riwayat pengembangan kompetensi), the employee's side: a report is made
 * `diajukan` with what the JP rule of its method needs, read back (only by its owner here; the
 * admin's side is review.ts), and withdrawn while still `diajukan`. Someone else's report, or one
 * of another tenant, is a 404. A report must never change once decided, and nothing here credits JP.
 */
import { and, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { employees, learningReports } from '../../db/schema';
import { auditEntry, auditIfChanged } from '../../platform/audit/audit';
import { todayIn } from '../../platform/calendar';
import { type Call, ownEmployeeId, type TenantContext } from '../../platform/context';
import { withConstraints } from '../../platform/db/constraints';
import { DomainError, notFound } from '../../platform/errors';
import { after, page } from '../../platform/http/pagination';
import { newSortableId, nowIso } from '../../platform/ids';
import { jpRulesOf, toCenti } from '../jp';
import type { NewReport } from './schemas';

export type ReportRow = typeof learningReports.$inferSelect;

const { tenantId: _tenant, ...reportColumns } = getTableColumns(learningReports);

/** The report's columns with its employee's name, NIP and unit, for every read (aliased: D1 returns columns by name). */
const reportFields = {
  ...reportColumns,
  employeeName: sql<string>`${employees.name}`.as('employee_name'),
  employeeNip: sql<string>`${employees.nip}`.as('employee_nip'),
  unitId: sql<string>`${employees.unitId}`.as('employee_unit_id'),
};

export type ReportView = Omit<ReportRow, 'tenantId'> & { employeeName: string; employeeNip: string; unitId: string };

export function reportsQuery(ctx: TenantContext, where: SQL | undefined) {
  return ctx.db
    .select(reportFields)
    .from(learningReports)
    .innerJoin(employees, and(eq(employees.tenantId, learningReports.tenantId), eq(employees.id, learningReports.employeeId)))
    .where(where);
}

export const publicReport = (r: ReportView) => ({
  id: r.id,
  employeeId: r.employeeId,
  employeeName: r.employeeName,
  employeeNip: r.employeeNip,
  unitId: r.unitId,
  title: r.title,
  method: r.method,
  organiser: r.organiser,
  startDate: r.startDate,
  endDate: r.endDate,
  days: r.days,
  sessions: r.sessions,
  hours: r.minutes === null ? null : r.minutes / 60,
  semesters: r.semesters,
  jpClaimed: r.claimedJpCenti === null ? null : r.claimedJpCenti / 100,
  certificateNumber: r.certificateNumber,
  certificateDate: r.certificateDate,
  status: r.status,
  evidence: r.evidenceType && r.evidenceBytes !== null ? { contentType: r.evidenceType, bytes: r.evidenceBytes } : null,
  jp: r.jpCenti === null ? null : r.jpCenti / 100,
  jpReason: r.jpReason,
  rulesVersion: r.rulesVersion,
  decidedAt: r.decidedAt,
  rejectReason: r.rejectReason,
  siasnSentAt: r.siasnSentAt,
  siasnRiwayatId: r.siasnRiwayatId,
  siasnDocumentAt: r.siasnDocumentAt,
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** One report, as `owner` when given (anyone else's is a 404, as if it did not exist). */
export async function readReport(ctx: TenantContext, id: string, owner?: string): Promise<ReportView> {
  const mine = owner === undefined ? undefined : eq(learningReports.employeeId, owner);
  const [row] = await reportsQuery(ctx, and(eq(learningReports.id, id), mine)).limit(1);
  if (!row) throw notFound('learning report');
  return row;
}

const needs = { session: 'sessions', hour: 'hours', claim: 'jpClaimed' } as const;

export async function createReport({ ctx, input }: Call<TenantContext, NewReport>) {
  const employeeId = ownEmployeeId(ctx);
  const today = todayIn(ctx.tenant);
  if (input.endDate > today) {
    throw new DomainError('unprocessable', 'A report is of training already taken: the end is after today.', [
      { path: 'body.endDate', message: `after today (${today})` },
    ]);
  }
  if (input.certificateDate !== undefined && input.certificateDate < input.startDate) {
    throw new DomainError('unprocessable', 'The certificate is dated before the training began.', [
      { path: 'body.certificateDate', message: 'before startDate' },
    ]);
  }
  const { rules } = await jpRulesOf({ ctx, input: undefined });
  const basis = rules[input.method].basis;
  if (basis in needs && input.jpClaimed === undefined) {
    const field = needs[basis as keyof typeof needs];
    if (field === 'jpClaimed' || input[field] === undefined) {
      throw new DomainError(
        'unprocessable',
        `The JP rule of ${input.method} counts ${basis === 'claim' ? 'the JP claimed' : `${field}`}: send it, or jpClaimed.`,
        [{ path: `body.${field}`, message: 'required by the method’s JP rule (or send jpClaimed)' }],
      );
    }
  }
  const now = nowIso();
  const row = {
    id: newSortableId('lrp'),
    employeeId,
    title: input.title,
    method: input.method,
    organiser: input.organiser,
    startDate: input.startDate,
    endDate: input.endDate,
    days: input.days ?? null,
    sessions: input.sessions ?? null,
    minutes: input.hours === undefined ? null : Math.round(input.hours * 60),
    semesters: input.semesters ?? null,
    claimedJpCenti: input.jpClaimed === undefined ? null : toCenti(input.jpClaimed),
    certificateNumber: input.certificateNumber ?? null,
    certificateDate: input.certificateDate ?? null,
    status: 'diajukan' as const,
    createdAt: now,
    updatedAt: now,
  };
  await withConstraints(
    () => ctx.db.batch([ctx.db.insert(learningReports).values(row), auditEntry(ctx, 'learning_report.create', 'learning_report', row.id)]),
    { foreignKey: () => notFound('employee') },
  );
  return publicReport(await readReport(ctx, row.id, employeeId));
}

export async function listOwnReports({
  ctx,
  input: q,
}: Call<TenantContext, { limit: number; status?: ReportRow['status'] | undefined; cursor?: [string] }>) {
  const employeeId = ownEmployeeId(ctx);
  const rows = await reportsQuery(
    ctx,
    and(
      eq(learningReports.employeeId, employeeId),
      q.status ? eq(learningReports.status, q.status) : undefined,
      after([learningReports.id], q.cursor, 'desc'),
    ),
  )
    .orderBy(desc(learningReports.id))
    .limit(q.limit + 1);
  return page(rows.map(publicReport), q.limit, (r) => [r.id]);
}

export async function getOwnReport({ ctx, input: id }: Call<TenantContext, string>) {
  return publicReport(await readReport(ctx, id, ownEmployeeId(ctx)));
}

/** diajukan → ditarik, by its owner only; decided once, by the database. */
export async function withdrawReport({ ctx, input: id }: Call<TenantContext, string>) {
  const owner = ownEmployeeId(ctx);
  const current = await readReport(ctx, id, owner);
  if (current.status !== 'diajukan') throw new DomainError('conflict', `A report that is ${current.status} cannot be withdrawn.`);
  const now = nowIso();
  const [rows] = await ctx.db.batch([
    ctx.db
      .update(learningReports)
      .set({ status: 'ditarik', version: sql`${learningReports.version} + 1`, updatedAt: now })
      .where(and(eq(learningReports.id, id), eq(learningReports.employeeId, owner), eq(learningReports.status, 'diajukan')))
      .returning({ id: learningReports.id }),
    auditIfChanged(ctx, 'learning_report.withdraw', 'learning_report', id, now),
  ]);
  if (rows.length === 0) throw new DomainError('conflict', 'The report was decided meanwhile; read it again.');
  return publicReport(await readReport(ctx, id, owner));
}
