/**
 * Notifications (docs/notifications.md). A module that wants someone told writes an event into the
 * outbox (`notification_events`) in the same batch as its own write, so an event exists exactly
 * when the write happened. The inbox (`notifications`) holds one entry per event — its primary key
 * is derived from the event's, so processing an event twice or concurrently writes it once. E-mail
 * goes through `notification_deliveries`, one row per notification (unique), claimed before it is
 * sent: a notification is mailed at most once.
 */
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { tenantColumns } from './columns';
import { employees } from './employees';

/** What a notification is about; each has its text (modules/notifications/templates.ts) and a per-person e-mail preference. */
export const notificationKinds = [
  'learning_report.approved',
  'learning_report.rejected',
  'pairing.proposed',
  'pairing.unanswered',
  'plan.enrolled',
  'evaluation.due',
  'evaluation.overdue',
  'jp.shortfall',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** How a person wants a kind by e-mail: at once, in the daily digest, or not at all (the inbox always has it). */
export const emailModes = ['segera', 'harian', 'tidak'] as const;
export const deliveryStatuses = ['menunggu', 'mengirim', 'terkirim', 'gagal', 'dilewati'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const notificationEvents = sqliteTable(
  'notification_events',
  {
    ...tenantColumns(),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    /** Who is told: an employee of the tenant. */
    employeeId: text('employee_id').notNull(),
    /** The console path the notification opens (`/laporan/lap_…`). */
    link: text('link').notNull(),
    /** What the text needs (a title, a date), JSON. */
    data: text('data').notNull(),
    /** One event per key: an event's own id, or for a reminder `<kind>:<subject>:<period>` — once per person and period. */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: text('created_at').notNull(),
    /** Set when the event has its inbox entry (and its delivery row); null while it waits. */
    processedAt: text('processed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('notification_events_once').on(t.tenantId, t.dedupeKey),
    index('notification_events_pending').on(t.tenantId, t.processedAt, t.employeeId),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    check('notification_events_kind', sql`${t.kind} in (${inList(notificationKinds)})`),
  ],
);

export const notifications = sqliteTable(
  'notifications',
  {
    ...tenantColumns(),
    /** The event it came from: the id is `ntf_` + the event's id, so one event is one entry. */
    eventId: text('event_id').notNull(),
    employeeId: text('employee_id').notNull(),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    link: text('link').notNull(),
    data: text('data').notNull(),
    createdAt: text('created_at').notNull(),
    readAt: text('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('notifications_event').on(t.tenantId, t.eventId),
    index('notifications_inbox').on(t.tenantId, t.employeeId, t.readAt, t.createdAt, t.id),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
  ],
);

export const notificationDeliveries = sqliteTable(
  'notification_deliveries',
  {
    ...tenantColumns(),
    notificationId: text('notification_id').notNull(),
    employeeId: text('employee_id').notNull(),
    mode: text('mode', { enum: ['segera', 'harian'] }).notNull(),
    status: text('status', { enum: deliveryStatuses }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Not before this instant: the backoff after a failure, or the digest's hour. */
    nextAttemptAt: text('next_attempt_at').notNull(),
    /** Who holds the send (a claim token) and since when; a claim older than the lease may be taken over. */
    claim: text('claim'),
    claimedAt: text('claimed_at'),
    address: text('address'),
    messageId: text('message_id'),
    lastError: text('last_error'),
    sentAt: text('sent_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('notification_deliveries_once').on(t.tenantId, t.notificationId),
    index('notification_deliveries_due').on(t.tenantId, t.status, t.nextAttemptAt),
    index('notification_deliveries_person').on(t.tenantId, t.employeeId, t.createdAt),
    // The admin's list: newest first, all or by status.
    index('notification_deliveries_recent').on(t.tenantId, t.createdAt, t.id),
    index('notification_deliveries_by_status').on(t.tenantId, t.status, t.createdAt, t.id),
    foreignKey({ columns: [t.tenantId, t.notificationId], foreignColumns: [notifications.tenantId, notifications.id] }),
    check('notification_deliveries_status', sql`${t.status} in (${inList(deliveryStatuses)})`),
  ],
);

/** A person's e-mail preference per kind; no row means `segera`. */
export const notificationPreferences = sqliteTable(
  'notification_preferences',
  {
    tenantId: text('tenant_id').notNull(),
    employeeId: text('employee_id').notNull(),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    email: text('email', { enum: emailModes }).notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.employeeId, t.kind] }),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
    check('notification_preferences_email', sql`${t.email} in (${inList(emailModes)})`),
  ],
);
