/** Beranda's reads and writes: the caller's gaps, JP, recommendations and enrollments. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

export function useGaps() {
  return useQuery({ queryKey: berandaKeys.gaps, queryFn: () => unwrap(api.GET('/api/v1/me/gaps')) });
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
  return useQuery({ queryKey: berandaKeys.jp(year), queryFn: () => unwrap(api.GET('/api/v1/me/jp', { params: { query: { year } } })) });
}

export function useRecommendations() {
  return useQuery({
    queryKey: berandaKeys.recommendations,
    queryFn: () => unwrap(api.GET('/api/v1/me/recommendations', { params: { query: { limit: 5 } } })),
  });
}

export function useEnrollments() {
  return useQuery({
    queryKey: berandaKeys.enrollments,
    queryFn: () => unwrap(api.GET('/api/v1/me/enrollments', { params: { query: { limit: 20 } } })),
  });
}

export function useOffering(tenant: string | undefined, id: string) {
  return useQuery({
    queryKey: berandaKeys.offering(id),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/offerings/{id}', { params: tenantPath(tenant, id) })),
    enabled: tenant !== undefined,
    staleTime: 5 * 60_000,
  });
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
