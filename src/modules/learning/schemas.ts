/**
 * Request and response shapes of learning records: self-reported training, the admin's queue,
 * history and the SIASN export. Dates are the tenant's calendar dates (`YYYY-MM-DD`); JP travels
 * as a number with at most two decimals, hours likewise (kept in minutes).
 */
import { z } from '@hono/zod-openapi';
import { programMethods } from '../../db/schema/catalog';
import { evidenceTypes, learningReportStatuses } from '../../db/schema/learning';
import { pageQuery } from '../../platform/http/pagination';
import { tenantParams } from '../../platform/http/params';
import { lineText, multilineText } from '../../platform/http/text';
import { jpAmount } from '../jp';

const isoDate = z.iso.date().refine((v) => v >= '2000-01-01' && v <= '2100-12-31', 'a date between 2000 and 2100');
const id = z.string().min(1).max(60);

export const newReportSchema = z
  .object({
    title: lineText(300).openapi({ example: 'Pelatihan Analisis Kebijakan Publik' }),
    method: z.enum(programMethods).openapi({ description: 'The method code (docs/catalog.md); its JP rule applies (docs/jp.md)' }),
    organiser: lineText(200).openapi({ example: 'BPSDM Provinsi Lampung' }),
    startDate: isoDate.openapi({ example: '2026-02-10' }),
    endDate: isoDate.openapi({ example: '2026-02-12', description: 'Not after today on the tenant’s calendar' }),
    days: z
      .number()
      .int()
      .min(1)
      .max(366)
      .optional()
      .openapi({ description: 'Days attended (rule basis day; default: the days of the period)' }),
    sessions: z.number().int().min(1).max(500).optional().openapi({ description: 'Sessions (rule basis session)' }),
    hours: z
      .number()
      .min(0.25)
      .max(2000)
      .refine((v) => Number.isInteger(v * 4), 'in quarters of an hour')
      .optional()
      .openapi({ description: 'Clock hours of learning (rule basis hour: one JP per 45 minutes)' }),
    semesters: z
      .number()
      .int()
      .min(1)
      .max(14)
      .optional()
      .openapi({ description: 'Semesters (rule basis semester; default from the dates)' }),
    jpClaimed: jpAmount.optional().openapi({ description: 'The JP the certificate states; the rule may credit less' }),
    certificateNumber: lineText(100).optional(),
    certificateDate: isoDate.optional(),
  })
  .strict()
  .refine((r) => r.endDate >= r.startDate, { message: 'the end is before the start', path: ['endDate'] })
  .openapi('NewLearningReport');
export type NewReport = z.infer<typeof newReportSchema>;

export const reportSchema = z
  .object({
    id: z.string(),
    employeeId: z.string(),
    employeeName: z.string(),
    employeeNip: z.string(),
    unitId: z.string(),
    title: z.string(),
    method: z.enum(programMethods),
    organiser: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    days: z.number().int().nullable(),
    sessions: z.number().int().nullable(),
    hours: z.number().nullable(),
    semesters: z.number().int().nullable(),
    jpClaimed: z.number().nullable(),
    certificateNumber: z.string().nullable(),
    certificateDate: z.string().nullable(),
    status: z.enum(learningReportStatuses),
    evidence: z
      .object({ contentType: z.enum(evidenceTypes), bytes: z.number().int() })
      .nullable()
      .openapi({ description: 'The evidence file, once uploaded (read it at …/evidence)' }),
    jp: z.number().nullable().openapi({ description: 'JP credited at approval, by the rules (possibly less than claimed)' }),
    jpReason: z.string().nullable().openapi({ description: 'How the rules arrived at the JP credited' }),
    rulesVersion: z.number().int().nullable().openapi({ description: 'The version of the JP rules applied (0: the defaults)' }),
    decidedAt: z.string().nullable(),
    rejectReason: z.string().nullable(),
    siasnSentAt: z.string().nullable(),
    siasnRiwayatId: z.string().nullable().openapi({ description: 'The riwayat kursus id SIASN returned to the sync' }),
    siasnDocumentAt: z.string().nullable().openapi({ description: 'When the sync uploaded the certificate PDF onto that riwayat' }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('LearningReport');

export const reportParams = tenantParams.extend({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });
export const ownReportParams = z.object({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });

const year = z.coerce.number().int().min(2000).max(2100).optional();

export const ownReportQuery = pageQuery.extend({ status: z.enum(learningReportStatuses).optional() });
export const queueQuery = pageQuery.extend({
  status: z.enum(learningReportStatuses).optional(),
  unit: id.optional().openapi({ description: 'this unit and the units under it' }),
  employee: id.optional(),
  year: year.openapi({ description: 'the year the training ended' }),
});
export type QueueQuery = z.infer<typeof queueQuery>;

export const rejectSchema = z
  .object({ reason: multilineText(1000) })
  .strict()
  .openapi('LearningReportRejection');

export const historyQuery = z.object({ year: year.openapi({ description: 'only this year' }) });

const historyItemSchema = z.object({
  kind: z.enum(['program', 'mentoring', 'coaching', 'report', 'training']).openapi({
    description: 'training: past training imported from the region’s files (docs/training-history.md)',
  }),
  id: z.string().openapi({ description: 'The enrollment, pairing, report or imported training record' }),
  title: z.string(),
  method: z.enum(programMethods).nullable(),
  startDate: z.string().nullable(),
  endDate: z.string(),
  year: z.number().int(),
  jp: z.number(),
  certificateNumber: z.string().nullable().openapi({
    description: 'The number on the certificate: the STTPP’s for a program, the reported or imported one otherwise',
  }),
  certificate: z
    .object({ id: z.string(), number: z.string(), issuedOn: z.string(), status: z.enum(['valid', 'revoked']) })
    .nullable()
    .openapi({
      description: "A completed program's certificate (STTPP), valid or revoked; null for anything else, or before one is issued",
    }),
});

export const historySchema = z
  .object({
    employeeId: z.string(),
    items: z.array(historyItemSchema),
    jpByYear: z.array(z.object({ year: z.number().int(), jp: z.number() })),
  })
  .openapi('LearningHistory');

const siasnRecordSchema = z.object({
  id: z.string().openapi({ description: 'The report (for mark-sent)' }),
  nip: z.string(),
  nama: z.string(),
  pnsOrangId: z.string().nullable().openapi({ description: "The person's SIASN id, when the registry knows it" }),
  namaKursus: z.string(),
  jenisDiklatId: z.string(),
  jumlahJam: z.number().int(),
  tanggalKursus: z.string().openapi({ example: '10-02-2026' }),
  tanggalSelesaiKursus: z.string(),
  tahunKursus: z.number().int(),
  institusiPenyelenggara: z.string(),
  nomorSertipikat: z.string().nullable(),
});

export const siasnExportSchema = z
  .object({
    items: z.array(siasnRecordSchema),
    unmapped: z
      .array(z.object({ id: z.string(), nip: z.string(), namaKursus: z.string(), method: z.enum(programMethods), reason: z.string() }))
      .openapi({ description: 'Approved records not exported: their method has no SIASN jenis diklat, or they earned no JP' }),
  })
  .openapi('SiasnRiwayat');

export const markSentSchema = z
  .object({ ids: z.array(id).min(1).max(500) })
  .strict()
  .openapi('SiasnMarkSent');

export const siasnSyncSchema = z
  .object({
    recheck: z.array(id).max(500).default([]).openapi({
      description:
        'Reports whose earlier attempt had no clear answer and which the admin has looked up in SIASN and found absent: they are posted again',
    }),
  })
  .strict()
  .openapi('SiasnSync');

export const markedSchema = z
  .object({
    marked: z.array(z.string()),
    skipped: z.array(z.string()).openapi({ description: 'Unknown, not approved, or already marked' }),
  })
  .openapi('SiasnMarked');

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const csvContent = { description: 'CSV with a header row', content: { 'text/csv': { schema: z.string() } } };
export const xlsxContent = { description: 'The workbook', content: { [xlsxType]: { schema: z.string().openapi({ format: 'binary' }) } } };
/** The headers of a history download: its type and an attachment named after the employee. */
export const historyDownload = (kind: 'csv' | 'xlsx', employeeId: string) => ({
  'content-type': kind === 'csv' ? 'text/csv; charset=utf-8' : xlsxType,
  'content-disposition': `attachment; filename="riwayat-${employeeId}.${kind}"`,
});
