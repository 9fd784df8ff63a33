/**
 * The tenant admin's verification queue: reports by status, unit (with the units under it),
 * employee and year; approval credits JP by the method's rule (modules/jp, the one engine) —
 * possibly less than claimed, the reason stored with the report — and rejection records a reason.
 * Each is one conditional update (`diajukan` only, and the version read when If-Match is sent)
 * with its audit row and, for approval, the ledger entries and the caps' guards, all in one batch:
 * parallel approvals credit once, and a decided report never moves again.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { learningReports } from '../../db/schema';
import { auditIfChanged } from '../../platform/audit/audit';
import type { Call, TenantContext } from '../../platform/context';
import { DomainError } from '../../platform/errors';
import { after, page } from '../../platform/http/pagination';
import { nowIso } from '../../platform/ids';
import { notify } from '../../platform/outbox';
import type { Statement } from '../../platform/tenancy/scoped-db';
import { ruleCredit } from '../jp';
import { unitAndBelow } from '../organisation';
import { publicReport, type ReportView, readReport, reportsQuery } from './reports';
import type { QueueQuery } from './schemas';

export async function listQueue({ ctx, input: q }: Call<TenantContext, Omit<QueueQuery, 'cursor'> & { cursor?: [string] }>) {
  const r = learningReports;
  const rows = await reportsQuery(
    ctx,
    and(
      q.status ? eq(r.status, q.status) : undefined,
      q.employee ? eq(r.employeeId, q.employee) : undefined,
      q.unit
        ? sql`${r.employeeId} in (select e.id from employees e where ${ctx.db.scope('e')} and e.unit_id in ${unitAndBelow(ctx, q.unit)})`
        : undefined,
      q.year ? and(sql`${r.endDate} >= ${`${q.year}-01-01`}`, sql`${r.endDate} <= ${`${q.year}-12-31`}`) : undefined,
      after([r.id], q.cursor),
    ),
  )
    .orderBy(asc(r.id))
    .limit(q.limit + 1);
  return page(rows.map(publicReport), q.limit, (x) => [x.id]);
}

export const getQueued = async ({ ctx, input: id }: Call<TenantContext, string>) => publicReport(await readReport(ctx, id));

/** The employee's screen of one report in the console. */
const reportLink = (id: string) => `/laporan/${id}`;

const stillOpen = (id: string, expectedVersion: number | undefined) =>
  and(
    eq(learningReports.id, id),
    eq(learningReports.status, 'diajukan'),
    expectedVersion === undefined ? undefined : eq(learningReports.version, expectedVersion),
  );

/** Runs the decision; a loser of a race learns why (decided meanwhile: 409; changed since read: 412). */
async function decide(
  ctx: TenantContext,
  report: ReportView,
  expectedVersion: number | undefined,
  set: Partial<ReportView>,
  action: string,
  extra: Statement[],
) {
  const now = nowIso();
  const update = ctx.db
    .update(learningReports)
    .set({ ...set, decidedBy: ctx.actor.subject, decidedAt: now, version: sql`${learningReports.version} + 1`, updatedAt: now })
    .where(stillOpen(report.id, expectedVersion))
    .returning({ id: learningReports.id });
  // Aborts the whole batch, the credit included, when the update lost the race.
  const changed = ctx.db.guard(sql`changes() > 0`, 'conflict', 'The report was decided meanwhile.');
  try {
    await ctx.db.batch([update, auditIfChanged(ctx, action, 'learning_report', report.id, now), changed, ...extra]);
  } catch (err) {
    if (!(err instanceof DomainError && err.code === 'conflict')) throw err;
    const again = await readReport(ctx, report.id);
    if (again.status !== 'diajukan') throw new DomainError('conflict', `The report is already ${again.status}.`);
    if (expectedVersion !== undefined && again.version !== expectedVersion) {
      throw new DomainError('precondition_failed', 'The report was changed since you read it (new evidence?); read it again.');
    }
    throw err;
  }
  return publicReport(await readReport(ctx, report.id));
}

function open(report: ReportView, expectedVersion: number | undefined) {
  if (report.status !== 'diajukan') throw new DomainError('conflict', `The report is already ${report.status}.`);
  if (expectedVersion !== undefined && report.version !== expectedVersion) {
    throw new DomainError('precondition_failed', 'The report was changed since you read it (new evidence?); read it again.');
  }
}

export async function approveReport({ ctx, input }: Call<TenantContext, { id: string; expectedVersion?: number | undefined }>) {
  const report = await readReport(ctx, input.id);
  open(report, input.expectedVersion);
  const planned = await ruleCredit(ctx, {
    employeeId: report.employeeId,
    method: report.method,
    source: 'learning_report',
    reference: `learning-report:${report.id}`,
    note: `Laporan pengembangan kompetensi: ${report.title}`.slice(0, 1000),
    activity: {
      startDate: report.startDate,
      endDate: report.endDate,
      days: report.days,
      sessions: report.sessions,
      minutes: report.minutes,
      semesters: report.semesters,
      claimCenti: report.claimedJpCenti,
    },
  });
  const set = {
    status: 'disetujui' as const,
    jpCenti: planned.outcome.jpCenti,
    jpReason: planned.outcome.reasons.join(' '),
    rulesVersion: planned.rulesVersion,
  };
  // The employee is told in the same batch: no notice for an approval that lost its race.
  const told = notify(ctx, {
    kind: 'learning_report.approved',
    employeeId: report.employeeId,
    link: reportLink(report.id),
    data: { title: report.title, jp: planned.outcome.jpCenti / 100 },
  });
  return decide(ctx, report, input.expectedVersion, set, 'learning_report.approve', [...planned.statements, told]);
}

export async function rejectReport({
  ctx,
  input,
}: Call<TenantContext, { id: string; reason: string; expectedVersion?: number | undefined }>) {
  const report = await readReport(ctx, input.id);
  open(report, input.expectedVersion);
  const told = notify(ctx, {
    kind: 'learning_report.rejected',
    employeeId: report.employeeId,
    link: reportLink(report.id),
    data: { title: report.title, reason: input.reason },
  });
  return decide(ctx, report, input.expectedVersion, { status: 'ditolak', rejectReason: input.reason }, 'learning_report.reject', [told]);
}
