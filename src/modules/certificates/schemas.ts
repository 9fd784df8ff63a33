/** Request and response shapes of certificates, their settings and the public verification answer. */
import { z } from '@hono/zod-openapi';
import { certificateStatuses } from '../../db/schema/certificates';
import { orNull } from '../../platform/http/openapi';
import { pageQuery } from '../../platform/http/pagination';
import { tenantParams } from '../../platform/http/params';
import { lineText } from '../../platform/http/text';
import { defaultNumberPattern, patternProblems } from './pattern';

const id = z.string().min(1).max(60);
export const certificateParams = tenantParams.extend({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });
export const ownCertificateParams = z.object({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });

const isoDate = z.iso.date().refine((v) => v >= '2000-01-01' && v <= '2100-12-31', 'a date between 2000 and 2100');

const officialSchema = z
  .object({
    name: lineText(120).openapi({ example: 'Dr. Hendra Wijaya, S.STP., M.Si.' }),
    nip: z
      .string()
      .regex(/^\d{18}$/, 'an NIP of 18 digits')
      .openapi({ example: '197204101998031004' }),
    title: lineText(160).openapi({ example: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' }),
  })
  .strict()
  .openapi('SigningOfficial');

export const issueSchema = z
  .object({
    enrollmentId: id.openapi({ description: 'A completed, passed enrollment of this offering' }),
    issuedOn: isoDate.optional().openapi({ description: "Date of issue; default today on the tenant's clock; never in the future" }),
    official: officialSchema.optional().openapi({ description: "The signing official; default the tenant's certificate settings" }),
  })
  .strict()
  .openapi('IssueCertificate');

export const issueAllSchema = issueSchema.omit({ enrollmentId: true }).openapi('IssueCertificates');
export type IssueOptions = z.infer<typeof issueAllSchema>;

export const revokeSchema = z
  .object({ reason: lineText(300, 3) })
  .strict()
  .openapi('RevokeCertificate');

export const certificateSchema = z
  .object({
    id: z.string(),
    number: z.string().openapi({ example: '7/PKP-01/BKPSDM/2026' }),
    year: z.number().int(),
    seq: z.number().int(),
    status: z.enum(certificateStatuses),
    enrollmentId: z.string(),
    offeringId: z.string(),
    employeeId: z.string(),
    issuedOn: z.string(),
    issuedPlace: z.string(),
    participant: z.object({
      name: z.string(),
      nip: z.string(),
      grade: z.string(),
      pangkat: z.string().nullable().openapi({ description: 'The rank of a PNS golongan (Penata Muda for III/a); null for PPPK' }),
      position: z.string(),
      unit: z.string(),
    }),
    program: z.object({
      code: z.string(),
      title: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      jp: z.number(),
      venue: z.string(),
    }),
    official: z.object({ name: z.string(), nip: z.string(), title: z.string() }),
    region: z.string(),
    verificationCode: z.string(),
    verificationPath: z.string().openapi({ example: '/verifikasi/3k9x…' }),
    revokedOn: z.string().nullable(),
    revokedReason: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Certificate');
export type Certificate = z.infer<typeof certificateSchema>;

export const certificateQuery = pageQuery.extend({
  offeringId: id.optional(),
  employeeId: id.optional(),
  status: z.enum(certificateStatuses).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const ownCertificateQuery = pageQuery;

export const settingsInput = z
  .object({
    numberPattern: lineText(120)
      .superRefine((pattern, ctx) => {
        for (const message of patternProblems(pattern)) ctx.addIssue({ code: 'custom', message });
      })
      .openapi({ example: defaultNumberPattern, description: 'Placeholders: {seq} {seq:N} {code} {unit} {year} {month} {romawi}' }),
    issuerUnit: z
      .string()
      .regex(/^[A-Z0-9][A-Z0-9.-]{0,29}$/, 'uppercase letters, digits, "." or "-", at most 30 characters')
      .openapi({ example: 'BKPSDM', description: 'The issuing unit as {unit} writes it' }),
    issuedPlace: lineText(80).nullable().openapi({ example: 'Kalianda', description: "Place of issue; null: the region's name" }),
    official: orNull(officialSchema).openapi({ description: 'The default signing official; null: every issue names one' }),
  })
  .strict()
  .openapi('CertificateSettingsInput');
export type SettingsInput = z.infer<typeof settingsInput>;

export const settingsSchema = z
  .object({
    numberPattern: z.string(),
    issuerUnit: z.string(),
    issuedPlace: z.string().nullable(),
    official: z.object({ name: z.string(), nip: z.string(), title: z.string() }).nullable(),
    version: z.number().int().openapi({ description: '0 while the defaults apply' }),
    updatedAt: z.string().nullable(),
  })
  .openapi('CertificateSettings');

export const verificationParams = z.object({
  // Any text: a code that is not one is simply unknown (404), as for a code that never existed.
  code: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'code', in: 'path' }, example: '3k9xq7w2m4r8t6v1b5n0c2d4e6hj7k8m' }),
});

export const verificationSchema = z
  .object({
    status: z.enum(certificateStatuses),
    number: z.string(),
    name: z.string(),
    nipMasked: z.string().openapi({ example: '1985********0001', description: 'First and last four digits only' }),
    program: z.string(),
    dates: z.object({ start: z.string(), end: z.string() }),
    jp: z.number(),
    issuedOn: z.string(),
    region: z.string(),
    revokedOn: z.string().optional(),
    reason: z.string().optional(),
  })
  .strict()
  .openapi('CertificateVerification');
export type Verification = z.infer<typeof verificationSchema>;
