/**
 * Demo national summaries for `npm start`: computes the tenant's summary as soon as its demo data
 * is in, so `GET /api/v1/national/summary` shows figures at once instead of waiting for the hourly
 * refresh. Safe to run again: a refresh replaces the tenant's rows.
 */
import { jobResult } from '../lib/jobs';
import type { DemoContext, DemoLoader } from './index';

export const summariesLoader: DemoLoader = {
  name: 'national summary',
  async load(ctx: DemoContext): Promise<string> {
    const res = await fetch(`${ctx.url}/api/v1/national/summary/refresh?tenant=${ctx.slug}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ctx.nationalToken}` },
    });
    // A national job: 202, then its result once the tenant is computed.
    await jobResult(ctx.url, res, ctx.nationalToken).catch((err: Error) => {
      throw new Error(`national summary refresh of ${ctx.slug}: ${err.message}`);
    });
    return 'national summary computed';
  },
};
