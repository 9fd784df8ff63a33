import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planValue, planViolations } from '../../../src/modules/plans/objective';
import { optimizePlan } from '../../../src/modules/plans/optimizer';
import { density, grow, improve, lagrangian, reseat } from '../../../src/modules/plans/passes';
import { prepare } from '../../../src/modules/plans/prepared';
import { PlanState } from '../../../src/modules/plans/state';
import type { PlanInstance } from '../../../src/modules/plans/types';

/** Fixed, and in the test names so a failure names it; fast-check also prints it with the counterexample. */
const seed = 20261130;

const competencies = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];

/**
 * Instances larger than the exhaustive search can take (up to 40 employees, 12 offerings), with
 * few seats per offering, so that the seats of the cheap offerings run out and the local search
 * has seats to move, tight budgets, per-person caps of 0–3 and programs shared by offerings.
 */
const mediumInstance: fc.Arbitrary<PlanInstance> = fc
  .record({
    employees: fc.array(
      fc.record({
        unit: fc.constantFrom('u1', 'u2'),
        jpEarned: fc.constantFrom(0, 8, 12, 20),
        gaps: fc.uniqueArray(
          fc.record({ c: fc.constantFrom(...competencies), gap: fc.integer({ min: 0, max: 3 }), weight: fc.integer({ min: 1, max: 5 }) }),
          { minLength: 1, maxLength: 4, selector: (g) => g.c },
        ),
      }),
      { minLength: 5, maxLength: 40 },
    ),
    offerings: fc.array(
      fc.record({
        program: fc.integer({ min: 0, max: 6 }),
        cost: fc.integer({ min: 1, max: 12 }).map((n) => n * 500_000),
        jp: fc.constantFrom(8, 12, 16, 24),
        capacity: fc.integer({ min: 0, max: 5 }),
        gains: fc.uniqueArray(fc.record({ c: fc.constantFrom(...competencies), gain: fc.integer({ min: 1, max: 2 }) }), {
          minLength: 1,
          maxLength: 3,
          selector: (g) => g.c,
        }),
      }),
      { minLength: 3, maxLength: 12 },
    ),
    budget: fc.integer({ min: 0, max: 80 }).map((n) => n * 500_000),
    cap: fc.integer({ min: 0, max: 3 }),
    bonus: fc.constantFrom(0, 3, 6),
  })
  .map(
    (r): PlanInstance => ({
      employees: r.employees.map((e, i) => ({
        id: `e${i}`,
        unitId: e.unit,
        jpEarned: e.jpEarned,
        jpTarget: 20,
        gaps: e.gaps.map((g) => ({ competencyId: g.c, gap: g.gap, weight: g.weight })),
      })),
      offerings: r.offerings.map((o, i) => ({
        id: `o${i}`,
        programId: `p${o.program}`,
        cost: o.cost,
        jp: o.jp,
        capacity: o.capacity,
        gains: o.gains.map((g) => ({ competencyId: g.c, gain: g.gain })),
      })),
      budget: r.budget,
      options: { perPersonCap: r.cap, jpTargetBonus: r.bonus, unitWeights: { u2: 1.5 } },
    }),
  );

const assignmentsOf = (instance: PlanInstance, s: PlanState) =>
  s.members().map((c) => ({
    employeeId: instance.employees[s.p.candEmployee[c]!]!.id,
    offeringId: instance.offerings[s.p.candOffering[c]!]!.id,
  }));

const improveLimits = { pool: 512, singles: 64, doubles: 16, triples: 8, swaps: 16, swapsIn: 24, pairSwaps: 10, rounds: 4 };

describe('local search keeps every rule', () => {
  it(`after the seat exchange and the exchange moves, the plan is within budget, seats, cap and programs, and never worse (seed ${seed})`, () => {
    fc.assert(
      fc.property(mediumInstance, fc.double({ min: 0, max: 3e-6, noNaN: true }), (instance, lambda) => {
        const p = prepare(instance, 16);
        const s = new PlanState(p);
        // A start from the price search's kind of greedy, repaired to the budget by the density fill's rules.
        grow(s, lagrangian(lambda), instance.budget);
        grow(s, density, instance.budget);
        const before = s.value;
        reseat(s, instance.budget, { perOffering: 64, rounds: 30 });
        const reseated = s.value;
        expect(reseated).toBeGreaterThanOrEqual(before - 1e-9);
        improve(s, instance.budget, improveLimits);
        expect(s.value).toBeGreaterThanOrEqual(reseated - 1e-9);
        const plan = assignmentsOf(instance, s);
        expect(planViolations(instance, plan)).toEqual([]);
        expect(s.value).toBeCloseTo(planValue(instance, plan), 9);
        expect(s.cost).toBeLessThanOrEqual(instance.budget);
      }),
      { numRuns: 400, seed },
    );
  });

  it(`the whole optimizer on the same instances breaks no rule and scores its plan truly (seed ${seed})`, () => {
    fc.assert(
      fc.property(mediumInstance, (instance) => {
        const plan = optimizePlan(instance);
        expect(planViolations(instance, plan.assignments)).toEqual([]);
        expect(plan.value).toBeCloseTo(planValue(instance, plan.assignments), 9);
        expect(plan.cost).toBeLessThanOrEqual(instance.budget);
      }),
      { numRuns: 200, seed: seed + 1 },
    );
  });
});

describe('seat exchange (hand-computed)', () => {
  // One seat in `o`: f gains 5 from it and 4 from `o2` (free seats); e gains 4 from `o` and has
  // nothing else. One offering each. Greedy gives the seat to f (5); e in o and f in o2 make 8.
  const instance: PlanInstance = {
    employees: [
      {
        id: 'f',
        unitId: 'u',
        jpEarned: 20,
        jpTarget: 20,
        gaps: [
          { competencyId: 'k1', gap: 1, weight: 5 },
          { competencyId: 'k2', gap: 1, weight: 4 },
        ],
      },
      { id: 'e', unitId: 'u', jpEarned: 20, jpTarget: 20, gaps: [{ competencyId: 'k1', gap: 1, weight: 4 }] },
    ],
    offerings: [
      { id: 'o', programId: 'p1', cost: 1_000_000, jp: 8, capacity: 1, gains: [{ competencyId: 'k1', gain: 1 }] },
      { id: 'o2', programId: 'p2', cost: 1_000_000, jp: 8, capacity: 5, gains: [{ competencyId: 'k2', gain: 1 }] },
    ],
    budget: 2_000_000,
    options: { perPersonCap: 1, jpTargetBonus: 0 },
  };

  it('gives the seat to the employee who has no other course and moves the other to theirs', () => {
    const p = prepare(instance, 16);
    const s = new PlanState(p);
    grow(s, density, instance.budget);
    expect(assignmentsOf(instance, s)).toEqual([{ employeeId: 'f', offeringId: 'o' }]);
    expect(s.value).toBe(5);
    expect(reseat(s, instance.budget, { perOffering: 64, rounds: 30 })).toBe(true);
    expect(s.value).toBe(8);
    expect(assignmentsOf(instance, s).sort((a, b) => a.employeeId.localeCompare(b.employeeId))).toEqual([
      { employeeId: 'e', offeringId: 'o' },
      { employeeId: 'f', offeringId: 'o2' },
    ]);
    expect(planViolations(instance, assignmentsOf(instance, s))).toEqual([]);
  });

  it('moves nothing when the budget leaves the displaced employee no course', () => {
    const p = prepare({ ...instance, budget: 1_000_000 }, 16);
    const s = new PlanState(p);
    grow(s, density, 1_000_000);
    expect(reseat(s, 1_000_000, { perOffering: 64, rounds: 30 })).toBe(false);
    expect(s.value).toBe(5);
  });
});
