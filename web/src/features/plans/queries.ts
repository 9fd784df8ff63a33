/**
 * Rencana tahunan: compute a plan (a job, polled until it ends), the plans of a year, one plan with
 * its totals, its lines page by page, two plans compared, recompute and approval.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components, paths } from '../../lib/api/schema';

type PlansPath = paths['/api/v1/tenants/{tenant}/plans'];
export type NewPlan = PlansPath['post']['requestBody']['content']['application/json'];
export type Plan = paths['/api/v1/tenants/{tenant}/plans/{id}']['get']['responses'][200]['content']['application/json'];
export type PlanSummary = PlansPath['get']['responses'][200]['content']['application/json']['items'][number];
export type Comparison = paths['/api/v1/tenants/{tenant}/plans/compare']['get']['responses'][200]['content']['application/json'];
export type Job = components['schemas']['Job'];

const planKeys = {
  all: ['plans'] as const,
  list: (year: number) => ['plans', 'list', year] as const,
  one: (id: string) => ['plans', 'one', id] as const,
  lines: (id: string) => ['plans', 'lines', id] as const,
  compare: (a: string, b: string) => ['plans', 'compare', a, b] as const,
};

/** A fresh key per request the person makes: a repeated click or a retried request computes once. */
const idempotent = () => ({ 'Idempotency-Key': crypto.randomUUID() });

export function usePlans(tenant: string | undefined, year: number) {
  return useQuery({
    queryKey: planKeys.list(year),
    queryFn: () =>
      unwrap(api.GET('/api/v1/tenants/{tenant}/plans', { params: { path: { tenant: tenant ?? '' }, query: { year, limit: 50 } } })),
    enabled: tenant !== undefined,
  });
}

export function usePlan(tenant: string | undefined, id: string | null) {
  return useQuery({
    queryKey: planKeys.one(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/plans/{id}', { params: tenantPath(tenant, id ?? '') })),
    enabled: tenant !== undefined && id !== null,
  });
}

export function usePlanLines(tenant: string | undefined, id: string) {
  return useInfiniteQuery({
    queryKey: planKeys.lines(id),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/tenants/{tenant}/plans/{id}/lines', {
          params: { ...tenantPath(tenant, id), query: { limit: 25, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: tenant !== undefined,
  });
}

export function useComparison(tenant: string | undefined, a: string | null, b: string | null) {
  return useQuery({
    queryKey: planKeys.compare(a ?? '', b ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/tenants/{tenant}/plans/compare', {
          params: { path: { tenant: tenant ?? '' }, query: { a: a ?? '', b: b ?? '', limit: 50 } },
        }),
      ),
    enabled: tenant !== undefined && a !== null && b !== null && a !== b,
  });
}

export function useComputePlan(tenant: string | undefined) {
  return useMutation({
    mutationFn: (body: NewPlan) =>
      unwrap(api.POST('/api/v1/tenants/{tenant}/plans', { params: { path: { tenant: tenant ?? '' }, header: idempotent() }, body })),
  });
}

export function useRecompute(tenant: string | undefined) {
  return useMutation({
    mutationFn: ({ id, budget }: { id: string; budget?: number }) =>
      unwrap(
        api.POST('/api/v1/tenants/{tenant}/plans/{id}/recompute', {
          params: { ...tenantPath(tenant, id), header: idempotent() },
          body: budget === undefined ? {} : { budget },
        }),
      ),
  });
}

/** Approves the plan as read (If-Match): every enrollment in one batch, or a 409 when seats were taken since. */
export function useApprove(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (plan: Pick<Plan, 'id' | 'version'>) =>
      unwrap(
        api.POST('/api/v1/tenants/{tenant}/plans/{id}/approve', {
          params: { ...tenantPath(tenant, plan.id), header: { 'If-Match': `"v${plan.version}"`, ...idempotent() } },
        }),
      ),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.one(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['employees'] });
    },
  });
}

const finished = (job: Job | undefined) => job !== undefined && ['succeeded', 'failed', 'cancelled'].includes(job.status);

/**
 * A plan computation's job, read every second until it has ended; then the year's plans are read
 * afresh and `onPlan` hears of the plan it computed (once: not on a later read of the ended job).
 */
export function usePlanJob(tenant: string | undefined, id: string | undefined, onPlan: (plan: Plan) => void) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: async () => {
      const before = queryClient.getQueryData<Job>(['jobs', id]);
      const job = await unwrap(api.GET('/api/v1/tenants/{tenant}/jobs/{id}', { params: tenantPath(tenant, id ?? '') }));
      if (finished(job) && !finished(before)) {
        void queryClient.invalidateQueries({ queryKey: planKeys.all });
        const plan = planOfJob(job);
        if (plan) onPlan(plan);
      }
      return job;
    },
    enabled: tenant !== undefined && id !== undefined,
    refetchInterval: (query) => (finished(query.state.data) ? false : 1000),
  });
}

/** The plan a finished job computed (its result is the draft as `GET …/plans/{id}` shows it). */
const planOfJob = (job: Job | undefined): Plan | undefined =>
  job?.status === 'succeeded' && typeof job.result === 'object' && job.result !== null ? (job.result as Plan) : undefined;
