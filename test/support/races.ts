/**
 * Races, reusable: fire `n` requests at once and tally the statuses, so a module's test states
 * "exactly k succeeded, the rest were refused, none failed" in one line.
 */
import type { ApiResponse } from './api';

export async function race<R extends ApiResponse>(n: number, attempt: (i: number) => Promise<R>) {
  const results = await Promise.all(Array.from({ length: n }, (_, i) => attempt(i)));
  const tally: Record<number, number> = {};
  for (const r of results) tally[r.status] = (tally[r.status] ?? 0) + 1;
  return { results, tally };
}
