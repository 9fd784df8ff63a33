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

/**
 * The longest the app waits for the first screen's reads once the session is renewed: with the data
 * in the cache it renders the screen once, rather than once per answer (each render of the whole
 * screen is a second of CPU on a slow phone); past this, it renders its skeletons and the answers
 * fill them in.
 */
const firstReadsWait = 1500;

/** Answers once the renewal has answered and the reads it starts have settled (or `firstReadsWait` has passed). */
export function bootSession(queryClient: QueryClient, path: string): Promise<void> {
  return renewSessionAs().then((account) => {
    const state = session.get();
    if (!account || state.status !== 'signed-in') {
      session.signOut('none');
      return;
    }
    if (state.setupOnly || state.codeOnly) return;
    const reads = [prefetchCaller(queryClient, account.tenant)];
    // Beranda is the home of an employee; the tenant's clock is not known yet: Jakarta's year (the
    // screen asks again in the rare hours when the region's year differs).
    if (path === '/' && account.tenant && account.employeeId && account.roles.includes('employee')) {
      reads.push(prefetchBeranda(queryClient, account.tenant, yearIn('Asia/Jakarta')));
    }
    return Promise.race([Promise.all(reads).then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, firstReadsWait))]);
  });
}
