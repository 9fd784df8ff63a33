import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planViolations } from '../../../src/modules/plans/objective';
import { exhaustive, naiveGreedy, optimizePlan, planValue } from '../../../src/modules/plans/optimizer';
import { prepare } from '../../../src/modules/plans/prepared';
import { PlanState } from '../../../src/modules/plans/state';
import type { PlanInstance, PlanOffering } from '../../../src/modules/plans/types';
import { pairCount, smallInstance } from './instances';

const employee = (id: string, gaps: [string, number, number][], jpEarned = 20) => ({
  id,
  unitId: 'u1',
  jpEarned,
  jpTarget: 20,
  gaps: gaps.map(([competencyId, gap, weight]) => ({ competencyId, gap, weight })),
});
const offering = (id: string, cost: number, gains: [string, number][], extra: Partial<PlanOffering> = {}): PlanOffering => ({
  id,
  programId: `p_${id}`,
  cost,
  jp: 0,
  capacity: 10,
  gains: gains.map(([competencyId, gain]) => ({ competencyId, gain })),
  ...extra,
});
const options = { perPersonCap: 3, jpTargetBonus: 0 };

describe('plan optimizer against the exact optimum and the naive greedy', () => {
  it('within 2 % of the exhaustive optimum on every generated instance, never breaking a rule, never below the naive greedy', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        expect(pairCount(instance)).toBeLessThanOrEqual(14);
        const plan = optimizePlan(instance);
        const exact = exhaustive(instance);
        expect(planViolations(instance, plan.assignments)).toEqual([]);
        expect(plan.value).toBeCloseTo(planValue(instance, plan.assignments), 9);
        expect(plan.cost).toBeLessThanOrEqual(instance.budget);
        expect(plan.value).toBeGreaterThanOrEqual(0.98 * exact.value - 1e-9);
        expect(plan.value).toBeLessThanOrEqual(exact.value + 1e-9);
        expect(plan.value).toBeGreaterThanOrEqual(naiveGreedy(instance).value - 1e-9);
      }),
      { numRuns: 1500, seed: 9 },
    );
  });
});

describe('incremental plan state', () => {
  it('keeps its value equal to planValue and its rules through any sequence of adds and removes', () => {
    fc.assert(
      fc.property(smallInstance, fc.array(fc.nat(), { maxLength: 30 }), (instance, moves) => {
        const p = prepare(instance, 16);
        const s = new PlanState(p);
        const n = p.candEmployee.length;
        for (const m of moves) {
          if (n === 0) break;
          const c = m % n;
          if (s.inPlan[c]) s.remove(c);
          else if (s.fits(c)) s.add(c);
          const assignments = s.members().map((d) => ({
            employeeId: instance.employees[p.candEmployee[d]!]!.id,
            offeringId: instance.offerings[p.candOffering[d]!]!.id,
          }));
          expect(s.value).toBeCloseTo(planValue(instance, assignments), 9);
          expect(planViolations({ ...instance, budget: Infinity }, assignments)).toEqual([]);
        }
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});

describe('plan value (hand-computed)', () => {
  it('two offerings closing the same gap close it once', () => {
    const instance: PlanInstance = {
      employees: [employee('a', [['k1', 2, 3]])],
      offerings: [offering('x', 1_000_000, [['k1', 2]]), offering('y', 1_000_000, [['k1', 2]])],
      budget: 10_000_000,
      options,
    };
    expect(
      planValue(instance, [
        { employeeId: 'a', offeringId: 'x' },
        { employeeId: 'a', offeringId: 'y' },
      ]),
    ).toBe(6);
    const plan = optimizePlan(instance);
    expect(plan.value).toBe(6);
    expect(plan.assignments).toHaveLength(1);
    expect(plan.cost).toBe(1_000_000);
  });

  it('adds the JP bonus only for an employee lifted from below the target to it', () => {
    const instance: PlanInstance = {
      employees: [employee('below', [['k1', 1, 1]], 12), employee('there', [['k1', 1, 1]], 20)],
      offerings: [offering('x', 1_000_000, [['k1', 1]], { jp: 8 }), offering('short', 1_000_000, [['k1', 1]], { jp: 4 })],
      budget: 10_000_000,
      options: { perPersonCap: 1, jpTargetBonus: 5 },
    };
    expect(planValue(instance, [{ employeeId: 'below', offeringId: 'x' }])).toBe(1 + 5);
    expect(planValue(instance, [{ employeeId: 'below', offeringId: 'short' }])).toBe(1);
    expect(planValue(instance, [{ employeeId: 'there', offeringId: 'x' }])).toBe(1);
    expect(optimizePlan(instance).value).toBe(6 + 1);
  });

  it('uses the budget exactly when that is best, and buys the two cheap pairs over the one dear one', () => {
    const instance: PlanInstance = {
      employees: [employee('a', [['k1', 3, 2]]), employee('b', [['k2', 3, 2]])],
      offerings: [
        offering(
          'dear',
          6_000_000,
          [
            ['k1', 3],
            ['k2', 3],
          ],
          { capacity: 1 },
        ),
        offering('k1', 5_000_000, [['k1', 3]]),
        offering('k2', 5_000_000, [['k2', 3]]),
      ],
      budget: 10_000_000,
      options,
    };
    const plan = optimizePlan(instance);
    expect(plan.cost).toBe(10_000_000);
    expect(plan.value).toBe(12);
    expect(naiveGreedy(instance).value).toBeLessThanOrEqual(plan.value);
  });

  it('plans nothing with a zero budget unless it is free, and honours seats and the per-person cap', () => {
    const instance: PlanInstance = {
      employees: [
        employee('a', [
          ['k1', 2, 1],
          ['k2', 2, 1],
        ]),
        employee('b', [['k1', 2, 1]]),
      ],
      offerings: [offering('paid', 1, [['k1', 2]]), offering('free', 0, [['k1', 1]], { capacity: 1 }), offering('free2', 0, [['k2', 1]])],
      budget: 0,
      options: { perPersonCap: 1, jpTargetBonus: 0 },
    };
    const plan = optimizePlan(instance);
    expect(plan.cost).toBe(0);
    expect(planViolations(instance, plan.assignments)).toEqual([]);
    expect(plan.value).toBe(2);
    expect(optimizePlan({ ...instance, offerings: instance.offerings.slice(0, 1) }).assignments).toEqual([]);
  });

  it('is deterministic and never plans a pair that closes no gap or is not eligible', () => {
    const instance: PlanInstance = {
      employees: [employee('a', [['k1', 2, 1]], 0), employee('b', [['k1', 2, 1]], 0)],
      offerings: [offering('jp-only', 0, [['k9', 2]], { jp: 40 }), offering('closed', 0, [['k1', 2]], { eligibleEmployeeIds: ['b'] })],
      budget: 1_000_000,
      options: { perPersonCap: 2, jpTargetBonus: 100 },
    };
    const plan = optimizePlan(instance);
    expect(plan.assignments).toEqual([{ employeeId: 'b', offeringId: 'closed' }]);
    expect(optimizePlan(instance)).toEqual(plan);
    expect(exhaustive(instance).value).toBe(plan.value);
  });
});
