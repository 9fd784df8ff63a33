import { describe, expect, it } from 'vitest';
import { refreshCounts } from './RefreshPanel';

describe("a refresh job's result", () => {
  it('counts the regions recomputed and failed (lists) and says how many remain', () => {
    const result = {
      year: 2026,
      refreshed: [
        { tenant: 'kalianda', computedAt: '2026-11-30T03:00:00Z' },
        { tenant: 'jambi', computedAt: '2026-11-30T03:00:01Z' },
      ],
      failed: ['belawan'],
      remaining: 4,
    };
    expect(refreshCounts(result)).toEqual({ refreshed: 2, failed: 1, remaining: 4 });
    expect(refreshCounts(null)).toEqual({ refreshed: 0, failed: 0, remaining: 0 });
  });
});
