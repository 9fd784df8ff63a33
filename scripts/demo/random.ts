/**
 * Deterministic randomness for demo and benchmark data: the same seed gives the same data on every
 * machine, so a demo or a bench run can be repeated and compared.
 */

/** mulberry32: small, fast, and the same on every platform. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const weighted = <T>(list: readonly [T, number][]): T => {
    let r = next() * list.reduce((s, [, w]) => s + w, 0);
    for (const [item, w] of list) {
      r -= w;
      if (r < 0) return item;
    }
    return (list[list.length - 1] as [T, number])[0];
  };
  return { next, int, pick, weighted };
}
export type Random = ReturnType<typeof prng>;

/** FNV-1a of a text: a seed from a name. */
export const hash = (text: string) => [...text].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0, 2166136261);
