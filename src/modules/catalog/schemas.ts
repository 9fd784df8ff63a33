/**
 * Request and response shapes of the catalog: providers, programs, offerings, enrollments and
 * recommendations. JP travels as a decimal with at most two places; money as integer rupiah.
 */
import { z } from '@hono/zod-openapi';
import { enrollmentStatuses, methodKinds, offeringStatuses, programMethods, programStatuses, providerKinds } from '../../db/schema/catalog';
import { tenantParams } from '../../platform/http/params';
import { lineText, multilineText } from '../../platform/http/text';
import { retireFilter } from '../competencies';
import { jpAmount } from '../jp';

const id = z.string().min(1).max(60);
const date = z.iso
  .date()
  .refine((v) => v >= '2000-01-01' && v <= '2100-12-31', 'a date between 2000 and 2100')
  .openapi({ example: '2026-07-06' });

export const idParams = tenantParams.extend({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });
export const nationalCodeParams = z.object({
  code: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'uppercase letters, digits and dashes')
    .openapi({ param: { name: 'code', in: 'path' }, example: 'PKA-NAS' }),
});

export const newProviderSchema = z
  .object({ name: lineText(200), kind: z.enum(providerKinds), contact: lineText(300).optional() })
  .strict()
  .openapi('NewProvider');
export const providerChangesSchema = newProviderSchema.partial().strict().openapi('ProviderChanges');
export const providerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(providerKinds),
    contact: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Provider');
export type NewProvider = z.infer<typeof newProviderSchema>;

const competencyKey = z.string().trim().min(1).max(60).openapi({ description: 'Competency id or code' });
const targetSchema = z.object({ competency: competencyKey, expectedGain: z.number().int().min(1).max(4) }).strict();
const prerequisiteSchema = z.object({ competency: competencyKey, minimumLevel: z.number().int().min(1).max(5) }).strict();
const unique = (items: { competency: string }[]) => new Set(items.map((i) => i.competency)).size === items.length;

/** The method codes, with the two that are not Perlan 10/2018 methods marked (docs/catalog.md#methods). */
const method = z.enum(programMethods).openapi({
  description:
    'Perlan LAN 10/2018 method: klasikal pelatihan_kepemimpinan … sosialisasi; non-klasikal coaching … magang. Two codes are kept although they are not Perlan 10/2018 methods: rotasi_jabatan (job rotation, a regional practice) and tugas_belajar (formal education, separate from competency development); a program says which with methodKind.',
});

const programFields = {
  title: lineText(200),
  description: multilineText(4000),
  method,
  jp: jpAmount,
  costPerParticipant: z.number().int().min(0).max(10_000_000_000).openapi({ description: 'Integer rupiah', example: 3_500_000 }),
  hasTests: z.boolean().default(false),
  targets: z.array(targetSchema).min(1).max(20).refine(unique, 'a competency appears twice'),
  prerequisites: z.array(prerequisiteSchema).max(20).refine(unique, 'a competency appears twice').default([]),
};

export const newProgramSchema = z
  .object({
    code: z
      .string()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'uppercase letters, digits and dashes')
      .openapi({ example: 'BIMTEK-SIMRS' }),
    ...programFields,
    status: z.enum(programStatuses).default('active').openapi({ description: 'retired: no new offerings, left out of default lists' }),
    providerId: id.optional(),
  })
  .strict()
  .openapi('NewProgram');
export type NewProgram = z.infer<typeof newProgramSchema>;

export const programChangesSchema = z
  .object({
    title: programFields.title,
    description: programFields.description,
    method: programFields.method,
    jp: programFields.jp,
    costPerParticipant: programFields.costPerParticipant,
    hasTests: z.boolean(),
    status: z.enum(programStatuses),
    targets: programFields.targets,
    prerequisites: z.array(prerequisiteSchema).max(20).refine(unique, 'a competency appears twice'),
    providerId: id.nullable(),
  })
  .partial()
  .strict()
  .openapi('ProgramChanges');
export type ProgramChanges = z.infer<typeof programChangesSchema>;

/** National programs are retired and reinstated by their own routes, never by a PUT: no `status` here. */
export const nationalProgramSchema = z.object(programFields).strict().openapi('NationalProgram');
export type NationalProgram = z.infer<typeof nationalProgramSchema>;

const competencyRef = { competencyId: z.string(), code: z.string(), name: z.string() };
export const programSchema = z
  .object({
    id: z.string(),
    scope: z.enum(['national', 'tenant']),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    method,
    classical: z.boolean().openapi({ description: 'klasikal: derived from the method' }),
    methodKind: z.enum(methodKinds).openapi({
      description:
        'Derived from the method: perlan_klasikal or perlan_non_klasikal (Perlan 10/2018), regional_practice (rotasi_jabatan) or formal_education (tugas_belajar): the last two are outside Perlan 10/2018',
    }),
    jp: z.number(),
    costPerParticipant: z.number().int(),
    provider: providerSchema.pick({ id: true, name: true, kind: true }).nullable(),
    hasTests: z.boolean(),
    status: z.enum(programStatuses),
    retiredAt: z.string().nullable(),
    targets: z.array(z.object({ ...competencyRef, expectedGain: z.number().int() })),
    prerequisites: z.array(z.object({ ...competencyRef, minimumLevel: z.number().int() })),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Program');
export type Program = z.infer<typeof programSchema>;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const programQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(600).optional(),
  method: method.optional(),
  classical: bool.optional(),
  competency: competencyKey.optional(),
  provider: id.optional(),
  maxCost: z.coerce.number().int().min(0).optional(),
  minJp: z.coerce.number().min(0).max(1000).optional(),
  maxJp: z.coerce.number().min(0).max(1000).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  scope: z.enum(['national', 'tenant']).optional(),
  status: retireFilter,
});
export const nationalProgramQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(600).optional(),
  status: retireFilter,
});
export type ProgramQuery = z.infer<typeof programQuery>;

export const newOfferingSchema = z
  .object({
    programId: id,
    startDate: date,
    endDate: date,
    capacity: z.number().int().min(1).max(10_000),
    location: lineText(300).optional(),
    online: z.boolean().default(false),
    status: z.enum(offeringStatuses).default('open'),
  })
  .strict()
  .refine((o) => o.endDate >= o.startDate, { message: 'ends before it starts', path: ['endDate'] })
  .refine((o) => o.online || o.location !== undefined, { message: 'a location, or online: true', path: ['location'] })
  .openapi('NewOffering');
export type NewOffering = z.infer<typeof newOfferingSchema>;

export const offeringChangesSchema = z
  .object({
    startDate: date,
    endDate: date,
    capacity: z.number().int().min(1).max(10_000),
    location: lineText(300).nullable(),
    online: z.boolean(),
    status: z.enum(offeringStatuses),
  })
  .partial()
  .strict()
  .openapi('OfferingChanges');
export type OfferingChanges = z.infer<typeof offeringChangesSchema>;

export const offeringSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    programTitle: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    capacity: z.number().int(),
    enrolled: z.number().int().openapi({ description: 'Places enrolled and not yet completed' }),
    seatsTaken: z
      .number()
      .int()
      .openapi({ description: 'Seats taken: places enrolled or completed (the queue fills up to the capacity with these)' }),
    waitlisted: z.number().int(),
    location: z.string().nullable(),
    online: z.boolean(),
    status: z.enum(offeringStatuses),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Offering');

export const offeringQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(600).optional(),
  program: id.optional(),
  status: z.enum(offeringStatuses).optional(),
  from: date.optional(),
});

export const enrollSchema = z
  .object({ employeeIds: z.array(id).min(1).max(100) })
  .strict()
  .openapi('EnrollEmployees');
export const completionSchema = z
  .object({
    attendance: z.number().int().min(0).max(100).openapi({ description: 'Attendance in percent' }),
    passed: z.boolean(),
    completedOn: date.optional().openapi({ description: 'Default: today (UTC). The JP credit falls on this date.' }),
  })
  .strict()
  .openapi('Completion');
export type Completion = z.infer<typeof completionSchema>;

export const enrollmentSchema = z
  .object({
    id: z.string(),
    offeringId: z.string(),
    employeeId: z.string(),
    status: z.enum(enrollmentStatuses),
    seq: z.number().int().openapi({ description: "Place in the offering's queue; the waitlist is served in this order" }),
    requestedBy: z.string(),
    attendance: z.number().int().nullable(),
    passed: z.boolean().nullable(),
    completedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Enrollment');
export type Enrollment = z.infer<typeof enrollmentSchema>;

export const queueEntrySchema = enrollmentSchema
  .extend({ employee: z.object({ name: z.string(), nip: z.string() }).openapi({ description: 'Who holds the place' }) })
  .openapi('QueueEntry');
export type QueueEntry = z.infer<typeof queueEntrySchema>;

/** A place in a person's own list: with what it is a place in, so that the list reads without a read per offering. */
export const personEnrollmentSchema = enrollmentSchema
  .extend({
    offering: z
      .object({ programTitle: z.string(), startDate: z.string(), endDate: z.string() })
      .openapi({ description: "The offering's program and dates" }),
  })
  .openapi('PersonEnrollment');
export type PersonEnrollment = z.infer<typeof personEnrollmentSchema>;

export const enrollmentResultSchema = z
  .object({ items: z.array(enrollmentSchema.extend({ created: z.boolean() })) })
  .openapi('EnrollmentResult');
export const enrollmentQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(600).optional(),
  status: z.enum(enrollmentStatuses).optional(),
});

const reasonSchema = z.object({
  competencyId: z.string(),
  code: z.string(),
  name: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  weight: z.number(),
  closes: z.number().openapi({ description: 'weight × min(gap, expected gain), summed over people for a unit' }),
  people: z.number().int(),
});
const recommendationSchema = z
  .object({
    score: z.number(),
    program: programSchema.pick({
      id: true,
      scope: true,
      code: true,
      title: true,
      method: true,
      classical: true,
      jp: true,
      costPerParticipant: true,
    }),
    offerings: z.array(
      offeringSchema.pick({ id: true, startDate: true, endDate: true, capacity: true, location: true, online: true, status: true }),
    ),
    reasons: z.array(reasonSchema),
  })
  .openapi('Recommendation');
export const recommendationsSchema = z
  .object({ subject: z.object({ kind: z.enum(['employee', 'unit']), id: z.string() }), items: z.array(recommendationSchema) })
  .openapi('Recommendations');
export const recommendationQuery = z.object({
  maxCost: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type RecommendationQuery = z.infer<typeof recommendationQuery>;
export const unitPeopleRecommendationQuery = z.object({
  maxCost: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(10).default(3).openapi({ description: 'Programs per person' }),
  people: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: 'People at most, those helped most first' }),
});
export type UnitPeopleRecommendationQuery = z.infer<typeof unitPeopleRecommendationQuery>;
export const unitPeopleRecommendationsSchema = z
  .object({
    subject: z.object({ kind: z.literal('unit'), id: z.string() }),
    people: z.array(
      z.object({
        employee: z.object({ id: z.string(), name: z.string(), nip: z.string() }),
        items: z.array(recommendationSchema).openapi({ description: "The person's own ranking, best first" }),
      }),
    ),
    withoutRecommendation: z
      .number()
      .int()
      .openapi({ description: 'Active people of the unit with no assessed gap that a program closes' }),
  })
  .openapi('UnitPeopleRecommendations');
