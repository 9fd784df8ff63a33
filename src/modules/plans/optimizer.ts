/**
 * The annual plan optimizer: which employee attends which offering so that the weighted gap
 * closure (plus a bonus per employee lifted to the JP target) is as large as possible within the
 * budget, every offering's seats and the per-person cap. Pure: no database, no clock, no randomness,
 * so the same instance always gives the same plan. It must never return a plan that breaks a rule.
 *
 * Design note. The problem is a budgeted, capacitated coverage problem (a knapsack with
 * diminishing returns per gap, a threshold bonus for JP and per-offering seats): NP-hard, and at
 * 50,000 employees × 200 offerings too large for an exact solver inside a Worker (CPU-limited,
 * 128 MB). So:
 * 1. Candidates: only eligible (employee, offering) pairs that close one of the employee's gaps,
 *    at most 16 per employee (half by value, half by value per rupiah): ≤ 800,000 pairs in typed
 *    arrays (≈ 9 MB of heap growth measured by `npm run bench:plan`), built in
 *    O(Σ gaps × offerings per competency).
 * 2. Lagrangian relaxation of the budget: for a price λ per rupiah the budget disappears and a
 *    greedy on marginal value − λ·cost under seats and caps decides each pair; a binary search on
 *    λ (32 steps, each O(n log n) on the pairs still worth their price) finds the cheapest price
 *    whose plan fits. Its plan, and the one just over budget repaired (drop the least value per
 *    rupiah), are two starts; the plain value-per-rupiah greedy, the best single pair, and the
 *    naive "largest gap first" plan are three more.
 * 3. Every start is filled up to the budget by value per rupiah; the three best are improved by
 *    local search: take out one (of the 64 weakest), two (of the 16 weakest) or three (of the 8
 *    weakest) pairs, optionally force one of the 24 best unplanned pairs in, refill greedily (by
 *    value per rupiah, then by value) from the 512 best unplanned pairs, keep the move only on a
 *    strict gain; at most 4 rounds. Then the seats of full offerings are exchanged (`reseat`): one
 *    of the 64 most valuable unplanned pairs of a full offering takes the seat of a pair holding
 *    it, the displaced employee (and the newcomer, if it gave a course up) is refilled from its own
 *    candidates, kept on a strict gain; at most 30 passes. Seats are what the greedy passes
 *    allocate worst (first come, first served): without seat limits they reach 99.45 % of the LP
 *    bound on the 500-employee bench instance, with them 97.8 %; the exchange brings that to ≥ 98 %.
 * The best plan wins. Everything is O(n log n) in the candidate pairs per pass, with fixed limits
 * on the local search, and the same path runs for every size (on small instances the limits hardly
 * bind). The computation is a generator of its phases (`optimizeSteps`), so the plan service gives
 * the Worker's event loop a turn between them instead of computing ≈ 10 s in one stretch. Guarantees: the plan always keeps budget, seats, cap and one cohort per program; it is
 * never worse than any start, so never worse than the best single pair, nor than the naive greedy
 * whenever the naive plan's pairs survived the candidate cut (always on small instances). No
 * guarantee of optimality: the per-price greedy is itself a heuristic, the JP bonus makes the value
 * non-submodular, and the candidate cut may drop a pair the optimum uses. The tests measure the
 * distance to the exact optimum on thousands of small instances (≤ 2 % required; all were exact
 * when written, also without the naive start).
 */
import { naiveGreedy } from './baselines';
import { planValue } from './objective';
import { density, grow, type ImproveLimits, improve, lagrangian, type ReseatLimits, repair, reseat, value } from './passes';
import { prepare } from './prepared';
import { PlanState } from './state';
import type { PlanAssignment, PlanInstance, PlanResult } from './types';

export { exhaustive, naiveGreedy } from './baselines';
export { planValue } from './objective';

const perEmployeeCandidates = 16;
const lambdaSteps = 32;
const improvedStarts = 3;
const limits: ImproveLimits = { pool: 512, singles: 64, doubles: 16, triples: 8, swaps: 16, swapsIn: 24, pairSwaps: 10, rounds: 4 };
const reseatLimits: ReseatLimits = { perOffering: 64, rounds: 30 };

/**
 * The whole computation in one call. `probe` is called between phases (the bench samples the heap
 * there); `naive` is the naive greedy's plan when the caller has it already (it is a start).
 */
export function optimizePlan(instance: PlanInstance, probe?: (phase: string) => void, naive?: PlanResult): PlanResult {
  const steps = optimizeSteps(instance, naive);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    probe?.(step.value);
  }
}

/**
 * The same computation in steps: it yields the name of each phase it finished, so a caller inside
 * a Worker can give the event loop a turn between phases (a request computing for many seconds in
 * one synchronous stretch starves the runtime's own I/O). Running it to the end is `optimizePlan`.
 */
export function* optimizeSteps(instance: PlanInstance, naivePlan?: PlanResult): Generator<string, PlanResult, void> {
  const p = prepare(instance, perEmployeeCandidates);
  yield 'prepared';
  const s = new PlanState(p);
  const budget = instance.budget;
  const starts: number[][] = [];

  let low = 0;
  let high = 0;
  for (let c = 0; c < p.candEmployee.length; c++) high = Math.max(high, p.candValue[c]! / Math.max(p.cost[p.candOffering[c]!]!, 1));
  let fitting: number[] = [];
  let over: number[] | null = null;
  for (let step = 0; step < lambdaSteps && high > 0; step++) {
    if (step === lambdaSteps / 2) yield 'pricing';
    const lambda = step === 0 ? 0 : (low + high) / 2;
    s.clear();
    grow(s, lagrangian(lambda), Infinity);
    if (s.cost <= budget) {
      fitting = s.members();
      if (step === 0) break;
      high = lambda;
    } else {
      over = s.members();
      low = lambda;
    }
  }
  yield 'priced';
  starts.push(fitting);
  if (over) {
    s.load(over);
    repair(s, budget);
    starts.push(s.members());
  }
  starts.push([]);
  s.clear();
  grow(s, value, budget);
  starts.push(s.members());
  let single = -1;
  for (let c = 0; c < p.candEmployee.length; c++) {
    if (p.cost[p.candOffering[c]!]! <= budget && (single < 0 || p.candValue[c]! > p.candValue[single]!)) single = c;
  }
  if (single >= 0) starts.push([single]);
  const naive = toCandidates(p.candStart, p.candOffering, instance, (naivePlan ?? naiveGreedy(instance)).assignments);
  if (naive) starts.push(naive);

  // Filled starts, best first; only the best few get the (costlier) local search.
  const filled = starts
    .map((start) => {
      s.load(start);
      grow(s, density, budget);
      return { members: s.members(), value: s.value };
    })
    .sort((a, b) => b.value - a.value)
    .filter((x, i, all) => i === 0 || x.value < all[i - 1]!.value - 1e-9)
    .slice(0, improvedStarts);
  yield 'filled';
  let best: number[] = [];
  let bestValue = -1;
  for (const start of filled) {
    s.load(start.members);
    improve(s, budget, limits);
    if (reseat(s, budget, reseatLimits)) improve(s, budget, limits);
    if (s.value > bestValue + 1e-9) [best, bestValue] = [s.members(), s.value];
    yield 'improved';
  }
  const assignments: PlanAssignment[] = best.map((c) => ({
    employeeId: instance.employees[p.candEmployee[c]!]!.id,
    offeringId: instance.offerings[p.candOffering[c]!]!.id,
  }));
  const cost = best.reduce((sum, c) => sum + p.cost[p.candOffering[c]!]!, 0);
  return { assignments, value: planValue(instance, assignments), cost };
}

/** The naive plan as candidate indices, or null when one of its pairs fell out of the candidates. */
function toCandidates(
  candStart: Int32Array,
  candOffering: Int32Array,
  instance: PlanInstance,
  plan: readonly PlanAssignment[],
): number[] | null {
  const employeeIndex = new Map(instance.employees.map((e, i) => [e.id, i]));
  const offeringIndex = new Map(instance.offerings.map((o, i) => [o.id, i]));
  const out: number[] = [];
  for (const a of plan) {
    const e = employeeIndex.get(a.employeeId)!;
    const o = offeringIndex.get(a.offeringId)!;
    let found = -1;
    for (let c = candStart[e]!; c < candStart[e + 1]!; c++) if (candOffering[c] === o) found = c;
    if (found < 0) return null;
    out.push(found);
  }
  return out;
}
