/**
 * Sessions and goals of a pairing, kept by its two members; the tenant admin reads them. A
 * session's notes are seen by the two members and the admin only: everyone else gets 404 for the
 * whole pairing. Sessions are recorded only while the pairing is active (decided inside the insert,
 * so a session cannot slip in after completion and escape the JP count); goals while it is open.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { mentoringGoals, mentoringSessions, pairings } from '../../db/schema';
import { auditIfChanged, auditRow } from '../../platform/audit/audit';
import type { ServiceContext } from '../../platform/context';
import { jsonRows } from '../../platform/db/json-rows';
import { staleWrite } from '../../platform/http/etag';
import { after, page } from '../../platform/http/pagination';
import { DomainError, notFound } from '../../platform/errors';
import { newSortableId, nowIso } from '../../platform/ids';
import { applyVersioned, atVersion, bumpVersion } from '../../platform/versioned';
import { goalRows, isMember, visiblePairing, type PairingRow } from './pairings';
import type { GoalChanges, NewGoal, NewSession } from './schemas';

type SessionRow = typeof mentoringSessions.$inferSelect;
type GoalRow = typeof mentoringGoals.$inferSelect;

export const publicSession = ({ tenantId: _t, actionItems, ...rest }: SessionRow) => ({ ...rest, actionItems: JSON.parse(actionItems) as string[] });
export const publicGoal = ({ tenantId: _t, ...rest }: GoalRow) => rest;

/** The pairing, for a member who keeps it (the admin reads but does not write: 403). */
async function keptBy(ctx: ServiceContext, pairingId: string): Promise<PairingRow> {
  const p = await visiblePairing(ctx, pairingId);
  if (!isMember(ctx, p)) throw new DomainError('forbidden', 'Sessions and goals are kept by the two members of the pairing.');
  return p;
}

const inStatus = (ctx: ServiceContext, pairingId: string, statuses: PairingRow['status'][]) =>
  sql`exists (select 1 from ${pairings} where ${pairings.tenantId} = ${ctx.tenant.id} and ${pairings.id} = ${pairingId} and ${pairings.status} in (select value from json_each(${JSON.stringify(statuses)})))`;

export async function addSession(ctx: ServiceContext, pairingId: string, input: NewSession) {
  const p = await keptBy(ctx, pairingId);
  if (p.status !== 'active') throw new DomainError('conflict', `Sessions are recorded on active pairings; this one is ${p.status}.`);
  const row: SessionRow = {
    tenantId: ctx.tenant.id,
    id: newSortableId('mss'),
    pairingId,
    date: input.date,
    minutes: input.minutes,
    notes: input.notes ?? null,
    actionItems: JSON.stringify(input.actionItems),
    recordedBy: ctx.actor.subject,
    createdAt: nowIso(),
  };
  const [, inserted] = (await ctx.db.orm.batch([
    ctx.db.orm.insert(mentoringSessions).select(sql`${jsonRows(mentoringSessions, [row])} and ${inStatus(ctx, pairingId, ['active'])}`),
    ctx.db.orm.select({ id: mentoringSessions.id }).from(mentoringSessions).where(ctx.db.owned(mentoringSessions, eq(mentoringSessions.id, row.id))),
    auditIfChanged(ctx, 'session.create', 'mentoring_session', row.id),
  ])) as unknown as [unknown, { id: string }[]];
  if (inserted.length === 0) throw new DomainError('conflict', 'The pairing is no longer active.');
  return publicSession(row);
}

export async function listSessions(ctx: ServiceContext, pairingId: string, q: { limit: number; cursor?: [string, string] }) {
  await visiblePairing(ctx, pairingId);
  const s = mentoringSessions;
  const rows = await ctx.db.orm
    .select()
    .from(s)
    .where(ctx.db.owned(s, eq(s.pairingId, pairingId), after([s.date, s.id], q.cursor)))
    .orderBy(asc(s.date), asc(s.id))
    .limit(q.limit + 1);
  return page(rows.map(publicSession), q.limit, (r) => [r.date, r.id]);
}

export async function addGoal(ctx: ServiceContext, pairingId: string, input: NewGoal) {
  const p = await keptBy(ctx, pairingId);
  if (p.status !== 'proposed' && p.status !== 'active') throw new DomainError('conflict', `Goals are kept on open pairings; this one is ${p.status}.`);
  const [row] = goalRows(ctx, pairingId, [input], nowIso()) as [GoalRow];
  const [, inserted] = (await ctx.db.orm.batch([
    ctx.db.orm.insert(mentoringGoals).select(sql`${jsonRows(mentoringGoals, [row])} and ${inStatus(ctx, pairingId, ['proposed', 'active'])}`),
    ctx.db.orm.select({ id: mentoringGoals.id }).from(mentoringGoals).where(ctx.db.owned(mentoringGoals, eq(mentoringGoals.id, row.id))),
    auditIfChanged(ctx, 'goal.create', 'mentoring_goal', row.id),
  ])) as unknown as [unknown, { id: string }[]];
  if (inserted.length === 0) throw new DomainError('conflict', 'The pairing is no longer open.');
  return publicGoal(row);
}

export async function listGoals(ctx: ServiceContext, pairingId: string, q: { limit: number; cursor?: [string] }) {
  await visiblePairing(ctx, pairingId);
  const g = mentoringGoals;
  const rows = await ctx.db.orm
    .select()
    .from(g)
    .where(ctx.db.owned(g, eq(g.pairingId, pairingId), after([g.id], q.cursor)))
    .orderBy(asc(g.id))
    .limit(q.limit + 1);
  return page(rows.map(publicGoal), q.limit, (r) => [r.id]);
}

export async function getGoal(ctx: ServiceContext, pairingId: string, goalId: string) {
  await visiblePairing(ctx, pairingId);
  const [row] = await ctx.db.orm
    .select()
    .from(mentoringGoals)
    .where(ctx.db.owned(mentoringGoals, eq(mentoringGoals.id, goalId), eq(mentoringGoals.pairingId, pairingId)))
    .limit(1);
  if (!row) throw notFound('goal');
  return row;
}

export async function updateGoal(ctx: ServiceContext, pairingId: string, goalId: string, expectedVersion: number, changes: GoalChanges) {
  await keptBy(ctx, pairingId);
  const current = await getGoal(ctx, pairingId, goalId);
  if (current.version !== expectedVersion) throw staleWrite();
  const w = { table: mentoringGoals, entity: 'mentoring_goal', id: goalId, expectedVersion };
  const row = await applyVersioned<GoalRow>(
    ctx,
    w,
    ctx.db.update(mentoringGoals).set({ ...changes, ...bumpVersion(mentoringGoals) }).where(and(atVersion(w), eq(mentoringGoals.pairingId, pairingId))).returning(),
    'goal.update',
  );
  return publicGoal(row);
}

