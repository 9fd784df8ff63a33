/**
 * The ASN registry: one row per civil servant (PNS or PPPK) of a tenant. Rows are never deleted —
 * people leave by becoming `inactive`, so assessments, enrollments and the audit log keep pointing
 * at them. The NIP is unique within a tenant only: two regions may each hold the same person.
 */
import { foreignKey, index, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { tenantColumns, timestamps, versioned } from './columns';
import { positions, units } from './organisation';

export const employmentTypes = ['pns', 'pppk'] as const;
export const employeeStatuses = ['active', 'inactive'] as const;
export const genders = ['male', 'female'] as const;

export const employees = sqliteTable(
  'employees',
  {
    ...tenantColumns(),
    nip: text('nip').notNull(),
    name: text('name').notNull(),
    unitId: text('unit_id').notNull(),
    positionId: text('position_id').notNull(),
    /** Golongan: `I/a` … `IV/e` for PNS, `I` … `XVII` for PPPK. */
    grade: text('grade').notNull(),
    employmentType: text('employment_type', { enum: employmentTypes }).notNull(),
    supervisorId: text('supervisor_id'),
    /** Read from a PNS NIP; null for PPPK, whose numbers carry no such layout. */
    gender: text('gender', { enum: genders }),
    birthDate: text('birth_date'),
    email: text('email'),
    /** The person's id in BKN's SIASN, when the region knows it (the import's `siasn_id`); for the riwayat export. */
    siasnId: text('siasn_id'),
    status: text('status', { enum: employeeStatuses }).notNull().default('active'),
    ...versioned(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('employees_tenant_nip').on(t.tenantId, t.nip),
    // The list's order is (name, id); the unit and position filters keep that order in their index.
    index('employees_tenant_name').on(t.tenantId, t.name, t.id),
    index('employees_tenant_unit').on(t.tenantId, t.unitId, t.name, t.id),
    index('employees_tenant_position').on(t.tenantId, t.positionId, t.name, t.id),
    index('employees_tenant_supervisor').on(t.tenantId, t.supervisorId),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({ columns: [t.tenantId, t.positionId], foreignColumns: [positions.tenantId, positions.id] }),
    foreignKey({ columns: [t.tenantId, t.supervisorId], foreignColumns: [t.tenantId, t.id] }),
  ],
);
