/**
 * What waits for the caller (`/me/evaluations`): L1 for their own completed enrollments not yet
 * answered (due 14 days after completion), L3 for their direct reports' completed enrollments not
 * yet rated (opens `l3WaitingDays` after completion, due 30 days after it opens; listed before it
 * opens with `open: false`, so a supervisor can plan), and feedback on their completed pairings not
 * yet given (due 14 days after completion). Three grouped statements, each served by an index on
 * the caller's id, sent with the L3 waiting period in one D1 round trip; never anyone else's work.
 */
import { sql } from 'drizzle-orm';
import {
  employees,
  enrollments,
  evaluationBehaviours,
  evaluationReactions,
  evaluationSettings,
  mentoringFeedback,
  offerings,
  pairings,
  programs,
} from '../../../db/schema';
import { addDays, todayIn } from '../../../platform/calendar';
import { type Call, ownEmployeeId, type TenantContext } from '../../../platform/context';
import { behaviourDueDays, reactionDueDays } from './due-days';
import { defaultSettings } from './settings';

interface EnrollmentRow {
  enrollment_id: string;
  employee_id: string;
  completed_at: string;
  title: string;
}

interface PairingRow {
  pairing_id: string;
  other_id: string;
  kind: string;
  completed_at: string;
}

/** Each list is capped: a worklist, not an archive. */
const cap = 200;

export async function waitingFor({ ctx }: Call<TenantContext>) {
  const me = ownEmployeeId(ctx);
  const today = todayIn(ctx.tenant);
  const enrollmentJoins = sql`join ${offerings} o on o.tenant_id = e.tenant_id and o.id = e.offering_id
    join ${programs} p on p.tenant_id = o.program_tenant_id and p.id = o.program_id`;
  const [settings, reactions, behaviours, feedback] = await ctx.db.allTogether<
    [{ l3_waiting_days: number }, EnrollmentRow, EnrollmentRow, PairingRow]
  >('worklists: anti-joins against the answers, each shaped for an index on the caller', [
    sql`select s.l3_waiting_days as l3_waiting_days from ${evaluationSettings} s where ${ctx.db.scope('s')} limit 1`,
    sql`
    select e.id as enrollment_id, e.employee_id as employee_id, e.completed_at as completed_at, p.title as title
    from ${enrollments} e ${enrollmentJoins}
    where ${ctx.db.scope('e')} and e.employee_id = ${me} and e.status = 'completed'
      and not exists (select 1 from ${evaluationReactions} r where r.tenant_id = e.tenant_id and r.enrollment_id = e.id)
    order by e.completed_at, e.id limit ${cap}`,
    sql`
    select e.id as enrollment_id, e.employee_id as employee_id, e.completed_at as completed_at, p.title as title
    from ${employees} m join ${enrollments} e on e.tenant_id = m.tenant_id and e.employee_id = m.id ${enrollmentJoins}
    where ${ctx.db.scope('m')} and m.supervisor_id = ${me} and e.status = 'completed'
      and not exists (select 1 from ${evaluationBehaviours} b where b.tenant_id = e.tenant_id and b.enrollment_id = e.id)
    order by e.completed_at, e.id limit ${cap}`,
    sql`
    select x.id as pairing_id, case when x.mentor_id = ${me} then x.mentee_id else x.mentor_id end as other_id, x.kind as kind, x.completed_at as completed_at
    from ${pairings} x
    where ${ctx.db.scope('x')} and (x.mentor_id = ${me} or x.mentee_id = ${me}) and x.status = 'completed'
      and not exists (select 1 from ${mentoringFeedback} f where f.tenant_id = x.tenant_id and f.pairing_id = x.id
                      and f.role = case when x.mentor_id = ${me} then 'mentor' else 'mentee' end)
    order by x.completed_at, x.id limit ${cap}`,
  ]);
  const l3WaitingDays = settings[0]?.l3_waiting_days ?? defaultSettings.l3WaitingDays;
  const day = (instant: string) => instant.slice(0, 10);
  const items = [
    ...reactions.map((r) => ({
      kind: 'reaction' as const,
      enrollmentId: r.enrollment_id,
      pairingId: null,
      employeeId: r.employee_id,
      title: r.title,
      completedOn: day(r.completed_at),
      opensOn: day(r.completed_at),
      dueOn: addDays(r.completed_at, reactionDueDays),
    })),
    ...behaviours.map((r) => {
      const opensOn = addDays(r.completed_at, l3WaitingDays);
      return {
        kind: 'behaviour' as const,
        enrollmentId: r.enrollment_id,
        pairingId: null,
        employeeId: r.employee_id,
        title: r.title,
        completedOn: day(r.completed_at),
        opensOn,
        dueOn: addDays(opensOn, behaviourDueDays),
      };
    }),
    // A pairing ends at a real instant (an enrollment's completion is noon UTC of its day): its day is the tenant's.
    ...feedback.map((r) => {
      const ended = todayIn(ctx.tenant, r.completed_at);
      return {
        kind: 'mentoring' as const,
        enrollmentId: null,
        pairingId: r.pairing_id,
        employeeId: r.other_id,
        title: r.kind === 'coaching' ? 'Coaching' : 'Mentoring',
        completedOn: ended,
        opensOn: ended,
        dueOn: addDays(ended, reactionDueDays),
      };
    }),
  ];
  return { items: items.map((i) => ({ ...i, open: i.opensOn <= today })).sort((a, b) => a.dueOn.localeCompare(b.dueOn)) };
}
