import fc from 'fast-check';
import { mayAttend } from '../../../src/modules/plans/objective';
import type { PlanInstance } from '../../../src/modules/plans/types';

/** Candidate pairs as the exhaustive search sees them. */
export const pairCount = (i: PlanInstance) => i.employees.reduce((n, e) => n + i.offerings.filter((o) => mayAttend(e, o)).length, 0);

const competencies = ['k1', 'k2', 'k3'];

/** Small instances (≤ 14 candidate pairs) with shared gaps, JP thresholds, tight seats and budgets. */
export const smallInstance: fc.Arbitrary<PlanInstance> = fc
  .record({
    employees: fc.array(
      fc.record({
        unit: fc.constantFrom('u1', 'u2'),
        jpEarned: fc.constantFrom(0, 5, 12, 18, 20),
        gaps: fc.array(
          fc.record({
            c: fc.constantFrom(...competencies),
            gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
            weight: fc.integer({ min: 1, max: 5 }),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      { minLength: 2, maxLength: 5 },
    ),
    offerings: fc.array(
      fc.record({
        program: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5'),
        cost: fc.integer({ min: 0, max: 12 }).map((n) => n * 500_000),
        jp: fc.constantFrom(0, 3, 8, 12, 20),
        capacity: fc.integer({ min: 0, max: 3 }),
        gains: fc.array(fc.record({ c: fc.constantFrom(...competencies), gain: fc.integer({ min: 1, max: 2 }) }), {
          minLength: 1,
          maxLength: 2,
        }),
        onlyFirst: fc.boolean(),
      }),
      { minLength: 2, maxLength: 5 },
    ),
    budget: fc.integer({ min: 0, max: 30 }).map((n) => n * 500_000),
    cap: fc.integer({ min: 0, max: 3 }),
    bonus: fc.constantFrom(0, 2, 5, 10),
    unitWeight: fc.constantFrom(1, 2),
    k3Weight: fc.constantFrom(1, 0.5, 3),
  })
  .map(
    (r): PlanInstance => ({
      employees: r.employees.map((e, i) => ({
        id: `e${i}`,
        unitId: e.unit,
        jpEarned: e.jpEarned,
        jpTarget: 20,
        gaps: dedupe(e.gaps).map((g) => ({ competencyId: g.c, gap: g.gap, weight: g.weight })),
      })),
      offerings: r.offerings.map((o, i) => ({
        id: `o${i}`,
        programId: o.program,
        cost: o.cost,
        jp: o.jp,
        capacity: o.capacity,
        gains: o.gains.map((g) => ({ competencyId: g.c, gain: g.gain })),
        ...(o.onlyFirst && i % 2 === 1 ? { eligibleEmployeeIds: ['e0'] } : {}),
      })),
      budget: r.budget,
      options: { perPersonCap: r.cap, jpTargetBonus: r.bonus, unitWeights: { u2: r.unitWeight }, competencyWeights: { k3: r.k3Weight } },
    }),
  )
  .filter((i) => pairCount(i) <= 14);

const dedupe = <T extends { c: string }>(xs: T[]) => xs.filter((x, i) => xs.findIndex((y) => y.c === x.c) === i);
