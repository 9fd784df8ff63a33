/**
 * The audit log: every write records who (subject and roles), in which tenant, what (action,
 * entity, id), when and under which request id. The entry is a statement for the same batch as
 * the write it describes, so a write and its audit row land together or not at all. National
 * writes (curation, onboarding, refreshes) are audited with `tenant_id = ''`.
 */
import { sql } from 'drizzle-orm';
import { auditLog, nationalTenant } from '../../db/schema';
import type { NationalContext, TenantContext } from '../context';
import { insertWhen } from '../db/json-rows';
import { newSortableId, nowIso } from '../ids';
import type { Orm, Statement, Unstamped } from '../tenancy/scoped-db';

export type AuditRow = Unstamped<typeof auditLog>;
type Actor = Pick<TenantContext | NationalContext, 'actor' | 'requestId'>;

/** One audit row; bulk writers insert many of these with `ctx.db.insertRows(auditLog, rows)`. */
export function auditRow(ctx: Actor, action: string, entity: string, entityId: string, at = nowIso()): AuditRow {
  return {
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

export const auditEntry = (ctx: TenantContext, action: string, entity: string, entityId: string): Statement =>
  ctx.db.insert(auditLog).values(auditRow(ctx, action, entity, entityId));

const changed = sql`changes() > 0`;

/**
 * An audit row written only if the statement just before it in the same batch changed a row.
 * For conditional writes (If-Match, upserts that may find nothing to change), so a write that did
 * not happen leaves no trace.
 */
export const auditIfChanged = (ctx: TenantContext, action: string, entity: string, entityId: string, at = nowIso()): Statement =>
  ctx.db.insertIf(auditLog, auditRow(ctx, action, entity, entityId, at), changed);

/** The national audit trail (`tenant_id = ''`) in database `orm`, written only if the statement before changed a row. */
export const nationalAuditIfChanged = (orm: Orm, ctx: Actor, action: string, entity: string, entityId: string): Statement =>
  insertWhen(orm, auditLog, { tenantId: nationalTenant, ...auditRow(ctx, action, entity, entityId) }, changed);

/** A national audit row written unconditionally, in the control database. */
export const nationalAuditEntry = (orm: Orm, ctx: Actor, action: string, entity: string, entityId: string): Statement =>
  orm.insert(auditLog).values({ tenantId: nationalTenant, ...auditRow(ctx, action, entity, entityId) });
