/**
 * The one definition of what a plan is worth and when it is allowed. The optimizer, the exhaustive
 * search and the naive greedy all score with `planValue`, so they can be compared at all. It must
 * never count a gap twice: two offerings closing the same gap close at most the gap.
 */
import type { PlanAssignment, PlanEmployee, PlanInstance, PlanOffering } from './types';

/** The weight a gap counts with, after the unit and competency priorities. */
export const gapWeight = (instance: PlanInstance, employee: PlanEmployee, competencyId: string, weight: number): number =>
  weight * (instance.options.unitWeights?.[employee.unitId] ?? 1) * (instance.options.competencyWeights?.[competencyId] ?? 1);

/** The JP bonus an employee brings when lifted to the target (0 when already there). */
export const jpBonus = (instance: PlanInstance, employee: PlanEmployee): number =>
  employee.jpEarned < employee.jpTarget ? instance.options.jpTargetBonus * (instance.options.unitWeights?.[employee.unitId] ?? 1) : 0;

/** Σ over employees and gaps of weight × min(gap, Σ gains assigned) + the bonus per employee lifted to the JP target. */
export function planValue(instance: PlanInstance, assignments: readonly PlanAssignment[]): number {
  const offerings = new Map(instance.offerings.map((o) => [o.id, o]));
  const byEmployee = new Map<string, PlanOffering[]>();
  for (const a of assignments) {
    const offering = offerings.get(a.offeringId);
    if (!offering) continue;
    const list = byEmployee.get(a.employeeId) ?? [];
    list.push(offering);
    byEmployee.set(a.employeeId, list);
  }
  let value = 0;
  for (const employee of instance.employees) {
    const attended = byEmployee.get(employee.id);
    if (!attended) continue;
    for (const g of employee.gaps) {
      if (g.gap <= 0) continue;
      let covered = 0;
      for (const o of attended) for (const gain of o.gains) if (gain.competencyId === g.competencyId) covered += gain.gain;
      value += gapWeight(instance, employee, g.competencyId, g.weight) * Math.min(g.gap, covered);
    }
    const jp = attended.reduce((sum, o) => sum + o.jp, employee.jpEarned);
    if (jp >= employee.jpTarget) value += jpBonus(instance, employee);
  }
  return value;
}

/** Whether attending `offering` would close any of the employee's gaps: only such pairs may be planned. */
const closesAGap = (employee: PlanEmployee, offering: PlanOffering): boolean =>
  offering.gains.some(
    (gain) => gain.gain > 0 && employee.gaps.some((g) => g.gap > 0 && g.weight > 0 && g.competencyId === gain.competencyId),
  );

export const mayAttend = (employee: PlanEmployee, offering: PlanOffering): boolean =>
  (offering.eligibleEmployeeIds === undefined || offering.eligibleEmployeeIds.includes(employee.id)) && closesAGap(employee, offering);

export const planCost = (instance: PlanInstance, assignments: readonly PlanAssignment[]): number => {
  const cost = new Map(instance.offerings.map((o) => [o.id, o.cost]));
  return assignments.reduce((sum, a) => sum + (cost.get(a.offeringId) ?? 0), 0);
};

/** Every rule the plan breaks, in words; empty when the plan is allowed. */
export function planViolations(instance: PlanInstance, assignments: readonly PlanAssignment[]): string[] {
  const problems: string[] = [];
  const employees = new Map(instance.employees.map((e) => [e.id, e]));
  const offerings = new Map(instance.offerings.map((o) => [o.id, o]));
  const seats = new Map<string, number>();
  const perEmployee = new Map<string, Set<string>>();
  for (const a of assignments) {
    const employee = employees.get(a.employeeId);
    const offering = offerings.get(a.offeringId);
    if (!employee || !offering) {
      problems.push(`unknown pair ${a.employeeId}/${a.offeringId}`);
      continue;
    }
    if (!mayAttend(employee, offering)) problems.push(`${employee.id} may not attend ${offering.id} or it closes no gap`);
    const programs = perEmployee.get(employee.id) ?? new Set<string>();
    if (programs.has(offering.programId)) problems.push(`${employee.id} attends program ${offering.programId} twice`);
    programs.add(offering.programId);
    perEmployee.set(employee.id, programs);
    if (programs.size > instance.options.perPersonCap) problems.push(`${employee.id} over the per-person cap`);
    seats.set(offering.id, (seats.get(offering.id) ?? 0) + 1);
  }
  for (const [id, used] of seats) if (used > (offerings.get(id)?.capacity ?? 0)) problems.push(`${id} over capacity`);
  const cost = planCost(instance, assignments);
  if (cost > instance.budget) problems.push(`cost ${cost} over budget ${instance.budget}`);
  return problems;
}
