/**
 * Reading certificates: one, a page of the tenant's (admin), a page of the caller's own, one
 * employee's (for the history), and revoking one. An employee reaches only their own: anyone
 * else's certificate is as absent as another tenant's (404).
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { certificates } from '../../db/schema';
import { auditIfChanged } from '../../platform/audit/audit';
import { isSelfOrAdmin } from '../../platform/auth/access';
import { todayIn } from '../../platform/calendar';
import { type Call, ownEmployeeId, type TenantContext } from '../../platform/context';
import { DomainError, notFound } from '../../platform/errors';
import { after, page } from '../../platform/http/pagination';
import { nowIso } from '../../platform/ids';
import type { Certificate } from './schemas';

export type CertificateRow = typeof certificates.$inferSelect;

/** The rank (pangkat) of each PNS golongan (PP 99/2000); PPPK grades have none. */
const pangkat: Record<string, string> = {
  'I/a': 'Juru Muda',
  'I/b': 'Juru Muda Tingkat I',
  'I/c': 'Juru',
  'I/d': 'Juru Tingkat I',
  'II/a': 'Pengatur Muda',
  'II/b': 'Pengatur Muda Tingkat I',
  'II/c': 'Pengatur',
  'II/d': 'Pengatur Tingkat I',
  'III/a': 'Penata Muda',
  'III/b': 'Penata Muda Tingkat I',
  'III/c': 'Penata',
  'III/d': 'Penata Tingkat I',
  'IV/a': 'Pembina',
  'IV/b': 'Pembina Tingkat I',
  'IV/c': 'Pembina Utama Muda',
  'IV/d': 'Pembina Utama Madya',
  'IV/e': 'Pembina Utama',
};
export const pangkatOf = (grade: string): string | null => pangkat[grade] ?? null;

const shapeCertificate = (r: CertificateRow): Certificate => ({
  id: r.id,
  number: r.number,
  year: r.year,
  seq: r.seq,
  status: r.status,
  enrollmentId: r.enrollmentId,
  offeringId: r.offeringId,
  employeeId: r.employeeId,
  issuedOn: r.issuedOn,
  issuedPlace: r.issuedPlace,
  participant: {
    name: r.participantName,
    nip: r.participantNip,
    grade: r.grade,
    pangkat: pangkatOf(r.grade),
    position: r.positionName,
    unit: r.unitName,
  },
  program: { code: r.programCode, title: r.programTitle, startDate: r.startDate, endDate: r.endDate, jp: r.jpCenti / 100, venue: r.venue },
  official: { name: r.officialName, nip: r.officialNip, title: r.officialTitle },
  region: r.region,
  verificationCode: r.verificationCode,
  verificationPath: `/verifikasi/${r.verificationCode}`,
  revokedOn: r.revokedOn,
  revokedReason: r.revokedReason,
  createdAt: r.createdAt,
});

/** The stored row, for the admin or its holder; 404 for anyone else. */
export async function certificateRow({ ctx, input: id }: Call<TenantContext, string>): Promise<CertificateRow> {
  const [row] = await ctx.db.select().from(certificates).where(eq(certificates.id, id)).limit(1);
  if (!row || !isSelfOrAdmin(ctx, row.employeeId)) throw notFound('certificate');
  return row;
}

export const getCertificate = async ({ ctx, input }: Call<TenantContext, string>) => shapeCertificate(await certificateRow({ ctx, input }));

/** The caller's own certificate; another person's is a 404 even for an admin token with an employee id. */
export async function ownCertificateRow({ ctx, input: id }: Call<TenantContext, string>): Promise<CertificateRow> {
  const [row] = await ctx.db
    .select()
    .from(certificates)
    .where(and(eq(certificates.id, id), eq(certificates.employeeId, ownEmployeeId(ctx))))
    .limit(1);
  if (!row) throw notFound('certificate');
  return row;
}

interface ListInput {
  limit: number;
  cursor?: [string, string];
  offeringId?: string | undefined;
  employeeId?: string | undefined;
  status?: CertificateRow['status'] | undefined;
  year?: number | undefined;
}

/** The tenant's certificates, newest issue first, with filters. */
export async function listCertificates({ ctx, input: q }: Call<TenantContext, ListInput>) {
  const c = certificates;
  const rows = await ctx.db
    .select()
    .from(c)
    .where(
      and(
        q.offeringId ? eq(c.offeringId, q.offeringId) : undefined,
        q.employeeId ? eq(c.employeeId, q.employeeId) : undefined,
        q.status ? eq(c.status, q.status) : undefined,
        q.year ? eq(c.year, q.year) : undefined,
        after([c.issuedOn, c.id], q.cursor, 'desc'),
      ),
    )
    .orderBy(desc(c.issuedOn), desc(c.id))
    .limit(q.limit + 1);
  return page(rows.map(shapeCertificate), q.limit, (r) => [r.issuedOn, r.id]);
}

export const listOwnCertificates = ({ ctx, input }: Call<TenantContext, Omit<ListInput, 'employeeId' | 'offeringId'>>) =>
  listCertificates({ ctx, input: { ...input, employeeId: ownEmployeeId(ctx) } });

/**
 * One employee's certificates, oldest first, for the person's history: what it needs to show and
 * link them. No access check: the caller (a history service) has made its own. A statement, so the
 * history reads it in its own batch (awaiting it runs it alone).
 */
export function certificatesOfEmployee({ ctx, input: employeeId }: Call<TenantContext, string>) {
  const c = certificates;
  return ctx.db
    .select({ id: c.id, number: c.number, enrollmentId: c.enrollmentId, offeringId: c.offeringId, issuedOn: c.issuedOn, status: c.status })
    .from(c)
    .where(eq(c.employeeId, employeeId))
    .orderBy(c.issuedOn, c.id);
}

/** Revokes a valid certificate with a reason, dated today on the tenant's clock; 409 when it is already revoked. */
export async function revokeCertificate({ ctx, input }: Call<TenantContext, { id: string; reason: string }>) {
  const row = await certificateRow({ ctx, input: input.id });
  if (row.status === 'revoked') throw new DomainError('conflict', `This certificate was revoked on ${row.revokedOn}.`);
  const now = nowIso();
  const write = ctx.db
    .update(certificates)
    .set({ status: 'revoked', revokedOn: todayIn(ctx.tenant), revokedReason: input.reason, updatedAt: now })
    .where(and(eq(certificates.id, input.id), eq(certificates.status, 'valid')));
  // The audit row lands only if the update did; the guard after it (changes() of the audit insert) refuses a lost race.
  const guard = ctx.db.guard(sql`changes() > 0`, 'conflict', 'This certificate was revoked meanwhile.');
  await ctx.db.batch([write, auditIfChanged(ctx, 'certificate.revoke', 'certificate', input.id, now), guard]);
  return getCertificate({ ctx, input: input.id });
}
