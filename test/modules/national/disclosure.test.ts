/**
 * Disclosure control on its own: suppression of small cells, and the cell-key noise — its
 * distribution over keys, its ranges, its determinism, and how totals add keys. The keys here are
 * a fixed sequence (printed), so every run sees the same numbers.
 */
import { describe, expect, it } from 'vitest';
import type { Parts, StoredFigures } from '../../../src/modules/national/compute';
import {
  countNoise,
  disclose,
  discloseFigure,
  disclosureControl,
  meanNoise,
  sumFigures,
  suppressionReasons,
} from '../../../src/modules/national/disclosure';
import { type SummaryProvider, summaryProviders } from '../../../src/modules/national/providers';

const provider = (name: string) => summaryProviders.find((p) => p.name === name) as SummaryProvider;
const share = provider('shareReachingJpTarget');
const mean = provider('l1Mean');
const total = provider('completions');

/** Keys spread over [0, 2^32): a fixed sequence (Weyl, step 2^32 / φ). */
const keyCount = 20_000;
const keys = Array.from({ length: keyCount }, (_, i) => (i * 2654435769) % 2 ** 32);
console.log(`disclosure noise: ${keyCount} keys, k·2654435769 mod 2^32`);

const alpha = disclosureControl.countAlpha;
/** P(noise = n) of the two-sided geometric distribution. */
const p = (n: number) => ((1 - alpha) / (1 + alpha)) * alpha ** Math.abs(n);

describe('suppression', () => {
  it('publishes nothing of a figure from 4 people — no value, no people — and publishes one from 5', () => {
    for (const f of [share, mean, total]) {
      expect(discloseFigure(f, [4, 4, 4, 123, 456])).toEqual({ value: null, people: null, suppressed: suppressionReasons.few });
      expect(discloseFigure(f, [0, 0, 0, 0, 0])).toEqual({ value: null, people: null, suppressed: suppressionReasons.few });
      expect(discloseFigure(f, [5, 5, 5, 123, 456])).toMatchObject({ perturbed: true });
    }
  });

  it('needs no complement: each cell is disclosed on its own, whatever its neighbours', () => {
    const small: Parts = [1, 2, 2, 11, 12];
    const big: Parts = [10, 40, 40, 21, 22];
    const alone = disclose({ shareAssessed: big }).shareAssessed;
    const withSmall = sumFigures([{ shareAssessed: small }, { shareAssessed: big }]);
    expect(disclose({ shareAssessed: big }).shareAssessed).toEqual(alone);
    expect(disclose(withSmall).shareAssessed).toMatchObject({ people: 42, perturbed: true });
  });
});

describe('cell-key noise', () => {
  it('on counts follows the two-sided geometric distribution over keys, centred on 0', () => {
    const noise = keys.map(countNoise);
    const mean = noise.reduce((a, b) => a + b, 0) / keyCount;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    for (const n of [-3, -2, -1, 0, 1, 2, 3]) {
      const seen = noise.filter((x) => x === n).length / keyCount;
      // Within 4 standard errors of the expected frequency.
      expect(Math.abs(seen - p(n)), `P(${n})`).toBeLessThan(4 * Math.sqrt((p(n) * (1 - p(n))) / keyCount));
    }
    expect(Math.max(...noise.map(Math.abs))).toBeGreaterThanOrEqual(6);
  });

  it('on means is Laplace of scale 1 over keys', () => {
    const noise = keys.map(meanNoise);
    const sorted = [...noise].sort((a, b) => a - b);
    expect(Math.abs(sorted[keyCount / 2] as number)).toBeLessThan(0.03);
    // E|L| = 1 and P(|L| > 2) = e^−2 for Laplace(1).
    expect(Math.abs(noise.reduce((a, b) => a + Math.abs(b), 0) / keyCount - 1)).toBeLessThan(0.03);
    expect(Math.abs(noise.filter((x) => Math.abs(x) > 2).length / keyCount - Math.exp(-2))).toBeLessThan(0.01);
  });

  it('is fixed by the key: the same parts give the same figure, another key another draw', () => {
    const parts: Parts = [30, 60, 60, 987654321, 123456789];
    expect(discloseFigure(share, parts)).toEqual(discloseFigure(share, [...parts]));
    const values = new Set(keys.slice(0, 200).map((k) => discloseFigure(share, [30, 60, 60, k, 0]).value));
    expect(values.size).toBeGreaterThan(5);
  });

  it('keeps shares in [0, 1] over an exact base, means in their range, counts at or above 0', () => {
    for (const k of keys.slice(0, 2000)) {
      const s = discloseFigure(share, [0, 5, 5, k, 0]);
      expect(s.people).toBe(5);
      expect(s.value).toBeGreaterThanOrEqual(0);
      expect(s.value).toBeLessThanOrEqual(1);
      const m = discloseFigure(mean, [25, 5, 5, k, k ^ 1]);
      expect(m.value).toBeGreaterThanOrEqual(1);
      expect(m.value).toBeLessThanOrEqual(5);
      const c = discloseFigure(total, [5, 5, 5, k, k ^ 1]);
      expect(c.value).toBeGreaterThanOrEqual(0);
      expect(c.people).toBeGreaterThanOrEqual(0);
    }
  });

  it('moves a mean by about its range over its people: less the more people', () => {
    const spread = (people: number) => {
      const errors = keys
        .slice(0, 4000)
        .map((k) => Math.abs((discloseFigure(mean, [3 * people, people, people, k, 0]).value as number) - 3));
      return errors.reduce((a, b) => a + b, 0) / errors.length;
    };
    // Laplace of scale (5 − 1) / people: mean absolute error 4 / people, a little less where the range clips it.
    expect(spread(100)).toBeGreaterThan(0.035);
    expect(spread(100)).toBeLessThan(0.045);
    expect(spread(20)).toBeGreaterThan(5 * spread(100) * 0.8);
  });
});

describe('totals', () => {
  it('add sums, counts, people, and keys modulo 2^32', () => {
    const a: StoredFigures = { enrollments: [3, 3, 2, 2 ** 32 - 5, 7] };
    const b: StoredFigures = { enrollments: [4, 4, 4, 10, 2 ** 32 - 1] };
    expect(sumFigures([a, b]).enrollments).toEqual([7, 7, 6, 5, 6]);
    expect(sumFigures([]).enrollments).toEqual([0, 0, 0, 0, 0]);
  });
});
