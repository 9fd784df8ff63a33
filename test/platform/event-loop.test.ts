import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { CostMeter } from '../../src/platform/db/metered-d1';

/**
 * A job's D1 calls each end with a turn of the event loop, so that what waits meanwhile runs
 * between them instead of after the whole chain: here a timer that re-arms itself; under `wrangler
 * dev`, the connections of the requests polling the job (docs/jobs.md, "Long work and requests").
 * Through a request's meter the same chain of 50 local calls lets the timer run not once.
 */
describe("a job's meter gives the event loop a turn after each D1 call", () => {
  it('lets a waiting timer run between every two calls of a chain', async () => {
    const db = new CostMeter({ turns: true }).wrap(env.DB);
    let ticks = 0;
    let armed = true;
    const tick = () => {
      ticks++;
      if (armed) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const seen: number[] = [];
    for (let i = 0; i < 50; i++) {
      await db.batch([db.prepare('select ? as n').bind(i), db.prepare('select 1')]);
      seen.push(ticks);
    }
    armed = false;
    expect(seen.every((n, i) => n > (seen[i - 1] ?? 0))).toBe(true);
  });

  it('counts the calls as before', async () => {
    const meter = new CostMeter({ turns: true });
    const db = meter.wrap(env.DB);
    await db.batch([db.prepare('select 1'), db.prepare('select 2')]);
    await db.prepare('select 3').run();
    expect(meter.queries).toBe(2);
  });
});
