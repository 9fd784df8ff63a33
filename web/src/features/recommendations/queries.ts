/**
 * The tenant admin's recommendations: one employee's ranking, a unit's people each with theirs,
 * and enrolling someone in an offering of a recommended program (the offering's own enrollment
 * write: enrolled while seats remain, else waitlisted).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';
import { employeeKeys } from '../employees/queries';

export type Recommendation = components['schemas']['Recommendation'];
export type RecommendedOffering = Recommendation['offerings'][number];

const recommendationKeys = {
  all: ['recommendations'] as const,
  employee: (id: string) => ['recommendations', 'employee', id] as const,
  unit: (id: string) => ['recommendations', 'unit', id] as const,
};

export function useEmployeeRecommendations(tenant: string | undefined, employeeId: string) {
  return useQuery({
    queryKey: recommendationKeys.employee(employeeId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/tenants/{tenant}/employees/{id}/recommendations', {
          params: { ...tenantPath(tenant, employeeId), query: { limit: 5 } },
        }),
      ),
    enabled: tenant !== undefined,
  });
}

export function useUnitPeopleRecommendations(tenant: string | undefined, unitId: string | null) {
  return useQuery({
    queryKey: recommendationKeys.unit(unitId ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/tenants/{tenant}/units/{id}/recommendations/people', {
          params: { ...tenantPath(tenant, unitId ?? ''), query: { limit: 3, people: 50 } },
        }),
      ),
    enabled: tenant !== undefined && unitId !== null,
  });
}

/** Places one person in an offering; refreshes their record, the catalog's queues and the recommendations. */
export function useEnrollRecommended(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ employeeId, offeringId }: { employeeId: string; offeringId: string }) => {
      const result = await unwrap(
        api.POST('/api/v1/tenants/{tenant}/offerings/{id}/enrollments', {
          params: tenantPath(tenant, offeringId),
          body: { employeeIds: [employeeId] },
        }),
      );
      const [place] = result.items;
      if (!place) throw new Error('The enrollment answer named nobody.');
      return place;
    },
    onSuccess: (_place, { employeeId }) => {
      void queryClient.invalidateQueries({ queryKey: employeeKeys.part(employeeId, 'enrollments') });
      void queryClient.invalidateQueries({ queryKey: ['catalog'] });
    },
  });
}
