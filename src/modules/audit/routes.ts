/** The tenant's audit log, newest first, for its admin. Entries are written by the writes themselves. */
import { z } from '@hono/zod-openapi';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { json, route, tenantRouter } from '../../platform/http/openapi';
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
    const key = decodeCursor(q.cursor, 2);
    const rows = await db
      .select()
      .from(auditLog)
      .where(
        and(
          q.entity ? eq(auditLog.entity, q.entity) : undefined,
          q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
          q.action ? eq(auditLog.action, q.action) : undefined,
          after([auditLog.at, auditLog.id], key, 'desc'),
        ),
      )
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(q.limit + 1);
    const entries = rows.map(({ tenantId: _t, actorRoles, ...e }) => ({ ...e, actorRoles: actorRoles.split(' ') }));
    return c.json(
      page(entries, q.limit, (e) => [e.at, e.id]),
      200,
    );
  },
);
