/**
 * A person's learning history: completed programs (their JP as the ledger credited it, 0 when not
 * passed, and the certificate issued for it, valid or revoked, if any), completed mentoring and
 * coaching as mentee, approved reports and past training imported from the region's files — each
 * with its JP and year — and the ledger's JP per year, which also counts credits by hand. Newest
 * first. Read by the person themself and the tenant admin only (anyone else: 404). Seven reads in
 * one batch, each by an index that starts with the tenant.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { employees, enrollments, jpEntries, learningReports, offerings, pairings, programs } from '../../db/schema';
import { assertSelfOrAdmin } from '../../platform/auth/access';
import { todayIn, yearIn } from '../../platform/calendar';
import type { Call, TenantContext } from '../../platform/context';
import { writeCsv } from '../../platform/csv';
import { notFound } from '../../platform/errors';
import { writeXlsx } from '../../platform/xlsx';
import { certificatesOfEmployee } from '../certificates';
import { trainingHistoryOfEmployee } from '../training-history';

interface HistoryItem {
  kind: 'program' | 'mentoring' | 'coaching' | 'report' | 'training';
  id: string;
  title: string;
  method: (typeof programs.$inferSelect)['method'] | null;
  startDate: string | null;
  endDate: string;
  year: number;
  jp: number;
  /** The number on the certificate the employee reported or the import recorded; the STTPP's number for a program. */
  certificateNumber: string | null;
  certificate: { id: string; number: string; issuedOn: string; status: 'valid' | 'revoked' } | null;
}

export async function historyOf({ ctx, input }: Call<TenantContext, { employeeId: string; year?: number | undefined }>) {
  const { employeeId, year } = input;
  assertSelfOrAdmin(ctx, employeeId);
  const credited = sql<
    number | null
  >`(select sum(j.jp_centi) from jp_entries j where ${ctx.db.scope('j')} and j.employee_id = ${employeeId} and j.source = 'program' and (j.reference = 'enrollment:' || ${enrollments.id} or j.reference like 'enrollment:' || ${enrollments.id} || ':%'))`;
  const [person, completions, mentored, reports, byYear, issued, imported] = await ctx.db.batch([
    ctx.db.select({ id: employees.id }).from(employees).where(eq(employees.id, employeeId)),
    ctx.db
      .select({
        id: enrollments.id,
        title: sql<string>`${programs.title}`.as('program_title'),
        method: programs.method,
        startDate: sql<string>`${offerings.startDate}`.as('offering_start'),
        completedAt: enrollments.completedAt,
        jpCenti: credited.as('credited_centi'),
      })
      .from(enrollments)
      .innerJoin(offerings, and(eq(offerings.tenantId, enrollments.tenantId), eq(offerings.id, enrollments.offeringId)))
      .innerJoin(programs, and(eq(programs.tenantId, offerings.programTenantId), eq(programs.id, offerings.programId)))
      .where(and(eq(enrollments.employeeId, employeeId), eq(enrollments.status, 'completed'))),
    ctx.db
      .select({
        id: pairings.id,
        kind: pairings.kind,
        acceptedAt: pairings.acceptedAt,
        completedAt: pairings.completedAt,
        jpCenti: pairings.jpCenti,
      })
      .from(pairings)
      .where(and(eq(pairings.menteeId, employeeId), eq(pairings.status, 'completed'))),
    ctx.db
      .select({
        id: learningReports.id,
        title: learningReports.title,
        method: learningReports.method,
        startDate: learningReports.startDate,
        endDate: learningReports.endDate,
        jpCenti: learningReports.jpCenti,
        certificateNumber: learningReports.certificateNumber,
      })
      .from(learningReports)
      .where(and(eq(learningReports.employeeId, employeeId), eq(learningReports.status, 'disetujui'))),
    ctx.db
      .select({ year: jpEntries.year, centi: sql<number>`sum(${jpEntries.jpCenti})`.as('year_centi') })
      .from(jpEntries)
      .where(eq(jpEntries.employeeId, employeeId))
      .groupBy(jpEntries.year)
      .orderBy(desc(jpEntries.year)),
    certificatesOfEmployee({ ctx, input: employeeId }),
    trainingHistoryOfEmployee({ ctx, input: employeeId }),
  ]);
  // The latest certificate of each enrollment (a revoked one may have been issued again).
  const certificateOf = new Map(
    issued.map((c) => [c.enrollmentId, { id: c.id, number: c.number, issuedOn: c.issuedOn, status: c.status }]),
  );
  if (person.length === 0) throw notFound('employee');
  const day = (instant: string) => todayIn(ctx.tenant, instant);
  const items: HistoryItem[] = [
    ...completions.map((c) => {
      const end = c.completedAt ? day(c.completedAt) : c.startDate;
      const certificate = certificateOf.get(c.id) ?? null;
      return {
        kind: 'program' as const,
        id: c.id,
        title: c.title,
        method: c.method,
        startDate: c.startDate,
        endDate: end,
        year: Number(end.slice(0, 4)),
        jp: (c.jpCenti ?? 0) / 100,
        certificateNumber: certificate?.number ?? null,
        certificate,
      };
    }),
    ...mentored.map((p) => {
      const end = day(p.completedAt ?? p.acceptedAt ?? '');
      return {
        kind: p.kind,
        id: p.id,
        title: p.kind === 'coaching' ? 'Coaching oleh atasan langsung' : 'Mentoring',
        method: p.kind,
        startDate: p.acceptedAt ? day(p.acceptedAt) : null,
        endDate: end,
        year: p.completedAt ? yearIn(ctx.tenant, p.completedAt) : Number(end.slice(0, 4)),
        jp: (p.jpCenti ?? 0) / 100,
        certificateNumber: null,
        certificate: null,
      };
    }),
    ...reports.map((r) => ({
      kind: 'report' as const,
      id: r.id,
      title: r.title,
      method: r.method,
      startDate: r.startDate,
      endDate: r.endDate,
      year: Number(r.endDate.slice(0, 4)),
      jp: (r.jpCenti ?? 0) / 100,
      certificateNumber: r.certificateNumber,
      certificate: null,
    })),
    ...imported.map((h) => ({
      kind: 'training' as const,
      id: h.id,
      title: h.title,
      method: h.method,
      startDate: h.startDate,
      endDate: h.endDate,
      year: Number(h.endDate.slice(0, 4)),
      jp: h.jp,
      certificateNumber: h.certificateNumber,
      certificate: null,
    })),
  ]
    .filter((i) => year === undefined || i.year === year)
    .sort((a, b) => b.endDate.localeCompare(a.endDate) || b.id.localeCompare(a.id));
  const jpByYear = byYear.filter((y) => year === undefined || y.year === year).map((y) => ({ year: y.year, jp: y.centi / 100 }));
  return { employeeId, items, jpByYear };
}

type History = Awaited<ReturnType<typeof historyOf>>;

const kindWord: Record<HistoryItem['kind'], string> = {
  program: 'Pelatihan (Bangkom)',
  mentoring: 'Mentoring',
  coaching: 'Coaching',
  report: 'Laporan mandiri',
  training: 'Riwayat (impor)',
};
const historyHeader = ['jenis', 'judul', 'metode', 'mulai', 'selesai', 'tahun', 'jp', 'nomor_sertifikat', 'status_sertifikat'];

/** The history as a table (one line per item, newest first), for its CSV and xlsx downloads. */
const historyLines = (h: History) =>
  h.items.map((i) => ({
    kind: kindWord[i.kind],
    title: i.title,
    method: i.method,
    startDate: i.startDate,
    endDate: i.endDate,
    year: i.year,
    jp: i.jp,
    certificateNumber: i.certificateNumber,
    certificateStatus: i.certificate?.status === 'revoked' ? 'dicabut' : i.certificate ? 'berlaku' : null,
  }));

export const historyCsv = (h: History) =>
  writeCsv(
    historyHeader,
    historyLines(h).map((l) => [l.kind, l.title, l.method, l.startDate, l.endDate, l.year, l.jp, l.certificateNumber, l.certificateStatus]),
  );

/** Two sheets: Riwayat (the items, dates as dates) and JP per Tahun (the ledger's total of each year). */
export const historyXlsx = (h: History) =>
  writeXlsx([
    {
      name: 'Riwayat',
      rows: [
        historyHeader,
        ...historyLines(h).map((l) => [
          l.kind,
          l.title,
          l.method,
          l.startDate ? { date: l.startDate } : null,
          { date: l.endDate },
          l.year,
          l.jp,
          l.certificateNumber,
          l.certificateStatus,
        ]),
      ],
    },
    { name: 'JP per Tahun', rows: [['tahun', 'jp'], ...h.jpByYear.map((y) => [y.year, y.jp])] },
  ]);
