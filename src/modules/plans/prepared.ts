/**
 * The instance in flat typed arrays, built once: gaps with their effective weights, and the
 * candidate pairs (employee, offering) that may be planned — eligible, closing at least one gap —
 * each with the gaps it touches. Typed arrays keep 50,000 employees × 200 offerings in a few tens
 * of megabytes; per employee only the best `perEmployeeCandidates` pairs are kept.
 */
import { gapWeight, jpBonus } from './objective';
import type { PlanInstance } from './types';

export interface Prepared {
  instance: PlanInstance;
  cap: number;
  /** Per employee: its gaps are gapStart[e] .. gapStart[e+1]. */
  gapStart: Int32Array;
  gapSize: Float64Array;
  gapW: Float64Array;
  bonus: Float64Array;
  jpNeed: Float64Array;
  cost: Float64Array;
  jp: Float64Array;
  capacity: Int32Array;
  program: Int32Array;
  /** The lowest cost of any offering: once less budget is left, no greedy pass can add anything. */
  cheapest: number;
  /** Candidates are grouped by employee: candStart[e] .. candStart[e+1]. */
  candStart: Int32Array;
  candEmployee: Int32Array;
  candOffering: Int32Array;
  /** Value of the pair alone. */
  candValue: Float64Array;
  /** The gaps a candidate closes: termStart[c] .. termStart[c+1] index termGap/termGain. */
  termStart: Int32Array;
  termGap: Int32Array;
  termGain: Float64Array;
}

export function prepare(instance: PlanInstance, perEmployeeCandidates: number): Prepared {
  const { employees, offerings } = instance;
  const E = employees.length;
  const O = offerings.length;
  const programIds = new Map<string, number>();
  const program = Int32Array.from(
    offerings,
    (o) => programIds.get(o.programId) ?? programIds.set(o.programId, programIds.size).get(o.programId)!,
  );
  const compIds = new Map<string, number>();
  const comp = (id: string) => compIds.get(id) ?? compIds.set(id, compIds.size).get(id)!;
  // One entry per competency: an offering listing a competency twice gains the sum, as in planValue.
  const offeringGains = offerings.map((o) => {
    const sums = new Map<number, number>();
    for (const g of o.gains) sums.set(comp(g.competencyId), (sums.get(comp(g.competencyId)) ?? 0) + g.gain);
    return [...sums].filter(([, gain]) => gain > 0).map(([c, gain]) => ({ comp: c, gain }));
  });
  const offeringsByComp: number[][] = [];
  for (const [o, gains] of offeringGains.entries()) {
    for (const g of gains) {
      offeringsByComp[g.comp] ??= [];
      offeringsByComp[g.comp]?.push(o);
    }
  }

  const gapStart = new Int32Array(E + 1);
  let gaps = 0;
  employees.forEach((e, i) => {
    gapStart[i] = gaps;
    gaps += e.gaps.length;
  });
  gapStart[E] = gaps;
  const gapSize = new Float64Array(gaps);
  const gapW = new Float64Array(gaps);
  const gapComp = new Int32Array(gaps);
  const bonus = new Float64Array(E);
  const jpNeed = new Float64Array(E);
  employees.forEach((e, i) => {
    e.gaps.forEach((g, j) => {
      const k = gapStart[i]! + j;
      gapSize[k] = Math.max(0, g.gap);
      gapW[k] = Math.max(0, gapWeight(instance, e, g.competencyId, g.weight));
      gapComp[k] = comp(g.competencyId);
    });
    bonus[i] = jpBonus(instance, e);
    jpNeed[i] = e.jpTarget - e.jpEarned;
  });

  const eligible = offerings.map((o) => (o.eligibleEmployeeIds ? new Set(o.eligibleEmployeeIds) : null));
  const candStart = new Int32Array(E + 1);
  const candEmployee = new Grow(Int32Array);
  const candOffering = new Grow(Int32Array);
  const candValue = new Grow(Float64Array);
  const termStart = new Grow(Int32Array);
  const termGap = new Grow(Int32Array);
  const termGain = new Grow(Float64Array);
  termStart.push(0);
  const closure = new Float64Array(O);
  const seen = new Uint8Array(O);
  const alone = new Float64Array(O);
  const perRupiah = new Float64Array(O);
  const cost = Float64Array.from(offerings, (o) => o.cost);
  const jp = Float64Array.from(offerings, (o) => o.jp);
  for (let e = 0; e < E; e++) {
    candStart[e] = candEmployee.length;
    const touched: number[] = [];
    for (let k = gapStart[e]!; k < gapStart[e + 1]!; k++) {
      if (gapSize[k]! <= 0 || gapW[k]! <= 0) continue;
      for (const o of offeringsByComp[gapComp[k]!] ?? []) {
        if (!seen[o]) {
          seen[o] = 1;
          closure[o] = 0;
          touched.push(o);
        }
        for (const g of offeringGains[o]!) if (g.comp === gapComp[k]) closure[o]! += gapW[k]! * Math.min(gapSize[k]!, g.gain);
      }
    }
    const employee = employees[e]!;
    const kept = touched.filter((o) => {
      seen[o] = 0;
      const set = eligible[o];
      return closure[o]! > 0 && (set ? set.has(employee.id) : true);
    });
    // The pair's value alone, computed once per pair (the ranking below compares it many times).
    for (const o of kept) {
      alone[o] = closure[o]! + (jp[o]! >= jpNeed[e]! ? bonus[e]! : 0);
      perRupiah[o] = alone[o]! / Math.max(cost[o]!, 1);
    }
    for (const o of topCandidates(kept, alone, perRupiah, perEmployeeCandidates)) {
      candEmployee.push(e);
      candOffering.push(o);
      candValue.push(alone[o]!);
      for (let k = gapStart[e]!; k < gapStart[e + 1]!; k++) {
        if (gapSize[k]! <= 0 || gapW[k]! <= 0) continue;
        for (const g of offeringGains[o]!) {
          if (g.comp !== gapComp[k]) continue;
          termGap.push(k);
          termGain.push(g.gain);
        }
      }
      termStart.push(termGap.length);
    }
  }
  candStart[E] = candEmployee.length;
  return {
    instance,
    cap: Math.max(0, Math.floor(instance.options.perPersonCap)),
    gapStart,
    gapSize,
    gapW,
    bonus,
    jpNeed,
    cost,
    jp,
    capacity: Int32Array.from(offerings, (o) => Math.max(0, Math.floor(o.capacity))),
    program,
    cheapest: offerings.reduce((min, o) => Math.min(min, o.cost), Infinity),
    candStart,
    candEmployee: candEmployee.done(),
    candOffering: candOffering.done(),
    candValue: candValue.done(),
    termStart: termStart.done(),
    termGap: termGap.done(),
    termGain: termGain.done(),
  };
}

/** A typed array that grows by doubling, so building never holds boxed numbers. */
class Grow<T extends Int32Array | Float64Array> {
  private data: T;
  length = 0;
  constructor(private readonly make: new (size: number) => T) {
    this.data = new make(1024);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/** Half the slots to the most valuable pairs, the rest to the best value per rupiah. */
function topCandidates(pairs: number[], value: Float64Array, density: Float64Array, k: number): number[] {
  if (pairs.length <= k) return pairs;
  const byValue = pairs
    .slice()
    .sort((a, b) => value[b]! - value[a]! || a - b)
    .slice(0, Math.ceil(k / 2));
  const chosen = new Set(byValue);
  for (const o of pairs.slice().sort((a, b) => density[b]! - density[a]! || a - b)) {
    if (chosen.size >= k) break;
    chosen.add(o);
  }
  return [...chosen].sort((a, b) => a - b);
}
