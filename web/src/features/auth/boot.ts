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

/** A page load's session and first reads, as two moments. */
export interface Boot {
  /** The renewal has answered and the first screen's reads (if any) have left. */
  started: Promise<void>;
  /** …and those reads have settled, or `firstReadsWait` has passed since they left. */
  settled: Promise<void>;
}

export function bootSession(queryClient: QueryClient, path: string): Boot {
  const reads = renewSessionAs().then((account): Promise<unknown>[] => {
    // The load's moments, for the browser's performance timeline (`npm run bench:console -- --trace`).
    performance.mark('bangkom:renewed');
    const state = session.get();
    if (!account || state.status !== 'signed-in') {
      session.signOut('none');
      return [];
    }
    if (state.setupOnly || state.codeOnly) return [];
    const started = [prefetchCaller(queryClient, account.tenant)];
    // Beranda is the home of an employee; the tenant's clock is not known yet: Jakarta's year (the
    // screen asks again in the rare hours when the region's year differs).
    if (path === '/' && account.tenant && account.employeeId && account.roles.includes('employee')) {
      started.push(prefetchBeranda(queryClient, yearIn('Asia/Jakarta')));
    }
    performance.mark('bangkom:reads-sent');
    return started;
  });
  return {
    started: reads.then(() => undefined),
    settled: reads.then((started) =>
      Promise.race([Promise.all(started).then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, firstReadsWait))]),
    ),
  };
}
