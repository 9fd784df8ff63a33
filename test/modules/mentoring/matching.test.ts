/** The whole-pool assignment equals an exhaustive search on small random instances. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchPool } from '../../../src/modules/mentoring/assignment';

interface Instance {
  slots: number[];
  scores: (number | null)[][];
}

/** The best total by trying every mentor (or none) for every mentee, within slots. */
function exhaustive({ slots, scores }: Instance): number {
  const left = [...slots];
  const go = (i: number): number => {
    if (i === scores.length) return 0;
    let best = go(i + 1);
    scores[i]?.forEach((s, j) => {
      if (s === null || (left[j] as number) === 0) return;
      left[j] = (left[j] as number) - 1;
      best = Math.max(best, s + go(i + 1));
      left[j] = (left[j] as number) + 1;
    });
    return best;
  };
  return go(0);
}

const instance = fc
  .record({ mentees: fc.integer({ min: 0, max: 6 }), mentors: fc.integer({ min: 0, max: 4 }) })
  .chain(({ mentees, mentors }) =>
    fc.record({
      slots: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: mentors, maxLength: mentors }),
      scores: fc.array(
        fc.array(fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null, freq: 4 }), { minLength: mentors, maxLength: mentors }),
        {
          minLength: mentees,
          maxLength: mentees,
        },
      ),
    }),
  );

function run({ slots, scores }: Instance) {
  return matchPool({
    mentees: scores.map((_, i) => `m${i}`),
    mentors: slots.map((s, j) => ({ id: `M${j}`, slots: s })),
    score: (i, j) => scores[i]?.[j] ?? null,
  });
}

describe('whole-pool matching', () => {
  it('reaches the exhaustive optimum and respects every rule, on 400 random instances', () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const result = run(inst);
        expect(result.total).toBe(exhaustive(inst));
        // Each mentee at most once, each mentor within slots, only allowed pairs, scores as given.
        expect(new Set(result.pairs.map((p) => p.mentee)).size).toBe(result.pairs.length);
        for (const [j, s] of inst.slots.entries()) expect(result.pairs.filter((p) => p.mentor === `M${j}`).length).toBeLessThanOrEqual(s);
        for (const p of result.pairs) {
          const score = inst.scores[Number(p.mentee.slice(1))]?.[Number(p.mentor.slice(1))];
          expect(score).not.toBeNull();
          expect(p.score).toBe(score);
        }
        expect(result.total).toBe(result.pairs.reduce((sum, p) => sum + p.score, 0));
      }),
      { numRuns: 400, seed: 20261123 },
    );
  });

  it('gives up a greedy choice for the global best', () => {
    // Greedy would give A its best mentor X (9) and leave B with nothing (X is B's only option): 9.
    // The optimum gives A to Y (8) and B to X (7): 15.
    const result = matchPool({
      mentees: ['A', 'B'],
      mentors: [
        { id: 'X', slots: 1 },
        { id: 'Y', slots: 1 },
      ],
      score: (i, j) =>
        [
          [9, 8],
          [7, null],
        ][i]?.[j] ?? null,
    });
    expect(result.total).toBe(15);
    expect(result.pairs).toEqual([
      { mentee: 'A', mentor: 'Y', score: 8 },
      { mentee: 'B', mentor: 'X', score: 7 },
    ]);
  });

  it('fills a mentor up to capacity and no further', () => {
    const result = matchPool({
      mentees: ['a', 'b', 'c', 'd'],
      mentors: [{ id: 'X', slots: 3 }],
      score: (i) => [5, 4, 3, 2][i] ?? null,
    });
    expect(result.pairs.map((p) => p.mentee)).toEqual(['a', 'b', 'c']);
    expect(result.total).toBe(12);
  });
});
