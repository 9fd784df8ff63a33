/**
 * The audit log: every write records who (subject and roles), in which tenant, what (action,
 * entity, id), when and under which request id. The entry is a statement for the same batch as
 * the write it describes, so a write and its audit row land together or not at all.
 */
import { auditLog } from '../../db/schema';
import type { ServiceContext } from '../context';
import { newSortableId, nowIso } from '../ids';
import type { Statement } from '../tenancy/scoped-db';

export function auditEntry(ctx: ServiceContext, action: string, entity: string, entityId: string): Statement {
  return ctx.db.orm.insert(auditLog).values({
    tenantId: ctx.tenant.id,
    id: newSortableId('aud'),
    at: nowIso(),
    actor: ctx.actor.subject,
    actorRoles: ctx.actor.roles.join(' '),
    action,
    entity,
    entityId,
    requestId: ctx.requestId,
  });
}
