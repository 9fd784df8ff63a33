/**
 * Mentor profiles: who may mentor, how many mentees at once (capacity, default 3), which
 * competencies they offer, when they are available, and whether they take mentees now (active)
 * or not (paused). The tenant admin keeps them; an employee reads only their own (404 for others).
 * Competencies are stored as ids after resolving ids or codes against the tenant's dictionary.
 */
import { and, asc, eq } from 'drizzle-orm';
import { employees, mentorProfiles } from '../../db/schema';
import { auditEntry } from '../../platform/audit/audit';
import { assertSelfOrAdmin } from '../../platform/auth/access';
import type { Call, TenantContext } from '../../platform/context';
import { withConstraints } from '../../platform/db/constraints';
import { DomainError, notFound } from '../../platform/errors';
import { staleWrite } from '../../platform/http/etag';
import { after, page } from '../../platform/http/pagination';
import { newId, nowIso } from '../../platform/ids';
import { applyVersioned, atVersion, bumpVersion } from '../../platform/versioned';
import { resolveCompetencies, retiredReferences } from '../competencies';
import type { MentorChanges, NewMentor } from './schemas';

type Row = typeof mentorProfiles.$inferSelect;

export const publicMentor = ({ tenantId: _t, competencies, ...rest }: Omit<Row, 'tenantId'> & { tenantId?: string }) => ({
  ...rest,
  competencies: JSON.parse(competencies) as string[],
});

/**
 * Competency ids for ids or codes; every unknown one is reported under `path`, and so is a retired
 * one that is not among the ids already held (`kept`): what a profile offers stays, nothing new.
 */
export async function competencyIds(ctx: TenantContext, keys: string[], path: string, kept: string[] = []): Promise<string[]> {
  const refs = await resolveCompetencies(ctx, keys);
  const problems = keys.flatMap((k, i) => {
    const ref = refs.get(k);
    if (!ref) return [{ path: `${path}.${i}`, message: 'no such competency in this tenant' }];
    return retiredReferences([{ ...ref, path: `${path}.${i}` }], new Set(kept));
  });
  if (problems.length > 0) throw new DomainError('unprocessable', 'Unknown or retired competencies.', problems);
  return [...new Set(keys.map((k) => (refs.get(k) as { id: string }).id))];
}

export async function createMentor({ ctx, input }: Call<TenantContext, NewMentor>) {
  const ids = await competencyIds(ctx, input.competencies, 'body.competencies');
  const now = nowIso();
  const row = {
    id: newId('mnt'),
    employeeId: input.employeeId,
    capacity: input.capacity,
    competencies: JSON.stringify(ids),
    availability: input.availability ?? null,
    status: input.status,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await withConstraints(
    () => ctx.db.batch([ctx.db.insert(mentorProfiles).values(row), auditEntry(ctx, 'mentor.create', 'mentor_profile', row.id)]),
    {
      unique: () =>
        new DomainError('conflict', 'This employee already has a mentor profile.', [{ path: 'body.employeeId', message: 'taken' }]),
      foreignKey: () =>
        new DomainError('unprocessable', 'No such employee in this tenant.', [
          { path: 'body.employeeId', message: 'no such employee in this tenant' },
        ]),
    },
  );
  return publicMentor(row);
}

export async function getMentor({ ctx, input: id }: Call<TenantContext, string>) {
  const [row] = await ctx.db.select().from(mentorProfiles).where(eq(mentorProfiles.id, id)).limit(1);
  // An employee may read their own profile; anyone else's is as if it did not exist.
  if (!row) throw notFound('mentor profile');
  assertSelfOrAdmin(ctx, row.employeeId, 'mentor profile');
  return publicMentor(row);
}

/** Profiles in id order, each with the mentor's name (joined in the same statement). */
export async function listMentors({ ctx, input: q }: Call<TenantContext, { limit: number; status?: Row['status']; cursor?: [string] }>) {
  const rows = await ctx.db
    .select({ profile: mentorProfiles, name: employees.name })
    .from(mentorProfiles)
    .innerJoin(employees, and(eq(employees.tenantId, mentorProfiles.tenantId), eq(employees.id, mentorProfiles.employeeId)))
    .where(and(q.status ? eq(mentorProfiles.status, q.status) : undefined, after([mentorProfiles.id], q.cursor)))
    .orderBy(asc(mentorProfiles.id))
    .limit(q.limit + 1);
  return page(
    rows.map((r) => ({ ...publicMentor(r.profile), name: r.name })),
    q.limit,
    (m) => [m.id],
  );
}

export async function updateMentor({ ctx, input }: Call<TenantContext, { id: string; expectedVersion: number; changes: MentorChanges }>) {
  const { id, expectedVersion, changes } = input;
  const [current] = await ctx.db.select().from(mentorProfiles).where(eq(mentorProfiles.id, id)).limit(1);
  if (!current) throw notFound('mentor profile');
  if (current.version !== expectedVersion) throw staleWrite();
  const set: Partial<Row> = {};
  if (changes.capacity !== undefined) set.capacity = changes.capacity;
  if (changes.competencies !== undefined)
    set.competencies = JSON.stringify(
      await competencyIds(ctx, changes.competencies, 'body.competencies', JSON.parse(current.competencies) as string[]),
    );
  if (changes.availability !== undefined) set.availability = changes.availability;
  if (changes.status !== undefined) set.status = changes.status;
  const w = { table: mentorProfiles, entity: 'mentor_profile', id, expectedVersion };
  const row = await applyVersioned<Row>(
    ctx,
    w,
    ctx.db
      .update(mentorProfiles)
      .set({ ...set, ...bumpVersion(mentorProfiles) })
      .where(atVersion(w))
      .returning(),
    'mentor.update',
  );
  return publicMentor(row);
}
