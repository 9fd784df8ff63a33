/**
 * Pairings: proposals by the tenant admin (one by one, or published from the whole-pool
 * matching), reads and lists. Who sees a pairing: its two members and the tenant admin; anyone
 * else gets 404, as if it did not exist. Coaching pairs an employee with their own supervisor and
 * nothing else; mentoring needs the mentor's active profile and never a mentor from the mentee's
 * own reporting line. State changes live in `lifecycle.ts`.
 */
import { and, asc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { auditLog, employees, mentoringGoals, mentorProfiles, pairings } from '../../db/schema';
import { auditEntry, auditRow } from '../../platform/audit/audit';
import { isSelfOrAdmin } from '../../platform/auth/access';
import { hasRole } from '../../platform/auth/principal';
import type { Call, TenantContext } from '../../platform/context';
import { withConstraints } from '../../platform/db/constraints';
import { DomainError, notFound } from '../../platform/errors';
import { after, page } from '../../platform/http/pagination';
import { newId, newSortableId, nowIso } from '../../platform/ids';
import { notify } from '../../platform/outbox';
import type { Statement } from '../../platform/tenancy/scoped-db';
import { competencyIds } from './profiles';
import type { NewGoal, NewPairing, PairingFilters } from './schemas';
import { reportingLine } from './suggestions';

export type PairingRow = typeof pairings.$inferSelect;
/** A pairing as written, without its tenant (the scoped handle stamps it). */
export type NewPairingRow = Omit<PairingRow, 'tenantId'>;
type GoalRow = Omit<typeof mentoringGoals.$inferSelect, 'tenantId'>;

export const publicPairing = ({ tenantId: _t, focus, jpCenti, ...rest }: NewPairingRow & { tenantId?: string }) => ({
  ...rest,
  focus: JSON.parse(focus) as string[],
  jp: jpCenti === null ? null : jpCenti / 100,
});

export const isMember = (ctx: TenantContext, p: Pick<PairingRow, 'mentorId' | 'menteeId'>) =>
  ctx.actor.employeeId !== undefined && (ctx.actor.employeeId === p.mentorId || ctx.actor.employeeId === p.menteeId);

/** The pairing if the caller may see it (a member or the admin); 404 otherwise. */
export async function visiblePairing(ctx: TenantContext, id: string): Promise<PairingRow> {
  const [row] = await ctx.db.select().from(pairings).where(eq(pairings.id, id)).limit(1);
  if (!row || !(isSelfOrAdmin(ctx, row.mentorId) || isSelfOrAdmin(ctx, row.menteeId))) throw notFound('pairing');
  return row;
}

const refused = (detail: string, path: string) => new DomainError('unprocessable', detail, [{ path, message: detail }]);

/** Checks the rules of `kind` for the two people; throws 422 with the reason. */
async function assertPairable(ctx: TenantContext, kind: PairingRow['kind'], mentorId: string, menteeId: string): Promise<void> {
  const people = await ctx.db
    // Aliased: D1 returns columns by name, and the two `status` columns would collide.
    .select({
      id: employees.id,
      supervisorId: employees.supervisorId,
      status: employees.status,
      profile: sql<string | null>`${mentorProfiles.status}`.as('profile_status'),
    })
    .from(employees)
    .leftJoin(mentorProfiles, and(eq(mentorProfiles.tenantId, employees.tenantId), eq(mentorProfiles.employeeId, employees.id)))
    .where(sql`${employees.id} in (${mentorId}, ${menteeId})`);
  const mentor = people.find((p) => p.id === mentorId);
  const mentee = people.find((p) => p.id === menteeId);
  if (mentor?.status !== 'active') throw refused('No such active employee in this tenant.', 'body.mentorId');
  if (mentee?.status !== 'active') throw refused('No such active employee in this tenant.', 'body.menteeId');
  if (kind === 'coaching') {
    if (mentee.supervisorId !== mentorId)
      throw refused("Coaching pairs an employee with their own supervisor: the mentor is not the mentee's supervisor.", 'body.mentorId');
    return;
  }
  if (mentor.profile !== 'active') throw refused('The mentor has no active mentor profile.', 'body.mentorId');
  if ((await reportingLine(ctx, menteeId)).has(mentorId))
    throw refused("The mentor is in the mentee's own reporting line: that is coaching, not mentoring.", 'body.mentorId');
}

export function goalRows(pairingId: string, goals: NewGoal[], now: string): GoalRow[] {
  return goals.map((g) => ({
    id: newId('mgl'),
    pairingId,
    title: g.title,
    status: 'open',
    dueDate: g.dueDate ?? null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }));
}

/** Statements that record a proposed pairing (with its goals and audit row). */
export function proposalStatements(ctx: TenantContext, row: NewPairingRow, goals: GoalRow[]): Statement[] {
  const statements: Statement[] = [
    ctx.db.insert(pairings).values(row),
    auditEntry(ctx, 'pairing.propose', 'pairing', row.id),
    // The mentor (or supervisor, for coaching) answers the proposal: told in the same batch.
    notify(
      ctx,
      { kind: 'pairing.proposed', employeeId: row.mentorId, link: `/pendampingan/${row.id}`, data: { pairingKind: row.kind } },
      row.createdAt,
    ),
  ];
  if (goals.length > 0) {
    statements.push(ctx.db.insertRows(mentoringGoals, goals));
    statements.push(
      ctx.db.insertRows(
        auditLog,
        goals.map((g) => auditRow(ctx, 'goal.create', 'mentoring_goal', g.id, row.createdAt)),
      ),
    );
  }
  return statements;
}

export function proposedRow(
  ctx: TenantContext,
  p: { kind: PairingRow['kind']; mentorId: string; menteeId: string; focus: string[]; note?: string | undefined },
  now: string,
): NewPairingRow {
  return {
    id: newSortableId('pair'),
    kind: p.kind,
    mentorId: p.mentorId,
    menteeId: p.menteeId,
    status: 'proposed',
    focus: JSON.stringify(p.focus),
    note: p.note ?? null,
    proposedBy: ctx.actor.subject,
    acceptedAt: null,
    endedAt: null,
    endedBy: null,
    endReason: null,
    completedAt: null,
    jpCenti: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

const openPairingExists = () => new DomainError('conflict', 'These two already have an open (proposed or active) pairing of this kind.');

export async function createPairing({ ctx, input }: Call<TenantContext, NewPairing>) {
  await assertPairable(ctx, input.kind, input.mentorId, input.menteeId);
  const focus = await competencyIds(ctx, input.focus, 'body.focus');
  const now = nowIso();
  const row = proposedRow(ctx, { ...input, focus }, now);
  await withConstraints(() => ctx.db.write(proposalStatements(ctx, row, goalRows(row.id, input.goals, now))), {
    unique: openPairingExists,
    foreignKey: () => refused('An employee was removed meanwhile.', 'body'),
  });
  return publicPairing(row);
}

/** The two members' names, read with a pairing: each member sees who the other is. */
const mentorPerson = alias(employees, 'mentor_person');
const menteePerson = alias(employees, 'mentee_person');
const withNames = {
  pairing: pairings,
  mentorName: sql<string>`${mentorPerson.name}`.as('mentor_name'),
  menteeName: sql<string>`${menteePerson.name}`.as('mentee_name'),
};
const named = ({ pairing, mentorName, menteeName }: { pairing: PairingRow; mentorName: string; menteeName: string }) => ({
  ...publicPairing(pairing),
  mentorName,
  menteeName,
});

function selectNamed(ctx: TenantContext) {
  return ctx.db
    .select(withNames)
    .from(pairings)
    .innerJoin(mentorPerson, and(eq(mentorPerson.tenantId, pairings.tenantId), eq(mentorPerson.id, pairings.mentorId)))
    .innerJoin(menteePerson, and(eq(menteePerson.tenantId, pairings.tenantId), eq(menteePerson.id, pairings.menteeId)));
}

/** One pairing with its members' names, if the caller may see it (a member or the admin); 404 otherwise. */
export async function getPairing({ ctx, input: id }: Call<TenantContext, string>) {
  const [row] = await selectNamed(ctx).where(eq(pairings.id, id)).limit(1);
  if (!row || !(isSelfOrAdmin(ctx, row.pairing.mentorId) || isSelfOrAdmin(ctx, row.pairing.menteeId))) throw notFound('pairing');
  return named(row);
}

/** The tenant's pairings for the admin; an employee's own (as mentor or mentee) otherwise. */
export async function listPairings({ ctx, input: q }: Call<TenantContext, Omit<PairingFilters, 'cursor'> & { cursor?: [string, string] }>) {
  const me = ctx.actor.employeeId;
  const own = hasRole(ctx.actor, 'tenant_admin') ? undefined : me ? or(eq(pairings.mentorId, me), eq(pairings.menteeId, me)) : sql`0`;
  const rows = await selectNamed(ctx)
    .where(
      and(
        own,
        q.status ? eq(pairings.status, q.status) : undefined,
        q.kind ? eq(pairings.kind, q.kind) : undefined,
        q.mentor ? eq(pairings.mentorId, q.mentor) : undefined,
        q.mentee ? eq(pairings.menteeId, q.mentee) : undefined,
        after([pairings.createdAt, pairings.id], q.cursor),
      ),
    )
    .orderBy(asc(pairings.createdAt), asc(pairings.id))
    .limit(q.limit + 1);
  return page(rows.map(named), q.limit, (p) => [p.createdAt, p.id]);
}
