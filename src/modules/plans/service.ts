/**
 * Annual plans: compute a draft from the tenant's data and store it with its lines (one batch),
 * list and read plans, page their lines, recompute (a new draft that names its source) and compare
 * two plans. Never writes an enrollment (only approval does) and never changes an approved plan.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { employees, offerings, planLines, plans, programs } from '../../db/schema';
import { auditEntry } from '../../platform/audit/audit';
import type { Call, TenantContext } from '../../platform/context';
import { DomainError, notFound } from '../../platform/errors';
import { turn } from '../../platform/event-loop';
import { after, page } from '../../platform/http/pagination';
import { newSortableId, nowIso } from '../../platform/ids';
import { explain, type LineGap, type PlanTotals } from './explain';
import { buildInstance, checkAskedOfferings } from './instance';
import { naiveGreedy, optimizeSteps } from './optimizer';
import { type NewPlan, planOptionsSchema } from './schemas';

/** Lines per multi-row insert: one JSON parameter of ≈ 100 KB, well inside D1's statement limits. */
const linesPerStatement = 400;

type PlanRow = typeof plans.$inferSelect;

export const planView = (row: PlanRow) => {
  const { tenantId: _t, approvalToken: _a, lineCount: _l, options, totals, ...rest } = row;
  const stored = JSON.parse(totals) as Omit<PlanTotals, 'jpTargets'> & Partial<Pick<PlanTotals, 'jpTargets'>>;
  // Plans made before targets per employment type counted everyone against the one target.
  const jpTargets = stored.jpTargets ?? { pns: stored.jpTarget, pppk: stored.jpTarget };
  return { ...rest, options: planOptionsSchema.parse(JSON.parse(options)), totals: { ...stored, jpTargets } };
};

/** What a plan job computes: the request's year, budget and options, the source of a recompute, and the new plan's id. */
export interface PlanJobInput {
  plan: NewPlan;
  sourcePlanId: string | null;
  planId: string;
}

/** Phases of the computation, reported as the job's progress: the instance, the optimizer's phases, the stored plan. */
export const planPhases = 8;

/** Checks what can be checked at once, and fixes the new plan's id: the job's input. */
export async function askForPlan({ ctx, input }: Call<TenantContext, NewPlan>): Promise<PlanJobInput> {
  await checkAskedOfferings(ctx, input.options.offerings);
  return { plan: input, sourcePlanId: null, planId: newSortableId('pln') };
}

/** A new draft with the same year and options (budget may change), naming the plan it came from. */
export async function askForRecompute({
  ctx,
  input: { id, budget },
}: Call<TenantContext, { id: string; budget?: number | undefined }>): Promise<PlanJobInput> {
  const source = await planRow(ctx, id);
  if (source.status === 'approved')
    throw new DomainError('conflict', 'The plan is approved and frozen; recompute makes no new version of it.');
  const view = planView(source);
  return {
    plan: { year: source.year, budget: budget ?? source.budget, options: view.options },
    sourcePlanId: id,
    planId: newSortableId('pln'),
  };
}

/**
 * Computes the plan: the instance, the optimizer (a turn of the event loop and a progress report
 * between its phases), the lines explained. Returns the statements that store it (the plan, its
 * audit row, its lines) and its view; the caller writes them in one batch.
 */
export async function computePlan(
  ctx: TenantContext,
  { plan: input, sourcePlanId, planId: id }: PlanJobInput,
  progress: (done: number) => Promise<void>,
) {
  const built = await buildInstance(ctx, input);
  let done = 1;
  await progress(done);
  // Once: the yardstick in the totals and one of the optimizer's starts.
  const naive = naiveGreedy(built.instance);
  const steps = optimizeSteps(built.instance, naive);
  let step = steps.next();
  while (!step.done) {
    await progress(Math.min(++done, planPhases - 1));
    // A turn between the optimizer's phases: one synchronous stretch of seconds starves the
    // runtime's own I/O (under `wrangler dev` the next request then found its connection reset).
    await turn();
    step = steps.next();
  }
  const result = step.value;
  const { lines, totals } = explain(built, result, naive);
  const now = nowIso();
  const row: PlanRow = {
    tenantId: ctx.tenant.id,
    id,
    year: input.year,
    budget: input.budget,
    status: 'draft',
    options: JSON.stringify(input.options),
    totals: JSON.stringify(totals),
    lineCount: lines.length,
    sourcePlanId,
    createdBy: ctx.actor.subject,
    approvalToken: null,
    approvedBy: null,
    approvedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const { tenantId: _t, ...unstamped } = row;
  const statements = [ctx.db.insert(plans).values(unstamped), auditEntry(ctx, sourcePlanId ? 'plan.recompute' : 'plan.create', 'plan', id)];
  for (let i = 0; i < lines.length; i += linesPerStatement) {
    const chunk = lines.slice(i, i + linesPerStatement).map((l) => ({ ...l, planId: id, gaps: JSON.stringify(l.gaps) }));
    statements.push(ctx.db.insertRows(planLines, chunk));
  }
  return { statements, view: planView(row) };
}

export async function planRow(ctx: TenantContext, id: string): Promise<PlanRow> {
  const [row] = await ctx.db.select().from(plans).where(eq(plans.id, id)).limit(1);
  if (!row) throw notFound('plan');
  return row;
}

export const getPlan = async ({ ctx, input: id }: Call<TenantContext, string>) => planView(await planRow(ctx, id));

export async function listPlans({ ctx, input: q }: Call<TenantContext, { limit: number; cursor?: [string]; year?: number }>) {
  const rows = await ctx.db
    .select()
    .from(plans)
    .where(and(q.year === undefined ? undefined : eq(plans.year, q.year), after([plans.id], q.cursor, 'desc')))
    .orderBy(desc(plans.id))
    .limit(q.limit + 1);
  const paged = page(rows, q.limit, (r) => [r.id]);
  return {
    items: paged.items.map((r) => {
      const { options: _o, totals, ...rest } = planView(r);
      return { ...rest, lines: r.lineCount, budgetUsed: totals.budgetUsed, closureShare: totals.closureShare };
    }),
    nextCursor: paged.nextCursor,
  };
}

/** The names a line is read by: the employee, the program and the offering's first day (joined in the same statement). */
const named = {
  employeeName: employees.name,
  programTitle: programs.title,
  startDate: offerings.startDate,
};
const withEmployee = and(eq(employees.tenantId, planLines.tenantId), eq(employees.id, planLines.employeeId));
const withOffering = and(eq(offerings.tenantId, planLines.tenantId), eq(offerings.id, planLines.offeringId));
const withProgram = and(eq(programs.tenantId, offerings.programTenantId), eq(programs.id, offerings.programId));

export async function listLines({
  ctx,
  input: { planId, ...q },
}: Call<TenantContext, { planId: string; limit: number; cursor?: [number] }>) {
  await planRow(ctx, planId);
  const rows = await ctx.db
    .select({ line: planLines, ...named })
    .from(planLines)
    .innerJoin(employees, withEmployee)
    .innerJoin(offerings, withOffering)
    .innerJoin(programs, withProgram)
    .where(and(eq(planLines.planId, planId), after([planLines.seq], q.cursor)))
    .orderBy(asc(planLines.seq))
    .limit(q.limit + 1);
  const paged = page(rows, q.limit, (r) => [r.line.seq]);
  return {
    items: paged.items.map(({ line: { tenantId: _t, planId: _p, jpCenti, gaps, ...l }, ...names }) => ({
      ...l,
      ...names,
      jp: jpCenti / 100,
      gaps: JSON.parse(gaps) as LineGap[],
    })),
    nextCursor: paged.nextCursor,
  };
}

const summaryOf = (row: PlanRow) => {
  const { options: _o, ...rest } = planView(row);
  return { ...rest, lines: row.lineCount, budgetUsed: rest.totals.budgetUsed, closureShare: rest.totals.closureShare };
};

/** Totals side by side and the (employee, offering) lines only one of the two plans has: one round trip. */
export async function comparePlans({ ctx, input: { a, b, limit } }: Call<TenantContext, { a: string; b: string; limit: number }>) {
  const only = (x: string, y: string) => {
    const missing = sql`not exists (select 1 from plan_lines m where ${ctx.db.scope('m')} and m.plan_id = ${y} and m.employee_id = ${planLines.employeeId} and m.offering_id = ${planLines.offeringId})`;
    const where = and(eq(planLines.planId, x), missing);
    return [
      ctx.db.select({ n: sql<number>`count(*)` }).from(planLines).where(where),
      ctx.db
        .select({ employeeId: planLines.employeeId, offeringId: planLines.offeringId, cost: planLines.cost, ...named })
        .from(planLines)
        .innerJoin(employees, withEmployee)
        .innerJoin(offerings, withOffering)
        .innerJoin(programs, withProgram)
        .where(where)
        .orderBy(asc(planLines.seq))
        .limit(limit),
    ] as const;
  };
  const row = (id: string) => ctx.db.select().from(plans).where(eq(plans.id, id)).limit(1);
  const [[left], [right], countA, itemsA, countB, itemsB] = await ctx.db.batch([row(a), row(b), ...only(a, b), ...only(b, a)]);
  if (!left || !right) throw notFound('plan');
  const onlyInA = { count: countA[0]?.n ?? 0, items: itemsA };
  const onlyInB = { count: countB[0]?.n ?? 0, items: itemsB };
  return { a: summaryOf(left), b: summaryOf(right), onlyInA, onlyInB, inBoth: left.lineCount - onlyInA.count };
}
