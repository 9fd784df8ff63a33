/** Suppression rules on their own: small cells, and the cells withheld so a small one cannot be subtracted out. */
import { describe, expect, it } from 'vitest';
import type { StoredFigures } from '../../../src/modules/national/compute';
import { discloseGroup, sumFigures, suppressionReasons } from '../../../src/modules/national/disclosure';

/** A cell whose every figure is a share `hits` of `people`. */
const cell = (hits: number, people: number): StoredFigures => ({
  shareAssessed: [hits, people, people],
  meanGapManajerial: [hits, people, people],
  meanGapSosialKultural: [0, 0, 0],
  meanGapTeknis: [0, 0, 0],
  shareReachingJpTarget: [hits, people, people],
});

const disclose = (cells: StoredFigures[]) => discloseGroup(cells, sumFigures(cells));

describe('disclosure', () => {
  it('suppresses a figure of 4 people and publishes one of 5', () => {
    const { cells, total } = disclose([cell(2, 4)]);
    expect(cells[0]?.shareAssessed).toEqual({ value: null, people: 4, suppressed: suppressionReasons.few });
    expect(total.shareAssessed).toEqual({ value: null, people: 4, suppressed: suppressionReasons.few });
    const five = disclose([cell(2, 5)]);
    expect(five.cells[0]?.shareAssessed).toEqual({ value: 0.4, people: 5 });
    expect(five.total.shareAssessed).toEqual({ value: 0.4, people: 5 });
  });

  it('withholds the smallest published cells until the withheld people are at least 5', () => {
    const { cells, total } = disclose([cell(1, 2), cell(5, 40), cell(1, 6), cell(3, 3)]);
    expect(total.shareAssessed).toEqual({ value: 0.1961, people: 51 });
    expect(cells.map((c) => c.shareAssessed?.suppressed ?? 'shown')).toEqual([
      suppressionReasons.few,
      'shown',
      'shown', // 2 + 3 = 5 people withheld already
      suppressionReasons.few,
    ]);
    const one = disclose([cell(1, 1), cell(5, 40), cell(2, 6), cell(4, 9)]);
    expect(one.cells.map((c) => c.shareAssessed?.suppressed ?? 'shown')).toEqual([
      suppressionReasons.few,
      'shown',
      suppressionReasons.complement,
      'shown',
    ]);
  });

  it('needs no complement for empty cells: nothing about anyone can be subtracted out', () => {
    const { cells } = disclose([cell(3, 10), cell(4, 8)]);
    expect(cells[0]?.meanGapTeknis).toEqual({ value: null, people: 0, suppressed: suppressionReasons.few });
    expect(cells[0]?.shareAssessed).toEqual({ value: 0.3, people: 10 });
    expect(cells[1]?.shareAssessed).toEqual({ value: 0.5, people: 8 });
  });

  it('never lets total minus published cells describe fewer than 5 people', () => {
    for (let seed = 1; seed < 200; seed++) {
      const sizes = Array.from({ length: 1 + (seed % 7) }, (_, i) => (seed * (i + 3) * 7919) % 13);
      const cells = sizes.map((n) => cell(Math.floor(n / 2), n));
      const { cells: shown, total } = disclose(cells);
      if (total.shareAssessed?.value === null) continue;
      const hidden = sizes.filter((_, i) => shown[i]?.shareAssessed?.value === null).reduce((a, n) => a + n, 0);
      expect(hidden === 0 || hidden >= 5, `sizes ${sizes.join(',')}`).toBe(true);
    }
  });
});
