/**
 * Turns the optimizer's assignments into plan lines that say which gaps they close (competency,
 * from → to, weight) and into the plan's totals: budget used, weighted gap closed as a share of all
 * weighted gaps in scope, employees reaching the JP target of their employment type, each also by unit. Pure; it must count
 * a gap at most once however many lines of one employee close it.
 */

import type { BuiltInstance } from './instance';
import { gapWeight } from './objective';
import type { PlanResult } from './types';

export interface LineGap {
  competencyId: string;
  from: number;
  to: number;
  weight: number;
}

interface ExplainedLine {
  seq: number;
  employeeId: string;
  unitId: string;
  offeringId: string;
  programId: string;
  cost: number;
  jpCenti: number;
  value: number;
  gaps: LineGap[];
}

interface UnitTotals {
  unitId: string;
  employees: number;
  lines: number;
  cost: number;
  weightedGap: number;
  closed: number;
  reachingTargetBefore: number;
  reachingTargetAfter: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function explain(built: BuiltInstance, result: PlanResult, naive: PlanResult) {
  const { instance, gapStart, required, jpTargets } = built;
  const employeeIndex = new Map(instance.employees.map((e, i) => [e.id, i]));
  const offerings = new Map(instance.offerings.map((o) => [o.id, o]));
  const byUnit = new Map<string, UnitTotals>();
  const unitOf = (id: string) =>
    byUnit.get(id) ??
    byUnit
      .set(id, { unitId: id, employees: 0, lines: 0, cost: 0, weightedGap: 0, closed: 0, reachingTargetBefore: 0, reachingTargetAfter: 0 })
      .get(id)!;
  for (const e of instance.employees) {
    const u = unitOf(e.unitId);
    u.employees++;
    for (const g of e.gaps) u.weightedGap += gapWeight(instance, e, g.competencyId, g.weight) * g.gap;
    if (e.jpEarned >= e.jpTarget) u.reachingTargetBefore++;
  }
  // Lines in a stable order: by employee, then offering; each closes what is left of each gap.
  const sorted = [...result.assignments].sort((a, b) =>
    a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : a.offeringId < b.offeringId ? -1 : 1,
  );
  const reached = new Map<string, number>();
  const lines: ExplainedLine[] = [];
  let level = new Map<string, number>();
  let current = '';
  for (const a of sorted) {
    const i = employeeIndex.get(a.employeeId)!;
    const e = instance.employees[i]!;
    const o = offerings.get(a.offeringId)!;
    if (a.employeeId !== current) [current, level] = [a.employeeId, new Map()];
    const gaps: LineGap[] = [];
    let value = 0;
    for (const gain of o.gains) {
      const j = e.gaps.findIndex((g) => g.competencyId === gain.competencyId);
      if (j < 0) continue;
      const standard = required[gapStart[i]! + j]!;
      const from = level.get(gain.competencyId) ?? standard - e.gaps[j]!.gap;
      const to = Math.min(standard, from + gain.gain);
      if (to <= from) continue;
      level.set(gain.competencyId, to);
      const weight = gapWeight(instance, e, gain.competencyId, e.gaps[j]!.weight);
      gaps.push({ competencyId: gain.competencyId, from, to, weight: round(weight) });
      value += weight * (to - from);
    }
    reached.set(e.id, (reached.get(e.id) ?? e.jpEarned) + o.jp);
    const u = unitOf(e.unitId);
    u.lines++;
    u.cost += o.cost;
    u.closed += value;
    lines.push({
      seq: lines.length + 1,
      employeeId: e.id,
      unitId: e.unitId,
      offeringId: o.id,
      programId: o.programId,
      cost: o.cost,
      jpCenti: Math.round(o.jp * 100),
      value: round(value),
      gaps,
    });
  }
  for (const e of instance.employees) {
    const jp = reached.get(e.id) ?? e.jpEarned;
    if (jp >= e.jpTarget) unitOf(e.unitId).reachingTargetAfter++;
  }
  const units = [...byUnit.values()].sort((a, b) => (a.unitId < b.unitId ? -1 : 1));
  const sum = (f: (u: UnitTotals) => number) => units.reduce((s, u) => s + f(u), 0);
  const weightedGap = sum((u) => u.weightedGap);
  const closed = sum((u) => u.closed);
  const totals = {
    budgetUsed: result.cost,
    lines: lines.length,
    value: round(result.value),
    naiveValue: round(naive.value),
    naiveCost: naive.cost,
    weightedGap: round(weightedGap),
    closed: round(closed),
    closureShare: weightedGap > 0 ? round(closed / weightedGap) : 0,
    employeesInScope: instance.employees.length,
    reachingTargetBefore: sum((u) => u.reachingTargetBefore),
    reachingTargetAfter: sum((u) => u.reachingTargetAfter),
    byUnit: units.map((u) => ({ ...u, weightedGap: round(u.weightedGap), closed: round(u.closed) })),
    jpTarget: jpTargets.pns,
    jpTargets,
  };
  return { lines, totals };
}
export type PlanTotals = ReturnType<typeof explain>['totals'];
