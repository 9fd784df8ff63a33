/**
 * The tenant directory: one row per regional government. Lives in the control database (`DB`);
 * `database` names the D1 binding that holds the tenant's own data.
 */
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps, versioned } from './columns';

export const tenants = sqliteTable(
  'tenants',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['provinsi', 'kabupaten', 'kota'] }).notNull(),
    regionCode: text('region_code').notNull(),
    timeZone: text('time_zone', { enum: ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] }).notNull(),
    jpTarget: integer('jp_target').notNull(),
    database: text('database').notNull(),
    manifestHash: text('manifest_hash').notNull(),
    ...versioned(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('tenants_slug').on(t.slug)],
);
