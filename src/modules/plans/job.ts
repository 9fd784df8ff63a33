/**
 * The annual plan's computation as a job (`plans.compute`), for `POST /plans` and recompute. The
 * request checks what it can at once (the offerings asked for, a frozen source) and fixes the new
 * plan's id; the job computes in one durable step whose batch stores the plan, its lines and its
 * audit row with the job's checkpoint, so a computation run again after a restart stores nothing
 * twice. Progress counts the optimizer's phases (`planPhases`), each at most a few seconds.
 */
import type { TenantJobKind } from '../jobs';
import { computePlan, type PlanJobInput, planPhases } from './service';

export const planKind = 'plans.compute';

export const planJob: TenantJobKind<PlanJobInput> = {
  kind: planKind,
  scope: 'tenant',
  run: ({ input }, steps) =>
    steps.do('compute', async ({ ctx, progress, once }) => {
      await progress({ done: 0, total: planPhases });
      return once('plan', async () => {
        const { statements, view } = await computePlan(ctx, input, (done) => progress({ done }));
        return { statements, result: view, progress: { done: planPhases } };
      });
    }),
};
