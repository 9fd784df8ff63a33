/**
 * The audit log: every write records who (subject and roles), in which tenant, what (action,
 * entity, id), when and under which request id. The entry is a statement for the same batch as
 * the write it describes, so a write and its audit row land together or not at all.
 */
import { auditLog } from '../../db/schema';
import type { ServiceContext } from '../context';
import { newSortableId, nowIso } from '../ids';
import type { Statement } from '../tenancy/scoped-db';

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
