/**
 * The program catalog (docs/catalog.md): providers, programs with their targeted competencies and
 * prerequisites, offerings (cohorts) and enrollments.
 *
 * Programs follow the dictionary: national rows carry `tenant_id = ''` and live, with the same id,
 * in every database; a tenant's own rows carry its id. Whatever names a program or a competency
 * carries the owner's tenant id beside it, with a CHECK that it is '' or the row's own tenant, so
 * nothing can point into another tenant. Offerings and enrollments are always the tenant's own.
 * JP is stored in hundredths, like the JP ledger.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { tenantColumns, timestamps, versioned } from './columns';
import { competencies } from './competencies';
import { employees } from './employees';

export const providerKinds = ['university', 'lan_bpsdm', 'private_trainer', 'internal'] as const;
/** A retired program takes no new offering and is hidden from default lists, recommendations and plans; its offerings run on. */
export const programStatuses = ['active', 'retired'] as const;
export const offeringStatuses = ['planned', 'open', 'running', 'completed', 'cancelled'] as const;
export const enrollmentStatuses = ['requested', 'enrolled', 'waitlisted', 'withdrawn', 'completed'] as const;
export const programCompetencyRoles = ['target', 'prerequisite'] as const;

/** Perlan LAN 10/2018 methods as stable codes; the classical (klasikal) ones first. */
export const classicalMethods = [
  'pelatihan_kepemimpinan',
  'pelatihan_manajerial',
  'pelatihan_teknis',
  'pelatihan_fungsional',
  'pelatihan_sosial_kultural',
  'seminar',
  'workshop',
  'kursus',
  'penataran',
  'bimbingan_teknis',
  'sosialisasi',
] as const;
export const nonClassicalMethods = [
  'coaching',
  'mentoring',
  'e_learning',
  'pelatihan_jarak_jauh',
  'detasering',
  'outbound',
  'patok_banding',
  'pertukaran_pns',
  'belajar_mandiri',
  'komunitas_belajar',
  'bimbingan_di_tempat_kerja',
  'magang',
] as const;
/**
 * Kept although they are not Perlan 10/2018 methods (SPEC 3 and 15): `rotasi_jabatan`, job
 * rotation, a practice of the regions; `tugas_belajar`, formal education on assignment (a degree),
 * separate from competency development. Neither is klasikal.
 */
export const otherMethods = ['rotasi_jabatan', 'tugas_belajar'] as const;
export const programMethods = [...classicalMethods, ...nonClassicalMethods, ...otherMethods] as const;

/** Where a method comes from: Perlan 10/2018 (klasikal or non-klasikal), a regional practice, or formal education. */
export const methodKinds = ['perlan_klasikal', 'perlan_non_klasikal', 'regional_practice', 'formal_education'] as const;
export const methodKindOf = (method: (typeof programMethods)[number]): (typeof methodKinds)[number] =>
  method === 'rotasi_jabatan'
    ? 'regional_practice'
    : method === 'tugas_belajar'
      ? 'formal_education'
      : (classicalMethods as readonly string[]).includes(method)
        ? 'perlan_klasikal'
        : 'perlan_non_klasikal';

export const providers = sqliteTable(
  'providers',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    kind: text('kind', { enum: providerKinds }).notNull(),
    contact: text('contact'),
    ...versioned(),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('providers_tenant_name').on(t.tenantId, t.name)],
);

export const programs = sqliteTable(
  'programs',
  {
    ...tenantColumns(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    method: text('method', { enum: programMethods }).notNull(),
    jpCenti: integer('jp_centi').notNull(),
    costPerParticipant: integer('cost_per_participant').notNull(),
    /** Always the program's own tenant (national programs name no tenant provider). */
    providerId: text('provider_id'),
    hasTests: integer('has_tests', { mode: 'boolean' }).notNull(),
    status: text('status', { enum: programStatuses }).notNull(),
    /** When it was retired; null while active (set and cleared with `status`). */
    retiredAt: text('retired_at'),
    ...versioned(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('programs_tenant_code').on(t.tenantId, t.code),
    index('programs_tenant_title').on(t.tenantId, t.title, t.id),
    index('programs_tenant_provider').on(t.tenantId, t.providerId),
    foreignKey({ columns: [t.tenantId, t.providerId], foreignColumns: [providers.tenantId, providers.id] }),
    check('programs_jp', sql`${t.jpCenti} > 0`),
    check('programs_cost', sql`${t.costPerParticipant} >= 0`),
  ],
);

/** A program's targeted competencies (level = expected gain 1–4) and prerequisites (level = minimum 1–5). */
export const programCompetencies = sqliteTable(
  'program_competencies',
  {
    tenantId: text('tenant_id').notNull(),
    programId: text('program_id').notNull(),
    role: text('role', { enum: programCompetencyRoles }).notNull(),
    competencyTenantId: text('competency_tenant_id').notNull(),
    competencyId: text('competency_id').notNull(),
    level: integer('level').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.programId, t.role, t.competencyId] }),
    index('program_competencies_competency').on(t.tenantId, t.competencyId, t.role),
    foreignKey({ columns: [t.tenantId, t.programId], foreignColumns: [programs.tenantId, programs.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.competencyTenantId, t.competencyId], foreignColumns: [competencies.tenantId, competencies.id] }),
    check('program_competencies_own_competency', sql`${t.competencyTenantId} in ('', ${t.tenantId})`),
    check('program_competencies_level', sql`${t.level} between 1 and 5`),
  ],
);

export const offerings = sqliteTable(
  'offerings',
  {
    ...tenantColumns(),
    programTenantId: text('program_tenant_id').notNull(),
    programId: text('program_id').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    capacity: integer('capacity').notNull(),
    location: text('location'),
    online: integer('online', { mode: 'boolean' }).notNull(),
    status: text('status', { enum: offeringStatuses }).notNull(),
    ...versioned(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('offerings_tenant_start').on(t.tenantId, t.startDate, t.id),
    index('offerings_tenant_program').on(t.tenantId, t.programId, t.startDate),
    foreignKey({ columns: [t.programTenantId, t.programId], foreignColumns: [programs.tenantId, programs.id] }),
    check('offerings_own_program', sql`${t.programTenantId} in ('', ${t.tenantId})`),
    check('offerings_capacity', sql`${t.capacity} >= 1`),
    check('offerings_dates', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/**
 * One row per person and offering (the unique index refuses a second). `seq` is the place in the
 * offering's queue, taken inside the inserting statement; the waitlist is served in `seq` order.
 */
export const enrollments = sqliteTable(
  'enrollments',
  {
    ...tenantColumns(),
    offeringId: text('offering_id').notNull(),
    employeeId: text('employee_id').notNull(),
    status: text('status', { enum: enrollmentStatuses }).notNull(),
    seq: integer('seq').notNull(),
    requestedBy: text('requested_by').notNull(),
    attendance: integer('attendance'),
    passed: integer('passed', { mode: 'boolean' }),
    completedAt: text('completed_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('enrollments_person').on(t.tenantId, t.offeringId, t.employeeId),
    index('enrollments_queue').on(t.tenantId, t.offeringId, t.status, t.seq),
    index('enrollments_employee').on(t.tenantId, t.employeeId, t.createdAt),
    foreignKey({ columns: [t.tenantId, t.offeringId], foreignColumns: [offerings.tenantId, offerings.id] }),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    check('enrollments_attendance', sql`${t.attendance} is null or ${t.attendance} between 0 and 100`),
  ],
);
