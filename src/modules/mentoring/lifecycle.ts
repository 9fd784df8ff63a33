/**
 * The pairing lifecycle: proposed → active → completed | cancelled.
 *
 * | step     | from      | to        | who                                   |
 * |----------|-----------|-----------|---------------------------------------|
 * | accept   | proposed  | active    | the mentor                            |
 * | decline  | proposed  | cancelled | the mentor (with a reason)            |
 * | end      | proposed  | cancelled | the mentee or the admin (withdrawal)  |
 * | end      | active    | completed or cancelled | either member or the admin (reason) |
 *
 * A non-member employee gets 404; a member or admin taking a step that is not theirs gets 403;
 * a step the current state forbids gets 409. Every step is one conditional UPDATE decided by the
 * database, never a check-then-write: acceptance counts the mentor's active mentoring pairings
 * against the profile's capacity inside the same statement (D1 runs one statement at a time), so
 * parallel accepts never exceed it. Completion credits JP to the mentee in the same batch, by the
 * tenant's JP rule of the pairing's kind (modules/jp, the one rule engine): by default mentoring
 * earns confirmed minutes / 45, in hundredths rounded down, at most 20 a pairing; coaching 2 JP a
 * confirmed session, at most 4 a month counting what was already earned by coaching; exactly
 * once (the transition happens once, and the ledger's reference `pairing:<id>` is unique). A pairing's
 * JP needs both members to stand behind its sessions (SPEC 15): a session one member recorded and
 * nobody confirmed (sessions.ts) simply does not count, then or later.
 */
import { and, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import { mentoringSessions, pairings } from '../../db/schema';
import { auditIfChanged } from '../../platform/audit/audit';
import { hasRole } from '../../platform/auth/principal';
import { todayIn } from '../../platform/calendar';
import type { Call, TenantContext } from '../../platform/context';
import { DomainError } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import type { Statement } from '../../platform/tenancy/scoped-db';
import { ruleCredit } from '../jp';
import { type PairingRow, publicPairing, visiblePairing } from './pairings';
import type { EndPairing } from './schemas';

const col = (name: string) => sql.raw(`"pairings"."${name}"`);

/** The mentor still has a free slot: counted in the same statement as the write. */
const freeSlot = sql`(${col('kind')} = 'coaching' or (
  select count(*) from pairings as busy
  where busy.tenant_id = ${col('tenant_id')} and busy.mentor_id = ${col('mentor_id')} and busy.kind = 'mentoring' and busy.status = 'active'
) < coalesce((
  select mp.capacity from mentor_profiles as mp
  where mp.tenant_id = ${col('tenant_id')} and mp.employee_id = ${col('mentor_id')} and mp.status = 'active'
), 0))`;

const stateForbids = (p: PairingRow, step: string) => new DomainError('conflict', `A ${p.status} pairing cannot be ${step}.`);
const notYours = (step: string) => new DomainError('forbidden', `Only ${step}.`);

async function apply(
  ctx: TenantContext,
  p: PairingRow,
  set: Partial<PairingRow>,
  when: SQL,
  action: string,
  step: string,
  extra: Statement[] = [],
) {
  const now = nowIso();
  const update = ctx.db
    .update(pairings)
    .set({ ...set, version: sql`${pairings.version} + 1`, updatedAt: now })
    .where(and(eq(pairings.id, p.id), when))
    .returning();
  // The guard aborts the whole batch (JP credit included) when the update lost a race and changed nothing.
  const changed = ctx.db.guard(sql`changes() > 0`, 'conflict', 'The pairing changed meanwhile.');
  let rows: PairingRow[] = [];
  try {
    [rows] = await ctx.db.batch([update, auditIfChanged(ctx, action, 'pairing', p.id), changed, ...extra]);
  } catch (err) {
    if (!(err instanceof DomainError && err.code === 'conflict')) throw err;
  }
  const [row] = rows;
  if (row) return publicPairing(row);
  const now2 = await visiblePairing(ctx, p.id);
  if (now2.status !== p.status) throw stateForbids(now2, step);
  throw new DomainError(
    'conflict',
    step === 'accepted'
      ? 'The mentor has no free slot: capacity reached or profile paused.'
      : 'The pairing changed meanwhile; read it again and retry.',
  );
}

export async function acceptPairing({ ctx, input: id }: Call<TenantContext, string>) {
  const p = await visiblePairing(ctx, id);
  if (ctx.actor.employeeId !== p.mentorId) throw notYours('the mentor accepts a pairing');
  if (p.status !== 'proposed') throw stateForbids(p, 'accepted');
  return apply(
    ctx,
    p,
    { status: 'active', acceptedAt: nowIso() },
    sql`${col('status')} = 'proposed' and ${freeSlot}`,
    'pairing.accept',
    'accepted',
  );
}

export async function declinePairing({ ctx, input: { id, reason } }: Call<TenantContext, { id: string; reason: string }>) {
  const p = await visiblePairing(ctx, id);
  if (ctx.actor.employeeId !== p.mentorId) throw notYours('the mentor declines a pairing');
  if (p.status !== 'proposed') throw stateForbids(p, 'declined');
  const set = { status: 'cancelled' as const, endedAt: nowIso(), endedBy: ctx.actor.subject, endReason: reason };
  return apply(ctx, p, set, sql`${col('status')} = 'proposed'`, 'pairing.decline', 'declined');
}

export async function endPairing({ ctx, input: { id, ...input } }: Call<TenantContext, { id: string } & EndPairing>) {
  const p = await visiblePairing(ctx, id);
  const admin = hasRole(ctx.actor, 'tenant_admin');
  const now = nowIso();
  const ended = { endedAt: now, endedBy: ctx.actor.subject, endReason: input.reason };
  if (input.outcome === 'cancelled') {
    if (p.status === 'proposed' && !admin && ctx.actor.employeeId !== p.menteeId)
      throw notYours('the mentee or the admin withdraws a proposal; the mentor declines it');
    if (p.status !== 'proposed' && p.status !== 'active') throw stateForbids(p, 'cancelled');
    return apply(ctx, p, { status: 'cancelled', ...ended }, sql`${col('status')} = ${p.status}`, 'pairing.cancel', 'cancelled');
  }
  if (p.status !== 'active') throw stateForbids(p, 'completed');
  const confirmed = await ctx.db
    .select({ date: mentoringSessions.date, minutes: mentoringSessions.minutes })
    .from(mentoringSessions)
    .where(and(eq(mentoringSessions.pairingId, p.id), isNotNull(mentoringSessions.confirmedAt)));
  const minutes = confirmed.reduce((sum, x) => sum + x.minutes, 0);
  const today = todayIn(ctx.tenant, now);
  const dates = confirmed.map((x) => x.date).sort();
  // The rules of the method (mentoring: minutes / 45, at most 20 a pairing; coaching: 2 JP a
  // session, at most 4 a month), through the one engine; no session, no credit.
  const planned =
    confirmed.length > 0
      ? await ruleCredit(ctx, {
          employeeId: p.menteeId,
          method: p.kind,
          source: p.kind,
          reference: `pairing:${p.id}`,
          note: `${p.kind === 'coaching' ? 'Coaching' : 'Mentoring'} selesai: ${confirmed.length} sesi, ${minutes} menit terkonfirmasi`,
          activity: { startDate: dates[0] ?? today, endDate: today, sessionsOn: confirmed },
          bookedAt: now,
        })
      : undefined;
  const jp = (planned?.outcome.jpCenti ?? 0) / 100;
  const credit = planned?.statements ?? [];
  // A session confirmed after the sum was read would change the JP owed: the write then loses.
  const unchanged = sql`(select coalesce(sum(s.minutes), 0) from mentoring_sessions as s where s.tenant_id = ${col('tenant_id')} and s.pairing_id = ${col('id')} and s.confirmed_at is not null) = ${minutes}`;
  return apply(
    ctx,
    p,
    { status: 'completed', completedAt: now, jpCenti: Math.round(jp * 100), ...ended },
    sql`${col('status')} = 'active' and ${unchanged}`,
    'pairing.complete',
    'completed',
    credit,
  );
}
