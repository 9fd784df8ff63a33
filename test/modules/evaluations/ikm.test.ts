/** The IKM formula and grades, pure (PermenPAN-RB 14/2017), and the period rules. */
import { describe, expect, it } from 'vitest';
import { convertedCentiOf, gradeOf, ikmOf } from '../../../src/modules/evaluations/ikm/formula';
import { comparePeriods, isPeriod, periodContains, periodRange, periodsWithin } from '../../../src/modules/evaluations/ikm/periods';

describe('IKM formula', () => {
  it('computes means, IKM, converted score and grade by hand', () => {
    // Two responses: [4,4,4,4,4,4,4,4,4] and [3,3,3,3,3,3,3,3,3] → every mean 3.5, IKM 3.5, 87.50 → B.
    const r = ikmOf(2, Array(9).fill(7));
    expect(r).toMatchObject({ responses: 2, ikm: 3.5, converted: 87.5, grade: 'B', label: 'baik' });
    expect(r?.elements.map((e) => e.mean)).toEqual(Array(9).fill(3.5));
    expect(r?.elements[0]).toEqual({ code: 'U1', name: 'Persyaratan', mean: 3.5 });
    // Three responses with element sums 12,11,10,9,12,11,10,9,8 → means 4, 3.6667, 3.3333, 3, 4, 3.6667, 3.3333, 3, 2.6667;
    // IKM = 92 / 27 = 3.4074; converted = 2300 / 27 = 85.185… → 85.19 → B.
    const s = ikmOf(3, [12, 11, 10, 9, 12, 11, 10, 9, 8]);
    expect(s).toMatchObject({ ikm: 3.4074, converted: 85.19, grade: 'B' });
    expect(s?.elements.map((e) => e.mean)).toEqual([4, 3.6667, 3.3333, 3, 4, 3.6667, 3.3333, 3, 2.6667]);
    // All 4 → 100 A; all 1 → 25 D.
    expect(ikmOf(5, Array(9).fill(20))).toMatchObject({ ikm: 4, converted: 100, grade: 'A', label: 'sangat baik' });
    expect(ikmOf(5, Array(9).fill(5))).toMatchObject({ ikm: 1, converted: 25, grade: 'D', label: 'tidak baik' });
    expect(ikmOf(0, Array(9).fill(0))).toBeNull();
  });

  it('grades the rounded converted score at every boundary of the regulation', () => {
    expect(gradeOf(10_000).grade).toBe('A');
    expect(gradeOf(8831)).toEqual({ grade: 'A', label: 'sangat baik' });
    expect(gradeOf(8830)).toEqual({ grade: 'B', label: 'baik' });
    expect(gradeOf(7661).grade).toBe('B');
    expect(gradeOf(7660)).toEqual({ grade: 'C', label: 'kurang baik' });
    expect(gradeOf(6500).grade).toBe('C');
    expect(gradeOf(6499)).toEqual({ grade: 'D', label: 'tidak baik' });
    expect(gradeOf(2500).grade).toBe('D');
    expect(() => gradeOf(2499)).toThrow(RangeError);
    expect(() => gradeOf(10_001)).toThrow(RangeError);
  });

  it('rounds the converted score half up from the exact sums', () => {
    // 24 responses, total 763: 2500 × 763 / 216 = 8831.02 → 88.31.
    expect(convertedCentiOf(763, 24)).toBe(8831);
    // 43 responses, total 1367: 8830.749… → 88.31 (half up), so A although the raw score is below 88.31.
    expect(convertedCentiOf(1367, 43)).toBe(8831);
    // 113 responses, total 2644: 6499.508… → 65.00, so C although the raw score is below 65.
    expect(convertedCentiOf(2644, 113)).toBe(6500);
    // Exactly half a hundredth rounds up: 1000 responses, total 9009 → 2500 × 9009 / 9000 = 2502.5 → 25.03.
    expect(convertedCentiOf(9009, 1000)).toBe(2503);
    expect(convertedCentiOf(9, 1)).toBe(2500);
  });
});

describe('periods', () => {
  it('accepts years, semesters, quarters and months, and nothing else', () => {
    for (const p of ['2026', '2026-S1', '2026-S2', '2026-Q1', '2026-Q4', '2026-01', '2026-12']) expect(isPeriod(p), p).toBe(true);
    for (const p of ['26', '2026-S3', '2026-Q5', '2026-Q0', '2026-13', '2026-00', '2026-s1', '1999', '2026-1', ' 2026', '2026-H1'])
      expect(isPeriod(p), p).toBe(false);
  });

  it('knows the days a period covers, leap years included', () => {
    expect(periodRange('2026-S1')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(periodRange('2026-S2')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(periodRange('2026-Q3')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodContains('2026-Q1', '2026-03-31')).toBe(true);
    expect(periodContains('2026-Q1', '2026-04-01')).toBe(false);
  });

  it('knows the periods inside a period: a year holds 19, a semester 9, a quarter 4, a month itself', () => {
    const year = periodsWithin('2026');
    expect(year).toHaveLength(19);
    expect(year).toEqual(expect.arrayContaining(['2026', '2026-S1', '2026-S2', '2026-Q4', '2026-01', '2026-12']));
    expect(periodsWithin('2026-S2')).toEqual([
      '2026-07',
      '2026-Q3',
      '2026-S2',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-Q4',
      '2026-11',
      '2026-12',
    ]);
    expect(periodsWithin('2026-Q1')).toEqual(['2026-01', '2026-Q1', '2026-02', '2026-03']);
    expect(periodsWithin('2026-07')).toEqual(['2026-07']);
    expect(periodsWithin('2026-S3')).toEqual([]);
  });

  it('orders periods by time', () => {
    expect(['2026-S2', '2025', '2026-Q1', '2026-01', '2026'].sort(comparePeriods)).toEqual([
      '2025',
      '2026-01',
      '2026-Q1',
      '2026',
      '2026-S2',
    ]);
  });
});
