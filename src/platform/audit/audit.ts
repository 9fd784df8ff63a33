/**
 * The audit log: every write records who (subject and roles), in which tenant, what (action,
 * entity, id), when and under which request id. The entry is a statement for the same batch as
 * the write it describes, so a write and its audit row land together or not at all.
 */
import { getTableColumns, sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { ServiceContext } from '../context';
import { newSortableId, nowIso } from '../ids';
import type { Orm, Statement } from '../tenancy/scoped-db';

export type AuditRow = typeof auditLog.$inferInsert;

/** One audit row; bulk writers insert many of these in chunks alongside their own rows. */
export function auditRow(ctx: ServiceContext, action: string, entity: string, entityId: string, at = nowIso()): AuditRow {
  return {
    tenantId: ctx.tenant.id,
    id: newSortableId('aud'),
    at,
    actor: ctx.actor.subject,
    actorRoles: ctx.actor.roles.join(' '),
    action,
    entity,
    entityId,
    requestId: ctx.requestId,
  };
}

export const auditEntry = (ctx: ServiceContext, action: string, entity: string, entityId: string): Statement =>
  ctx.db.orm.insert(auditLog).values(auditRow(ctx, action, entity, entityId));

/**
 * An audit row written only if the statement just before it in the same batch changed a row:
 * `changes()` is per connection, and a batch runs in order on one connection. For conditional
 * writes (If-Match, upserts that may find nothing to change), so a write that did not happen
 * leaves no trace.
 */
export function auditIfChanged(orm: Orm, row: AuditRow): Statement {
  const values = Object.entries(getTableColumns(auditLog)).map(([key, column]) => [
    key,
    sql`${row[key as keyof AuditRow] ?? null}`.as(column.name),
  ]);
  return orm.insert(auditLog).select(orm.select(Object.fromEntries(values)).from(sql`(select 1)`).where(sql`changes() > 0`));
}
