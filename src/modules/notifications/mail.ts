/**
 * E-mail from the delivery rows, over Cloudflare's e-mail sending binding (`EMAIL`,
 * `[[send_email]]` in wrangler.toml). At most one message per notification: each delivery row is
 * unique per notification and is claimed (a conditional update to `mengirim` with a fresh token)
 * before it is sent, so overlapping runs never send the same row; a claim older than the lease is
 * taken over (a run that died mid-send). A failure waits with backoff (5, 10, 20, 40 minutes) and
 * gives up as `gagal` after `maxAttempts`. Rows in the daily digest (`harian`) are claimed per
 * person and sent as one message. With `EMAIL_CAPTURE = "on"` (local runs and tests) every message
 * is also written to R2 (`FILES`) under `mail/<tenant>/<message>.json`, where tests read it; the
 * local binding itself only writes files and never reaches the network.
 */
import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { employees, notificationDeliveries, notifications } from '../../db/schema';
import type { NotificationKind } from '../../db/schema/notifications';
import type { TenantContext } from '../../platform/context';
import { newId } from '../../platform/ids';
import type { NotificationData } from '../../platform/outbox';
import { textOf } from './templates';
import { type Subscription, unsubscribeToken } from './unsubscribe';

const maxAttempts = 5;
const leaseMs = 10 * 60_000;
const backoffMs = (attempt: number) => 5 * 60_000 * 2 ** (attempt - 1);
/** Rows claimed per run and tenant. */
const perRun = 200;

interface Message {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `List-Unsubscribe` (the signed link) and `List-Unsubscribe-Post` (RFC 8058 one-click). */
  headers: Record<string, string>;
}

const escapeHtml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const origin = (ctx: TenantContext) => (ctx.env.AUTH_ISSUER ?? '').replace(/\/$/, '');

export interface Item {
  kind: NotificationKind;
  data: NotificationData;
  link: string;
}

/** The signed link that stops this kind (or, for the digest, every kind) of e-mail to this person. */
const unsubscribeUrl = (ctx: TenantContext, employeeId: string, kind: Subscription) =>
  `${origin(ctx)}/api/v1/berhenti-langganan?token=${unsubscribeToken(ctx.env, { tenant: ctx.tenant.slug, employeeId, kind })}`;

interface Footer {
  text: string;
  html: string;
  headers: Record<string, string>;
}

function footer(ctx: TenantContext, employeeId: string, kind: Subscription): Footer {
  const stop = unsubscribeUrl(ctx, employeeId, kind);
  const from = `Anda menerima e-mail ini dari Bangkom (${ctx.tenant.name}). Atur e-mail pemberitahuan: ${origin(ctx)}/akun#notifikasi`;
  const what = kind === 'semua' ? 'semua e-mail pemberitahuan' : 'e-mail pemberitahuan jenis ini';
  return {
    text: `--\n${from}\nBerhenti menerima ${what}: ${stop}\n`,
    html: `<hr><p><small>${escapeHtml(from)}<br><a href="${escapeHtml(stop)}">Berhenti menerima ${what}</a></small></p>`,
    headers: { 'List-Unsubscribe': `<${stop}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** One notification as a message: its title as the subject, its text, the link, a plain-text part and an HTML one. */
export function single(ctx: TenantContext, to: string, employeeId: string, item: Item): Message {
  const text = textOf(item.kind, item.data);
  const url = `${origin(ctx)}${item.link}`;
  const end = footer(ctx, employeeId, item.kind);
  return {
    to,
    subject: text.title,
    text: `${text.body}\n\nBuka di Bangkom: ${url}\n\n${end.text}`,
    html: `<p>${escapeHtml(text.body)}</p><p><a href="${escapeHtml(url)}">Buka di Bangkom</a></p>${end.html}`,
    headers: end.headers,
  };
}

/** A person's day of notifications as one message. */
function digest(ctx: TenantContext, to: string, employeeId: string, items: Item[]): Message {
  const lines = items.map((i) => ({ title: textOf(i.kind, i.data).title, url: `${origin(ctx)}${i.link}` }));
  const end = footer(ctx, employeeId, 'semua');
  return {
    to,
    subject: `Ringkasan harian Bangkom: ${items.length} pemberitahuan`,
    text: `${lines.map((l) => `- ${l.title}\n  ${l.url}`).join('\n')}\n\n${end.text}`,
    html: `<ul>${lines.map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.title)}</a></li>`).join('')}</ul>${end.html}`,
    headers: end.headers,
  };
}

export async function send(ctx: TenantContext, message: Message): Promise<string> {
  const from = ctx.env.EMAIL_FROM ?? 'notifikasi@bangkom.local';
  if (!ctx.env.EMAIL) throw new Error('No e-mail binding (EMAIL) is configured.');
  const result = await ctx.env.EMAIL.send({
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers,
  });
  if (ctx.env.EMAIL_CAPTURE === 'on') {
    await ctx.env.FILES.put(
      `mail/${ctx.tenant.id}/${newId('eml')}.json`,
      JSON.stringify({ from, ...message, messageId: result.messageId }),
      {
        httpMetadata: { contentType: 'application/json' },
      },
    );
  }
  return result.messageId;
}

const d = notificationDeliveries;

/** Takes the due rows of `mode` (and stale claims) under a fresh token; returns the token. */
async function claim(ctx: TenantContext, mode: 'segera' | 'harian', now: string): Promise<string> {
  const token = newId('clm');
  const stale = new Date(Date.parse(now) - leaseMs).toISOString();
  await ctx.db
    .update(d)
    .set({ status: 'mengirim', claim: token, claimedAt: now, updatedAt: now })
    .where(
      and(
        eq(d.mode, mode),
        or(and(eq(d.status, 'menunggu'), lte(d.nextAttemptAt, now)), and(eq(d.status, 'mengirim'), lte(d.claimedAt, stale))),
        sql`${d.id} in (select x.id from notification_deliveries x where ${ctx.db.scope('x')} and x.mode = ${mode}
          and ((x.status = 'menunggu' and x.next_attempt_at <= ${now}) or (x.status = 'mengirim' and x.claimed_at <= ${stale}))
          order by x.next_attempt_at limit ${perRun})`,
      ),
    );
  return token;
}

async function claimed(ctx: TenantContext, token: string) {
  return ctx.db
    .select({
      id: d.id,
      employeeId: d.employeeId,
      attempts: d.attempts,
      address: employees.email,
      kind: notifications.kind,
      data: notifications.data,
      link: notifications.link,
    })
    .from(d)
    .innerJoin(notifications, and(eq(notifications.tenantId, d.tenantId), eq(notifications.id, d.notificationId)))
    .innerJoin(employees, and(eq(employees.tenantId, d.tenantId), eq(employees.id, d.employeeId)))
    .where(eq(d.claim, token))
    .orderBy(d.employeeId, d.createdAt);
}

export async function settle(
  ctx: TenantContext,
  token: string,
  ids: string[],
  outcome: { messageId: string } | { error: string; attempts: number },
  now: string,
) {
  const mine = and(inArray(d.id, ids), eq(d.claim, token));
  if ('messageId' in outcome) {
    await ctx.db
      .update(d)
      .set({ status: 'terkirim', messageId: outcome.messageId, sentAt: now, claim: null, lastError: null, updatedAt: now })
      .where(mine);
    return;
  }
  const attempts = outcome.attempts + 1;
  await ctx.db
    .update(d)
    .set({
      status: attempts >= maxAttempts ? 'gagal' : 'menunggu',
      attempts,
      nextAttemptAt: new Date(Date.parse(now) + backoffMs(attempts)).toISOString(),
      lastError: outcome.error.slice(0, 500),
      claim: null,
      updatedAt: now,
    })
    .where(mine);
}

/** Sends what is due in one tenant at `now`: single messages, then the digests; returns the counts. */
export async function sendDue(ctx: TenantContext, now: string): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const attempt = async (token: string, rows: Awaited<ReturnType<typeof claimed>>, message: Message) => {
    const ids = rows.map((r) => r.id);
    try {
      await settle(ctx, token, ids, { messageId: await send(ctx, message) }, now);
      sent += 1;
    } catch (err) {
      await settle(ctx, token, ids, { error: err instanceof Error ? err.message : String(err), attempts: rows[0]?.attempts ?? 0 }, now);
      failed += 1;
    }
  };
  const item = (r: Awaited<ReturnType<typeof claimed>>[number]): Item => ({
    kind: r.kind,
    data: JSON.parse(r.data) as NotificationData,
    link: r.link,
  });
  const now1 = await claim(ctx, 'segera', now);
  for (const r of await claimed(ctx, now1)) await attempt(now1, [r], single(ctx, r.address ?? '', r.employeeId, item(r)));
  const now2 = await claim(ctx, 'harian', now);
  const byPerson = new Map<string, Awaited<ReturnType<typeof claimed>>>();
  for (const r of await claimed(ctx, now2)) byPerson.set(r.employeeId, [...(byPerson.get(r.employeeId) ?? []), r]);
  for (const [employeeId, rows] of byPerson) await attempt(now2, rows, digest(ctx, rows[0]?.address ?? '', employeeId, rows.map(item)));
  return { sent, failed };
}
