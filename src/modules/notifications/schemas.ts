/** Request and response shapes of notifications: the inbox, the preferences, the deliveries. */
import { z } from '@hono/zod-openapi';
import { emailModes, notificationKinds } from '../../db/schema/notifications';
import { orNull } from '../../platform/http/openapi';
import { pageQuery } from '../../platform/http/pagination';

const id = z.string().min(1).max(60);

export const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(notificationKinds),
    title: z.string().openapi({ description: 'The line in the inbox, in Indonesian (the e-mail’s subject)' }),
    body: z.string().openapi({ description: 'One or two sentences, in Indonesian (the e-mail’s text)' }),
    data: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).openapi({ description: 'What the text is made of, by kind' }),
    link: z.string().openapi({ description: 'The console screen it opens, a path', example: '/laporan/lap_0p2x8n4k7m1q9r5t' }),
    createdAt: z.string(),
    readAt: orNull(z.string()),
  })
  .openapi('Notification');

export const inboxQuery = pageQuery.extend({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .openapi({ description: 'Only the unread ones' }),
});

export const unreadSchema = z.object({ unread: z.number().int() }).openapi('UnreadNotifications');

export const notificationParams = z.object({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });

const emailMode = z
  .enum(emailModes)
  .openapi({ description: '`segera` at once, `harian` in the daily digest (07:00 tenant time), `tidak` no e-mail' });

export const preferencesSchema = z
  .object({
    items: z.array(
      z.object({
        kind: z.enum(notificationKinds),
        email: emailMode,
        updatedAt: orNull(z.string()).openapi({ description: 'When the person last set it; null: never set (the default, `segera`)' }),
      }),
    ),
  })
  .openapi('NotificationPreferences');

export const preferencesInput = z
  .object({
    items: z
      .array(z.object({ kind: z.enum(notificationKinds), email: emailMode }).strict())
      .min(1)
      .max(notificationKinds.length)
      .openapi({ description: 'The kinds to change, each once; kinds left out keep their mode' }),
  })
  .strict()
  .openapi('NotificationPreferencesInput');
