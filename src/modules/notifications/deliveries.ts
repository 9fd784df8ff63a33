/**
 * The tenant admin's view of notification e-mail: every delivery row with its recipient, kind,
 * status, attempts and last error, newest first and paged, by status or person; and a resend of
 * one message that failed or was sent. A resend claims the row (a conditional update from `gagal`
 * or `terkirim` to `mengirim` under a fresh token, audited in the same batch) before it sends, so
 * two resends at once send one message: the one that finds the row already `mengirim` is a 409.
 * The resend starts the row's attempts again at 0; if the send fails, the row waits for the
 * scheduled run's retries with backoff as any other.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { employees, notificationDeliveries, notifications } from '../../db/schema';
import type { DeliveryStatus } from '../../db/schema/notifications';
import { auditIfChanged } from '../../platform/audit/audit';
import type { Call, TenantContext } from '../../platform/context';
import { DomainError, notFound } from '../../platform/errors';
import { page } from '../../platform/http/pagination';
import { newId, nowIso } from '../../platform/ids';
import type { NotificationData } from '../../platform/outbox';
import { send, settle, single } from './mail';
import { textOf } from './templates';

const d = notificationDeliveries;

const columns = {
  id: d.id,
  notificationId: d.notificationId,
  employeeId: d.employeeId,
  name: employees.name,
  nip: employees.nip,
  currentEmail: employees.email,
  address: d.address,
  kind: notifications.kind,
  data: notifications.data,
  link: notifications.link,
  mode: d.mode,
  status: d.status,
  attempts: d.attempts,
  lastError: d.lastError,
  nextAttemptAt: d.nextAttemptAt,
  sentAt: d.sentAt,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
};

async function rows(ctx: TenantContext, where: (SQL | undefined)[], limit: number) {
  return ctx.db
    .select(columns)
    .from(d)
    .innerJoin(notifications, and(eq(notifications.tenantId, d.tenantId), eq(notifications.id, d.notificationId)))
    .innerJoin(employees, and(eq(employees.tenantId, d.tenantId), eq(employees.id, d.employeeId)))
    .where(and(...where))
    .orderBy(sql`${d.createdAt} desc`, sql`${d.id} desc`)
    .limit(limit);
}

type Row = Awaited<ReturnType<typeof rows>>[number];

function publicDelivery(r: Row) {
  return {
    id: r.id,
    notificationId: r.notificationId,
    // The address it went to once sent or tried; before that, the one it will go to.
    recipient: { employeeId: r.employeeId, name: r.name, nip: r.nip, email: r.address ?? r.currentEmail },
    kind: r.kind,
    title: textOf(r.kind, JSON.parse(r.data) as NotificationData).title,
    channel: 'email' as const,
    mode: r.mode,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    nextAttemptAt: r.nextAttemptAt,
    sentAt: r.sentAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export interface DeliveryQuery {
  limit: number;
  status?: DeliveryStatus | undefined;
  employee?: string | undefined;
  cursor?: [string, string];
}

/** Newest first (created, id), by status and person. */
export async function listDeliveries({ ctx, input }: Call<TenantContext, DeliveryQuery>) {
  const after = input.cursor ? sql`(${d.createdAt}, ${d.id}) < (${input.cursor[0]}, ${input.cursor[1]})` : undefined;
  const found = await rows(
    ctx,
    [input.status ? eq(d.status, input.status) : undefined, input.employee ? eq(d.employeeId, input.employee) : undefined, after],
    input.limit + 1,
  );
  return page(found.map(publicDelivery), input.limit, (x) => [x.createdAt, x.id]);
}

async function one(ctx: TenantContext, id: string): Promise<Row> {
  const [row] = await rows(ctx, [eq(d.id, id)], 1);
  if (!row) throw notFound('delivery');
  return row;
}

const resendable: DeliveryStatus[] = ['gagal', 'terkirim'];
const beingSent = () => new DomainError('conflict', 'This message is being sent right now; look again in a moment.');

/**
 * Sends one delivery's message again, now, as a message of its own (also a row of the digest).
 * Only a failed or sent one; one being sent is a 409, whoever sends it.
 */
export async function resendDelivery({ ctx, input: id }: Call<TenantContext, string>) {
  const row = await one(ctx, id);
  if (row.status === 'mengirim') throw beingSent();
  if (!resendable.includes(row.status)) {
    throw new DomainError('conflict', `Only a failed or sent message can be resent; this one is ${row.status}.`);
  }
  const to = row.currentEmail?.trim();
  if (!to) throw new DomainError('conflict', 'The employee has no e-mail address.');
  const now = nowIso();
  const token = newId('clm');
  const [claimed] = await ctx.db.batch([
    ctx.db
      .update(d)
      .set({ status: 'mengirim', claim: token, claimedAt: now, attempts: 0, nextAttemptAt: now, address: to, updatedAt: now })
      .where(and(eq(d.id, id), inArray(d.status, resendable))),
    auditIfChanged(ctx, 'notification_delivery.resend', 'notification_delivery', id, now),
  ]);
  // Claimed meanwhile by another resend or the scheduled run.
  if ((claimed as D1Result).meta.changes === 0) throw beingSent();
  const message = single(ctx, to, row.employeeId, { kind: row.kind, data: JSON.parse(row.data) as NotificationData, link: row.link });
  try {
    await settle(ctx, token, [id], { messageId: await send(ctx, message) }, nowIso());
  } catch (err) {
    await settle(ctx, token, [id], { error: err instanceof Error ? err.message : String(err), attempts: 0 }, nowIso());
  }
  return publicDelivery(await one(ctx, id));
}
