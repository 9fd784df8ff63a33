/**
 * A plan under construction over a prepared instance: which candidates are in, seats used, gap
 * coverage and JP per employee, and the running value and cost, all updated in O(gaps touched).
 * Its value always equals `planValue` of its assignments (the tests check it); it must never accept
 * a pair that breaks capacity, the per-person cap or the one-cohort-per-program rule.
 */
import type { Prepared } from './prepared';

export class PlanState {
  readonly inPlan: Uint8Array;
  readonly seats: Int32Array;
  readonly count: Int32Array;
  readonly covered: Float64Array;
  readonly jpGot: Float64Array;
  /** Scratch for the greedy passes, kept to avoid reallocating per pass: a per-employee change stamp and pool marks. */
  readonly stamp: Int32Array;
  readonly poolMark: Int32Array;
  poolGeneration = 0;
  value = 0;
  cost = 0;
  /** Seats still free over all offerings: at 0 no pair fits any more, so a greedy pass may stop. */
  freeSeats = 0;

  constructor(readonly p: Prepared) {
    this.inPlan = new Uint8Array(p.candEmployee.length);
    this.seats = new Int32Array(p.cost.length);
    this.count = new Int32Array(p.bonus.length);
    this.covered = new Float64Array(p.gapSize.length);
    this.jpGot = new Float64Array(p.bonus.length);
    this.stamp = new Int32Array(p.bonus.length);
    this.poolMark = new Int32Array(p.candEmployee.length);
    for (const seats of p.capacity) this.freeSeats += seats;
  }

  /** Value the candidate would add now (negative never: coverage and JP only grow). */
  gain(c: number): number {
    const p = this.p;
    // Nothing planned for the employee yet: the pair's value alone (the common case by far).
    if (this.count[p.candEmployee[c]!] === 0) return p.candValue[c]!;
    let v = 0;
    for (let t = p.termStart[c]!; t < p.termStart[c + 1]!; t++) {
      const g = p.termGap[t]!;
      const size = p.gapSize[g]!;
      const before = this.covered[g]!;
      if (before < size) v += p.gapW[g]! * (Math.min(size, before + p.termGain[t]!) - before);
    }
    const e = p.candEmployee[c]!;
    const need = p.jpNeed[e]!;
    const got = this.jpGot[e]!;
    if (got < need && got + p.jp[p.candOffering[c]!]! >= need) v += p.bonus[e]!;
    return v;
  }

  /** Value lost if the candidate (in the plan) left. */
  loss(c: number): number {
    const p = this.p;
    let v = 0;
    for (let t = p.termStart[c]!; t < p.termStart[c + 1]!; t++) {
      const g = p.termGap[t]!;
      const size = p.gapSize[g]!;
      const now = this.covered[g]!;
      v += p.gapW[g]! * (Math.min(size, now) - Math.min(size, now - p.termGain[t]!));
    }
    const e = p.candEmployee[c]!;
    const need = p.jpNeed[e]!;
    const got = this.jpGot[e]!;
    if (got >= need && got - p.jp[p.candOffering[c]!]! < need) v += p.bonus[e]!;
    return v;
  }

  /** Seats, cap and program rule; the budget is the caller's choice. */
  fits(c: number): boolean {
    const p = this.p;
    if (this.inPlan[c]) return false;
    const e = p.candEmployee[c]!;
    const o = p.candOffering[c]!;
    if (this.count[e]! >= p.cap || this.seats[o]! >= p.capacity[o]!) return false;
    if (this.count[e]! === 0) return true;
    const program = p.program[o]!;
    for (let d = p.candStart[e]!; d < p.candStart[e + 1]!; d++)
      if (this.inPlan[d] && p.program[p.candOffering[d]!] === program) return false;
    return true;
  }

  add(c: number): void {
    this.value += this.gain(c);
    this.shift(c, 1);
  }

  remove(c: number): void {
    this.value -= this.loss(c);
    this.shift(c, -1);
  }

  private shift(c: number, sign: 1 | -1): void {
    const p = this.p;
    const e = p.candEmployee[c]!;
    const o = p.candOffering[c]!;
    this.inPlan[c] = sign === 1 ? 1 : 0;
    this.seats[o]! += sign;
    this.freeSeats -= sign;
    this.count[e]! += sign;
    this.jpGot[e]! += sign * p.jp[o]!;
    this.cost += sign * p.cost[o]!;
    for (let t = p.termStart[c]!; t < p.termStart[c + 1]!; t++) this.covered[p.termGap[t]!]! += sign * p.termGain[t]!;
  }

  /** The candidates in the plan. */
  members(): number[] {
    const out: number[] = [];
    for (let c = 0; c < this.inPlan.length; c++) if (this.inPlan[c]) out.push(c);
    return out;
  }

  clear(): void {
    for (const c of this.members()) this.remove(c);
    this.value = 0;
    this.cost = 0;
  }

  /** Starts over from `members`, skipping any that would break a rule (the budget is the caller's). */
  load(members: readonly number[]): void {
    this.clear();
    for (const c of members) if (this.fits(c)) this.add(c);
  }
}
