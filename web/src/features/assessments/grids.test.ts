import { describe, expect, it } from 'vitest';
import { itemsOf, rowErrors } from './grids';

describe('the assessment grids', () => {
  const entry = { source: 'supervisor' as const, date: '2026-03-01', assessor: '  ' };

  it('makes one item per row with a level, leaving blank rows out', () => {
    const items = itemsOf(
      [
        { employeeId: 'e1', competency: 'c1', level: '3' },
        { employeeId: 'e1', competency: 'c2', level: '' },
        { employeeId: 'e2', competency: 'c1', level: '5' },
      ],
      entry,
    );
    expect(items).toEqual([
      { employeeId: 'e1', competency: 'c1', level: 3, source: 'supervisor', date: '2026-03-01', assessor: null, note: null },
      { employeeId: 'e2', competency: 'c1', level: 5, source: 'supervisor', date: '2026-03-01', assessor: null, note: null },
    ]);
  });

  it('reads the bulk refusal back to its rows and the shared date', () => {
    const { byItem, date } = rowErrors({ 'items.1.employeeId': 'no such employee', 'items.0.date': 'after today', other: 'x' });
    expect(byItem.get(1)).toBe('no such employee');
    expect(date).toBe('after today');
  });
});
