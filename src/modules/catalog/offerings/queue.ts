/**
 * The offering's queue, decided inside single SQL statements: D1 runs one statement at a time, so
 * "count the seats taken, then take one" inside one statement cannot be raced, and capacity is
 * never exceeded however many requests arrive at once. `seq` (the place in the queue) is taken
 * the same way; the waitlist is served in `seq` order. A seat is taken by `enrolled` and
 * `completed`. These builders return statements for the caller's own batch (the annual plan
 * creates many enrollments atomically with them) and never read or write another tenant's rows.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { enrollments } from '../../../db/schema';
import type { TenantContext } from '../../../platform/context';
import { newSortableId, nowIso } from '../../../platform/ids';
import type { Statement } from '../../../platform/tenancy/scoped-db';

/** Offering statuses that still take enrollments and promote the waitlist. */
export const enrollableStatuses = ['planned', 'open', 'running'] as const;
const enrollable = sql.raw(`('${enrollableStatuses.join("', '")}')`);

const seatsTaken = (ctx: TenantContext, offering: SQL) =>
  sql`(select count(*) from enrollments s where ${ctx.db.scope('s')} and s.offering_id = ${offering} and s.status in ('enrolled', 'completed'))`;
const nextSeq = (ctx: TenantContext, offering: SQL) =>
  sql`(select coalesce(max(q.seq), 0) + 1 from enrollments q where ${ctx.db.scope('q')} and q.offering_id = ${offering})`;

export interface Placement {
  offeringId: string;
  employeeId: string;
}

/**
 * One statement per placement: enrolled while seats remain, else waitlisted (`request: true`
 * makes a self-service request instead, for the admin to approve). A person already in the
 * offering is left as they are (unique index, ON CONFLICT DO NOTHING); an offering that is not
 * this tenant's or no longer enrollable inserts nothing. Returns the new ids by placement.
 */
export function placementStatements(ctx: TenantContext, placements: Placement[], options: { request?: boolean } = {}) {
  const now = nowIso();
  const t = ctx.tenant.id;
  const ids = placements.map(() => newSortableId('enr'));
  const orm = ctx.db.unscoped('insert … select from the offering: the seat count and the queue place are decided inside the one statement');
  const statements: Statement[] = placements.map((p, i) => {
    const offering = sql`${p.offeringId}`;
    const status = options.request
      ? sql`'requested'`
      : sql`case when ${seatsTaken(ctx, offering)} < o.capacity then 'enrolled' else 'waitlisted' end`;
    const select = sql`select ${t}, ${ids[i]}, o.id, ${p.employeeId}, ${status}, ${nextSeq(ctx, offering)}, ${ctx.actor.subject}, null, null, null, ${now}, ${now}
      from offerings o where ${ctx.db.scope('o')} and o.id = ${offering} and o.status in ${enrollable}`;
    return orm.insert(enrollments).select(select).onConflictDoNothing();
  });
  return { ids, statements };
}

/** A requested place becomes enrolled or waitlisted by the seats left at this moment, at the end of the queue. */
export function approveStatement(ctx: TenantContext, enrollmentId: string): Statement {
  const offering = sql`"enrollments"."offering_id"`;
  return ctx.db
    .update(enrollments)
    .set({
      status: sql`case when ${seatsTaken(ctx, offering)} < (select o.capacity from offerings o where ${ctx.db.scope('o')} and o.id = ${offering}) then 'enrolled' else 'waitlisted' end`,
      seq: sql`${nextSeq(ctx, offering)}`,
      updatedAt: nowIso(),
    })
    .where(
      and(
        eq(enrollments.id, enrollmentId),
        eq(enrollments.status, 'requested'),
        sql`exists (select 1 from offerings o where ${ctx.db.scope('o')} and o.id = ${offering} and o.status in ${enrollable})`,
      ),
    )
    .returning();
}

/** Fills the free seats of an offering from the head of its waitlist (none when it is full or closed). */
export function promoteWaiting(ctx: TenantContext, offeringId: string): Statement[] {
  const offering = sql`${offeringId}`;
  const free = sql`max(0, coalesce((select o.capacity from offerings o where ${ctx.db.scope('o')} and o.id = ${offering} and o.status in ${enrollable}), 0) - ${seatsTaken(ctx, offering)})`;
  return [
    ctx.db
      .update(enrollments)
      .set({ status: 'enrolled', updatedAt: nowIso() })
      .where(
        sql`${enrollments.id} in (select w.id from enrollments w where ${ctx.db.scope('w')} and w.offering_id = ${offering} and w.status = 'waitlisted' order by w.seq limit ${free})`,
      ),
  ];
}
