import { describe, expect, it } from 'vitest';
import { formatFigure, histogram, sortRows } from './figures';

const figure = (value: number | null) =>
  value === null ? { value: null, people: null, suppressed: 'fewer than 5 people' } : { value, people: 50, perturbed: true };

const rows = [
  { name: 'Jambi', employees: 400, figures: { ikm: figure(81.5) } },
  { name: 'Belawan', employees: 120, figures: { ikm: figure(null) } },
  { name: 'Kalianda', employees: 900, figures: { ikm: figure(77.25) } },
  { name: 'Baru', employees: null, figures: null },
  { name: 'Abung', employees: 300, figures: { ikm: figure(90) } },
];

describe('the national figures as read', () => {
  it('sorts by a figure either way, with suppressed and not computed rows last (by name), never as 0', () => {
    const names = (direction: 'asc' | 'desc') => sortRows(rows, { by: 'figure', name: 'ikm' }, direction).map((r) => r.name);
    expect(names('desc')).toEqual(['Abung', 'Jambi', 'Kalianda', 'Baru', 'Belawan']);
    expect(names('asc')).toEqual(['Kalianda', 'Jambi', 'Abung', 'Baru', 'Belawan']);
  });

  it('sorts by name and by employees', () => {
    expect(sortRows(rows, { by: 'name' }, 'asc').map((r) => r.name)).toEqual(['Abung', 'Baru', 'Belawan', 'Jambi', 'Kalianda']);
    expect(sortRows(rows, { by: 'employees' }, 'desc').map((r) => r.name)).toEqual(['Kalianda', 'Jambi', 'Abung', 'Belawan', 'Baru']);
  });

  it('writes a share in percent, a mean with two decimals and a count whole, the Indonesian way', () => {
    expect(formatFigure(0.4237, 'share')).toBe('42,4 %');
    expect(formatFigure(1.256, 'mean')).toBe('1,26');
    expect(formatFigure(1204, 'total')).toBe('1.204');
  });

  it('puts values into equal ranges, the largest in the last one', () => {
    expect(histogram([0, 1, 2, 3, 4, 10], 5).map((b) => b.count)).toEqual([2, 2, 1, 0, 1]);
    expect(histogram([7, 7, 7], 5)).toEqual([{ from: 7, to: 7, count: 3 }]);
    expect(histogram([], 5)).toEqual([]);
  });
});
