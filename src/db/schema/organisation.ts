/**
 * A tenant's organisation: units (OPD, nested: dinas → bidang → seksi) and positions (jabatan).
 * Keys and foreign keys include tenant_id.
 */
import { foreignKey, index, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { tenantColumns, timestamps, versioned } from './columns';

export const unitKinds = [
  'sekretariat',
  'dinas',
  'badan',
  'inspektorat',
  'satpol_pp',
  'rsud',
  'kecamatan',
  'kelurahan',
  'bagian',
  'bidang',
  'subbagian',
  'seksi',
  'uptd',
  'lainnya',
] as const;

export const positionCategories = ['jpt_madya', 'jpt_pratama', 'administrator', 'pengawas', 'pelaksana', 'fungsional'] as const;

export const units = sqliteTable(
  'units',
  {
    ...tenantColumns(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: unitKinds }).notNull(),
    parentId: text('parent_id'),
    ...versioned(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('units_tenant_code').on(t.tenantId, t.code),
    index('units_tenant_parent').on(t.tenantId, t.parentId),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
  ],
);

export const positions = sqliteTable(
  'positions',
  {
    ...tenantColumns(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    category: text('category', { enum: positionCategories }).notNull(),
    unitId: text('unit_id'),
    ...versioned(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('positions_tenant_code').on(t.tenantId, t.code),
    index('positions_tenant_unit').on(t.tenantId, t.unitId),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
  ],
);
