/**
 * Reporting periods shared by IKM surveys and unit indicators: a year (`2026`), a semester
 * (`2026-S1`), a quarter (`2026-Q3`) or a month (`2026-07`). Pure: parsing, the dates a period
 * covers and a chronological order. A period string is stored as written, so it must be checked
 * here first — two spellings of the same period would split a report.
 */
const periodPattern = /^(20\d{2}|2100)(?:-(S[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

export interface PeriodRange {
  /** First day, ISO date. */
  from: string;
  /** Last day, ISO date. */
  to: string;
}

const iso = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** First month and number of months of a valid period, or undefined. */
function months(period: string): { year: number; first: number; count: number } | undefined {
  const m = periodPattern.exec(period);
  if (!m) return undefined;
  const year = Number(m[1]);
  const part = m[2];
  if (part === undefined) return { year, first: 1, count: 12 };
  if (part.startsWith('S')) return { year, first: part === 'S1' ? 1 : 7, count: 6 };
  if (part.startsWith('Q')) return { year, first: (Number(part.slice(1)) - 1) * 3 + 1, count: 3 };
  return { year, first: Number(part), count: 1 };
}

export const isPeriod = (period: string): boolean => months(period) !== undefined;

/** The days a period covers; undefined for a string that is not a period. */
export function periodRange(period: string): PeriodRange | undefined {
  const m = months(period);
  if (!m) return undefined;
  const end = m.first + m.count - 1;
  return { from: iso(m.year, m.first, 1), to: iso(m.year, end, lastDay(m.year, end)) };
}

/** True when the ISO date `date` lies inside `period`. */
export function periodContains(period: string, date: string): boolean {
  const range = periodRange(period);
  return range !== undefined && date >= range.from && date <= range.to;
}

/** Chronological order: by first day, then the shorter period first (2026-01 before 2026-Q1 before 2026). */
export function comparePeriods(a: string, b: string): number {
  const x = months(a);
  const y = months(b);
  if (!x || !y) return a.localeCompare(b);
  return x.year - y.year || x.first - y.first || x.count - y.count;
}

/**
 * Every period that lies wholly inside `period`, itself included, in time order: a year holds its
 * two semesters, four quarters and twelve months; a semester its two quarters and six months; a
 * quarter its three months. A report of a period counts the responses collected for any of them,
 * so the year's IKM includes what a kiosk collected per semester. Empty for a string that is not a period.
 */
export function periodsWithin(period: string): string[] {
  const m = months(period);
  if (!m) return [];
  const parts = [
    ...['S1', 'S2'].map((s) => `${m.year}-${s}`),
    ...['Q1', 'Q2', 'Q3', 'Q4'].map((q) => `${m.year}-${q}`),
    ...Array.from({ length: 12 }, (_, i) => `${m.year}-${String(i + 1).padStart(2, '0')}`),
  ];
  const inside = parts.filter((p) => {
    const r = months(p);
    return r !== undefined && r.first >= m.first && r.first + r.count <= m.first + m.count;
  });
  return [...new Set([period, ...inside])].sort(comparePeriods);
}
