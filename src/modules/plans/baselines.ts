/**
 * The two yardsticks the optimizer is measured against: the naive "largest gap first" greedy a
 * planner would do by hand, and the exact exhaustive search for small instances. Both score with
 * `planValue` and respect the same rules; `exhaustive` must never be used on a real tenant.
 */
import { gapWeight, mayAttend, planCost, planValue, planViolations } from './objective';
import type { PlanAssignment, PlanEmployee, PlanInstance, PlanOffering, PlanResult } from './types';

/** Employees by their largest weighted gap, each takes the offering closing most of it that still fits. */
export function naiveGreedy(instance: PlanInstance): PlanResult {
  const largest = (e: PlanEmployee) => {
    let best: { competencyId: string; weighted: number } | null = null;
    for (const g of e.gaps) {
      const weighted = g.gap > 0 ? gapWeight(instance, e, g.competencyId, g.weight) * g.gap : 0;
      if (weighted > 0 && (!best || weighted > best.weighted)) best = { competencyId: g.competencyId, weighted };
    }
    return best;
  };
  const order = instance.employees
    .map((e, i) => ({ e, i, top: largest(e) }))
    .filter((x) => x.top !== null)
    .sort((a, b) => b.top!.weighted - a.top!.weighted || a.i - b.i);
  const seats = new Map(instance.offerings.map((o) => [o.id, o.capacity]));
  const assignments: PlanAssignment[] = [];
  let cost = 0;
  if (instance.options.perPersonCap < 1) return { assignments, value: 0, cost };
  for (const { e, top } of order) {
    const closing = (o: PlanOffering) =>
      Math.min(
        e.gaps.find((g) => g.competencyId === top!.competencyId)!.gap,
        o.gains.filter((g) => g.competencyId === top!.competencyId).reduce((s, g) => s + g.gain, 0),
      );
    let pick: PlanOffering | null = null;
    for (const o of instance.offerings) {
      if ((seats.get(o.id) ?? 0) < 1 || cost + o.cost > instance.budget || closing(o) <= 0 || !mayAttend(e, o)) continue;
      if (!pick || closing(o) > closing(pick) || (closing(o) === closing(pick) && o.cost < pick.cost)) pick = o;
    }
    if (!pick) continue;
    assignments.push({ employeeId: e.id, offeringId: pick.id });
    seats.set(pick.id, seats.get(pick.id)! - 1);
    cost += pick.cost;
  }
  return { assignments, value: planValue(instance, assignments), cost };
}

const maxExhaustivePairs = 20;

/** The exact optimum by enumerating every allowed set of candidate pairs (≤ 20 pairs). */
export function exhaustive(instance: PlanInstance): PlanResult {
  const pairs: PlanAssignment[] = [];
  for (const e of instance.employees)
    for (const o of instance.offerings) if (mayAttend(e, o)) pairs.push({ employeeId: e.id, offeringId: o.id });
  if (pairs.length > maxExhaustivePairs) throw new Error(`exhaustive search over ${pairs.length} pairs refused`);
  let best: PlanAssignment[] = [];
  let bestValue = 0;
  const chosen: PlanAssignment[] = [];
  const visit = (i: number) => {
    if (planViolations(instance, chosen).length > 0) return;
    if (i === pairs.length) {
      const value = planValue(instance, chosen);
      if (value > bestValue) [best, bestValue] = [[...chosen], value];
      return;
    }
    chosen.push(pairs[i]!);
    visit(i + 1);
    chosen.pop();
    visit(i + 1);
  };
  visit(0);
  return { assignments: best, value: bestValue, cost: planCost(instance, best) };
}
