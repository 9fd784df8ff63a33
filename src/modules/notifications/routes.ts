/**
 * HTTP face of notifications for the person (`/me/notifications…`): the inbox, unread first and
 * paged, the unread count for the console's bell, marking one or all read, and their e-mail
 * preference per kind. Only their own: anyone else's notification is a 404.
 */
import { json, jsonBody, route, tenantRouter } from '../../platform/http/openapi';
import { decodeCursor, pageOf } from '../../platform/http/pagination';
import { getOwn, listOwn, markAllRead, markRead, unreadCount } from './inbox';
import { ownPreferences, putOwnPreferences } from './preferences';
import * as s from './schemas';

const tags = ['Notifications'];
const employee = ['employee'] as const;

export const ownNotificationRoutes = tenantRouter()
  .openapi(
    route({
      method: 'get',
      path: '/me/notifications',
      tags,
      roles: employee,
      summary: "The caller's notifications: unread first, then newest first, paged",
      request: { query: s.inboxQuery },
      responses: { 200: json(pageOf(s.notificationSchema), 'A page of notifications') },
    }),
    async (c) => {
      const { cursor, unread, limit } = c.req.valid('query');
      const key = decodeCursor(cursor, 3) as [number, string, string] | undefined;
      return c.json(await listOwn({ ctx: c.get('ctx'), input: { limit, unread, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/me/notifications/unread-count',
      tags,
      roles: employee,
      summary: 'How many of the caller’s notifications are unread (the console’s bell)',
      responses: { 200: json(s.unreadSchema, 'The count') },
    }),
    async (c) => c.json(await unreadCount({ ctx: c.get('ctx'), input: undefined }), 200),
  )
  .openapi(
    route({
      method: 'post',
      path: '/me/notifications/read-all',
      tags,
      roles: employee,
      summary: 'Mark every notification of the caller read',
      responses: { 200: json(s.unreadSchema, 'None unread any more') },
    }),
    async (c) => c.json(await markAllRead({ ctx: c.get('ctx'), input: undefined }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/me/notifications/{id}',
      tags,
      roles: employee,
      summary: 'One of the caller’s notifications',
      request: { params: s.notificationParams },
      responses: { 200: json(s.notificationSchema, 'The notification') },
    }),
    async (c) => c.json(await getOwn({ ctx: c.get('ctx'), input: c.req.valid('param').id }), 200),
  )
  .openapi(
    route({
      method: 'post',
      path: '/me/notifications/{id}/read',
      tags,
      roles: employee,
      summary: 'Mark one notification read (already read: unchanged)',
      request: { params: s.notificationParams },
      responses: { 200: json(s.notificationSchema, 'Read') },
    }),
    async (c) => c.json(await markRead({ ctx: c.get('ctx'), input: c.req.valid('param').id }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/me/notification-preferences',
      tags,
      roles: employee,
      summary: 'The caller’s e-mail preference for every kind of notification',
      responses: { 200: json(s.preferencesSchema, 'Every kind with its mode') },
    }),
    async (c) => c.json(await ownPreferences({ ctx: c.get('ctx'), input: undefined }), 200),
  )
  .openapi(
    route({
      method: 'put',
      path: '/me/notification-preferences',
      tags,
      roles: employee,
      summary: 'Change the caller’s e-mail preference for the kinds named (the others keep theirs)',
      request: { body: jsonBody(s.preferencesInput) },
      responses: { 200: json(s.preferencesSchema, 'Every kind with its mode') },
    }),
    async (c) => c.json(await putOwnPreferences({ ctx: c.get('ctx'), input: c.req.valid('json') }), 200),
  );
