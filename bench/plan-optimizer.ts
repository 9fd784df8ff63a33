/**
 * `npm run bench:plan`: the annual plan optimizer on a synthetic 50,000-employee tenant with 200
 * offerings (deterministic, seeded), against the naive "largest gap first" greedy: time, heap and
 * value side by side. Pure computation, no Worker or database; the heap figure is what the plan
 * service would add to a Worker isolate (limit 128 MB).
 */
import { fileURLToPath } from 'node:url';
import { naiveGreedy, optimizePlan } from '../src/modules/plans/optimizer';
import type { PlanEmployee, PlanInstance, PlanOffering } from '../src/modules/plans/types';

/** mulberry32: small, fast, deterministic. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export function benchInstance(employees = 50_000, offerings = 200, seed = 2026): PlanInstance {
  const r = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const competencies = Array.from({ length: 60 }, (_, i) => `kom_${i}`);
  // 100 positions, each with 10 competencies from the dictionary.
  const positions = Array.from({ length: 100 }, () => {
    const picked = new Set<string>();
    while (picked.size < 10) picked.add(competencies[int(0, competencies.length - 1)]!);
    return [...picked];
  });
  const people: PlanEmployee[] = Array.from({ length: employees }, (_, i) => ({
    id: `emp_${i}`,
    unitId: `unit_${i % 40}`,
    jpEarned: [0, 4, 8, 12, 16, 20, 24][int(0, 6)]!,
    jpTarget: 20,
    gaps: positions[int(0, positions.length - 1)]!.map((competencyId) => ({
      competencyId,
      gap: [0, 0, 1, 1, 1, 2, 2, 3][int(0, 7)]!,
      weight: int(1, 5),
    })),
  }));
  const cohorts: PlanOffering[] = Array.from({ length: offerings }, (_, i) => {
    const gains = new Map<string, number>();
    const count = int(1, 3);
    while (gains.size < count) gains.set(competencies[int(0, competencies.length - 1)]!, int(1, 2));
    return {
      id: `off_${i}`,
      programId: `prog_${Math.floor(i / 2)}`,
      cost: int(1, 30) * 500_000,
      jp: [8, 12, 16, 24, 32][int(0, 4)]!,
      capacity: int(20, 40),
      gains: [...gains].map(([competencyId, gain]) => ({ competencyId, gain })),
    };
  });
  return {
    employees: people,
    offerings: cohorts,
    budget: 2_000_000_000,
    options: { perPersonCap: 2, jpTargetBonus: 3, unitWeights: { unit_0: 1.5 } },
  };
}

export interface OptimizerBench {
  /** Wall time; `cpuMs` is the process CPU time, the figure that counts against a Worker's CPU limit. */
  ms: number;
  cpuMs: number;
  heapMB: number;
  value: number;
  greedyValue: number;
  greedyMs: number;
  budgetUsed: number;
  greedyBudgetUsed: number;
  assignments: number;
  greedyAssignments: number;
}

const heapMB = () => process.memoryUsage().heapUsed / 1_048_576;

export function runOptimizerBench(): OptimizerBench {
  const instance = benchInstance();
  globalThis.gc?.();
  const before = heapMB();
  let peak = before;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const plan = optimizePlan(instance, () => (peak = Math.max(peak, heapMB())));
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  peak = Math.max(peak, heapMB());
  const greedyStarted = performance.now();
  const greedy = naiveGreedy(instance);
  const greedyMs = performance.now() - greedyStarted;
  return {
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    heapMB: Math.round((peak - before) * 10) / 10,
    value: Math.round(plan.value),
    greedyValue: Math.round(greedy.value),
    greedyMs: Math.round(greedyMs),
    budgetUsed: plan.cost,
    greedyBudgetUsed: greedy.cost,
    assignments: plan.assignments.length,
    greedyAssignments: greedy.assignments.length,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const b = runOptimizerBench();
  const rp = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;
  console.table({
    'time, wall (ms)': { optimizer: b.ms, 'naive greedy': b.greedyMs },
    'CPU time (ms)': { optimizer: b.cpuMs, 'naive greedy': '' },
    'weighted gap closure + JP bonus': { optimizer: b.value, 'naive greedy': b.greedyValue },
    'budget used (of Rp 2.000.000.000)': { optimizer: rp(b.budgetUsed), 'naive greedy': rp(b.greedyBudgetUsed) },
    assignments: { optimizer: b.assignments, 'naive greedy': b.greedyAssignments },
    'heap growth, peak (MB)': { optimizer: b.heapMB, 'naive greedy': '' },
  });
}
