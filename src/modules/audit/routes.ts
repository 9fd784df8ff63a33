/**
 * The audit logs, newest first: the tenant's for its admin, and the national trail (onboarding,
 * curation, refreshes: rows with `tenant_id = ''` in the control database) for the national admin.
 * Entries are written by the writes themselves; these routes only read. Filters: entity, entity
 * id, action, actor (who), and a date range `from`…`to` (both days counted, on the tenant's wall
 * clock; the national trail's on Jakarta's).
 */
import { z } from '@hono/zod-openapi';
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { auditLog, nationalTenant } from '../../db/schema';
import { addDays, instantOn } from '../../platform/calendar';
import { json, nationalRouter, route, tenantRouter } from '../../platform/http/openapi';
import { after, decodeCursor, page, pageOf, pageQuery } from '../../platform/http/pagination';
import { tenantParams } from '../../platform/http/params';

const entrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    actorRoles: z.array(z.string()),
    action: z.string().openapi({ example: 'unit.update' }),
    entity: z.string(),
    entityId: z.string(),
    requestId: z.string(),
  })
  .openapi('AuditEntry');

const isoDate = z.iso.date().refine((v) => v >= '2000-01-01' && v <= '2100-12-31', 'a date between 2000 and 2100');

const auditQuery = pageQuery.extend({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(60).optional(),
  action: z.string().max(60).optional(),
  actor: z.string().max(254).optional().openapi({ description: 'Who wrote: the subject of the token (an account id, or a user name)' }),
  from: isoDate.optional().openapi({ description: 'From this day on (the tenant’s wall clock)', example: '2026-03-01' }),
  to: isoDate.optional().openapi({ description: 'Up to and with this day (the tenant’s wall clock)', example: '2026-03-31' }),
});
type AuditQuery = z.infer<typeof auditQuery>;
type AuditRow = typeof auditLog.$inferSelect;
type Clock = Parameters<typeof instantOn>[0];

/** The filters and the page position, newest first; the days are read on `clock`. */
const filtersOf = (q: AuditQuery, clock: Clock): SQL | undefined =>
  and(
    q.entity ? eq(auditLog.entity, q.entity) : undefined,
    q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.actor ? eq(auditLog.actor, q.actor) : undefined,
    q.from ? gte(auditLog.at, instantOn(clock, q.from)) : undefined,
    q.to ? lt(auditLog.at, instantOn(clock, addDays(q.to, 1))) : undefined,
    after([auditLog.at, auditLog.id], decodeCursor(q.cursor, 2), 'desc'),
  );
const newestFirst = [desc(auditLog.at), desc(auditLog.id)] as const;

function pageOfEntries(rows: AuditRow[], limit: number) {
  const entries = rows.map(({ tenantId: _t, actorRoles, ...e }) => ({ ...e, actorRoles: actorRoles.split(' ') }));
  return page(entries, limit, (e) => [e.at, e.id]);
}

export const auditRoutes = tenantRouter().openapi(
  route({
    method: 'get',
    path: '/tenants/{tenant}/audit',
    tags: ['Audit'],
    roles: ['tenant_admin'],
    summary: 'Who wrote what, when, under which request (newest first)',
    request: { params: tenantParams, query: auditQuery },
    responses: { 200: json(pageOf(entrySchema), 'A page of audit entries') },
  }),
  async (c) => {
    const { db, tenant } = c.get('ctx');
    const q = c.req.valid('query');
    const rows = await db
      .select()
      .from(auditLog)
      .where(filtersOf(q, tenant))
      .orderBy(...newestFirst)
      .limit(q.limit + 1);
    return c.json(pageOfEntries(rows, q.limit), 200);
  },
);

export const nationalAuditRoutes = nationalRouter().openapi(
  route({
    method: 'get',
    path: '/national/audit',
    tags: ['Audit'],
    roles: ['national_admin'],
    summary: 'The national audit trail: onboarding, national curation and refreshes (newest first)',
    request: { query: auditQuery },
    responses: { 200: json(pageOf(entrySchema), 'A page of national audit entries') },
  }),
  async (c) => {
    const { national } = c.get('ctx');
    const q = c.req.valid('query');
    // National rows (`tenant_id = ''`) in the control database: never a tenant's own entries.
    const rows = await national.control
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, nationalTenant), filtersOf(q, { timeZone: 'Asia/Jakarta' })))
      .orderBy(...newestFirst)
      .limit(q.limit + 1);
    return c.json(pageOfEntries(rows, q.limit), 200);
  },
);
