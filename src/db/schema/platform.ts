/**
 * Platform tables present in every database: the audit log of writes and the idempotency keys
 * that make a retried create return its first response.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { tenantColumns } from './columns';

export const auditLog = sqliteTable(
  'audit_log',
  {
    ...tenantColumns(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    actorRoles: text('actor_roles').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    requestId: text('request_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('audit_tenant_at').on(t.tenantId, t.at, t.id),
    index('audit_tenant_entity').on(t.tenantId, t.entity, t.entityId),
  ],
);

export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    /** The tenant id, or "national" for national routes. */
    scope: text('scope').notNull(),
    caller: text('caller').notNull(),
    /** `<METHOD> <route pattern>`: the same key on another route is another key. */
    route: text('route').notNull().default(''),
    key: text('key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    /** Null while the first request is still running. */
    status: integer('status'),
    headers: text('headers'),
    body: text('body'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.caller, t.route, t.key] }), index('idempotency_created').on(t.createdAt)],
);

/**
 * Never holds a row: inserting into it aborts the statement, and so the whole D1 batch, with the
 * message `bangkom_guard:<code>:<detail>` (a trigger in migration 0013). `guard()` in
 * platform/db inserts only when its condition fails.
 */
export const batchGuards = sqliteTable('batch_guards', {
  code: text('code').notNull(),
  detail: text('detail').notNull(),
});
