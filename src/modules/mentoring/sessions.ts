/**
 * Sessions and goals of a pairing, kept by its two members; the tenant admin reads them. A
 * session's notes are seen by the two members and the admin only: everyone else gets 404 for the
 * whole pairing. Sessions are recorded only while the pairing is active (decided inside the insert,
 * so a session cannot slip in after completion and escape the JP count); goals while it is open.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { mentoringGoals, mentoringSessions, pairings } from '../../db/schema';
import { auditEntry } from '../../platform/audit/audit';
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
  const row = {
    id: newSortableId('mss'),
    pairingId,
    date: input.date,
    minutes: input.minutes,
    notes: input.notes ?? null,
    actionItems: JSON.stringify(input.actionItems),
    recordedBy: ctx.actor.subject,
    createdAt: nowIso(),
  };
  await ctx.db.batch([
    ctx.db.guard(inStatus(ctx, pairingId, ['active']), 'conflict', 'The pairing is no longer active.'),
    ctx.db.insert(mentoringSessions).values(row),
    auditEntry(ctx, 'session.create', 'mentoring_session', row.id),
  ]);
  return publicSession(row);
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
