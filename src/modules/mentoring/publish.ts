/**
 * Publishing a reviewed assignment: the mentoring pairs the admin kept from the whole-pool matching,
 * proposed all at once or not at all. One read (the people, their profiles and each mentee's
 * reporting line, in one batch) refuses what can never hold, naming the pair; one write batch then
 * records every proposal with its audit row and the mentor's notification, each insert between two
 * guards the database decides: the mentee has no open mentoring pairing yet, and the mentor's open
 * mentoring pairings (the new one included) stay within the capacity of an active profile. A guard
 * that fails aborts the batch, so a pair that lost its place meanwhile leaves nothing written.
 * Two round trips.
 */
import { and, eq, sql } from 'drizzle-orm';
import { employees, mentorProfiles } from '../../db/schema';
import type { Call, TenantContext } from '../../platform/context';
import { withConstraints } from '../../platform/db/constraints';
import { DomainError, type FieldError } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import type { Statement } from '../../platform/tenancy/scoped-db';
import { proposalStatements, proposedRow, publicPairing } from './pairings';
import type { PublishPairs } from './schemas';
import { lineQuery } from './suggestions';

type Pair = PublishPairs['pairs'][number];

function peopleQuery(ctx: TenantContext, ids: string[]) {
  return ctx.db
    .select({
      id: employees.id,
      name: employees.name,
      status: employees.status,
      // Aliased: D1 returns columns by name, and the two `status` columns would collide.
      profile: sql<string | null>`${mentorProfiles.status}`.as('profile_status'),
    })
    .from(employees)
    .leftJoin(mentorProfiles, and(eq(mentorProfiles.tenantId, employees.tenantId), eq(mentorProfiles.employeeId, employees.id)))
    .where(sql`${employees.id} in (select value from json_each(${JSON.stringify(ids)}))`);
}

/** Refusals that no later change can lift, each under the pair's path: 404 for a stranger, 422 otherwise. */
function refusals(pairs: Pair[], people: Map<string, { status: string; profile: string | null }>, lines: Set<string>[]) {
  const missing: FieldError[] = [];
  const refused: FieldError[] = [];
  const seen = new Map<string, number>();
  pairs.forEach((p, i) => {
    const at = `body.pairs.${i}`;
    const mentor = people.get(p.mentorId);
    const mentee = people.get(p.menteeId);
    if (!mentor) missing.push({ path: `${at}.mentorId`, message: 'no such employee in this tenant' });
    if (!mentee) missing.push({ path: `${at}.menteeId`, message: 'no such employee in this tenant' });
    if (!mentor || !mentee) return;
    const twice = seen.get(p.menteeId);
    if (twice !== undefined) refused.push({ path: `${at}.menteeId`, message: `the same mentee as pair ${twice}` });
    seen.set(p.menteeId, i);
    if (p.mentorId === p.menteeId) refused.push({ path: `${at}.menteeId`, message: 'mentor and mentee must be two people' });
    else if (lines[i]?.has(p.mentorId))
      refused.push({ path: `${at}.mentorId`, message: "in the mentee's own reporting line: that is coaching, not mentoring" });
    if (mentor.status !== 'active') refused.push({ path: `${at}.mentorId`, message: 'not an active employee' });
    else if (mentor.profile !== 'active') refused.push({ path: `${at}.mentorId`, message: 'no active mentor profile' });
    if (mentee.status !== 'active') refused.push({ path: `${at}.menteeId`, message: 'not an active employee' });
  });
  if (missing.length > 0) throw new DomainError('not_found', 'No such employee in this tenant.', missing);
  if (refused.length > 0) throw new DomainError('unprocessable', 'Some pairs cannot be proposed; nothing was published.', refused);
}

const openOf = (ctx: TenantContext, column: 'mentee_id' | 'mentor_id', id: string) =>
  sql`(select count(*) from pairings as p where ${ctx.db.scope('p')} and p.${sql.raw(column)} = ${id} and p.kind = 'mentoring' and p.status in ('proposed', 'active'))`;

/** Proposes every pair in one batch, or none: 404/422 for pairs that cannot be, 409 for one that lost its place. */
export async function publishPairs({ ctx, input }: Call<TenantContext, PublishPairs>) {
  const { pairs } = input;
  const ids = [...new Set(pairs.flatMap((p) => [p.mentorId, p.menteeId]))];
  const [rows, ...lineRows] = await ctx.db.batch([peopleQuery(ctx, ids), ...pairs.map((p) => lineQuery(ctx, p.menteeId))]);
  const people = new Map(rows.map((r) => [r.id, r]));
  refusals(
    pairs,
    people,
    lineRows.map((l) => new Set(l.map((r) => r.person))),
  );

  const now = nowIso();
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  const made = pairs.map((p) => proposedRow(ctx, { kind: 'mentoring', mentorId: p.mentorId, menteeId: p.menteeId, focus: [] }, now));
  const statements: Statement[] = made.flatMap((row, i) => {
    const pair = `Pair ${i} (${nameOf(row.mentorId)} → ${nameOf(row.menteeId)})`;
    return [
      ctx.db.guard(
        sql`${openOf(ctx, 'mentee_id', row.menteeId)} = 0`,
        'conflict',
        `${pair}: the mentee already has an open mentoring pairing.`,
      ),
      ...proposalStatements(ctx, row, []),
      ctx.db.guard(
        sql`${openOf(ctx, 'mentor_id', row.mentorId)} <= coalesce((select mp.capacity from mentor_profiles as mp where ${ctx.db.scope('mp')} and mp.employee_id = ${row.mentorId} and mp.status = 'active'), 0)`,
        'conflict',
        `${pair}: the mentor has no free slot left (capacity reached or profile paused).`,
      ),
    ];
  });
  await withConstraints(() => ctx.db.write(statements), {
    unique: () => new DomainError('conflict', 'A pair was proposed meanwhile; nothing was published.'),
    foreignKey: () => new DomainError('unprocessable', 'An employee was removed meanwhile; nothing was published.'),
  });
  return { items: made.map((row) => ({ ...publicPairing(row), mentorName: nameOf(row.mentorId), menteeName: nameOf(row.menteeId) })) };
}
