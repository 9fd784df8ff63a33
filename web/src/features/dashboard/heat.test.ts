import { describe, expect, it } from 'vitest';
import { heatStep, indexCells, peopleLink } from './heat';

describe('the heat map scale', () => {
  it('puts an unassessed cell on no step, a zero gap on the lowest, the largest on the highest', () => {
    expect(heatStep(null, 8)).toBeNull();
    expect(heatStep(0, 8)).toBe(0);
    expect(heatStep(0.5, 8)).toBe(1);
    expect(heatStep(4, 8)).toBe(2);
    expect(heatStep(8, 8)).toBe(4);
    expect(heatStep(3, 0)).toBe(0);
  });

  it('indexes the cells and finds the top of the scale, leaving unassessed cells out of it', () => {
    const cell = (groupKey: string, competencyId: string, weightedGap: number | null) => ({
      groupKey,
      competencyId,
      pairs: 2,
      assessed: weightedGap === null ? 0 : 2,
      meanGap: weightedGap,
      weightedGap,
    });
    const { byKey, max } = indexCells([cell('u1', 'c1', 4), cell('u1', 'c2', null), cell('u2', 'c1', 6)]);
    expect(max).toBe(6);
    expect(byKey.get('u1|c2')?.weightedGap).toBeNull();
  });

  it('leads to the people of the unit or the position', () => {
    expect(peopleLink('unit', 'unit_1')).toBe('/admin/pegawai?unit=unit_1');
    expect(peopleLink('position', 'pos 2')).toBe('/admin/pegawai?position=pos%202');
  });
});
