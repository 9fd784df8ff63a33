/**
 * The notification outbox: the statement a module adds to its own write batch so that someone is
 * told about the write. The event lands with the write or not at all (D1 runs a batch atomically);
 * the notifications module turns events into inbox entries and e-mail afterwards
 * (docs/notifications.md). A module never writes the inbox itself.
 *
 *   ctx.db.write([update, audit, notify(ctx, { kind, employeeId, link, data })])
 *
 * An event with a `dedupeKey` is written once per key (a reminder: once per person and period);
 * a second write of the same key does nothing, so overlapping runs never duplicate it.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type NotificationKind, notificationEvents } from '../db/schema/notifications';
import type { TenantContext } from './context';
import { newSortableId, nowIso } from './ids';
import type { Statement } from './tenancy/scoped-db';

export type NotificationData = Record<string, string | number | null>;

export interface NotificationEvent {
  kind: NotificationKind;
  /** The employee who is told. */
  employeeId: string;
  /** The console path the notification opens. */
  link: string;
  /** What its text needs (a title, a date). */
  data: NotificationData;
  /** Written once per key (reminders); without one, every call is its own event. */
  dedupeKey?: string;
}

type Scoped = Pick<TenantContext, 'db'>;

/** One event, for the caller's batch. */
export function notify(ctx: Scoped, event: NotificationEvent, at = nowIso()): Statement {
  const id = newSortableId('evt');
  return ctx.db
    .insert(notificationEvents)
    .values({
      id,
      kind: event.kind,
      employeeId: event.employeeId,
      link: event.link,
      data: JSON.stringify(event.data),
      dedupeKey: event.dedupeKey ?? id,
      createdAt: at,
      processedAt: null,
    })
    .onConflictDoNothing();
}

/**
 * Many events from a query, for the caller's batch: `rows` is a select, scoped by the caller with
 * `ctx.db.scope(alias)`, yielding the columns `employee_id`, `link`, `data` (JSON text) and
 * `dedupe_key`. Keys already present are skipped.
 */
export function notifyFrom(ctx: Scoped, kind: NotificationKind, rows: SQL, at = nowIso()): Statement {
  const orm = ctx.db.unscoped('insert … select of outbox events from the query the emitting module scoped itself');
  return orm
    .insert(notificationEvents)
    .select(
      sql`select ${ctx.db.tenantId}, 'evt_' || lower(hex(randomblob(12))), ${kind}, s.employee_id, s.link, s.data, s.dedupe_key, ${at}, null
          from (${rows}) s where true`,
    )
    .onConflictDoNothing();
}
