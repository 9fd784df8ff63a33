import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAt } from '../../test/render';
import { IkmPanel } from './IkmPanel';
import type { IkmResult } from './queries';

const codes = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];
const intervals = [
  { grade: 'A', from: 88.31, label: 'sangat baik' },
  { grade: 'B', from: 76.61, label: 'baik' },
  { grade: 'C', from: 65.0, label: 'kurang baik' },
  { grade: 'D', from: 25.0, label: 'tidak baik' },
] as const;
/** PermenPAN-RB 14/2017's interval of a converted score. */
const intervalOf = (score: number) => intervals.find((i) => score >= i.from) ?? intervals[3];

/**
 * A result as the server makes it from `responses` responses whose answers total `total`: the
 * nine element sums spread as evenly as the total allows, the converted score 25 × Σ / (9 × n)
 * rounded half up to two decimals (the responses are chosen so the means are exact at four
 * decimals).
 */
function resultOf(responses: number, total: number): IkmResult {
  const sums = codes.map((_, i) => Math.floor(total / 9) + (i < total % 9 ? 1 : 0));
  const centi = Math.floor((2 * 2500 * total + 9 * responses) / (2 * 9 * responses));
  const converted = centi / 100;
  const { grade, label } = intervalOf(converted);
  return {
    responses,
    elements: codes.map((code, i) => ({ code, name: code, mean: (sums[i] as number) / responses })),
    ikm: Math.round((total / (9 * responses)) * 10_000) / 10_000,
    converted,
    grade,
    label,
  };
}

const read = (text: string) => Number(text.replace(/\./g, '').replace(',', '.'));

describe('the IKM panel', () => {
  // Each boundary of the regulation's intervals, from both sides.
  it.each([
    [100, 3179, 'A', '88,31'],
    [80, 2543, 'B', '88,30'],
    [50, 1379, 'B', '76,61'],
    [40, 1103, 'C', '76,60'],
    [20, 468, 'C', '65,00'],
    [200, 4679, 'D', '64,99'],
  ])('%i responses totalling %i: grade %s at %s, the badge what the score shown gives', (responses, total, grade, shown) => {
    renderAt(<IkmPanel result={resultOf(responses, total)} />);
    const converted = screen.getByTestId('ikm-converted').textContent ?? '';
    expect(converted).toBe(shown);
    // The converted score is the mean of the nine element means shown, × 25.
    const means = screen.getAllByTestId('ikm-mean').map((m) => read(m.textContent ?? ''));
    expect(means).toHaveLength(9);
    const recomputed = Math.round((means.reduce((a, b) => a + b, 0) / 9) * 25 * 100 + 1e-9) / 100;
    expect(recomputed).toBe(read(converted));
    const badge = screen.getByTestId('ikm-grade');
    expect(badge.dataset.grade).toBe(intervalOf(read(converted)).grade);
    expect(badge.dataset.grade).toBe(grade);
    expect(badge.textContent).toBe(`${grade} (${intervalOf(read(converted)).label})`);
    expect(screen.getByTestId('ikm-respondents').textContent).toBe(responses.toLocaleString('id-ID'));
  });

  it('names the nine elements in Indonesian, and in English when chosen', () => {
    const { unmount } = renderAt(<IkmPanel result={resultOf(100, 3179)} />);
    const table = screen.getByTestId('ikm-elements');
    expect(within(table).getByText('U1 · Persyaratan')).toBeTruthy();
    expect(within(table).getByText('U9 · Sarana dan prasarana')).toBeTruthy();
    unmount();
    renderAt(<IkmPanel result={resultOf(100, 3179)} />, { language: 'en' });
    expect(screen.getByText('U3 · Completion time')).toBeTruthy();
    expect(screen.getByTestId('ikm-grade').textContent).toBe('A (very good)');
  });
});
