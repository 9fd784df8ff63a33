/**
 * The evidence file of a report (a certificate scan): PDF, JPEG or PNG, at most 5 MB, stored in R2
 * (`FILES`) under `<tenant id>/learning-reports/<report id>/<random>`, streamed back through the
 * API. What a file is comes from its first bytes, never from what the request says: a body whose
 * declared type is not one of the three is a 415, one whose bytes are not what it declares a 422.
 * Uploaded by the owner while the report is `diajukan` (If-Match on the report's version);
 * read by the owner and the tenant admin only — anyone else, any other tenant: 404.
 *
 * R2 and D1 share no transaction: the new object is written under a fresh key first, then the
 * report is pointed at it in one conditional batch with its audit row; if that batch does not
 * land, the new object is deleted, and once it has landed the old one is. A report therefore never
 * points at a missing file, and a failed upload leaves none behind.
 */
import { and, eq, sql } from 'drizzle-orm';
import { type evidenceTypes, learningReports } from '../../db/schema';
import { auditIfChanged } from '../../platform/audit/audit';
import { type Call, ownEmployeeId, type TenantContext } from '../../platform/context';
import { DomainError, notFound } from '../../platform/errors';
import { staleWrite } from '../../platform/http/etag';
import { newId, nowIso } from '../../platform/ids';
import { publicReport, readReport } from './reports';

type EvidenceType = (typeof evidenceTypes)[number];

export const maxEvidenceBytes = 5 * 1024 * 1024;

const signatures: [EvidenceType, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

/** What the file's first bytes say it is; undefined for anything else. */
const sniff = (bytes: Uint8Array): EvidenceType | undefined => signatures.find(([, magic]) => magic.every((b, i) => bytes[i] === b))?.[0];

const accepted = (declared: string): declared is EvidenceType => signatures.some(([type]) => type === declared);

/** The declared content type, or a 415 when it is not one of the three. */
export function declaredType(header: string | undefined): EvidenceType {
  const declared = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!accepted(declared))
    throw new DomainError('unsupported_media_type', 'Send the evidence as application/pdf, image/jpeg or image/png.');
  return declared;
}

export async function putEvidence({
  ctx,
  input,
}: Call<TenantContext, { id: string; expectedVersion: number; declared: EvidenceType; bytes: Uint8Array }>) {
  const owner = ownEmployeeId(ctx);
  const report = await readReport(ctx, input.id, owner);
  if (report.status !== 'diajukan') throw new DomainError('conflict', `The evidence of a report that is ${report.status} cannot change.`);
  if (input.bytes.byteLength === 0) {
    throw new DomainError('unprocessable', 'The file is empty.', [{ path: 'body', message: 'empty' }]);
  }
  if (input.bytes.byteLength > maxEvidenceBytes) throw new DomainError('payload_too_large', 'An evidence file is at most 5 MB.');
  const actual = sniff(input.bytes);
  if (actual !== input.declared) {
    throw new DomainError(
      'unprocessable',
      `The file is not ${input.declared === 'application/pdf' ? 'a PDF' : `a ${input.declared.slice(6).toUpperCase()} image`}: its content says ${actual ?? 'it is none of PDF, JPEG or PNG'}.`,
      [{ path: 'body', message: 'the content does not match the declared type' }],
    );
  }
  const key = `${ctx.tenant.id}/learning-reports/${report.id}/${newId('evd')}`;
  await ctx.env.FILES.put(key, input.bytes, { httpMetadata: { contentType: actual } });
  const now = nowIso();
  let landed = false;
  try {
    const [rows] = await ctx.db.batch([
      ctx.db
        .update(learningReports)
        .set({
          evidenceKey: key,
          evidenceType: actual,
          evidenceBytes: input.bytes.byteLength,
          version: sql`${learningReports.version} + 1`,
          updatedAt: now,
        })
        .where(
          and(
            eq(learningReports.id, report.id),
            eq(learningReports.employeeId, owner),
            eq(learningReports.status, 'diajukan'),
            eq(learningReports.version, input.expectedVersion),
          ),
        )
        .returning({ id: learningReports.id }),
      auditIfChanged(ctx, 'learning_report.evidence', 'learning_report', report.id, now),
    ]);
    landed = rows.length > 0;
  } finally {
    if (!landed) await ctx.env.FILES.delete(key);
  }
  if (!landed) {
    const again = await readReport(ctx, report.id, owner);
    if (again.status !== 'diajukan') throw new DomainError('conflict', `The report was ${again.status} meanwhile.`);
    throw staleWrite();
  }
  if (report.evidenceKey) await ctx.env.FILES.delete(report.evidenceKey);
  return publicReport(await readReport(ctx, report.id, owner));
}

/** The evidence as a stream, for its owner (`owner`) or the tenant admin (no owner). */
export async function evidenceOf({ ctx, input }: Call<TenantContext, { id: string; owner?: string }>) {
  const report = await readReport(ctx, input.id, input.owner);
  if (!report.evidenceKey || !report.evidenceType) throw notFound('evidence');
  const object = await ctx.env.FILES.get(report.evidenceKey);
  if (!object) throw notFound('evidence');
  const extension = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[report.evidenceType];
  return { body: object.body, contentType: report.evidenceType, bytes: object.size, filename: `bukti-${report.id}.${extension}` };
}
