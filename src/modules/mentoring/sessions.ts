/**
 * Sessions and goals of a pairing, kept by its two members; the tenant admin reads them. A
 * session's notes are seen by the two members and the admin only: everyone else gets 404 for the
 * whole pairing. Sessions are recorded only while the pairing is active (decided inside the insert,
 * so a session cannot slip in after completion and escape the JP count); goals while it is open.
 *
 * A session is `unconfirmed` until the other member — not the one who recorded it — or the admin
 * confirms it, while the pairing is active; only confirmed minutes earn JP at completion
 * (lifecycle.ts), so neither member alone can log the hours a pairing's JP rests on. A session
 * recorded before confirmations existed names no recording member: only the admin confirms it.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { mentoringGoals, mentoringSessions, pairings } from '../../db/schema';
import { auditEntry, auditIfChanged } from '../../platform/audit/audit';
import { hasRole } from '../../platform/auth/principal';
import { todayIn } from '../../platform/calendar';
import type { Call, TenantContext } from '../../platform/context';
import { DomainError, notFound } from '../../platform/errors';
import { staleWrite } from '../../platform/http/etag';
import { after, page } from '../../platform/http/pagination';
import { newSortableId, nowIso } from '../../platform/ids';
import { applyVersioned, atVersion, bumpVersion } from '../../platform/versioned';
import { goalRows, isMember, type PairingRow, visiblePairing } from './pairings';
import type { GoalChanges, NewGoal, NewSession } from './schemas';

type SessionRow = typeof mentoringSessions.$inferSelect;
type GoalRow = typeof mentoringGoals.$inferSelect;

export const publicSession = ({ tenantId: _t, actionItems, ...rest }: Omit<SessionRow, 'tenantId'> & { tenantId?: string }) => ({
  ...rest,
  actionItems: JSON.parse(actionItems) as string[],
  status: rest.confirmedAt === null ? ('unconfirmed' as const) : ('confirmed' as const),
});
export const publicGoal = ({ tenantId: _t, ...rest }: Omit<GoalRow, 'tenantId'> & { tenantId?: string }) => rest;

/** The pairing, for a member who keeps it (the admin reads but does not write: 403). */
async function keptBy(ctx: TenantContext, pairingId: string): Promise<PairingRow> {
  const p = await visiblePairing(ctx, pairingId);
  if (!isMember(ctx, p)) throw new DomainError('forbidden', 'Sessions and goals are kept by the two members of the pairing.');
  return p;
}

/** The pairing is (still) in one of `statuses`: checked inside the batch that writes, so no step slips in between. */
const inStatus = (ctx: TenantContext, pairingId: string, statuses: PairingRow['status'][]) =>
  sql`exists (select 1 from ${pairings} where ${ctx.db.owned(pairings, eq(pairings.id, pairingId), inArray(pairings.status, statuses))})`;

export async function addSession({
  ctx,
  input: { pairingId, session: input },
}: Call<TenantContext, { pairingId: string; session: NewSession }>) {
  const p = await keptBy(ctx, pairingId);
  if (p.status !== 'active') throw new DomainError('conflict', `Sessions are recorded on active pairings; this one is ${p.status}.`);
  const today = todayIn(ctx.tenant);
  if (input.date > today)
    throw new DomainError('unprocessable', 'A session is recorded once it has taken place.', [
      { path: 'body.date', message: `after today (${today})` },
    ]);
  const row = {
    id: newSortableId('mss'),
    pairingId,
    date: input.date,
    minutes: input.minutes,
    notes: input.notes ?? null,
    actionItems: JSON.stringify(input.actionItems),
    recordedBy: ctx.actor.subject,
    recorderId: ctx.actor.employeeId ?? null,
    confirmedBy: null,
    confirmedAt: null,
    createdAt: nowIso(),
  };
  await ctx.db.batch([
    ctx.db.guard(inStatus(ctx, pairingId, ['active']), 'conflict', 'The pairing is no longer active.'),
    ctx.db.insert(mentoringSessions).values(row),
    auditEntry(ctx, 'session.create', 'mentoring_session', row.id),
  ]);
  return publicSession(row);
}

/** The other member or the admin confirms a session of an active pairing; confirming it again changes nothing. */
export async function confirmSession({ ctx, input }: Call<TenantContext, { pairingId: string; sessionId: string }>) {
  const { pairingId, sessionId } = input;
  const p = await visiblePairing(ctx, pairingId);
  const s = mentoringSessions;
  const read = async () => {
    const [row] = await ctx.db
      .select()
      .from(s)
      .where(and(eq(s.id, sessionId), eq(s.pairingId, pairingId)))
      .limit(1);
    if (!row) throw notFound('session');
    return row;
  };
  const session = await read();
  const admin = hasRole(ctx.actor, 'tenant_admin');
  const otherMember = isMember(ctx, p) && session.recorderId !== null && session.recorderId !== ctx.actor.employeeId;
  if (!admin && !otherMember)
    throw new DomainError(
      'forbidden',
      session.recorderId === null
        ? 'This session was recorded before confirmations and names no member: the admin confirms it.'
        : 'A session is confirmed by the member who did not record it, or by the admin.',
    );
  if (session.confirmedAt !== null) return publicSession(session);
  if (p.status !== 'active') throw new DomainError('conflict', `Sessions are confirmed on active pairings; this one is ${p.status}.`);
  const now = nowIso();
  const [, rows] = await ctx.db.batch([
    ctx.db.guard(inStatus(ctx, pairingId, ['active']), 'conflict', 'The pairing is no longer active.'),
    ctx.db
      .update(s)
      .set({ confirmedBy: ctx.actor.subject, confirmedAt: now })
      .where(and(eq(s.id, sessionId), eq(s.pairingId, pairingId), isNull(s.confirmedAt)))
      .returning(),
    auditIfChanged(ctx, 'session.confirm', 'mentoring_session', sessionId, now),
  ]);
  const [row] = rows;
  return publicSession(row ?? (await read()));
}

export async function listSessions({ ctx, input }: Call<TenantContext, { pairingId: string; limit: number; cursor?: [string, string] }>) {
  const { pairingId, ...q } = input;
  await visiblePairing(ctx, pairingId);
  const s = mentoringSessions;
  const rows = await ctx.db
    .select()
    .from(s)
    .where(and(eq(s.pairingId, pairingId), after([s.date, s.id], q.cursor)))
    .orderBy(asc(s.date), asc(s.id))
    .limit(q.limit + 1);
  return page(rows.map(publicSession), q.limit, (r) => [r.date, r.id]);
}

export async function addGoal({ ctx, input: { pairingId, goal: input } }: Call<TenantContext, { pairingId: string; goal: NewGoal }>) {
  const p = await keptBy(ctx, pairingId);
  if (p.status !== 'proposed' && p.status !== 'active')
    throw new DomainError('conflict', `Goals are kept on open pairings; this one is ${p.status}.`);
  const [row] = goalRows(pairingId, [input], nowIso());
  if (!row) throw new Error('goalRows returned no row');
  await ctx.db.batch([
    ctx.db.guard(inStatus(ctx, pairingId, ['proposed', 'active']), 'conflict', 'The pairing is no longer open.'),
    ctx.db.insert(mentoringGoals).values(row),
    auditEntry(ctx, 'goal.create', 'mentoring_goal', row.id),
  ]);
  return publicGoal(row);
}

export async function listGoals({ ctx, input }: Call<TenantContext, { pairingId: string; limit: number; cursor?: [string] }>) {
  const { pairingId, ...q } = input;
  await visiblePairing(ctx, pairingId);
  const g = mentoringGoals;
  const rows = await ctx.db
    .select()
    .from(g)
    .where(and(eq(g.pairingId, pairingId), after([g.id], q.cursor)))
    .orderBy(asc(g.id))
    .limit(q.limit + 1);
  return page(rows.map(publicGoal), q.limit, (r) => [r.id]);
}

async function goalOf(ctx: TenantContext, pairingId: string, goalId: string): Promise<GoalRow> {
  await visiblePairing(ctx, pairingId);
  const [row] = await ctx.db
    .select()
    .from(mentoringGoals)
    .where(and(eq(mentoringGoals.id, goalId), eq(mentoringGoals.pairingId, pairingId)))
    .limit(1);
  if (!row) throw notFound('goal');
  return row;
}

export const getGoal = async ({ ctx, input }: Call<TenantContext, { pairingId: string; goalId: string }>) =>
  publicGoal(await goalOf(ctx, input.pairingId, input.goalId));

export async function updateGoal({
  ctx,
  input,
}: Call<TenantContext, { pairingId: string; goalId: string; expectedVersion: number; changes: GoalChanges }>) {
  const { pairingId, goalId, expectedVersion, changes } = input;
  await keptBy(ctx, pairingId);
  const current = await goalOf(ctx, pairingId, goalId);
  if (current.version !== expectedVersion) throw staleWrite();
  const w = { table: mentoringGoals, entity: 'mentoring_goal', id: goalId, expectedVersion };
  const row = await applyVersioned<GoalRow>(
    ctx,
    w,
    ctx.db
      .update(mentoringGoals)
      .set({ ...changes, ...bumpVersion(mentoringGoals) })
      .where(and(atVersion(w), eq(mentoringGoals.pairingId, pairingId)))
      .returning(),
    'goal.update',
  );
  return publicGoal(row);
}
