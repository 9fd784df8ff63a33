/**
 * Learning records (docs/learning.md): training an employee took outside Bangkom and reported
 * (riwayat pengembangan kompetensi), with its evidence file in R2, checked by the tenant admin,
 * and the JP rules per method that turn such a record — or a mentoring or coaching pairing — into
 * JP (docs/jp.md, "Rules per method").
 *
 * A report moves `diajukan → disetujui | ditolak | ditarik` once, by a conditional update; the JP
 * an approval credits lands in the JP ledger in the same batch, so it is credited once. JP is kept
 * in hundredths, like the ledger. Hours are kept in minutes, exact.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { programMethods } from './catalog';
import { tenantColumns, timestamps, versioned } from './columns';
import { employees } from './employees';

export const learningReportStatuses = ['diajukan', 'disetujui', 'ditolak', 'ditarik'] as const;
/** The evidence files accepted, by what their first bytes say they are. */
export const evidenceTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export const learningReports = sqliteTable(
  'learning_reports',
  {
    ...tenantColumns(),
    employeeId: text('employee_id').notNull(),
    title: text('title').notNull(),
    method: text('method', { enum: programMethods }).notNull(),
    organiser: text('organiser').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    /** The quantities the method's rule may need, as reported (null: not given). */
    days: integer('days'),
    sessions: integer('sessions'),
    minutes: integer('minutes'),
    semesters: integer('semesters'),
    claimedJpCenti: integer('claimed_jp_centi'),
    certificateNumber: text('certificate_number'),
    certificateDate: text('certificate_date'),
    status: text('status', { enum: learningReportStatuses }).notNull(),
    /** The evidence in R2 (`FILES`), under a key that starts with the tenant's id; null until uploaded. */
    evidenceKey: text('evidence_key'),
    evidenceType: text('evidence_type', { enum: evidenceTypes }),
    evidenceBytes: integer('evidence_bytes'),
    /** Set at approval: the JP credited (possibly less than claimed), why, and the rules' version applied. */
    jpCenti: integer('jp_centi'),
    jpReason: text('jp_reason'),
    rulesVersion: integer('rules_version'),
    decidedBy: text('decided_by'),
    decidedAt: text('decided_at'),
    rejectReason: text('reject_reason'),
    /** When the record was marked as sent to SIASN; null while it waits for the export. */
    siasnSentAt: text('siasn_sent_at'),
    /** The riwayat kursus id SIASN returned when the sync sent the record (modules/learning/siasn-sync.ts). */
    siasnRiwayatId: text('siasn_riwayat_id'),
    /**
     * Set just before the sync posts the record and cleared once SIASN's answer is recorded: a
     * record still carrying it was maybe created in SIASN (the answer was lost) and is never posted
     * again until the admin has checked it (`recheck`).
     */
    siasnAttemptAt: text('siasn_attempt_at'),
    /** When the certificate PDF was uploaded to the SIASN riwayat; null: not (yet) uploaded. */
    siasnDocumentAt: text('siasn_document_at'),
    ...versioned(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    index('learning_reports_employee').on(t.tenantId, t.employeeId, t.id),
    index('learning_reports_status').on(t.tenantId, t.status, t.id),
    index('learning_reports_siasn').on(t.tenantId, t.status, t.siasnSentAt, t.id),
    check('learning_reports_dates', sql`${t.endDate} >= ${t.startDate}`),
    check('learning_reports_status', sql`${t.status} in ('diajukan', 'disetujui', 'ditolak', 'ditarik')`),
  ],
);

/**
 * The tenant's JP rules per method, as one JSON document (validated by the API's schema on the
 * way in), versioned for If-Match. No row: the defaults apply, at version 0.
 */
export const jpRules = sqliteTable('jp_rules', {
  tenantId: text('tenant_id').notNull().primaryKey(),
  rules: text('rules').notNull(),
  version: integer('version').notNull(),
  updatedAt: text('updated_at').notNull(),
});
