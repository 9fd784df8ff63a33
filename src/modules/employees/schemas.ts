/**
 * Request and response shapes of the ASN registry. Shapes only: the NIP and golongan rules depend
 * on the employment type and live in `nip.ts` and `golongan.ts`, applied by the service, so the
 * JSON API and the CSV import give the same answers in the same words.
 */
import { z } from '@hono/zod-openapi';
import { employeeStatuses, employmentTypes, genders } from '../../db/schema/employees';
import { pageQuery } from '../../platform/http/pagination';
import { tenantParams } from '../../platform/http/params';
import { lineText } from '../../platform/http/text';

const id = z.string().min(1).max(60);

/** A leading = + - @ would make the name a formula in a spreadsheet opening the export. */
export const nameSchema = lineText(200, 2)
  .refine((v) => !/^[=+\-@]/.test(v), 'a name may not start with =, +, - or @')
  .openapi({ example: 'Siti Rahayu, S.Kep., Ns.' });

export const emailSchema = z.email().max(254);

/** The person's id in BKN's SIASN (its PNS id, e.g. 32 hexadecimal characters). */
export const siasnIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,64}$/, 'letters, digits and "-", at most 64 characters')
  .openapi({ example: 'A8ACA7D4E7A83912E040640A040269BB' });

const nipSchema = z.string().trim().min(1).max(40).openapi({
  example: '198702122010012001',
  description: 'PNS: birth date YYYYMMDD, CPNS appointment YYYYMM, gender 1/2, sequence 001–999. PPPK: 18 digits.',
});

const gradeSchema = z.string().trim().min(1).max(12).openapi({
  example: 'III/a',
  description: 'Golongan: I/a … IV/e for PNS, I … XVII for PPPK',
});

export const employeeSchema = z
  .object({
    id: z.string(),
    nip: z.string(),
    name: z.string(),
    unitId: z.string(),
    positionId: z.string(),
    grade: z.string(),
    employmentType: z.enum(employmentTypes),
    supervisorId: z.string().nullable(),
    gender: z.enum(genders).nullable().openapi({ description: 'From a PNS NIP; null for PPPK' }),
    birthDate: z.string().nullable().openapi({ description: 'From a PNS NIP; null for PPPK' }),
    email: z.string().nullable(),
    siasnId: z.string().nullable().openapi({ description: "The person's id in SIASN, when known" }),
    status: z.enum(employeeStatuses),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Employee');

export const newEmployeeSchema = z
  .object({
    nip: nipSchema,
    name: nameSchema,
    unitId: id,
    positionId: id,
    grade: gradeSchema,
    employmentType: z.enum(employmentTypes),
    supervisorId: id.nullable().default(null),
    email: emailSchema.nullable().default(null),
    siasnId: siasnIdSchema.nullable().default(null),
  })
  .strict()
  .openapi('NewEmployee');

export const employeeChangesSchema = z
  .object({
    nip: nipSchema,
    name: nameSchema,
    unitId: id,
    positionId: id,
    grade: gradeSchema,
    employmentType: z.enum(employmentTypes),
    supervisorId: id.nullable(),
    email: emailSchema.nullable(),
    siasnId: siasnIdSchema.nullable(),
    status: z.enum(employeeStatuses),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field to change')
  .openapi('EmployeeChanges');

export const employeeFilters = z.object({
  unit: id.optional().openapi({ description: 'only employees of this unit (id)' }),
  subUnits: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .openapi({ description: 'with unit: also the employees of every unit under it (bidang, seksi)' }),
  position: id.optional().openapi({ description: 'only holders of this position (id)' }),
  status: z.enum(employeeStatuses).optional(),
  employmentType: z.enum(employmentTypes).optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'digits: NIP prefix; anything else: part of the name (case-insensitive)' }),
});

const employeeSorts = ['name', '-name', 'nip', '-nip'] as const;

export const employeeQuery = pageQuery.extend({
  ...employeeFilters.shape,
  sort: z.enum(employeeSorts).default('name').openapi({ description: 'name or NIP, ascending; a leading "-" for descending (ties by id)' }),
});

export const employeeParams = tenantParams.extend({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });

export const importQuery = z.object({
  mode: z
    .enum(['dry-run', 'commit'])
    .default('dry-run')
    .openapi({ description: 'dry-run checks and counts, writing nothing; commit applies the good rows' }),
});

export const importReportSchema = z
  .object({
    mode: z.enum(['dry-run', 'commit']),
    rows: z.number().int().openapi({ description: 'data rows in the file (blank lines not counted)' }),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int().openapi({ description: 'rows not applied; each has at least one entry in errors' }),
    errors: z.array(
      z.object({
        row: z.number().int().openapi({ description: 'row in the file, the header being row 1' }),
        column: z.string(),
        reason: z.string(),
      }),
    ),
    ignoredColumns: z.array(z.string()),
  })
  .openapi('EmployeeImport');

export type NewEmployee = z.infer<typeof newEmployeeSchema>;
export type EmployeeChanges = z.infer<typeof employeeChangesSchema>;
export type EmployeeFilters = z.infer<typeof employeeFilters>;
export type EmployeeSort = (typeof employeeSorts)[number];
export type ImportReport = z.infer<typeof importReportSchema>;
export type ImportError = ImportReport['errors'][number];
