/**
 * The audit logs, newest first: the tenant's for its admin, and the national trail (onboarding,
 * curation, refreshes: rows with `tenant_id = ''` in the control database) for the national admin.
 * Entries are written by the writes themselves; these routes only read.
 */
import { z } from '@hono/zod-openapi';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { auditLog, nationalTenant } from '../../db/schema';
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

const auditQuery = pageQuery.extend({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(60).optional(),
  action: z.string().max(60).optional(),
});
type AuditQuery = z.infer<typeof auditQuery>;
type AuditRow = typeof auditLog.$inferSelect;

/** The filters and the page position, newest first. */
const filtersOf = (q: AuditQuery): SQL | undefined =>
  and(
    q.entity ? eq(auditLog.entity, q.entity) : undefined,
    q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
    q.action ? eq(auditLog.action, q.action) : undefined,
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
    const { db } = c.get('ctx');
    const q = c.req.valid('query');
    const rows = await db
      .select()
      .from(auditLog)
      .where(filtersOf(q))
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
      .where(and(eq(auditLog.tenantId, nationalTenant), filtersOf(q)))
      .orderBy(...newestFirst)
      .limit(q.limit + 1);
    return c.json(pageOfEntries(rows, q.limit), 200);
  },
);
