/**
 * HTTP face of notification e-mail for the tenant admin: every message's delivery status, and a
 * resend of one that failed or was sent. Personal data: the national admin is refused (403).
 */
import { json, problem, route, tenantRouter } from '../../platform/http/openapi';
import { decodeCursor, pageOf } from '../../platform/http/pagination';
import { tenantParams } from '../../platform/http/params';
import { listDeliveries, resendDelivery } from './deliveries';
import * as s from './schemas';

const tags = ['Notifications'];
const admin = ['tenant_admin'] as const;

export const deliveryRoutes = tenantRouter()
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/notifications/deliveries',
      tags,
      roles: admin,
      summary: 'Notification e-mail and its delivery status, newest first, by status or employee',
      request: { params: tenantParams, query: s.deliveryQuery },
      responses: { 200: json(pageOf(s.deliverySchema), 'A page of deliveries') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      return c.json(await listDeliveries({ ctx: c.get('ctx'), input: { ...q, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/notifications/deliveries/{id}/resend',
      tags,
      roles: admin,
      summary: 'Send a failed or sent message again, now (audited); one at a time',
      request: { params: s.deliveryParams },
      responses: {
        200: json(s.deliverySchema, 'The delivery after the attempt: `terkirim`, or `menunggu` for a retry with its error'),
        409: problem('The message is being sent right now, is not failed or sent (waiting, skipped), or the employee has no address'),
      },
    }),
    async (c) => c.json(await resendDelivery({ ctx: c.get('ctx'), input: c.req.valid('param').id }), 200),
  );
