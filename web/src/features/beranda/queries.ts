/** Beranda's reads and writes: the caller's gaps, JP, recommendations and enrollments. */
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';

export type GapItem = components['schemas']['EmployeeGaps']['items'][number];
export type Recommendation = components['schemas']['Recommendation'];
export type Enrollment = components['schemas']['Enrollment'];

export const berandaKeys = {
  gaps: ['me', 'gaps'] as const,
  jp: (year: number) => ['me', 'jp', year] as const,
  recommendations: ['me', 'recommendations'] as const,
  enrollments: ['me', 'enrollments'] as const,
  offering: (id: string) => ['offering', id] as const,
};

const gapsQuery = queryOptions({ queryKey: berandaKeys.gaps, queryFn: () => unwrap(api.GET('/api/v1/me/gaps')) });
const jpQuery = (year: number) =>
  queryOptions({ queryKey: berandaKeys.jp(year), queryFn: () => unwrap(api.GET('/api/v1/me/jp', { params: { query: { year } } })) });
const recommendationsQuery = queryOptions({
  queryKey: berandaKeys.recommendations,
  queryFn: () => unwrap(api.GET('/api/v1/me/recommendations', { params: { query: { limit: 5 } } })),
});
const enrollmentsQuery = queryOptions({
  queryKey: berandaKeys.enrollments,
  queryFn: () => unwrap(api.GET('/api/v1/me/enrollments', { params: { query: { limit: 20 } } })),
});
const offeringQuery = (tenant: string | undefined, id: string) =>
  queryOptions({
    queryKey: berandaKeys.offering(id),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/offerings/{id}', { params: tenantPath(tenant, id) })),
    staleTime: 5 * 60_000,
  });

/**
 * Beranda's reads started as soon as a page load has its session, before the screen renders (on a
 * slow phone rendering takes seconds): the gaps, JP of `year`, recommendations, and the places with
 * their offerings. The screen's hooks then find them in the cache, or on their way.
 */
export function prefetchBeranda(queryClient: QueryClient, tenant: string, year: number): void {
  void queryClient.prefetchQuery(gapsQuery);
  void queryClient.prefetchQuery(jpQuery(year));
  void queryClient.prefetchQuery(recommendationsQuery);
  void queryClient.fetchQuery(enrollmentsQuery).then(
    (enrollments) => {
      for (const e of enrollments.items) void queryClient.prefetchQuery(offeringQuery(tenant, e.offeringId));
    },
    () => undefined,
  );
}

export function useGaps() {
  return useQuery(gapsQuery);
}

export function useSelfAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { competency: string; level: number; date: string; note: string | null }) =>
      unwrap(api.POST('/api/v1/me/assessments', { body })),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: berandaKeys.gaps }),
        queryClient.invalidateQueries({ queryKey: berandaKeys.recommendations }),
      ]);
    },
  });
}

export function useJp(year: number) {
  return useQuery(jpQuery(year));
}

export function useRecommendations() {
  return useQuery(recommendationsQuery);
}

export function useEnrollments() {
  return useQuery(enrollmentsQuery);
}

export function useOffering(tenant: string | undefined, id: string) {
  return useQuery({ ...offeringQuery(tenant, id), enabled: tenant !== undefined });
}

/** Asks for a place in an offering; a repeat answers the place already asked for. */
export function useRequestPlace(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (offeringId: string) =>
      unwrap(api.POST('/api/v1/tenants/{tenant}/offerings/{id}/requests', { params: tenantPath(tenant, offeringId) })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: berandaKeys.enrollments }),
  });
}

export function useWithdraw(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (enrollmentId: string) =>
      unwrap(api.POST('/api/v1/tenants/{tenant}/enrollments/{id}/withdraw', { params: tenantPath(tenant, enrollmentId) })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: berandaKeys.enrollments }),
  });
}
