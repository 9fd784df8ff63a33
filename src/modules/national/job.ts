/**
 * The national refresh of many tenants as a job (`national.refresh`, a national job): one step
 * finds the tenants due (at most `limit`), then one step per tenant computes its summary and
 * counts it as progress. A tenant's summary is rewritten whole, so a step run again after a
 * restart computes it again and changes nothing twice. The result is the refresh's
 * `{ year, refreshed, failed, remaining }`.
 */

import { DomainError } from '../../platform/errors';
import { findTenantById } from '../../platform/tenancy/directory';
import type { NationalJobKind } from '../jobs';
import { dueForRefresh, refreshNamed, refreshResult, refreshTenant } from './refresh';

export const refreshKind = 'national.refresh';

export interface RefreshInput {
  year?: number;
  /** One tenant's id: computed whether due or not. */
  tenantId?: string;
  limit: number;
}

export const refreshJob: NationalJobKind<RefreshInput> = {
  kind: refreshKind,
  scope: 'national',
  async run({ input }, steps) {
    const due = await steps.do('due', async ({ ctx, progress }) => {
      const tenant = input.tenantId ? await findTenantById(ctx.national.control, input.tenantId) : undefined;
      if (input.tenantId && !tenant) throw new DomainError('not_found', 'No such tenant.');
      const found = await dueForRefresh({
        ctx,
        input: { limit: input.limit, ...(input.year ? { year: input.year } : {}), ...(tenant ? { tenant } : {}) },
      });
      await progress({ done: 0, total: found.due.length });
      return found;
    });
    if (input.tenantId && due.due[0]) {
      const named = due.due[0];
      return steps.do('tenant 1', async ({ ctx, progress }) => {
        const result = await refreshNamed({ ctx, input: named });
        await progress({ done: 1 });
        return result;
      });
    }
    const outcomes = [];
    for (const [i, tenant] of due.due.entries()) {
      outcomes.push(
        await steps.do(`tenant ${i + 1}`, async ({ ctx, progress }) => {
          const outcome = await refreshTenant({ ctx, input: tenant });
          await progress({ done: i + 1 });
          return outcome;
        }),
      );
    }
    return refreshResult(input.year, outcomes, due.remaining);
  },
};
