/**
 * Column helpers shared by every table. Tenant tables spread `tenantColumns()` and key on
 * `(tenant_id, id)`, so a row can never point into another tenant (ARCHITECTURE.md, "Tenancy and storage").
 */
import { integer, text } from 'drizzle-orm/sqlite-core';

export const tenantColumns = () => ({
  tenantId: text('tenant_id').notNull(),
  id: text('id').notNull(),
});

export const timestamps = () => ({
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Optimistic concurrency: served as the ETag, checked against If-Match. */
export const versioned = () => ({
  version: integer('version').notNull().default(1),
});
