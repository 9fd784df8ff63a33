/**
 * Reminders, written by the scheduled run into the outbox at the run's own instant (never the wall
 * clock): each is an event with a key naming the kind, the subject and the period, so however often
 * and however concurrently the run goes, one reminder per person and period exists.
 *
 * - Evaluations (`evaluation.due`, `evaluation.overdue`): the participant's L1 of a completed
 *   enrollment (due 14 days after completion) and the supervisor's L3 of a direct report's completed
 *   enrollment (opens `l3WaitingDays` after completion, due 30 days later), not yet given. Due in at
 *   most 3 days: once per evaluation (and supervisor); overdue by at most 30 days: once more.
 * - Pairing proposals unanswered for 7 days (`pairing.unanswered`): once per proposal, to the mentor.
 * - In Q4 (October–December on the tenant's clock) each active employee under the JP target of their
 *   employment type (`jp.shortfall`), with the three programs that would close most of their gaps:
 *   once per person and year, at most `shortfallPerRun` people per run (the next runs go on).
 */
import { sql } from 'drizzle-orm';
import {
  employees,
  enrollments,
  evaluationBehaviours,
  evaluationReactions,
  jpEntries,
  notificationEvents,
  offerings,
  pairings,
  programs,
} from '../../db/schema';
import { addDays, todayIn, yearIn } from '../../platform/calendar';
import type { TenantContext } from '../../platform/context';
import { notify, notifyFrom } from '../../platform/outbox';
import type { Statement } from '../../platform/tenancy/scoped-db';
import { recommendedFor } from '../catalog';
import { behaviourDueDays, evaluationSettingsOf, reactionDueDays } from '../evaluations';
import { jpTargetCenti } from '../jp';

/** "Due soon": at most this many days ahead. */
const dueSoonDays = 3;
/** Overdue evaluations are reminded of only this many days back (older ones are history). */
const overdueWindowDays = 30;
/** A proposal unanswered this many days reminds the mentor. */
const unansweredDays = 7;
/** People told of their JP shortfall per tenant and run (recommendations are read 50 at a time). */
const shortfallPerRun = 100;
const recommendationChunk = 50;

const completionDay = sql`substr(e.completed_at, 1, 10)`;

/** The L1 and L3 reminders of the day `today`. */
async function evaluationReminders(ctx: TenantContext, today: string, now: string): Promise<Statement[]> {
  const { l3WaitingDays } = await evaluationSettingsOf({ ctx, input: undefined });
  const soon = addDays(today, dueSoonDays);
  const since = addDays(today, -overdueWindowDays);
  const l1Due = sql`date(${completionDay}, ${`+${reactionDueDays} days`})`;
  const l3Due = sql`date(${completionDay}, ${`+${l3WaitingDays + behaviourDueDays} days`})`;
  const joins = sql`join ${offerings} o on o.tenant_id = e.tenant_id and o.id = e.offering_id
    join ${programs} p on p.tenant_id = o.program_tenant_id and p.id = o.program_id`;
  const l1 = (kind: 'due' | 'overdue') => sql`
    select e.employee_id as employee_id, '/tugas' as link,
      json_object('title', p.title, 'level', 'L1', 'dueOn', ${l1Due}, 'participant', null) as data,
      ${`evaluation.${kind}:l1:`} || e.id as dedupe_key
    from ${enrollments} e ${joins}
    join ${employees} m on m.tenant_id = e.tenant_id and m.id = e.employee_id
    where ${ctx.db.scope('e')} and e.status = 'completed' and m.status = 'active'
      and ${kind === 'due' ? sql`${l1Due} between ${today} and ${soon}` : sql`${l1Due} >= ${since} and ${l1Due} < ${today}`}
      and not exists (select 1 from ${evaluationReactions} r where r.tenant_id = e.tenant_id and r.enrollment_id = e.id)`;
  const l3 = (kind: 'due' | 'overdue') => sql`
    select m.supervisor_id as employee_id, '/tugas' as link,
      json_object('title', p.title, 'level', 'L3', 'dueOn', ${l3Due}, 'participant', m.name) as data,
      ${`evaluation.${kind}:l3:`} || e.id || ':' || m.supervisor_id as dedupe_key
    from ${enrollments} e ${joins}
    join ${employees} m on m.tenant_id = e.tenant_id and m.id = e.employee_id
    join ${employees} s on s.tenant_id = m.tenant_id and s.id = m.supervisor_id
    where ${ctx.db.scope('e')} and e.status = 'completed' and s.status = 'active'
      and ${kind === 'due' ? sql`${l3Due} between ${today} and ${soon}` : sql`${l3Due} >= ${since} and ${l3Due} < ${today}`}
      and not exists (select 1 from ${evaluationBehaviours} b where b.tenant_id = e.tenant_id and b.enrollment_id = e.id)`;
  return [
    notifyFrom(ctx, 'evaluation.due', sql`${l1('due')} union all ${l3('due')}`, now),
    notifyFrom(ctx, 'evaluation.overdue', sql`${l1('overdue')} union all ${l3('overdue')}`, now),
  ];
}

/** Proposals waiting for the mentor since at least `unansweredDays` before `now`. */
function pairingReminders(ctx: TenantContext, now: string): Statement {
  const before = new Date(Date.parse(now) - unansweredDays * 86_400_000).toISOString();
  return notifyFrom(
    ctx,
    'pairing.unanswered',
    sql`select x.mentor_id as employee_id, '/pendampingan/' || x.id as link,
          json_object('pairingKind', x.kind, 'proposedOn', substr(x.created_at, 1, 10)) as data,
          'pairing.unanswered:' || x.id as dedupe_key
        from ${pairings} x
        join ${employees} m on m.tenant_id = x.tenant_id and m.id = x.mentor_id
        where ${ctx.db.scope('x')} and x.status = 'proposed' and x.created_at <= ${before} and m.status = 'active'`,
    now,
  );
}

interface Shortfall {
  id: string;
  earned: number;
  target: number;
}

/** In Q4, the active employees under their JP target not yet told this year, with their top three programs. */
async function shortfallReminders(ctx: TenantContext, today: string, year: number, now: string): Promise<Statement[]> {
  if (Number(today.slice(5, 7)) < 10) return [];
  const prefix = `jp.shortfall:${year}:`;
  const target = jpTargetCenti(ctx.db, ctx.tenant, sql`e.employment_type`);
  const under = await ctx.db
    .unscoped('employees against a grouped ledger subquery and the outbox keys, all scoped by alias')
    .all<Shortfall>(sql`
    select e.id as id, coalesce(j.total, 0) as earned, ${target} as target
    from ${employees} e
    left join (
      select x.employee_id, sum(x.jp_centi) as total from ${jpEntries} x
      where ${ctx.db.scope('x')} and x.year = ${year} group by x.employee_id
    ) j on j.employee_id = e.id
    where ${ctx.db.scope('e')} and e.status = 'active' and coalesce(j.total, 0) < ${target}
      and not exists (select 1 from ${notificationEvents} n where ${ctx.db.scope('n')} and n.dedupe_key = ${prefix} || e.id)
    order by e.id limit ${shortfallPerRun}`);
  const statements: Statement[] = [];
  for (let i = 0; i < under.length; i += recommendationChunk) {
    const chunk = under.slice(i, i + recommendationChunk);
    const recommended = await recommendedFor({ ctx, input: { employeeIds: chunk.map((p) => p.id), limit: 3 } });
    for (const p of chunk) {
      const programs = recommended.get(p.id) ?? [];
      statements.push(
        notify(
          ctx,
          {
            kind: 'jp.shortfall',
            employeeId: p.id,
            link: '/#jp',
            data: {
              year,
              earned: p.earned / 100,
              target: p.target / 100,
              missing: Math.round(p.target - p.earned) / 100,
              programs: programs.map((x) => x.title).join('; ') || null,
              programIds: programs.map((x) => x.id).join(',') || null,
            },
            dedupeKey: `${prefix}${p.id}`,
          },
          now,
        ),
      );
    }
  }
  return statements;
}

/** Writes the reminders due at `now` in one tenant; returns how many events were new. */
export async function remind(ctx: TenantContext, now: string): Promise<number> {
  const today = todayIn(ctx.tenant, now);
  const results = await ctx.db.batch([
    pairingReminders(ctx, now),
    ...(await evaluationReminders(ctx, today, now)),
    ...(await shortfallReminders(ctx, today, yearIn(ctx.tenant, now), now)),
  ]);
  return (results as unknown as D1Result[]).reduce((n, r) => n + (r.meta?.changes ?? 0), 0);
}
