/**
 * The inbox: events from the outbox become one notification each for the person they name, and
 * the person reads, pages and marks them. Processing is one batch of set-based statements — the
 * inbox entries (their id is derived from the event's, so a second or concurrent run inserts
 * nothing), the e-mail delivery rows by the person's preference (one per notification, unique),
 * and the events marked processed — run by the scheduled run for the whole tenant and before a
 * person reads their own inbox, so what they see is current. A person sees only their own: anyone
 * else's notification is a 404.
 */
import { and, count, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { notificationDeliveries, notificationEvents, notifications } from '../../db/schema';
import type { NotificationKind } from '../../db/schema/notifications';
import { addDays, instantOn, todayIn } from '../../platform/calendar';
import { type Call, ownEmployeeId, type TenantContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { page } from '../../platform/http/pagination';
import { nowIso } from '../../platform/ids';
import type { NotificationData } from '../../platform/outbox';
import { textOf } from './templates';

/** Events turned into notifications per batch. */
const processBatch = 500;
/** The daily digest goes out at this hour of the tenant's wall clock. */
const digestHour = 7;

/** The instant the next daily digest goes out after `now`, on the tenant's wall clock. */
function nextDigestAt(ctx: TenantContext, now: string): string {
  const today = todayIn(ctx.tenant, now);
  const todays = instantOn(ctx.tenant, today, digestHour);
  return todays > now ? todays : instantOn(ctx.tenant, addDays(today, 1), digestHour);
}

/**
 * Turns waiting events into notifications and delivery rows, for one person or the whole tenant;
 * returns how many events were processed. Safe to run twice or concurrently.
 */
export async function processEvents(ctx: TenantContext, input: { employeeId?: string; now?: string } = {}): Promise<number> {
  const now = input.now ?? nowIso();
  const who = input.employeeId ? sql`and e.employee_id = ${input.employeeId}` : sql``;
  const db = ctx.db.unscoped('insert … select from the outbox into the inbox and the deliveries, set-based and scoped by alias');
  const waiting = await db.all<{ n: number }>(
    sql`select count(*) as n from (select 1 from ${notificationEvents} e where ${ctx.db.scope('e')} and e.processed_at is null ${who} limit 1)`,
  );
  if (!waiting[0]?.n) return 0;
  const digestAt = nextDigestAt(ctx, now);
  const results = await ctx.db.batch([
    db
      .insert(notifications)
      .select(sql`select e.tenant_id, 'ntf_' || substr(e.id, 5), e.id, e.employee_id, e.kind, e.link, e.data, e.created_at, null
      from ${notificationEvents} e
      where ${ctx.db.scope('e')} and e.processed_at is null ${who}
      order by e.created_at limit ${processBatch}`)
      .onConflictDoNothing(),
    // One delivery row per notification, by the person's preference for its kind (none: at once);
    // without an address it is recorded as skipped, for the admin to see.
    db
      .insert(notificationDeliveries)
      .select(sql`select n.tenant_id, 'dlv_' || substr(n.id, 5), n.id, n.employee_id, coalesce(p.email, 'segera'),
        case when nullif(trim(coalesce(m.email, '')), '') is null then 'dilewati' else 'menunggu' end, 0,
        case when p.email = 'harian' then ${digestAt} else ${now} end, null, null, m.email, null,
        case when nullif(trim(coalesce(m.email, '')), '') is null then 'Tidak ada alamat e-mail pegawai.' else null end,
        null, ${now}, ${now}
      from ${notificationEvents} e
      join notifications n on n.tenant_id = e.tenant_id and n.event_id = e.id
      join employees m on m.tenant_id = n.tenant_id and m.id = n.employee_id
      left join notification_preferences p on p.tenant_id = n.tenant_id and p.employee_id = n.employee_id and p.kind = n.kind
      where ${ctx.db.scope('e')} and e.processed_at is null ${who} and coalesce(p.email, 'segera') <> 'tidak'`)
      .onConflictDoNothing(),
    ctx.db
      .update(notificationEvents)
      .set({ processedAt: now })
      .where(
        and(
          isNull(notificationEvents.processedAt),
          input.employeeId ? eq(notificationEvents.employeeId, input.employeeId) : undefined,
          sql`exists (select 1 from notifications n where n.tenant_id = ${notificationEvents.tenantId} and n.event_id = ${notificationEvents.id})`,
        ),
      ),
  ]);
  return (results[2] as D1Result).meta.changes;
}

type Row = typeof notifications.$inferSelect;

function publicNotification(row: Row) {
  const data = JSON.parse(row.data) as NotificationData;
  const text = textOf(row.kind as NotificationKind, data);
  return {
    id: row.id,
    kind: row.kind,
    title: text.title,
    body: text.body,
    data,
    link: row.link,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

/** Unread first, then newest first: the key is (read?, created, id) with the last two descending. */
function afterKey(cursor: [number, string, string] | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const [read, created, id] = cursor;
  const isRead = sql`(${notifications.readAt} is not null)`;
  return sql`(${isRead} > ${read} or (${isRead} = ${read} and (${notifications.createdAt}, ${notifications.id}) < (${created}, ${id})))`;
}

export async function listOwn({ ctx, input }: Call<TenantContext, { limit: number; unread?: boolean; cursor?: [number, string, string] }>) {
  const me = ownEmployeeId(ctx);
  await processEvents(ctx, { employeeId: me });
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.employeeId, me), input.unread ? isNull(notifications.readAt) : undefined, afterKey(input.cursor)))
    .orderBy(sql`${notifications.readAt} is not null`, sql`${notifications.createdAt} desc`, sql`${notifications.id} desc`)
    .limit(input.limit + 1);
  return page(rows.map(publicNotification), input.limit, (n) => [n.readAt === null ? 0 : 1, n.createdAt, n.id]);
}

export async function unreadCount({ ctx }: Call<TenantContext>) {
  const me = ownEmployeeId(ctx);
  await processEvents(ctx, { employeeId: me });
  const [row] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.employeeId, me), isNull(notifications.readAt)));
  return { unread: row?.n ?? 0 };
}

async function ownRow(ctx: TenantContext, id: string): Promise<Row> {
  const [row] = await ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.employeeId, ownEmployeeId(ctx))))
    .limit(1);
  if (!row) throw notFound('notification');
  return row;
}

export const getOwn = async ({ ctx, input: id }: Call<TenantContext, string>) => publicNotification(await ownRow(ctx, id));

/** Marks one read (already read: unchanged, the first reading's time kept). */
export async function markRead({ ctx, input: id }: Call<TenantContext, string>) {
  const row = await ownRow(ctx, id);
  if (row.readAt === null) {
    await ctx.db
      .update(notifications)
      .set({ readAt: nowIso() })
      .where(and(eq(notifications.id, id), eq(notifications.employeeId, row.employeeId), isNull(notifications.readAt)));
  }
  return publicNotification(await ownRow(ctx, id));
}

export async function markAllRead({ ctx }: Call<TenantContext>) {
  const me = ownEmployeeId(ctx);
  await processEvents(ctx, { employeeId: me });
  await ctx.db
    .update(notifications)
    .set({ readAt: nowIso() })
    .where(and(eq(notifications.employeeId, me), isNull(notifications.readAt)));
  return { unread: 0 };
}
