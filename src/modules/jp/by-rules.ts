/**
 * Crediting JP by the rules: the reads the engine needs (the rules in force, what the person
 * already earned by the method in the months and years the activity touches) and the statements
 * that credit the outcome inside the caller's own batch. Each part is one ledger entry, booked on
 * its month's last day of the activity at noon on the tenant's clock (or at `bookedAt` when the
 * rule has no day, month or year cap: one part, as the mentoring credit always was); a single part
 * carries `reference`, several carry `reference:YYYY-MM`. Exactly once, as every referenced credit.
 *
 * Caps are measured against what was read. Two credits of the same person and method landing
 * together could each see room the other takes, so the batch also carries a guard per capped
 * month and year: the period's total must be what was read plus this credit's part, else the
 * whole batch — the caller's state change included — aborts with 409 (read again and retry). A
 * day cap likewise guards the method's total over the activity's period.
 */
import { and, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { jpEntries, jpRules } from '../../db/schema';
import { addDays, instantOn, nextMonthStart, todayIn } from '../../platform/calendar';
import type { TenantContext } from '../../platform/context';
import type { Statement } from '../../platform/tenancy/scoped-db';
import { type Activity, computeJp, type Earned, type JpOutcome } from './engine';
import { creditJp, type JpCreditInput } from './ledger';
import { type ProgramMethod, ruleSetOf } from './rules';

export interface RuleCredit {
  employeeId: string;
  method: ProgramMethod;
  source: JpCreditInput['source'];
  reference: string;
  note: string;
  activity: Activity;
  /** Where a single, uncapped part is booked (default: noon of the activity's last day). */
  bookedAt?: string;
}

export interface PlannedCredit {
  outcome: JpOutcome;
  rulesVersion: number;
  /** The ledger entries and the guards, for the caller's batch. */
  statements: Statement[];
}

const years = (a: Activity) => {
  const from = Number(a.startDate.slice(0, 4));
  const to = Number(a.endDate.slice(0, 4));
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
};

/** Computes the credit by the rules in force and what was already earned, and the statements that book it. */
export async function ruleCredit(ctx: TenantContext, input: RuleCredit): Promise<PlannedCredit> {
  const mine = and(eq(jpEntries.employeeId, input.employeeId), eq(jpEntries.method, input.method));
  const [ruleRows, earnedRows] = await ctx.db.batch([
    ctx.db.select().from(jpRules).limit(1),
    ctx.db
      .select({ occurredAt: jpEntries.occurredAt, year: jpEntries.year, jpCenti: jpEntries.jpCenti })
      .from(jpEntries)
      .where(and(mine, inArray(jpEntries.year, years(input.activity)))),
  ]);
  const set = ruleSetOf(ruleRows[0]);
  const earned: Required<Earned> = { byDay: {}, byMonth: {}, byYear: {} };
  for (const r of earnedRows) {
    const day = todayIn(ctx.tenant, r.occurredAt);
    const month = day.slice(0, 7);
    earned.byDay[day] = (earned.byDay[day] ?? 0) + r.jpCenti;
    earned.byMonth[month] = (earned.byMonth[month] ?? 0) + r.jpCenti;
    earned.byYear[String(r.year)] = (earned.byYear[String(r.year)] ?? 0) + r.jpCenti;
  }
  const rule = set.rules[input.method];
  const outcome = computeJp(rule, input.activity, earned);
  // A day, month or year cap counts credits on the activity's own days, so its parts are booked there.
  const uncapped = rule.capPerDay === null && rule.capPerMonth === null && rule.capPerYear === null;
  const bookedAt = (p: (typeof outcome.parts)[number]) => (uncapped && input.bookedAt ? input.bookedAt : instantOn(ctx.tenant, p.date, 12));
  const credits = outcome.parts.flatMap((p) =>
    creditJp(ctx, {
      employeeId: input.employeeId,
      jp: p.jpCenti / 100,
      source: input.source,
      method: input.method,
      occurredAt: bookedAt(p),
      reference: outcome.parts.length === 1 ? input.reference : `${input.reference}:${p.month}`,
      note: input.note,
    }),
  );
  const part = (match: (month: string) => boolean) => outcome.parts.filter((p) => match(p.month)).reduce((s, p) => s + p.jpCenti, 0);
  const total = (where: SQL) =>
    sql`(select coalesce(sum(${jpEntries.jpCenti}), 0) from ${jpEntries} where ${ctx.db.owned(jpEntries, mine, where)})`;
  const moved = 'The JP this person earned in the period changed meanwhile; read again and retry.';
  // A day cap was measured against each day of the period: nothing of the method may land in it meanwhile.
  const { startDate, endDate } = input.activity;
  const [from, to] = [instantOn(ctx.tenant, startDate), instantOn(ctx.tenant, addDays(endDate, 1))];
  const inPeriod = (at: string) => {
    const t = Date.parse(at);
    return t >= Date.parse(from) && t < Date.parse(to);
  };
  const periodEarned = Object.entries(earned.byDay)
    .filter(([d]) => d >= startDate && d <= endDate)
    .reduce((s, [, c]) => s + c, 0);
  const periodBooked = outcome.parts.filter((p) => inPeriod(bookedAt(p))).reduce((s, p) => s + p.jpCenti, 0);
  const guards = [
    ...(rule.capPerDay === null
      ? []
      : [
          ctx.db.guard(
            sql`${total(and(gte(jpEntries.occurredAt, from), lt(jpEntries.occurredAt, to)) as SQL)} = ${periodEarned + periodBooked}`,
            'conflict',
            moved,
          ),
        ]),
    ...outcome.capped.months.map((m) =>
      ctx.db.guard(
        sql`${total(and(gte(jpEntries.occurredAt, instantOn(ctx.tenant, `${m}-01`)), lt(jpEntries.occurredAt, instantOn(ctx.tenant, nextMonthStart(m)))) as SQL)} = ${(earned.byMonth[m] ?? 0) + part((x) => x === m)}`,
        'conflict',
        moved,
      ),
    ),
    ...outcome.capped.years.map((y) =>
      ctx.db.guard(
        sql`${total(eq(jpEntries.year, Number(y)))} = ${(earned.byYear[y] ?? 0) + part((x) => x.startsWith(y))}`,
        'conflict',
        moved,
      ),
    ),
  ];
  return { outcome, rulesVersion: set.version, statements: [...credits, ...guards] };
}
