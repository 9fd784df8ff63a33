/**
 * A person's e-mail preference per kind of notification: `segera` (at once, the default when no row
 * is stored), `harian` (the daily digest) or `tidak` (no e-mail; the inbox always has it). The
 * person reads every kind and changes any of them (`/me/notification-preferences`); the signed
 * unsubscribe link (unsubscribe.ts) sets one kind to `tidak`. A preference applies to the
 * notifications processed after it is saved.
 */
import { eq, sql } from 'drizzle-orm';
import { notificationPreferences } from '../../db/schema';
import { type NotificationKind, notificationKinds } from '../../db/schema/notifications';
import { type Call, ownEmployeeId, type TenantContext } from '../../platform/context';
import { DomainError } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import type { Statement } from '../../platform/tenancy/scoped-db';

export type EmailMode = (typeof notificationPreferences.$inferSelect)['email'];

const p = notificationPreferences;

/** Every kind with the person's mode (`segera` when none is stored). */
async function preferencesOf(ctx: TenantContext, employeeId: string) {
  const rows = await ctx.db.select({ kind: p.kind, email: p.email, updatedAt: p.updatedAt }).from(p).where(eq(p.employeeId, employeeId));
  const stored = new Map(rows.map((r) => [r.kind, r]));
  return {
    items: notificationKinds.map((kind) => {
      const row = stored.get(kind);
      return { kind, email: row?.email ?? ('segera' as const), updatedAt: row?.updatedAt ?? null };
    }),
  };
}

/** The statement that stores one preference (insert or change). */
export function preferenceStatement(
  ctx: TenantContext,
  employeeId: string,
  kind: NotificationKind,
  email: EmailMode,
  now: string,
): Statement {
  return ctx.db
    .insert(p)
    .values({ employeeId, kind, email, updatedAt: now })
    .onConflictDoUpdate({
      target: [p.tenantId, p.employeeId, p.kind],
      set: { email, updatedAt: now },
      setWhere: sql`${p.email} <> excluded.email`,
    });
}

export const ownPreferences = ({ ctx }: Call<TenantContext>) => preferencesOf(ctx, ownEmployeeId(ctx));

/** Changes the kinds named (the others keep theirs), all or none; a kind named twice is refused. */
export async function putOwnPreferences({ ctx, input }: Call<TenantContext, { items: { kind: NotificationKind; email: EmailMode }[] }>) {
  const me = ownEmployeeId(ctx);
  const seen = new Set<string>();
  const twice = input.items.findIndex((i) => seen.size === seen.add(i.kind).size);
  if (twice >= 0) {
    throw new DomainError('validation_failed', 'Each kind may appear once.', [
      { path: `json.items.${twice}.kind`, message: 'named twice' },
    ]);
  }
  const now = nowIso();
  await ctx.db.write(input.items.map((i) => preferenceStatement(ctx, me, i.kind, i.email, now)));
  return preferencesOf(ctx, me);
}
