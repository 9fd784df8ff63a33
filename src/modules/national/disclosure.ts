/**
 * What may leave: every figure is `{ value, people }`, or `{ value: null, people, suppressed }`
 * when it would tell something about fewer than `minimumPeople` people.
 *
 * Cells that add up to a published total (units of a tenant, tenants of the nation) need more
 * than suppressing the small ones: total minus the published cells would give the suppressed
 * cell back. So within each such group, per figure, when the suppressed cells hold between 1 and
 * 4 people together, the smallest published cells are withheld as well until the withheld set
 * holds at least `minimumPeople`: subtraction then recovers only an aggregate of 5 or more people.
 * Headcounts (`employees`) are never suppressed: they are the base of every figure, not a fact
 * about anyone.
 */
import type { Parts, StoredFigures } from './compute';
import { type FigureKind, minimumPeople, summaryProviders } from './providers';

export const suppressionReasons = {
  few: `fewer than ${minimumPeople} people`,
  complement: 'withheld so that a suppressed figure cannot be recovered by subtraction from the total',
} as const;

interface Figure {
  value: number | null;
  people: number;
  suppressed?: string;
}

export type Figures = Record<string, Figure>;

const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;

function figureValue(kind: FigureKind, [sum, count]: Parts): number | null {
  if (kind === 'total') return sum;
  if (count === 0) return null;
  return kind === 'share' ? round(sum / count, 4) : round(sum / count, 2);
}

const none: Parts = [0, 0, 0];

function figure(kind: FigureKind, parts: Parts, reason?: string): Figure {
  return reason ? { value: null, people: parts[2], suppressed: reason } : { value: figureValue(kind, parts), people: parts[2] };
}

/** Sums cells part by part: the total of a group. */
export function sumFigures(cells: StoredFigures[]): StoredFigures {
  const total: StoredFigures = {};
  for (const p of summaryProviders) {
    total[p.name] = cells.reduce<Parts>(
      (t, c) => {
        const x = c[p.name] ?? none;
        return [t[0] + x[0], t[1] + x[1], t[2] + x[2]];
      },
      [0, 0, 0],
    );
  }
  return total;
}

/** Which cells of one figure are withheld, and why (indexes into the group). */
function withheld(people: number[], totalPeople: number): Map<number, string> {
  const out = new Map<number, string>();
  people.forEach((n, i) => {
    if (n < minimumPeople) out.set(i, suppressionReasons.few);
  });
  if (totalPeople < minimumPeople) return out;
  let exposed = [...out.keys()].reduce((n, i) => n + (people[i] ?? 0), 0);
  if (exposed === 0) return out;
  const published = people
    .map((n, i) => [n, i] as const)
    .filter(([, i]) => !out.has(i))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [n, i] of published) {
    if (exposed >= minimumPeople) break;
    out.set(i, suppressionReasons.complement);
    exposed += n;
  }
  return out;
}

/** The figures of a group of cells and of the total they add up to, as they may be published. */
export function discloseGroup(cells: StoredFigures[], total: StoredFigures): { cells: Figures[]; total: Figures } {
  const rendered: Figures[] = cells.map(() => ({}));
  const totalFigures: Figures = {};
  for (const p of summaryProviders) {
    const parts = cells.map((c) => c[p.name] ?? none);
    const totalParts = total[p.name] ?? none;
    const hidden = withheld(
      parts.map((x) => x[2]),
      totalParts[2],
    );
    parts.forEach((x, i) => {
      (rendered[i] as Figures)[p.name] = figure(p.kind, x, hidden.get(i));
    });
    totalFigures[p.name] = figure(p.kind, totalParts, totalParts[2] < minimumPeople ? suppressionReasons.few : undefined);
  }
  return { cells: rendered, total: totalFigures };
}
