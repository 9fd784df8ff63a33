/**
 * Demo annual plan for `npm start`: a draft plan for Kabupaten Lampung Selatan (kalianda) for 2027
 * over the open offerings the catalog loader made, within Rp 150.000.000. Through the API only;
 * created once (a 2027 plan already there is kept), never approved, so no enrollment is made here.
 */
import { jobResult } from '../lib/jobs';
import type { DemoContext } from './index';

const year = 2027;
const budget = 150_000_000;

export const plansLoader = {
  name: 'plans',
  async load(ctx: DemoContext): Promise<string> {
    if (ctx.slug !== 'kalianda') return 'no demo plan for this tenant';
    const base = new URL(`/api/v1/tenants/${ctx.slug}/plans`, ctx.url);
    const headers = { authorization: `Bearer ${ctx.adminToken}`, 'content-type': 'application/json', accept: 'application/json' };
    const existing = (await (await fetch(`${base.href}?year=${year}&limit=1`, { headers })).json()) as { items: { id: string }[] };
    if (existing.items.length > 0) return `draft plan ${year} already present`;
    const res = await fetch(base, {
      method: 'POST',
      headers,
      body: JSON.stringify({ year, budget, options: { perPersonCap: 2, weights: { competencyTypes: { manajerial: 1.5 } } } }),
    });
    // Computed as a job: 202, then the draft plan is the job's result.
    const plan = await jobResult<{ id: string; totals: { lines: number; budgetUsed: number; closureShare: number } }>(
      ctx.url,
      res,
      ctx.adminToken,
    );
    return `draft plan ${year}: ${plan.totals.lines} lines, Rp ${plan.totals.budgetUsed.toLocaleString('id-ID')} of Rp ${budget.toLocaleString('id-ID')}, ${(plan.totals.closureShare * 100).toFixed(1)} % of weighted gaps closed`;
  },
};
