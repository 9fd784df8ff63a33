/**
 * Statistical disclosure control of the national figures: the cell-key method of national
 * statistics offices (ABS, ONS, Destatis), with suppression of small cells. The method, its
 * parameters and what it guarantees are in SECURITY.md ("Disclosure control").
 *
 * - A figure computed from fewer than `minimumPeople` people is suppressed: no value and no
 *   `people`, only the reason.
 * - Every other published number carries noise drawn from its cell key (record-keys.ts): counts
 *   (the places of a total, the qualifying of a share, the `people` of a total or mean) get an
 *   integer from a two-sided geometric distribution; a mean gets Laplace noise scaled to its range
 *   over its people. The same records give the same key, so the same cell shows the same number in
 *   every answer (national JSON, CSV, per tenant) and every refresh; a subtraction of published
 *   numbers, across answers or refreshes, yields the true difference plus noise.
 * - A total is perturbed on its own, from the key of all its records, like any cell: it is close
 *   to, not equal to, the sum of its published parts.
 * - A share's base is the scope's headcount (`employees`, published as is): its `people` is exact.
 */
import { addParts, type Parts, type StoredFigures } from './compute';
import { minimumPeople, type SummaryProvider, summaryProviders } from './providers';

export const disclosureControl = {
  minimumPeople,
  /** Counts: P(noise = n) ∝ alpha^|n| (a discrete Laplace of scale 1, ε = 1 per count). */
  countAlpha: Math.exp(-1),
  /** Means: Laplace noise of scale `meanScale` × (range width) / people (ε = 1 per mean). */
  meanScale: 1,
} as const;

export const suppressionReasons = {
  few: `fewer than ${minimumPeople} people`,
} as const;

export type Figure = { value: number; people: number; perturbed: true } | { value: null; people: null; suppressed: string };

export type Figures = Record<string, Figure>;

const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** murmur3's finaliser: a 32-bit mix in which every input bit moves every output bit. */
function mix(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Separate draws from one key: the noise of a count and of a mean never coincide. */
const draws = { count: 0x9e3779b9, mean: 0x7f4a7c15 } as const;

/** A number in (0, 1), uniform over keys, fixed for the key. */
const uniform = (key: number, draw: number) => (mix(mix(key) ^ draw) + 0.5) / 2 ** 32;

/** The noise of a count whose cell key is `key`: P(n) = (1 − α) / (1 + α) · α^|n|. */
export function countNoise(key: number): number {
  const alpha = disclosureControl.countAlpha;
  const u = uniform(key, draws.count);
  const zero = (1 - alpha) / (1 + alpha);
  const side = Math.abs(u - 0.5);
  if (side < zero / 2) return 0;
  // Above zero's share, the magnitude is geometric: P(k) = (1 − α) α^(k−1), k ≥ 1.
  const v = (side - zero / 2) / ((1 - zero) / 2);
  const magnitude = 1 + Math.floor(Math.log(1 - v) / Math.log(alpha));
  return u < 0.5 ? -magnitude : magnitude;
}

/** Laplace noise of scale 1 for the cell key `key`. */
export function meanNoise(key: number): number {
  const u = uniform(key, draws.mean);
  return u < 0.5 ? Math.log(2 * u) : -Math.log(2 * (1 - u));
}

/**
 * A published count: the true count plus its noise, never below zero. It is not held at the
 * threshold: a count from 5 or more people may read 3, which tells nothing that 5 + its noise
 * would not, where a floor at 5 would pile exact answers on it.
 */
const perturbedCount = (count: number, key: number) => Math.max(0, count + countNoise(key));

/** One figure of one cell as it may be published. */
export function discloseFigure(provider: SummaryProvider, [sum, count, people, valueKey, peopleKey]: Parts): Figure {
  if (people < minimumPeople) return { value: null, people: null, suppressed: suppressionReasons.few };
  switch (provider.kind) {
    case 'total':
      return { value: perturbedCount(sum, valueKey), people: perturbedCount(people, peopleKey), perturbed: true };
    case 'share':
      return { value: round(clamp(sum + countNoise(valueKey), 0, count) / count, 4), people, perturbed: true };
    case 'mean': {
      const [lo, hi] = provider.range;
      const scale = (disclosureControl.meanScale * (hi - lo)) / people;
      return {
        value: round(clamp(sum / count + scale * meanNoise(valueKey), lo, hi), 2),
        people: perturbedCount(people, peopleKey),
        perturbed: true,
      };
    }
  }
}

const none: Parts = [0, 0, 0, 0, 0];

/** Every figure of one cell (a unit, a tenant, the nation) as it may be published. */
export function disclose(figures: StoredFigures): Figures {
  return Object.fromEntries(summaryProviders.map((p) => [p.name, discloseFigure(p, figures[p.name] ?? none)]));
}

/** Sums cells part by part (keys modulo 2^32): the total of a group. */
export function sumFigures(cells: StoredFigures[]): StoredFigures {
  return Object.fromEntries(summaryProviders.map((p) => [p.name, cells.reduce<Parts>((t, c) => addParts(t, c[p.name] ?? none), none)]));
}
