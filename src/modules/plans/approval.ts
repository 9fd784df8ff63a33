/**
 * Approving a plan: one batch that (1) flips the draft to approved at the version the caller read,
 * (2) writes the audit row, (3) creates every enrollment from the stored lines in a few multi-row
 * insert-selects. All or nothing: when an offering of the plan no longer has the seats its lines
 * need (or stopped taking enrollments), statement (1) writes a status the CHECK on `plans.status`
 * refuses, so D1 rolls the whole batch back and the answer is 409. Idempotent: the inserts run only
 * under the approval token statement (1) stored, so a second or parallel approval creates nothing
 * and answers with the approved plan. An approved plan is never changed again.
 */
import { eq, sql } from 'drizzle-orm';
import { enrollments, plans } from '../../db/schema';
import { auditIfChanged, auditRow } from '../../platform/audit/audit';
import type { ServiceContext } from '../../platform/context';
import { staleWrite } from '../../platform/http/etag';
import { DomainError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import type { Statement } from '../../platform/tenancy/scoped-db';
import { planRow, planView } from './service';
import { messageChain } from '../../platform/db/constraints';

/** Lines per insert-select (each statement binds a handful of parameters whatever its size). */
const linesPerStatement = 5000;

export async function approvePlan(ctx: ServiceContext, id: string, expectedVersion: number) {
  const row = await planRow(ctx, id);
  if (row.status === 'approved') return planView(row);
  if (row.version !== expectedVersion) throw staleWrite();
  const t = ctx.tenant.id;
  const token = newId('apr');
  const now = nowIso();
  // Per offering of the plan: the seats its new places need against the seats still free.
  const shortage = sql`exists (
    select 1 from plan_lines l join offerings o on o.tenant_id = l.tenant_id and o.id = l.offering_id
    where l.tenant_id = ${t} and l.plan_id = ${id}
    group by l.offering_id
    having max(o.status not in ('planned', 'open', 'running')) = 1
      or sum(not exists (select 1 from enrollments x where x.tenant_id = ${t} and x.offering_id = l.offering_id and x.employee_id = l.employee_id))
        > max(o.capacity) - (select count(*) from enrollments s where s.tenant_id = ${t} and s.offering_id = l.offering_id and s.status in ('enrolled', 'completed')))`;
  const flip = ctx.db.orm
    .update(plans)
    .set({
      status: sql`case when ${shortage} then 'seats_taken' else 'approved' end`,
      approvalToken: token,
      approvedBy: ctx.actor.subject,
      approvedAt: now,
      version: sql`${plans.version} + 1`,
      updatedAt: now,
    })
    .where(ctx.db.owned(plans, eq(plans.id, id), eq(plans.version, expectedVersion), eq(plans.status, 'draft')));
  const statements: Statement[] = [flip, auditIfChanged(ctx, 'plan.approve', 'plan', id, now)];
  for (let lo = 1; lo <= row.lineCount; lo += linesPerStatement) {
    const hi = lo + linesPerStatement - 1;
    statements.push(
      ctx.db.orm.insert(enrollments).select(sql`
        select ${t}, 'enr_' || lower(hex(randomblob(10))), l.offering_id, l.employee_id, 'enrolled',
          (select coalesce(max(q.seq), 0) from enrollments q where q.tenant_id = ${t} and q.offering_id = l.offering_id)
            + row_number() over (partition by l.offering_id order by l.seq),
          ${ctx.actor.subject}, null, null, null, ${now}, ${now}
        from plan_lines l
        where l.tenant_id = ${t} and l.plan_id = ${id} and l.seq between ${lo} and ${hi}
          and exists (select 1 from plans p where p.tenant_id = ${t} and p.id = ${id} and p.approval_token = ${token})
          and not exists (select 1 from enrollments x where x.tenant_id = ${t} and x.offering_id = l.offering_id and x.employee_id = l.employee_id)`).onConflictDoNothing(),
    );
  }
  try {
    await ctx.db.batch(statements);
  } catch (err) {
    if (messageChain(err).includes('CHECK constraint failed')) {
      throw new DomainError('conflict', 'Seats of an offering in this plan were taken meanwhile (or it no longer takes enrollments); nothing was created. Recompute the plan.');
    }
    throw err;
  }
  const after = await planRow(ctx, id);
  if (after.status === 'approved') return planView(after);
  throw staleWrite();
}
