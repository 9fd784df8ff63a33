/** The D1 round trips of every API answer a page receives (Server-Timing), kept to be held to the budget. */
import type { Page, Response } from 'playwright-core';
import { parseServerTiming } from '../../src/platform/http/server-timing';

/** Watches the page's API answers; `over()` lists those above `budget` round trips (`METHOD /path: n`). */
export function meterApi(page: Page, budget = 3): { over: () => string[] } {
  const seen: { path: string; queries: number }[] = [];
  page.on('response', (response: Response) => {
    const url = new URL(response.url());
    // Signing in and renewing hash passwords and rotate sessions: their budgets are the auth suites'.
    if (!url.pathname.startsWith('/api/v1/') || url.pathname.startsWith('/api/v1/auth/')) return;
    void response.allHeaders().then((headers) => {
      seen.push({
        path: `${response.request().method()} ${url.pathname}`,
        queries: parseServerTiming(headers['server-timing'] ?? null).queries,
      });
    });
  });
  return { over: () => seen.filter((s) => !(s.queries <= budget)).map((s) => `${s.path}: ${s.queries}`) };
}
