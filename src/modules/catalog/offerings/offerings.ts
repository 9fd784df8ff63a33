/**
 * Offerings (angkatan, cohorts) a tenant runs of a national or own program: dates, capacity,
 * place or online, status. Only the tenant's own offerings are ever read; a raised capacity
 * promotes the waitlist in the same batch, so the queue never waits behind a free seat.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { enrollments, offerings, programs } from '../../../db/schema';
import { auditEntry, auditIfChanged } from '../../../platform/audit/audit';
import type { Call, TenantContext } from '../../../platform/context';
import { DomainError, notFound } from '../../../platform/errors';
import { staleWrite } from '../../../platform/http/etag';
import { after, page } from '../../../platform/http/pagination';
import { newId, nowIso } from '../../../platform/ids';
import type { NewOffering, OfferingChanges } from '../schemas';
import { promoteWaiting } from './queue';

const count = (statuses: readonly ('enrolled' | 'waitlisted' | 'completed')[], name: string) =>
  sql<number>`(select count(*) from ${enrollments} where ${enrollments.tenantId} = ${offerings.tenantId} and ${enrollments.offeringId} = ${offerings.id} and ${inArray(enrollments.status, [...statuses])})`.as(
    name,
  );

const columns = {
  id: offerings.id,
  programId: offerings.programId,
  programTitle: sql<string>`${programs.title}`.as('program_title'),
  startDate: offerings.startDate,
  endDate: offerings.endDate,
  capacity: offerings.capacity,
  enrolled: count(['enrolled'], 'enrolled_count'),
  // As the queue counts them (queue.ts): a completed place keeps its seat.
  seatsTaken: count(['enrolled', 'completed'], 'seats_taken_count'),
  waitlisted: count(['waitlisted'], 'waitlisted_count'),
  location: offerings.location,
  online: offerings.online,
  status: offerings.status,
  version: offerings.version,
  createdAt: offerings.createdAt,
  updatedAt: offerings.updatedAt,
};

const query = (ctx: TenantContext) =>
  ctx.db
    .select(columns)
    .from(offerings)
    .innerJoin(programs, and(eq(programs.tenantId, offerings.programTenantId), eq(programs.id, offerings.programId)));

type OfferingQuery = {
  limit: number;
  cursor?: [string, string];
  program?: string;
  status?: (typeof offerings.$inferSelect)['status'];
  from?: string;
};

export async function listOfferings({ ctx, input: q }: Call<TenantContext, OfferingQuery>) {
  const rows = await query(ctx)
    .where(
      and(
        q.program ? eq(offerings.programId, q.program) : undefined,
        q.status ? eq(offerings.status, q.status) : undefined,
        q.from ? sql`${offerings.startDate} >= ${q.from}` : undefined,
        after([offerings.startDate, offerings.id], q.cursor),
      ),
    )
    .orderBy(asc(offerings.startDate), asc(offerings.id))
    .limit(q.limit + 1);
  return page(rows, q.limit, (o) => [o.startDate, o.id]);
}

export async function getOffering({ ctx, input: id }: Call<TenantContext, string>) {
  const [row] = await query(ctx).where(eq(offerings.id, id)).limit(1);
  if (!row) throw notFound('offering');
  return row;
}

export async function createOffering({ ctx, input }: Call<TenantContext, NewOffering>) {
  const [program] = await ctx.db
    .visible({ tenantId: programs.tenantId, status: programs.status })
    .from(programs)
    .where(eq(programs.id, input.programId))
    .limit(1);
  if (!program)
    throw new DomainError('unprocessable', 'programId does not name a program of the catalog.', [
      { path: 'body.programId', message: 'no such program' },
    ]);
  if (program.status !== 'active')
    throw new DomainError('unprocessable', 'The program is retired: its offerings run on, but it takes no new one.', [
      { path: 'body.programId', message: 'retired program' },
    ]);
  const now = nowIso();
  const row = {
    id: newId('off'),
    programTenantId: program.tenantId,
    programId: input.programId,
    startDate: input.startDate,
    endDate: input.endDate,
    capacity: input.capacity,
    location: input.location ?? null,
    online: input.online,
    status: input.status,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.db.batch([ctx.db.insert(offerings).values(row), auditEntry(ctx, 'offering.create', 'offering', row.id)]);
  return getOffering({ ctx, input: row.id });
}

/**
 * Cancelling an offering ends every place that is not final (requested, enrolled, waitlisted) as
 * withdrawn, in the same batch and only if this very update cancelled it (the version it wrote);
 * one audit row says so. Completed places keep their completion and JP; a place ends once, so a
 * second cancellation finds nothing to end and nothing is freed twice.
 */
function cancelPlaces(ctx: TenantContext, id: string, cancelledAtVersion: number) {
  const cancelledHere = sql`exists (select 1 from offerings o where ${ctx.db.scope('o')} and o.id = ${id} and o.status = 'cancelled' and o.version = ${cancelledAtVersion})`;
  return [
    ctx.db
      .update(enrollments)
      .set({ status: 'withdrawn', updatedAt: nowIso() })
      .where(and(eq(enrollments.offeringId, id), inArray(enrollments.status, ['requested', 'enrolled', 'waitlisted']), cancelledHere)),
    auditIfChanged(ctx, 'offering.places.cancel', 'offering', id),
  ];
}

export async function updateOffering({
  ctx,
  input: { id, expectedVersion, changes },
}: Call<TenantContext, { id: string; expectedVersion: number; changes: OfferingChanges }>) {
  const write = ctx.db
    .update(offerings)
    .set({ ...changes, version: sql`${offerings.version} + 1`, updatedAt: nowIso() })
    .where(
      and(
        eq(offerings.id, id),
        eq(offerings.version, expectedVersion),
        // The dates are checked against the stored ones when only one of them changes.
        sql`${changes.endDate ?? null} is null or ${changes.endDate ?? null} >= coalesce(${changes.startDate ?? null}, ${offerings.startDate})`,
        sql`${changes.startDate ?? null} is null or coalesce(${changes.endDate ?? null}, ${offerings.endDate}) >= ${changes.startDate ?? null}`,
      ),
    )
    .returning({ id: offerings.id });
  const [rows] = await ctx.db.batch([
    write,
    auditIfChanged(ctx, 'offering.update', 'offering', id),
    ...(changes.status === 'cancelled' ? cancelPlaces(ctx, id, expectedVersion + 1) : []),
    ...promoteWaiting(ctx, id),
  ]);
  if (rows.length === 0) {
    const [current] = await ctx.db.select({ version: offerings.version }).from(offerings).where(eq(offerings.id, id)).limit(1);
    if (!current) throw notFound('offering');
    if (current.version !== expectedVersion) throw staleWrite();
    throw new DomainError('unprocessable', 'The offering would end before it starts.', [
      { path: 'body.endDate', message: 'ends before it starts' },
    ]);
  }
  return getOffering({ ctx, input: id });
}
