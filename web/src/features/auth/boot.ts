/**
 * How a page load finds its session: a silent renewal through the refresh cookie, else signed out.
 * Runs before the screens' code has even arrived, and starts the first screen's reads as soon as
 * the renewal answers: the caller, their region and, for an employee opening Beranda, Beranda's
 * own reads, so that the screen finds its data in the cache when it first renders.
 */
import type { QueryClient } from '@tanstack/query-core';
import { prefetchCaller } from '../../lib/api/caller-reads';
import { renewSessionAs } from '../../lib/api/client';
import { session } from '../../lib/api/session';
import { yearIn } from '../../lib/format';
import { prefetchBeranda } from '../beranda/reads';

/** Answers once the renewal has answered and the reads it starts are under way. */
export function bootSession(queryClient: QueryClient, path: string): Promise<void> {
  return renewSessionAs().then((account) => {
    const state = session.get();
    if (!account || state.status !== 'signed-in') {
      session.signOut('none');
      return;
    }
    if (state.setupOnly || state.codeOnly) return;
    prefetchCaller(queryClient, account.tenant);
    // Beranda is the home of an employee; the tenant's clock is not known yet: Jakarta's year (the
    // screen asks again in the rare hours when the region's year differs).
    if (path === '/' && account.tenant && account.employeeId && account.roles.includes('employee')) {
      prefetchBeranda(queryClient, account.tenant, yearIn('Asia/Jakarta'));
    }
  });
}
