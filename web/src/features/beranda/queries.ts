/** Beranda's hooks and writes: the caller's gaps, JP, recommendations and enrollments (the reads: reads.ts). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import { berandaKeys, enrollmentsQuery, gapsQuery, jpQuery, recommendationsQuery } from './reads';

export { berandaKeys, type Enrollment, type GapItem, type Recommendation } from './reads';

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
