/**
 * The national figures as a reader sees them: each figure's label, how its value is written (a share
 * in percent, a mean with two decimals, a count whole), and the order of a sorted table. A suppressed
 * or not computed figure sorts last whatever the direction: it is never read as zero.
 */
import type { MessageKey, Translate } from '../../i18n';
import { numberFormat } from '../../lib/format';
import type { FigureLegend, SummaryFigure } from './queries';

const labelKeys: Record<string, MessageKey> = {
  shareAssessed: 'national.figure.shareAssessed',
  meanGapManajerial: 'national.figure.meanGapManajerial',
  meanGapSosialKultural: 'national.figure.meanGapSosialKultural',
  meanGapTeknis: 'national.figure.meanGapTeknis',
  shareReachingJpTarget: 'national.figure.shareReachingJpTarget',
  enrollments: 'national.figure.enrollments',
  completions: 'national.figure.completions',
  activePairings: 'national.figure.activePairings',
  l1Mean: 'national.figure.l1Mean',
  l2MeanGain: 'national.figure.l2MeanGain',
  ikm: 'national.figure.ikm',
};

/** A figure's name in the interface language; a figure the console does not know yet keeps the API's name. */
export function figureLabel(name: string, t: Translate): string {
  const key = labelKeys[name];
  return key ? t(key) : name;
}

const number = (value: number, digits: number) =>
  numberFormat('id-ID', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);

/** The value as written in a cell: `42,0 %`, `1,25`, `118`. */
export function formatFigure(value: number, kind: FigureLegend['kind']): string {
  if (kind === 'share') return `${number(value * 100, 1)} %`;
  if (kind === 'mean') return number(value, 2);
  return number(value, 0);
}

export const formatCount = (value: number) => number(value, 0);

export type SortKey = { by: 'name' } | { by: 'employees' } | { by: 'figure'; name: string };
export type Direction = 'asc' | 'desc';

interface Sortable {
  name: string;
  employees: number | null;
  figures: Record<string, SummaryFigure> | null;
}

const sortValue = (row: Sortable, key: SortKey): number | string | null => {
  if (key.by === 'name') return row.name;
  if (key.by === 'employees') return row.employees;
  return row.figures?.[key.name]?.value ?? null;
};

/** Rows in the asked order; rows without a value (suppressed, not computed) last, by name. */
export function sortRows<T extends Sortable>(rows: readonly T[], key: SortKey, direction: Direction): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
      return a.name.localeCompare(b.name, 'id');
    }
    const order = typeof va === 'string' || typeof vb === 'string' ? String(va).localeCompare(String(vb), 'id') : va - vb;
    return order === 0 ? a.name.localeCompare(b.name, 'id') : sign * order;
  });
}

/** Values into `bins` equal-width bins between the smallest and the largest: the distribution chart's bars. */
export function histogram(values: readonly number[], bins: number): { from: number; to: number; count: number }[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  // Every value the same: one range, that value.
  if (max === min) return [{ from: min, to: max, count: values.length }];
  const width = (max - min) / bins;
  const out = Array.from({ length: bins }, (_, i) => ({ from: min + i * width, to: min + (i + 1) * width, count: 0 }));
  for (const v of values) {
    const index = Math.min(out.length - 1, Math.floor((v - min) / width));
    const bin = out[index];
    if (bin) bin.count++;
  }
  return out;
}
