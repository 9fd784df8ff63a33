/**
 * Enrollment lifecycle: an admin enrolls people (or approves a self-service request), the queue
 * decides enrolled or waitlisted (see queue.ts), a withdrawal promotes the head of the waitlist,
 * completion records attendance and the result and credits the program's JP once. A completed
 * enrollment is what the evaluation module opens L1 (and L2 when the program has tests) for.
 * An employee sees and withdraws only their own enrollments; nothing here crosses a tenant.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { employees, enrollments, offerings, programs } from '../../../db/schema';
import { auditIfChanged } from '../../../platform/audit/audit';
import { isSelfOrAdmin } from '../../../platform/auth/access';
import type { Call, TenantContext } from '../../../platform/context';
import { DomainError, notFound } from '../../../platform/errors';
import { after, page } from '../../../platform/http/pagination';
import { nowIso } from '../../../platform/ids';
import type { Statement } from '../../../platform/tenancy/scoped-db';
import { ruleCredit } from '../../jp';
import type { Completion, Enrollment, PersonEnrollment, QueueEntry } from '../schemas';
import { approveStatement, enrollableStatuses, placementStatements, promoteWaiting } from './queue';

type Row = typeof enrollments.$inferSelect;

export const publicEnrollment = ({ tenantId: _t, ...e }: Row): Enrollment => e;

const notEnrollable = () => new DomainError('conflict', 'The offering no longer takes enrollments (completed or cancelled).');

/**
 * Places `employeeIds` in the offering, in list order. A person already there keeps their place
 * (`created: false`). Two D1 round trips: the offering and the people read together, then the
 * placements with their audit rows and the read-back in one batch.
 */
export async function enroll({
  ctx,
  input: { offeringId, employeeIds, request },
}: Call<TenantContext, { offeringId: string; employeeIds: string[]; request?: boolean }>) {
  const options = { request: request ?? false };
  const people = [...new Set(employeeIds)];
  const [[offering], known] = await ctx.db.batch([
    ctx.db.select({ status: offerings.status }).from(offerings).where(eq(offerings.id, offeringId)).limit(1),
    ctx.db
      .select({ id: employees.id })
      .from(employees)
      .where(and(eq(employees.status, 'active'), sql`${employees.id} in (select value from json_each(${JSON.stringify(people)}))`)),
  ]);
  if (!offering) throw notFound('offering');
  if (!(enrollableStatuses as readonly string[]).includes(offering.status)) throw notEnrollable();
  const found = new Set(known.map((e) => e.id));
  const missing = people.flatMap((id) =>
    found.has(id) ? [] : [{ path: `body.employeeIds.${employeeIds.indexOf(id)}`, message: 'no such active employee in this tenant' }],
  );
  if (missing.length > 0) throw new DomainError('unprocessable', `${missing.length} unknown employee(s): nobody was enrolled.`, missing);
  const { ids, statements } = placementStatements(
    ctx,
    people.map((employeeId) => ({ offeringId, employeeId })),
    options,
  );
  const audit = auditIfChangedEach(ctx, ids, options.request ? 'enrollment.request' : 'enrollment.create');
  const readBack = ctx.db
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.offeringId, offeringId), inArray(enrollments.employeeId, people)));
  // Each placement with its audit row; the schema asks for one person at least.
  const [first, ...rest] = statements.flatMap((s, i) => [s, audit[i] as (typeof audit)[number]]);
  const written = await ctx.db.batch([first as Statement, ...rest, readBack]);
  const rows = written[written.length - 1] as Row[];
  const byPerson = new Map(rows.map((r) => [r.employeeId, r]));
  if (rows.length < people.length) throw notEnrollable();
  return people.map((p, i) => {
    const row = byPerson.get(p) as Row;
    return { ...publicEnrollment(row), created: row.id === ids[i] };
  });
}

const auditIfChangedEach = (ctx: TenantContext, ids: string[], action: string) =>
  ids.map((id) => auditIfChanged(ctx, action, 'enrollment', id));

export async function getEnrollment({ ctx, input: id }: Call<TenantContext, string>) {
  const [row] = await ctx.db.select().from(enrollments).where(eq(enrollments.id, id)).limit(1);
  // An employee reads only their own: anyone else's is as absent as another tenant's.
  if (!row || !isSelfOrAdmin(ctx, row.employeeId)) throw notFound('enrollment');
  return row;
}

export async function approve({ ctx, input: id }: Call<TenantContext, string>) {
  const row = await getEnrollment({ ctx, input: id });
  if (row.status !== 'requested') throw new DomainError('conflict', `Only a requested place can be approved; this one is ${row.status}.`);
  await ctx.db.batch([approveStatement(ctx, id), auditIfChanged(ctx, 'enrollment.approve', 'enrollment', id)]);
  const after = await getEnrollment({ ctx, input: id });
  if (after.status === 'requested') throw notEnrollable();
  return publicEnrollment(after);
}

export async function withdraw({ ctx, input: id }: Call<TenantContext, string>) {
  const row = await getEnrollment({ ctx, input: id });
  if (row.status === 'withdrawn') return publicEnrollment(row);
  if (row.status === 'completed') throw new DomainError('conflict', 'A completed enrollment cannot be withdrawn.');
  const write = ctx.db
    .update(enrollments)
    .set({ status: 'withdrawn', updatedAt: nowIso() })
    .where(and(eq(enrollments.id, id), inArray(enrollments.status, ['requested', 'enrolled', 'waitlisted'])));
  await ctx.db.batch([write, auditIfChanged(ctx, 'enrollment.withdraw', 'enrollment', id), ...promoteWaiting(ctx, row.offeringId)]);
  return publicEnrollment(await getEnrollment({ ctx, input: id }));
}

/**
 * Completion: only an enrolled place completes. A pass credits JP by the JP rule of the program's
 * method (the one rule engine, docs/jp.md): the program's JP counts as the claim over the
 * offering's dates, so the rule and its caps may credit less. Booked on the day of completion (or on the offering's days in each month when the rule
 * caps months or years) under the reference `enrollment:<id>`, in the same batch; the ledger's
 * unique reference makes retries and parallel completions credit exactly once.
 */
export async function complete({ ctx, input: { id, completion: input } }: Call<TenantContext, { id: string; completion: Completion }>) {
  // The place and its program in one round trip: the program is found through the place's offering.
  const [[row], [program]] = await ctx.db.batch([
    ctx.db.select().from(enrollments).where(eq(enrollments.id, id)).limit(1),
    ctx.db
      .select({
        jpCenti: programs.jpCenti,
        method: programs.method,
        title: programs.title,
        startDate: offerings.startDate,
        endDate: offerings.endDate,
      })
      .from(offerings)
      .innerJoin(programs, and(eq(programs.tenantId, offerings.programTenantId), eq(programs.id, offerings.programId)))
      .where(eq(offerings.id, sql`(select e.offering_id from enrollments e where ${ctx.db.scope('e')} and e.id = ${id})`))
      .limit(1),
  ]);
  if (!row || !isSelfOrAdmin(ctx, row.employeeId)) throw notFound('enrollment');
  if (row.status === 'completed') return publicEnrollment(row);
  if (row.status !== 'enrolled') throw new DomainError('conflict', `Only an enrolled place can be completed; this one is ${row.status}.`);
  if (!program) throw notFound('offering');
  const completedOn = input.completedOn ?? nowIso().slice(0, 10);
  const write = ctx.db
    .update(enrollments)
    .set({
      status: 'completed',
      attendance: input.attendance,
      passed: input.passed,
      completedAt: `${completedOn}T12:00:00.000Z`,
      updatedAt: nowIso(),
    })
    .where(and(eq(enrollments.id, id), eq(enrollments.status, 'enrolled')));
  const credit = input.passed
    ? (
        await ruleCredit(ctx, {
          employeeId: row.employeeId,
          method: program.method,
          source: 'program',
          reference: `enrollment:${id}`,
          note: `Pelatihan: ${program.title}`.slice(0, 1000),
          activity: { startDate: program.startDate, endDate: program.endDate, claimCenti: program.jpCenti },
          bookedAt: `${completedOn}T12:00:00Z`,
        })
      ).statements
    : [];
  // If the place was withdrawn between the read above and this batch, the guard aborts the
  // whole batch: JP is credited only to a completed place. The place is read back in the same batch.
  const completed = sql`exists (select 1 from ${enrollments} where ${ctx.db.owned(enrollments, eq(enrollments.id, id), eq(enrollments.status, 'completed'))})`;
  const guard = ctx.db.guard(completed, 'conflict', 'The place was withdrawn meanwhile; it cannot be completed.');
  const readBack = ctx.db.select().from(enrollments).where(eq(enrollments.id, id)).limit(1);
  const written = await ctx.db.batch([write, auditIfChanged(ctx, 'enrollment.complete', 'enrollment', id), guard, ...credit, readBack]);
  const [after] = written[written.length - 1] as Row[];
  if (!after) throw notFound('enrollment');
  return publicEnrollment(after);
}

/** The queue of an offering in queue order (optionally one status), each place with its holder's name and NIP. */
export async function listOfOffering({
  ctx,
  input: { offeringId, ...q },
}: Call<TenantContext, { offeringId: string; limit: number; cursor?: [number, string]; status?: Row['status'] }>) {
  const [offering] = await ctx.db.select({ id: offerings.id }).from(offerings).where(eq(offerings.id, offeringId)).limit(1);
  if (!offering) throw notFound('offering');
  const rows = await ctx.db
    .select({ enrollment: enrollments, name: employees.name, nip: employees.nip })
    .from(enrollments)
    .innerJoin(employees, ctx.db.owned(employees, eq(employees.id, enrollments.employeeId)))
    .where(
      and(
        eq(enrollments.offeringId, offeringId),
        q.status ? eq(enrollments.status, q.status) : undefined,
        after([enrollments.seq, enrollments.id], q.cursor),
      ),
    )
    .orderBy(asc(enrollments.seq), asc(enrollments.id))
    .limit(q.limit + 1);
  const entries = rows.map((r): QueueEntry => ({ ...publicEnrollment(r.enrollment), employee: { name: r.name, nip: r.nip } }));
  return page(entries, q.limit, (e) => [e.seq, e.id]);
}

/**
 * One employee's enrollments for the admin (or the employee themself): 404 for an unknown id, an id
 * of another tenant, or someone else's, as for the employee record.
 */
export async function enrollmentsOfEmployee({ ctx, input }: Call<TenantContext, Parameters<typeof listOfEmployee>[0]['input']>) {
  if (!isSelfOrAdmin(ctx, input.employeeId)) throw notFound('employee');
  const [known] = await ctx.db.select({ id: employees.id }).from(employees).where(eq(employees.id, input.employeeId)).limit(1);
  if (!known) throw notFound('employee');
  return listOfEmployee({ ctx, input });
}

/** One person's enrollments, newest first, each with its offering's program title and dates (one D1 round trip). */
export async function listOfEmployee({
  ctx,
  input: { employeeId, ...q },
}: Call<TenantContext, { employeeId: string; limit: number; cursor?: [string, string]; status?: Row['status'] }>) {
  const rows = await ctx.db
    .select({
      enrollment: enrollments,
      programTitle: sql<string>`${programs.title}`.as('program_title'),
      startDate: offerings.startDate,
      endDate: offerings.endDate,
    })
    .from(enrollments)
    .innerJoin(offerings, and(eq(offerings.tenantId, enrollments.tenantId), eq(offerings.id, enrollments.offeringId)))
    .innerJoin(programs, and(eq(programs.tenantId, offerings.programTenantId), eq(programs.id, offerings.programId)))
    .where(
      and(
        eq(enrollments.employeeId, employeeId),
        q.status ? eq(enrollments.status, q.status) : undefined,
        after([enrollments.createdAt, enrollments.id], q.cursor, 'desc'),
      ),
    )
    .orderBy(desc(enrollments.createdAt), desc(enrollments.id))
    .limit(q.limit + 1);
  const places = rows.map(({ enrollment, ...offering }): PersonEnrollment => ({ ...publicEnrollment(enrollment), offering }));
  return page(places, q.limit, (e) => [e.createdAt, e.id]);
}
