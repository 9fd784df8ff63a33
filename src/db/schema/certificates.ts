/**
 * Certificates (STTPP / e-sertifikat) of passed completions, the tenant's certificate settings,
 * and training history imported from the regions' spreadsheets (docs/certificates.md,
 * docs/training-history.md).
 *
 * A certificate is a document: what it says about the participant, the program and the signing
 * official is copied into its row when it is issued, so a later change of name, unit or program
 * never changes an issued certificate (its PDF is rendered from this row alone). Its number is
 * `seq` within the tenant and the year of issue: the next `seq` is taken inside the inserting
 * statement (max + 1, one writer per database) and the unique index refuses a duplicate, so
 * numbers are gap-free and never repeated. Certificates are never deleted: a revoked one keeps its
 * number. At most one valid certificate per enrollment.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { enrollments, programMethods } from './catalog';
import { tenantColumns, timestamps } from './columns';
import { employees } from './employees';

export const certificateStatuses = ['valid', 'revoked'] as const;

export const certificates = sqliteTable(
  'certificates',
  {
    ...tenantColumns(),
    enrollmentId: text('enrollment_id').notNull(),
    offeringId: text('offering_id').notNull(),
    employeeId: text('employee_id').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    /** Random and unguessable (160 bits): the key of the public verification page. */
    verificationCode: text('verification_code').notNull(),
    status: text('status', { enum: certificateStatuses }).notNull(),
    issuedOn: text('issued_on').notNull(),
    issuedPlace: text('issued_place').notNull(),
    participantName: text('participant_name').notNull(),
    participantNip: text('participant_nip').notNull(),
    grade: text('grade').notNull(),
    positionName: text('position_name').notNull(),
    unitName: text('unit_name').notNull(),
    programCode: text('program_code').notNull(),
    programTitle: text('program_title').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    jpCenti: integer('jp_centi').notNull(),
    /** Where the training took place: the offering's location, or `Daring` when online without one. */
    venue: text('venue').notNull(),
    officialName: text('official_name').notNull(),
    officialNip: text('official_nip').notNull(),
    officialTitle: text('official_title').notNull(),
    /** The region as printed and verified (the tenant's name at issue). */
    region: text('region').notNull(),
    issuedBy: text('issued_by').notNull(),
    revokedOn: text('revoked_on'),
    revokedReason: text('revoked_reason'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('certificates_seq').on(t.tenantId, t.year, t.seq),
    uniqueIndex('certificates_number').on(t.tenantId, t.number),
    // Not per tenant: the public page finds a certificate by its code alone, in every database.
    uniqueIndex('certificates_code').on(t.verificationCode),
    uniqueIndex('certificates_valid_enrollment').on(t.tenantId, t.enrollmentId).where(sql`status = 'valid'`),
    index('certificates_employee').on(t.tenantId, t.employeeId, t.issuedOn),
    index('certificates_offering').on(t.tenantId, t.offeringId, t.seq),
    index('certificates_issued').on(t.tenantId, t.issuedOn, t.id),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    foreignKey({ columns: [t.tenantId, t.enrollmentId], foreignColumns: [enrollments.tenantId, enrollments.id] }),
    check('certificates_status', sql`${t.status} in ('valid', 'revoked')`),
    check('certificates_revoked', sql`(${t.status} = 'revoked') = (${t.revokedOn} is not null)`),
    check('certificates_seq_positive', sql`${t.seq} >= 1`),
  ],
);

/**
 * The tenant's certificate settings (one row once saved; defaults until then): the numbering
 * pattern, the issuing unit's code for `{unit}`, the place of issue, the default signing official.
 */
export const certificateSettings = sqliteTable('certificate_settings', {
  tenantId: text('tenant_id').notNull().primaryKey(),
  numberPattern: text('number_pattern').notNull(),
  issuerUnit: text('issuer_unit').notNull(),
  issuedPlace: text('issued_place'),
  officialName: text('official_name'),
  officialNip: text('official_nip'),
  officialTitle: text('official_title'),
  version: integer('version').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Training taken before Bangkom (or outside it), imported from a BKD's spreadsheet. `rowKey` is a
 * digest of what identifies the training for the person (NIP, title, dates, certificate number):
 * importing the same row again finds it and writes nothing, and its JP is credited once
 * (reference `training:<rowKey>`).
 */
export const trainingHistory = sqliteTable(
  'training_history',
  {
    ...tenantColumns(),
    employeeId: text('employee_id').notNull(),
    rowKey: text('row_key').notNull(),
    title: text('title').notNull(),
    method: text('method', { enum: programMethods }).notNull(),
    organiser: text('organiser').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    jpCenti: integer('jp_centi').notNull(),
    certificateNumber: text('certificate_number'),
    certificateDate: text('certificate_date'),
    importedBy: text('imported_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('training_history_row').on(t.tenantId, t.rowKey),
    index('training_history_employee').on(t.tenantId, t.employeeId, t.startDate),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    check('training_history_dates', sql`${t.endDate} >= ${t.startDate}`),
    check('training_history_jp', sql`${t.jpCenti} > 0`),
  ],
);
