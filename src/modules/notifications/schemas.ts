/** Request and response shapes of notifications: the inbox, the preferences, the deliveries. */
import { z } from '@hono/zod-openapi';
import { deliveryStatuses, emailModes, notificationKinds } from '../../db/schema/notifications';
import { orNull } from '../../platform/http/openapi';
import { pageQuery } from '../../platform/http/pagination';
import { tenantParams } from '../../platform/http/params';

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

export const deliveryQuery = pageQuery.extend({
  status: z.enum(deliveryStatuses).optional().openapi({
    description:
      '`menunggu` waiting (its time, or a retry after a failure), `mengirim` being sent, `terkirim` sent, `gagal` failed after the last attempt, `dilewati` skipped (no address)',
  }),
  employee: id.optional().openapi({ description: 'Only the messages to this employee' }),
});

export const deliveryParams = tenantParams.extend({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });

export const deliverySchema = z
  .object({
    id: z.string(),
    notificationId: z.string(),
    recipient: z.object({ employeeId: z.string(), name: z.string(), nip: z.string(), email: orNull(z.string()) }).openapi({
      description: 'Who it is for; `email` is the address the message went or goes to',
    }),
    kind: z.enum(notificationKinds),
    title: z.string().openapi({ description: 'The notification’s line (the e-mail’s subject), in Indonesian' }),
    channel: z.literal('email'),
    mode: z.enum(['segera', 'harian']).openapi({ description: '`segera` on its own, `harian` in the daily digest' }),
    status: z.enum(deliveryStatuses),
    attempts: z.number().int().openapi({ description: 'Failed attempts so far (a resend starts again at 0)' }),
    lastError: orNull(z.string()).openapi({ description: 'Why the last attempt failed, or why it was skipped' }),
    nextAttemptAt: z.string().openapi({ description: 'Not sent before this instant (the digest’s hour, or the retry’s backoff)' }),
    sentAt: orNull(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('NotificationDelivery');
