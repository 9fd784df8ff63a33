/**
 * `npm run bench:plan-bound`: how close the annual plan optimizer comes to the best possible plan.
 * For instances of 500 to 5,000 employees (the same generator as `bench:plan`, bench/plan-optimizer.ts)
 * it runs the optimizer and solves the LP relaxation of the same problem with HiGHS (WebAssembly),
 * whose optimum is a proven upper bound on any plan's value; the share value / bound is a lower
 * bound on how good the plan is. Pure computation in Node: no Worker, no database.
 *
 * The LP, from the plan's objective (src/modules/plans/objective.ts), over the pairs that may be
 * planned (`mayAttend`: the offering closes one of the employee's gaps):
 *   x[e,o] ∈ [0, 1]        employee e attends offering o
 *   c[e,k] ∈ [0, gap]      levels of gap k of e covered;  c[e,k] ≤ Σ_o min(gain(o,k), gap) · x[e,o]
 *   y[e]   ∈ [0, 1]        e lifted to the JP target;     short(e) · y[e] ≤ Σ_o min(jp(o), short(e)) · x[e,o]
 *                          and the count cut n · y[e] ≤ n · Σ_{jp(o) ≥ short} x[e,o] + Σ_{jp(o) < short} x[e,o]
 *                          (n: the fewest smaller courses whose JP reach the target; see `coursesNeeded`)
 * (a gain is capped at the gap, a course's JP at what is short of the target: the same integer
 * points, a tighter relaxation)
 *   maximise Σ weight(e,k) · c[e,k] + bonus(e) · y[e]
 *   subject to  Σ_e x[e,o] ≤ seats(o),  Σ_{o of program p} x[e,o] ≤ 1,  Σ_o x[e,o] ≤ per-person cap,
 *               Σ cost(o) · x[e,o] ≤ budget.
 * Every plan the optimizer may return is a feasible integer point of it with the same value.
 */
import { fileURLToPath } from 'node:url';
import loadHighs from 'highs';
import { gapWeight, jpBonus, mayAttend, planValue, planViolations } from '../src/modules/plans/objective';
import { optimizePlan } from '../src/modules/plans/optimizer';
import type { PlanInstance } from '../src/modules/plans/types';
import { benchInstance } from './plan-optimizer';

/** The LP relaxation in CPLEX LP format. */
export function relaxation(instance: PlanInstance): string {
  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const seats = new Map<string, string[]>();
  const budget: string[] = [];
  const term = (coef: number, name: string) => `${coef >= 0 ? '+' : '-'} ${Math.abs(coef)} ${name}`;
  instance.employees.forEach((e, i) => {
    const pairs = instance.offerings.map((o, j) => ({ o, j })).filter(({ o }) => mayAttend(e, o));
    if (pairs.length === 0) return;
    const x = (j: number) => `x${i}_${j}`;
    for (const { o, j } of pairs) {
      (seats.get(o.id) ?? seats.set(o.id, []).get(o.id))?.push(`+ ${x(j)}`);
      budget.push(term(o.cost, x(j)));
      bounds.push(`${x(j)} <= 1`);
    }
    rows.push(`cap${i}: ${pairs.map(({ j }) => `+ ${x(j)}`).join(' ')} <= ${instance.options.perPersonCap}`);
    const programs = new Map<string, number[]>();
    for (const { o, j } of pairs) programs.set(o.programId, [...(programs.get(o.programId) ?? []), j]);
    for (const [p, js] of programs) if (js.length > 1) rows.push(`prog${i}_${p}: ${js.map((j) => `+ ${x(j)}`).join(' ')} <= 1`);
    e.gaps.forEach((g, k) => {
      if (g.gap <= 0) return;
      const covering = pairs.flatMap(({ o, j }) =>
        o.gains.filter((gain) => gain.competencyId === g.competencyId).map((gain) => term(-Math.min(gain.gain, g.gap), x(j))),
      );
      if (covering.length === 0) return;
      const c = `c${i}_${k}`;
      objective.push(term(gapWeight(instance, e, g.competencyId, g.weight), c));
      rows.push(`cover${i}_${k}: ${c} ${covering.join(' ')} <= 0`);
      bounds.push(`${c} <= ${g.gap}`);
    });
    const bonus = jpBonus(instance, e);
    if (bonus > 0) {
      const y = `y${i}`;
      objective.push(term(bonus, y));
      const short = e.jpTarget - e.jpEarned;
      rows.push(`jp${i}: ${term(short, y)} ${pairs.map(({ o, j }) => term(-Math.min(o.jp, short), x(j))).join(' ')} <= 0`);
      // The count cut: lifting e takes one course that reaches the target alone, or at least
      // `needed` smaller ones (the fewest whose JP reach it, the largest first), so
      // needed·y ≤ needed·Σ x(large) + Σ x(small); smaller ones that cannot reach it within the cap count 0.
      const small = pairs.filter(({ o }) => o.jp < short);
      const needed = coursesNeeded(
        small.map(({ o }) => o.jp),
        short,
      );
      const counted = needed <= instance.options.perPersonCap ? small : [];
      const large = pairs.filter(({ o }) => o.jp >= short);
      if (counted.length > 0)
        rows.push(
          `jpn${i}: ${term(needed, y)} ${[...large.map(({ j }) => term(-needed, x(j))), ...counted.map(({ j }) => term(-1, x(j)))].join(' ')} <= 0`,
        );
      else rows.push(`jpn${i}: + 1 ${y} ${large.map(({ j }) => term(-1, x(j))).join(' ')} <= 0`);
      bounds.push(`${y} <= 1`);
    }
  });
  instance.offerings.forEach((o, j) => {
    const attendees = seats.get(o.id);
    if (attendees) rows.push(`seats${j}: ${attendees.join(' ')} <= ${o.capacity}`);
  });
  rows.push(`budget: ${budget.join(' ')} <= ${instance.budget}`);
  // LP format: a line may hold at most 560 characters; break long rows between terms.
  const wrap = (line: string) => line.replace(/((?:\S+ ){40})/g, '$1\n ');
  return [
    'Maximize',
    ` value: ${wrap(objective.join(' '))}`,
    'Subject To',
    ...rows.map((r) => ` ${wrap(r)}`),
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    'End',
  ].join('\n');
}

/** The fewest of these courses (by JP) that together reach `short`; Infinity when all of them do not. */
function coursesNeeded(jps: number[], short: number): number {
  const sorted = [...jps].sort((a, b) => b - a);
  let sum = 0;
  for (const [k, jp] of sorted.entries()) {
    sum += jp;
    if (sum >= short) return k + 1;
  }
  return Number.POSITIVE_INFINITY;
}

export interface BoundFigure {
  employees: number;
  value: number;
  bound: number;
  share: number;
  optimizerMs: number;
  lpMs: number;
  columns: number;
}

export async function planBound(sizes: readonly number[]): Promise<BoundFigure[]> {
  const highs = await loadHighs();
  const figures: BoundFigure[] = [];
  for (const employees of sizes) {
    const instance = benchInstance(employees);
    const started = performance.now();
    const plan = optimizePlan(instance);
    const optimizerMs = performance.now() - started;
    const violations = planViolations(instance, plan.assignments);
    if (violations.length > 0) throw new Error(`the optimizer's plan breaks a rule: ${violations[0]}`);
    const value = planValue(instance, plan.assignments);
    const lp = relaxation(instance);
    const lpStarted = performance.now();
    const solution = highs.solve(lp, { output_flag: false, presolve: 'on' });
    const lpMs = performance.now() - lpStarted;
    if (solution.Status !== 'Optimal') throw new Error(`HiGHS: ${solution.Status} for ${employees} employees`);
    const bound = solution.ObjectiveValue;
    if (process.env.BOUND_MIP_SECONDS) {
      // The same model with x integer, for a while: HiGHS's best plan and its own proven bound.
      // (y too: a fractional y would count part of a bonus that an integer plan never earns.)
      const general = lp.match(/\b[xy]\d+(?:_\d+)?\b/g) ?? [];
      const mip = highs.solve(lp.replace('\nEnd', `\nGenerals\n ${[...new Set(general)].join('\n ')}\nEnd`), {
        output_flag: false,
        time_limit: Number(process.env.BOUND_MIP_SECONDS),
      });
      console.log(
        `  ${employees} employees, MIP after ${process.env.BOUND_MIP_SECONDS} s: ${mip.Status}, best plan ${mip.ObjectiveValue.toFixed(1)}`,
      );
    }
    figures.push({
      employees,
      value,
      bound,
      share: value / bound,
      optimizerMs: Math.round(optimizerMs),
      lpMs: Math.round(lpMs),
      columns: Object.keys(solution.Columns).length,
    });
    console.log(
      `  ${employees} employees: optimizer ${value.toFixed(1)} (${Math.round(optimizerMs)} ms), LP bound ${bound.toFixed(1)} (HiGHS ${Math.round(lpMs)} ms, ${Object.keys(solution.Columns).length} columns): ${((100 * value) / bound).toFixed(2)} %`,
    );
  }
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = (process.env.BOUND_SIZES ?? '500,1000,2000,5000').split(',').map(Number);
  console.log(`The optimizer against the LP relaxation's optimum (HiGHS), instances of ${sizes.join(', ')} employees:`);
  const figures = await planBound(sizes);
  const short = figures.filter((f) => f.share < 0.98);
  console.log(
    short.length === 0
      ? 'Every instance at ≥ 98 % of its bound.'
      : `Under 98 % of the bound: ${short.map((f) => f.employees).join(', ')} employees.`,
  );
}
