/**
 * The moves the optimizer is made of: a greedy pass (add the best pair by some key while it is
 * positive and allowed), the repair to the budget, and the local improvement (take one or two
 * pairs out, refill, keep it only if the plan got better). None of them ever leaves the plan over
 * capacity or cap; only `grow` with an infinite budget may leave it over budget, for `repair`.
 */
import { MaxHeap } from './heap';
import type { PlanState } from './state';

export type Key = (state: PlanState, c: number) => number;

export const value: Key = (s, c) => s.gain(c);
export const density: Key = (s, c) => s.gain(c) / Math.max(s.p.cost[s.p.candOffering[c]!]!, 1);
export const lagrangian =
  (lambda: number): Key =>
  (s, c) =>
    s.gain(c) - lambda * s.p.cost[s.p.candOffering[c]!]!;

/** Greedy from the current plan over `pool` (all candidates when absent); returns what it added. */
export function grow(s: PlanState, key: Key, budget: number, pool?: readonly number[], excluded?: ReadonlySet<number>): number[] {
  const p = s.p;
  const heap = new MaxHeap(pool ? pool.length + 16 : 4096);
  const stamp = s.stamp;
  const generation = pool ? ++s.poolGeneration : 0;
  const offer = (c: number) => {
    if (excluded?.has(c) || !s.fits(c) || p.cost[p.candOffering[c]!]! > budget - s.cost) return;
    const k = key(s, c);
    if (k > 0) heap.push(k, c, stamp[p.candEmployee[c]!]!);
  };
  if (pool)
    for (const c of pool) {
      s.poolMark[c] = generation;
      offer(c);
    }
  else for (let c = 0; c < p.candEmployee.length; c++) offer(c);
  const added: number[] = [];
  const cheapest = s.p.cheapest;
  // Once no rupiah or no seat is left nothing more fits: stopping there changes no result, and with
  // an unlimited budget (the price search) it spares popping the rest of a heap of every pair.
  while (heap.size > 0 && budget - s.cost >= cheapest && s.freeSeats > 0) {
    const { item: c, stamp: st } = heap.pop();
    const e = p.candEmployee[c]!;
    if (st !== stamp[e] || !s.fits(c) || p.cost[p.candOffering[c]!]! > budget - s.cost) continue;
    s.add(c);
    added.push(c);
    stamp[e]!++;
    for (let d = p.candStart[e]!; d < p.candStart[e + 1]!; d++) if (!pool || s.poolMark[d] === generation) offer(d);
  }
  return added;
}

/** Takes out the pairs that lose the least value per rupiah until the plan is within budget. */
export function repair(s: PlanState, budget: number): void {
  const p = s.p;
  let members = s.members();
  while (s.cost > budget && members.length > 0) {
    let worst = -1;
    let worstRatio = Infinity;
    for (const c of members) {
      const ratio = s.loss(c) / Math.max(p.cost[p.candOffering[c]!]!, 1);
      if (ratio < worstRatio) [worst, worstRatio] = [c, ratio];
    }
    s.remove(worst);
    members = members.filter((c) => c !== worst);
  }
}

export interface ImproveLimits {
  /** Unplanned pairs (best value per rupiah first) a refill may use. */
  pool: number;
  /** Pairs tried for taking out alone, weakest first. */
  singles: number;
  /** The weakest pairs whose every two are tried together. */
  doubles: number;
  /** The weakest pairs whose every three are tried together. */
  triples: number;
  /** The weakest pairs each tried against `swapsIn` best unplanned ones, one out one in, then refill. */
  swaps: number;
  swapsIn: number;
  /** The weakest pairs whose every two are tried against the same best unplanned ones. */
  pairSwaps: number;
  rounds: number;
}

/** Local search: out one, two or three, refill by value per rupiah then by value, keep strict gains only. */
export function improve(s: PlanState, budget: number, limits: ImproveLimits): void {
  const p = s.p;
  for (let round = 0; round < limits.rounds; round++) {
    const members = s.members();
    const weak = members
      .map((c) => ({ c, r: s.loss(c) / Math.max(p.cost[p.candOffering[c]!]!, 1) }))
      .sort((a, b) => a.r - b.r || a.c - b.c)
      .map((x) => x.c);
    const unplanned = bestUnplanned(s, limits.pool);
    const trials: { out: number[]; into?: number }[] = weak.slice(0, limits.singles).map((c) => ({ out: [c] }));
    const few = weak.slice(0, limits.doubles);
    for (let i = 0; i < few.length; i++) for (let j = i + 1; j < few.length; j++) trials.push({ out: [few[i]!, few[j]!] });
    const fewer = weak.slice(0, limits.triples);
    for (let i = 0; i < fewer.length; i++)
      for (let j = i + 1; j < fewer.length; j++)
        for (let k = j + 1; k < fewer.length; k++) trials.push({ out: [fewer[i]!, fewer[j]!, fewer[k]!] });
    const swapIn = unplanned.slice(0, limits.swapsIn);
    for (const c of weak.slice(0, limits.swaps)) for (const d of swapIn) trials.push({ out: [c], into: d });
    const swapOut = weak.slice(0, limits.pairSwaps);
    for (let i = 0; i < swapOut.length; i++)
      for (let j = i + 1; j < swapOut.length; j++) for (const d of swapIn) trials.push({ out: [swapOut[i]!, swapOut[j]!], into: d });
    trials.push({ out: [] });
    let better = false;
    for (const { out, into } of trials) {
      if (tryMove(s, out, into, budget, [...out, ...unplanned])) {
        better = true;
        break;
      }
    }
    if (!better) return;
  }
}

/** Out `out`, in `into` if given, then refill from `pool`; keeps the result only on a strict gain. */
function tryMove(s: PlanState, out: readonly number[], into: number | undefined, budget: number, pool: readonly number[]): boolean {
  const before = s.value;
  for (const c of out) s.remove(c);
  if (into !== undefined && (!s.fits(into) || s.p.cost[s.p.candOffering[into]!]! > budget - s.cost)) {
    for (const c of out) s.add(c);
    return false;
  }
  if (into !== undefined) s.add(into);
  const excluded = new Set(out);
  for (const key of [density, value]) {
    const added = grow(s, key, budget, pool, excluded);
    added.push(...grow(s, density, budget, pool));
    if (s.value > before + 1e-9 * Math.max(1, Math.abs(before))) return true;
    for (const c of added) s.remove(c);
  }
  if (into !== undefined) s.remove(into);
  for (const c of out) s.add(c);
  return false;
}

/** The `limit` unplanned pairs with the best value per rupiah alone, kept in a bounded heap. */
function bestUnplanned(s: PlanState, limit: number): number[] {
  const p = s.p;
  const weakest = new MaxHeap(limit + 1);
  for (let c = 0; c < p.candEmployee.length; c++) {
    if (s.inPlan[c]) continue;
    weakest.push(-p.candValue[c]! / Math.max(p.cost[p.candOffering[c]!]!, 1), c, 0);
    if (weakest.size > limit) weakest.pop();
  }
  const out: number[] = [];
  while (weakest.size > 0) out.push(weakest.pop().item);
  return out.reverse();
}

export interface ReseatLimits {
  /** Unplanned pairs per full offering (most valuable first) tried for one of its seats. */
  perOffering: number;
  rounds: number;
}

/**
 * Seats of the full offerings to whoever gains most: for an unplanned pair (e, o) of a full
 * offering o and a pair (f, o) holding one of its seats, e takes f's seat (dropping one of e's own
 * offerings when e is at the cap or already in o's program), then f and e are refilled from their
 * own candidates within the budget. Kept only on a strict gain. The seat itself costs the same
 * (same offering), so moves stay within the budget. A pass over every full offering is repeated
 * while it finds gains, at most `rounds` times. Returns whether the plan got better.
 */
export function reseat(s: PlanState, budget: number, limits: ReseatLimits): boolean {
  const p = s.p;
  // What refilling an employee could add at most: its best pair alone, plus the JP bonus.
  const employees = p.bonus.length;
  const refill = new Float64Array(employees);
  for (let c = 0; c < p.candEmployee.length; c++) {
    const e = p.candEmployee[c]!;
    refill[e] = Math.max(refill[e]!, p.candValue[c]! + p.bonus[e]!);
  }
  let improved = false;
  for (let round = 0; round < limits.rounds; round++) {
    const seated: number[][] = Array.from(p.capacity, () => []);
    for (const c of s.members()) seated[p.candOffering[c]!]!.push(c);
    const waiting: number[][] = Array.from(p.capacity, () => []);
    for (let c = 0; c < p.candEmployee.length; c++) {
      const o = p.candOffering[c]!;
      if (!s.inPlan[c] && s.seats[o]! >= p.capacity[o]! && p.capacity[o]! > 0) waiting[o]!.push(c);
    }
    let gained = false;
    for (let o = 0; o < waiting.length; o++) {
      const best = waiting[o]!.sort((a, b) => p.candValue[b]! - p.candValue[a]! || a - b).slice(0, limits.perOffering);
      for (const d of best) {
        if (s.inPlan[d]) continue;
        for (const c of seated[o]!) {
          if (!s.inPlan[c] || p.candEmployee[c] === p.candEmployee[d]) continue;
          if (takeSeat(s, budget, c, d, refill)) {
            gained = true;
            seated[o] = seated[o]!.filter((x) => x !== c).concat(d);
            break;
          }
        }
      }
    }
    if (!gained) break;
    improved = true;
  }
  return improved;
}

/** d takes c's seat (same offering); see `reseat`. `refill[e]` bounds what refilling e can add. */
function takeSeat(s: PlanState, budget: number, c: number, d: number, refill: Float64Array): boolean {
  const p = s.p;
  const before = s.value;
  const e = p.candEmployee[d]!;
  const f = p.candEmployee[c]!;
  const costD = p.cost[p.candOffering[d]!]!;
  s.remove(c);
  // Which of e's own pairs (if any) must make way for d: none, or each one in turn.
  const own: number[] = [-1];
  for (let x = p.candStart[e]!; x < p.candStart[e + 1]!; x++) if (s.inPlan[x]) own.push(x);
  for (const x of own) {
    if (x >= 0) s.remove(x);
    if (s.fits(d) && costD <= budget - s.cost) {
      // At most what d adds now plus what refilling f (and e, when it gave one up) could add.
      const room = budget - s.cost - costD >= p.cheapest;
      const bound = s.value + s.gain(d) + (room ? refill[f]! + (x >= 0 ? refill[e]! : 0) : 0);
      if (bound > before + 1e-9 * Math.max(1, Math.abs(before))) {
        s.add(d);
        const pool: number[] = [];
        for (let y = p.candStart[f]!; y < p.candStart[f + 1]!; y++) pool.push(y);
        for (let y = p.candStart[e]!; y < p.candStart[e + 1]!; y++) pool.push(y);
        const added = grow(s, density, budget, pool);
        if (s.value > before + 1e-9 * Math.max(1, Math.abs(before))) return true;
        for (const y of added) s.remove(y);
        s.remove(d);
      }
    }
    if (x >= 0) s.add(x);
  }
  s.add(c);
  return false;
}
