/** The assessments screen's reads and writes: employees found by name or NIP, a unit's people, gaps, history, and recording many at once. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';

export type NewAssessment = components['schemas']['NewAssessment'];
export type Source = NewAssessment['source'];
export const sources: Source[] = ['supervisor', 'assessment_center', 'evaluation', 'mentoring', 'self'];

const assessmentKeys = {
  search: (tenant: string, q: string) => ['employees', tenant, 'search', q] as const,
  unitPeople: (tenant: string, unit: string) => ['employees', tenant, 'unit', unit] as const,
  gaps: (tenant: string, employee: string) => ['employees', tenant, employee, 'gaps'] as const,
  history: (tenant: string, employee: string) => ['employees', tenant, employee, 'assessments'] as const,
};

const path = (tenant: string | undefined) => ({ tenant: tenant ?? '' });

/** Active employees whose name contains `q` or whose NIP starts with it (20 at most). */
export function useEmployeeSearch(tenant: string | undefined, q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: assessmentKeys.search(tenant ?? '', query),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/tenants/{tenant}/employees', {
          params: { path: path(tenant), query: { status: 'active', limit: 20, ...(query ? { q: query } : {}) } },
        }),
      ),
    enabled: tenant !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The active people of one unit (its own, not those of units under it), up to 200. */
export function useUnitPeople(tenant: string | undefined, unit: string | null) {
  return useQuery({
    queryKey: assessmentKeys.unitPeople(tenant ?? '', unit ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/tenants/{tenant}/employees', {
          params: { path: path(tenant), query: { status: 'active', unit: unit ?? '', limit: 200 } },
        }),
      ),
    enabled: tenant !== undefined && unit !== null,
  });
}

export function useEmployeeGaps(tenant: string | undefined, employee: string | null) {
  return useQuery({
    queryKey: assessmentKeys.gaps(tenant ?? '', employee ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/employees/{id}/gaps', { params: tenantPath(tenant, employee ?? '') })),
    enabled: tenant !== undefined && employee !== null,
  });
}

export function useAssessmentHistory(tenant: string | undefined, employee: string | null) {
  return useQuery({
    queryKey: assessmentKeys.history(tenant ?? '', employee ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/tenants/{tenant}/employees/{id}/assessments', {
          params: { ...tenantPath(tenant, employee ?? ''), query: { limit: 100 } },
        }),
      ),
    enabled: tenant !== undefined && employee !== null,
  });
}

/** Records the grid's assessments in one atomic batch (every bad item is reported by path; nothing is written). */
export function useRecordAssessments(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: NewAssessment[]) =>
      unwrap(api.POST('/api/v1/tenants/{tenant}/assessments/bulk', { params: { path: path(tenant) }, body: { items } })),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['employees', tenant ?? ''] }),
        queryClient.invalidateQueries({ queryKey: ['needs', tenant ?? ''] }),
      ]);
    },
  });
}
