import { describe, expect, it } from 'vitest';
import { type Priority, peopleByGap } from './gaps';

const line = (employeeId: string, competencyId: string, weightedGap: number): Priority => ({
  employeeId,
  employeeName: `Nama ${employeeId}`,
  unitId: 'unt_1',
  unitCode: 'DINKES',
  unitName: 'Dinas Kesehatan',
  competencyId,
  competencyCode: competencyId.toUpperCase(),
  requiredLevel: 4,
  currentLevel: 4 - weightedGap,
  gap: weightedGap,
  weight: 1,
  weightedGap,
});

describe('people by gap', () => {
  it('sums each person over the competencies the program targets, largest first', () => {
    const report = [line('a', 'x', 3), line('b', 'y', 3), line('b', 'x', 2), line('c', 'x', 1), line('a', 'y', 2), line('c', 'z', 3)];
    const people = peopleByGap(report, ['x', 'y']);
    expect(people.map((p) => [p.employeeId, p.weightedGap, p.competencies])).toEqual([
      ['a', 5, ['X', 'Y']],
      ['b', 5, ['Y', 'X']],
      ['c', 1, ['X']],
    ]);
  });

  it('counts every competency when the program targets none, and leaves out people without a gap', () => {
    const people = peopleByGap([line('a', 'x', 1), line('b', 'y', 0), line('c', 'z', 2)], []);
    expect(people.map((p) => p.employeeId)).toEqual(['c', 'a']);
  });
});
