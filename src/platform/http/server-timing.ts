/**
 * Opens the request's cost meter and, when `SERVER_TIMING=on`, reports it:
 * `Server-Timing: db-queries;dur=2, db-rows-read;dur=14, db-rows-written;dur=0, db-directory;dur=0, app;dur=3.1`,
 * and `password-hash;dur=…` (ms) on a request that hashed a password.
 *
 * `db-queries`, `db-rows-read` and `db-rows-written` are the request's own D1 cost, the figures its
 * budget is held to. `db-directory` is the tenant-directory lookups (control database, one round
 * trip and one row each) that the isolate's 30 s cache did not serve: the same request costs one
 * more or not depending on the isolate's history, so it is reported apart rather than hidden or
 * mixed in (metered-d1.ts). The request's total round trips are `db-queries + db-directory`.
 * The counts ride in `dur` because that is the field every Server-Timing parser reads.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env';
import { CostMeter } from '../db/metered-d1';

export function serverTiming(): MiddlewareHandler<AppEnv> {
  return async function serverTiming(c, next) {
    const meter = new CostMeter();
    c.set('meter', meter);
    const started = performance.now();
    await next();
    if (c.env.SERVER_TIMING !== 'on') return;
    const app = (performance.now() - started).toFixed(1);
    const hash = meter.hashMs > 0 ? `, password-hash;dur=${meter.hashMs.toFixed(1)}` : '';
    c.res.headers.set(
      'server-timing',
      `db-queries;dur=${meter.queries}, db-rows-read;dur=${meter.rowsRead}, db-rows-written;dur=${meter.rowsWritten}, ` +
        `db-directory;dur=${meter.directory.queries}, app;dur=${app}${hash}`,
    );
  };
}

/** Reads the figures back (tests, journeys and benchmarks). */
export function parseServerTiming(header: string | null): { queries: number; rowsRead: number; rowsWritten: number; directory: number } {
  const figure = (name: string) => Number(new RegExp(`${name};dur=([\\d.]+)`).exec(header ?? '')?.[1] ?? Number.NaN);
  return {
    queries: figure('db-queries'),
    rowsRead: figure('db-rows-read'),
    rowsWritten: figure('db-rows-written'),
    directory: figure('db-directory'),
  };
}
