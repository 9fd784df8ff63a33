/**
 * Approving a plan: one batch that (1) checks, per offering of the plan, that it still has the
 * seats its lines need and still takes enrollments, (2) flips the draft to approved at the version
 * the caller read, (3) writes the audit row, (4) creates every enrollment from the stored lines in
 * a few multi-row insert-selects. All or nothing: when the check fails, its guard aborts the whole
 * batch and the answer is 409. Idempotent: the inserts run only under the approval token statement
 * (2) stored, so a second or parallel approval creates nothing and answers with the approved plan.
 * An approved plan is never changed again.
 */
import { and, eq, sql } from 'drizzle-orm';
import { enrollments, plans } from '../../db/schema';
import { auditIfChanged } from '../../platform/audit/audit';
import type { Call, TenantContext } from '../../platform/context';
import { staleWrite } from '../../platform/http/etag';
import { newId, nowIso } from '../../platform/ids';
import { notifyFrom } from '../../platform/outbox';
import type { Statement } from '../../platform/tenancy/scoped-db';
import { planRow, planView } from './service';

/** Lines per insert-select (each statement binds a handful of parameters whatever its size). */
const linesPerStatement = 5000;

export async function approvePlan({ ctx, input: { id, expectedVersion } }: Call<TenantContext, { id: string; expectedVersion: number }>) {
  const row = await planRow(ctx, id);
  if (row.status === 'approved') return planView(row);
  if (row.version !== expectedVersion) throw staleWrite();
  const token = newId('apr');
  const now = nowIso();
  // Per offering of the plan: the seats its new places need against the seats still free.
  const shortage = sql`exists (
    select 1 from plan_lines l join offerings o on o.tenant_id = l.tenant_id and o.id = l.offering_id
    where ${ctx.db.scope('l')} and l.plan_id = ${id}
    group by l.offering_id
    having max(o.status not in ('planned', 'open', 'running')) = 1
      or sum(not exists (select 1 from enrollments x where ${ctx.db.scope('x')} and x.offering_id = l.offering_id and x.employee_id = l.employee_id))
        > max(o.capacity) - (select count(*) from enrollments s where ${ctx.db.scope('s')} and s.offering_id = l.offering_id and s.status in ('enrolled', 'completed')))`;
  // Only a draft still at the version read is approved by this batch: for any other the check is moot.
  const draft = and(eq(plans.id, id), eq(plans.version, expectedVersion), eq(plans.status, 'draft'));
  const seats = ctx.db.guard(
    sql`not exists (select 1 from ${plans} where ${ctx.db.owned(plans, draft)}) or not ${shortage}`,
    'conflict',
    'Seats of an offering in this plan were taken meanwhile (or it no longer takes enrollments); nothing was created. Recompute the plan.',
  );
  const flip = ctx.db
    .update(plans)
    .set({
      status: 'approved',
      approvalToken: token,
      approvedBy: ctx.actor.subject,
      approvedAt: now,
      version: sql`${plans.version} + 1`,
      updatedAt: now,
    })
    .where(draft);
  const statements: Statement[] = [seats, flip, auditIfChanged(ctx, 'plan.approve', 'plan', id, now)];
  const orm = ctx.db.unscoped(
    "insert … select of the enrollments from the plan lines, each offering's queue places numbered by a window function",
  );
  for (let lo = 1; lo <= row.lineCount; lo += linesPerStatement) {
    const hi = lo + linesPerStatement - 1;
    statements.push(
      orm
        .insert(enrollments)
        .select(sql`
        select l.tenant_id, 'enr_' || lower(hex(randomblob(10))), l.offering_id, l.employee_id, 'enrolled',
          (select coalesce(max(q.seq), 0) from enrollments q where ${ctx.db.scope('q')} and q.offering_id = l.offering_id)
            + row_number() over (partition by l.offering_id order by l.seq),
          ${ctx.actor.subject}, null, null, null, ${now}, ${now}
        from plan_lines l
        where ${ctx.db.scope('l')} and l.plan_id = ${id} and l.seq between ${lo} and ${hi}
          and exists (select 1 from plans p where ${ctx.db.scope('p')} and p.id = ${id} and p.approval_token = ${token})
          and not exists (select 1 from enrollments x where ${ctx.db.scope('x')} and x.offering_id = l.offering_id and x.employee_id = l.employee_id)`)
        .onConflictDoNothing(),
    );
  }
  // Each person enrolled by this approval is told, in the same batch: the enrollments this batch
  // created are the plan's lines whose enrollment carries this batch's instant and the token holds.
  statements.push(
    notifyFrom(
      ctx,
      'plan.enrolled',
      sql`select e.employee_id as employee_id, '/#enrollments' as link,
            json_object('title', p.title, 'startDate', o.start_date, 'year', ${row.year}) as data,
            'plan.enrolled:' || e.id as dedupe_key
          from plan_lines l
          join enrollments e on e.tenant_id = l.tenant_id and e.offering_id = l.offering_id and e.employee_id = l.employee_id
          join offerings o on o.tenant_id = e.tenant_id and o.id = e.offering_id
          join programs p on p.tenant_id = o.program_tenant_id and p.id = o.program_id
          where ${ctx.db.scope('l')} and l.plan_id = ${id} and e.created_at = ${now}
            and exists (select 1 from plans x where ${ctx.db.scope('x')} and x.id = ${id} and x.approval_token = ${token})`,
      now,
    ),
  );
  await ctx.db.write(statements);
  const after = await planRow(ctx, id);
  if (after.status === 'approved') return planView(after);
  throw staleWrite();
}
